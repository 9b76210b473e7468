import { describe, expect, it, vi } from "vitest";
import { ApiError, createApi, fieldName, NetworkError } from "./api.ts";

describe("the API client", () => {
  it("reads a problem response into an error carrying detail and field errors", async () => {
    vi.stubGlobal(
      "fetch",
      async () =>
        new Response(
          JSON.stringify({
            type: "about:blank",
            title: "Bad Request",
            status: 400,
            code: "input.invalid",
            detail: "slug: too short",
            errors: [{ path: "slug", message: "too short" }],
          }),
          { status: 400, headers: { "content-type": "application/problem+json" } },
        ),
    );
    const api = createApi({ token: () => "t", onUnauthorized: () => {} });
    const error = await api.districts().catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toBe("slug: too short");
    expect((error as ApiError).code).toBe("input.invalid");
    expect((error as ApiError).fieldErrors).toEqual([{ path: "slug", message: "too short" }]);
  });

  it("still gives a status when the error body is not a problem", async () => {
    vi.stubGlobal("fetch", async () => new Response("<html>Bad gateway</html>", { status: 502, statusText: "Bad Gateway" }));
    const api = createApi({ token: () => null, onUnauthorized: () => {} });
    const error = (await api.devAccounts().catch((failure: unknown) => failure)) as ApiError;
    expect(error.status).toBe(502);
    expect(error.fieldErrors).toEqual([]);
  });

  it("tells an unreachable server apart from an error answer", async () => {
    vi.stubGlobal("fetch", async () => {
      throw new TypeError("Failed to fetch");
    });
    const api = createApi({ token: () => null, onUnauthorized: () => {} });
    await expect(api.devAccounts()).rejects.toBeInstanceOf(NetworkError);
  });

  it("ends the session on a 401 only when a token was sent", async () => {
    vi.stubGlobal("fetch", async () => new Response(JSON.stringify({ status: 401, detail: "no" }), { status: 401 }));
    let ended = 0;
    let token: string | null = null;
    const api = createApi({ token: () => token, onUnauthorized: () => ended++ });
    await api.me().catch(() => {});
    expect(ended).toBe(0);
    token = "dead";
    await api.me().catch(() => {});
    expect(ended).toBe(1);
  });

  it("names form fields from the paths APIs use", () => {
    expect(fieldName("admin.phone")).toBe("admin.phone");
    expect(fieldName("/admin/phone")).toBe("admin.phone");
    expect(fieldName("$.slug")).toBe("slug");
    expect(fieldName(["admin", "name"])).toBe("admin.name");
  });
});

import { describe, expect, it } from "vitest";
import { withActor } from "../actor.ts";
import * as Open311 from "./index.ts";
import { ApiKeyEntity } from "./open311.entity.ts";

const jianyang = { type: "system", tenantID: "jianyang" } as const;
const yanping = { type: "system", tenantID: "yanping" } as const;
/** What the API runs an Open311 call as before the key is checked: the jurisdiction's public actor. */
const publicOf = (tenantID: string) => ({ type: "public", tenantID }) as const;

describe("Open311 API keys", () => {
  it("keys an API key by its district first, in every index", () => {
    const put = ApiKeyEntity.put({
      tenantID: "jianyang",
      keyHash: "ab12",
      keyID: "key_1",
      label: "app",
      createdAt: "2026-11-29T00:00:00.000Z",
      createdBy: "admin",
    }).params();
    expect(put.Item.pk).toMatch(/^\$wangge#tenantid_jianyang#keyhash_ab12$/);
    expect(put.Item.gsi1pk).toBe("$wangge#tenantid_jianyang");
  });

  it("stores only the hash, verifies the key in its own district only, and forgets a revoked key", async () => {
    const issued = await withActor(jianyang, () => Open311.createApiKey({ label: "建阳市民通" }));
    expect(issued.key).toMatch(/^wg311_[\w-]{32}$/);
    const [stored] = (await ApiKeyEntity.query.byTenant({ tenantID: "jianyang", keyID: issued.keyID }).go()).data;
    expect(JSON.stringify(stored)).not.toContain(issued.key);

    expect(await withActor(publicOf("jianyang"), () => Open311.verifyApiKey(issued.key))).toMatchObject({
      keyID: issued.keyID,
      label: "建阳市民通",
    });
    expect(await withActor(publicOf("yanping"), () => Open311.verifyApiKey(issued.key))).toBeNull();
    expect(await withActor(publicOf("jianyang"), () => Open311.verifyApiKey(`${issued.key}x`))).toBeNull();

    await expect(
      withActor({ type: "user", userID: "resident", tenantID: "jianyang", roles: ["resident"] }, () =>
        Open311.createApiKey({ label: "x" }),
      ),
    ).rejects.toMatchObject({ code: "actor.role" });
    await expect(withActor(yanping, () => Open311.revokeApiKey(issued.keyID))).rejects.toMatchObject({ code: "open311.unknown_key" });
    // The public actor of the key's own district manages no keys: signing in is the only way.
    await expect(withActor(publicOf("jianyang"), () => Open311.listApiKeys())).rejects.toMatchObject({ code: "auth.required" });
    await expect(withActor(publicOf("jianyang"), () => Open311.revokeApiKey(issued.keyID))).rejects.toMatchObject({
      code: "auth.required",
    });
    await withActor(jianyang, () => Open311.revokeApiKey(issued.keyID));
    expect(await withActor(publicOf("jianyang"), () => Open311.verifyApiKey(issued.key))).toBeNull();
  });

  it("writes dates in China Standard Time", () => {
    expect(Open311.w3c("2026-11-29T16:30:05.123Z")).toBe("2026-11-30T00:30:05+08:00");
  });
});

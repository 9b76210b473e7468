import { createMemoryHistory, MemoryRouter } from "@solidjs/router";
import { render } from "@solidjs/testing-library";
import { vi } from "vitest";
import { Root, routes } from "../app.tsx";
import type { Problem } from "../data/api.ts";
import type { DistrictConfig, Me } from "../data/types.ts";
import { TOKEN_KEY } from "../providers/session.tsx";
import { jianyang } from "./fixtures.ts";

export interface FakeRequest {
  method: string;
  path: string;
  search: URLSearchParams;
  body: unknown;
  token: string | null;
  headers: Headers;
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

type Route = (request: FakeRequest) => Reply | unknown | Promise<Reply | unknown>;

const REPLY = Symbol("reply");

/** An answer with a status; anything else a route returns is a 200 JSON body. */
export function reply(status: number, body?: unknown): Reply {
  return { [REPLY]: true, status, body } as Reply;
}

export function problem(status: number, fields: Omit<Problem, "status">, headers?: Record<string, string>): Reply {
  return { ...reply(status, { type: "about:blank", status, ...fields }), headers };
}

/**
 * Stubs `fetch` with a tiny fake of the API: routes keyed by "METHOD /path" (no `/api`
 * prefix, no query). Like the real one, it answers 401 to calls without a bearer token
 * (the `/dev/*` routes and the public registration excepted) and a 404 problem to unknown routes.
 */
export function fakeApi(routeTable: Record<string, Route>) {
  const requests: FakeRequest[] = [];
  vi.stubGlobal("fetch", async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), "http://portal.test");
    const method = (init.method ?? "GET").toUpperCase();
    const path = url.pathname.replace(/^\/api/, "");
    const headers = new Headers(init.headers);
    const authorization = headers.get("authorization");
    const request: FakeRequest = {
      method,
      path,
      search: url.searchParams,
      body: typeof init.body === "string" ? JSON.parse(init.body) : undefined,
      token: authorization?.startsWith("Bearer ") ? authorization.slice(7) : null,
      headers,
    };
    requests.push(request);
    const route = routeTable[`${method} ${path}`];
    let answer: Reply;
    if (!route) answer = problem(404, { title: "Not Found", code: "route.not_found", detail: `No route ${method} ${path}` });
    else if (
      !request.token &&
      !path.startsWith("/dev/") &&
      !/^\/districts\/(directory|[^/]+\/(registration|registrations|residents))$/.test(path)
    )
      answer = problem(401, { title: "Unauthorized", code: "auth.required", detail: "Sign in to use this." });
    else {
      const result = await route(request);
      answer = result && typeof result === "object" && REPLY in result ? (result as unknown as Reply) : { status: 200, body: result };
    }
    const isProblem = answer.status >= 400;
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { "content-type": isProblem ? "application/problem+json" : "application/json", ...answer.headers },
    });
  });
  return { requests };
}

/**
 * The fake API of a portal in Jianyang: who is signed in, the district with `config`, no provinces and no
 * notifications; `routes` add to these or replace them.
 */
export function jianyangApi(me: Me, config: DistrictConfig, routes: Record<string, Route> = {}) {
  return fakeApi({
    "GET /me": () => me,
    "GET /districts/jianyang": () => ({ district: jianyang, config }),
    "GET /provinces": () => ({ items: [], cursor: null }),
    "GET /me/notifications": () => ({ items: [], cursor: null }),
    ...routes,
  });
}

export function signedIn(token = "token-1") {
  localStorage.setItem(TOKEN_KEY, token);
}

/** Renders the whole portal (its real routes and providers) at `url`, in memory. */
export function renderApp(url: string) {
  const history = createMemoryHistory();
  history.set({ value: url, replace: true, scroll: false });
  const result = render(() => (
    <MemoryRouter history={history} root={Root}>
      {routes}
    </MemoryRouter>
  ));
  return { ...result, location: () => history.get() };
}

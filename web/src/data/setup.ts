/**
 * Getting a district going: the onboarding templates (operator), the first-run checklist's
 * reads (district admin), and the public registration of residents.
 */
import type { DistrictSettings } from "@wangge/core/config/settings";
import { ok, type Api, type Reply } from "./api.ts";

export type { DistrictSettings };

export type TemplateName = "jianyang" | "minimal";

export interface DistrictTemplate {
  name: TemplateName;
  settings: DistrictSettings;
}

/** A district's public face for registration (`GET /districts/{slug}/registration`). */
export type Registration = Reply<"/districts/{slug}/registration", "get">;

/** One live district in the public directory (`GET /districts/directory`): names, city, province. */
export type DirectoryEntry = Reply<"/districts/directory", "get">["items"][number];

export type Registered = Reply<"/districts/{slug}/residents", "post">;

/** A district user as the admin sees them (`GET /users`): only what the checklist reads. */
export type DistrictUserRow = Pick<Reply<"/users", "get">["items"][number], "userID" | "name" | "roles" | "status">;

/** What the first-run checklist reads of the district metrics (`GET /metrics/district?period=all`). */
export interface SetupMetrics {
  values: Record<string, number | null>;
  roles: Array<{ key: string; people: number }>;
}

/** A configuration version with its settings (`GET /config/versions/{version}`). */
export interface ConfigVersionSettings {
  version: number;
  settings: DistrictSettings;
}

export function setupApi(api: Api) {
  const { client } = api;
  const slugPath = (slug: string) => ({ params: { path: { slug: slug.trim().toLowerCase() } } });
  return {
    // The document's template settings are the district settings' schema, looser in places (tuples as arrays).
    templates: () =>
      api.cached("templates", () => ok(client.GET("/districts/templates")).then((reply) => reply as { items: DistrictTemplate[] })),
    /** Every live district's names, to pick one's own (public; read once a page). */
    directory: () => api.cached("district-directory", () => ok(client.GET("/districts/directory"))).then((reply) => reply.items),
    registration: (slug: string) => ok(client.GET("/districts/{slug}/registration", slugPath(slug))),
    /** Step 1: a one-time code to the phone (the same reply whether or not the phone has an account). */
    startRegistration: (slug: string, input: { name: string; phone: string }) =>
      ok(client.POST("/districts/{slug}/registrations", { ...slugPath(slug), body: input })),
    /** Step 2: the code back, and the resident is registered. */
    register: (slug: string, input: { phone: string; code: string }) =>
      ok(client.POST("/districts/{slug}/residents", { ...slugPath(slug), body: input })),
    /** The district's standing counts (grids, people by role, tickets ever collected). */
    metrics: (): Promise<SetupMetrics> => ok(client.GET("/metrics/district", { params: { query: { period: "all" } } })),
    /** The configuration the district was onboarded with (version 1). */
    firstConfig: () =>
      ok(client.GET("/config/versions/{version}", { params: { path: { version: "1" } } })).then((reply) => reply as ConfigVersionSettings),
    /** Whether the district has any grid yet (one of the first tier is enough). */
    hasGrids: async () => (await ok(client.GET("/grids", { params: { query: { parentID: "root", limit: 1 } } }))).items.length > 0,
    /** One page of the district's users (enough to tell whether anyone but the admins is there). */
    users: () => ok(client.GET("/users", { params: { query: { limit: 50 } } })),
  };
}

export type SetupApi = ReturnType<typeof setupApi>;

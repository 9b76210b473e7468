/**
 * Getting a district going: the onboarding templates (operator), the first-run checklist's
 * reads (district admin), and the public registration of residents.
 */
import type { DistrictSettings } from "@wangge/core/config/settings";
import type { Api } from "./api.ts";
import type { Page } from "./types.ts";

export type { DistrictSettings };

export type TemplateName = "jianyang" | "minimal";

export interface DistrictTemplate {
  name: TemplateName;
  settings: DistrictSettings;
}

/** A district's public face for registration (`GET /districts/{slug}/registration`). */
export interface Registration {
  tenantID: string;
  nameZh: string;
  nameEn: string;
  selfRegistration: boolean;
  approval: boolean;
}

export interface Registered {
  userID: string;
  status: "active" | "pending";
}

/** A district user as the admin sees them (`GET /users`): only what the checklist reads. */
export interface DistrictUserRow {
  userID: string;
  name: string;
  roles: string[];
  status: "active" | "pending" | "disabled";
}

const path = (slug: string) => `/districts/${encodeURIComponent(slug.trim().toLowerCase())}`;

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
  return {
    templates: () => api.cached("templates", () => api.request<{ items: DistrictTemplate[] }>("GET", "/districts/templates")),
    registration: (slug: string) => api.request<Registration>("GET", `${path(slug)}/registration`),
    register: (slug: string, input: { name: string; phone: string }) =>
      api.request<Registered>("POST", `${path(slug)}/residents`, input),
    /** The district's standing counts (grids, people by role, tickets ever collected). */
    metrics: () => api.request<SetupMetrics>("GET", "/metrics/district?period=all"),
    /** The configuration the district was onboarded with (version 1). */
    firstConfig: () => api.request<ConfigVersionSettings>("GET", "/config/versions/1"),
    /** Whether the district has any grid yet (one of the first tier is enough). */
    hasGrids: async () => (await api.request<Page<unknown>>("GET", "/grids?parentID=root&limit=1")).items.length > 0,
    /** One page of the district's users (enough to tell whether anyone but the admins is there). */
    users: () => api.request<Page<DistrictUserRow>>("GET", "/users?limit=50"),
  };
}

export type SetupApi = ReturnType<typeof setupApi>;

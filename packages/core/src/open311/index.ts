/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2) over a district's tickets:
 * its ticket categories are the services, its tickets the service requests. The jurisdiction
 * is the district; the API resolves `jurisdiction_id` to an actor of that tenant (the public
 * actor for reads and for checking a key, the API key's reporter for writes) and everything
 * here reads the tenant from that actor. Field names are the spec's (snake_case): this module
 * is the translation.
 *
 * What the outside world sees of a ticket: its category, description, place, state and dates.
 * Never who reported, handled or rated it.
 */
import { createHash, randomBytes } from "node:crypto";
import type { EntityItem } from "electrodb";
import { z } from "zod";
import { actorID, assertRole, useActor, useTenant, type Actor } from "../actor.ts";
import * as Config from "../config/index.ts";
import { TERRITORIAL, type DistrictConfig } from "../config/index.ts";
import { isPublicCategory } from "../config/category-rules.ts";
import { DistrictEntity } from "../district/district.entity.ts";
import { ForbiddenError, InputError, NotFoundError, VisibleError } from "../error.ts";
import * as Ticket from "../ticket/index.ts";
import { IdempotencyEntity, TicketEntity, TicketStates } from "../ticket/ticket.entity.ts";
import { fn } from "../util/fn.ts";
import { newID } from "../util/id.ts";
import type { Assert, Equal } from "../util/record.ts";
import { ApiKeyEntity } from "./open311.entity.ts";
import { redact, roundTo } from "../ticket/redact.ts";

export { ApiKeyEntity };

/** GET requests without dates covers this many days back, and no query may span more. */
export const WINDOW_DAYS = 90;
/** At most this many requests in one answer (the spec's cap), the newest first. */
export const MAX_REQUESTS = 1000;
/** At most this many explicit `service_request_id`s in one call. */
export const MAX_IDS = 100;

// ─── the jurisdiction ───────────────────────────────────────────────────────

/**
 * The district of the current actor (the public actor of the jurisdiction, or a reporter of its),
 * if it takes Open311 reports (active, tickets on); else not found.
 */
export async function assertOpen(): Promise<DistrictConfig> {
  const tenantID = useTenant();
  const unknown = new NotFoundError("open311.unknown_jurisdiction", `There is no jurisdiction "${tenantID}" here.`);
  const [district, config] = await Promise.all([
    DistrictEntity.get({ tenantID }).go(),
    Config.get().catch((error: unknown) => {
      if (error instanceof NotFoundError) throw unknown;
      throw error;
    }),
  ]);
  if (district.data?.status !== "active" || !config.mechanisms.tickets) throw unknown;
  return config;
}

// ─── services ───────────────────────────────────────────────────────────────

export const Service = z.object({
  service_code: z.string(),
  service_name: z.string(),
  description: z.string(),
  metadata: z.boolean(),
  type: z.enum(["realtime", "batch", "blackbox"]),
  keywords: z.string(),
  group: z.string(),
});
export type Service = z.infer<typeof Service>;

/** 属地: a ticket no department takes is handled by its grid. */
const TERRITORIAL_NAME = "属地网格";

function departmentName(config: DistrictConfig, departmentKey: string | null): string {
  if (!departmentKey || departmentKey === TERRITORIAL) return TERRITORIAL_NAME;
  return config.tickets.departments.find((department) => department.key === departmentKey)?.nameZh ?? departmentKey;
}

/** The district's ticket categories as services; `group` is the department they go to by default. */
export async function services(): Promise<Service[]> {
  const config = await assertOpen();
  return config.tickets.categories.map((category) => ({
    service_code: category.key,
    service_name: category.nameZh,
    description: category.nameEn,
    metadata: false,
    type: "realtime" as const,
    keywords: [category.nameZh, category.nameEn, category.key].join(","),
    group: departmentName(config, category.departmentKey),
  }));
}

/** A service definition: categories take no extra attributes, so the list is empty. */
export const service = fn(z.string(), async (code) => {
  const config = await assertOpen();
  if (!config.tickets.categories.some((category) => category.key === code))
    throw new NotFoundError("open311.unknown_service", `There is no service "${code}" in this jurisdiction.`);
  return { service_code: code, attributes: [] satisfies never[] };
});

// ─── service requests ───────────────────────────────────────────────────────

export const ServiceRequest = z.object({
  service_request_id: z.string(),
  status: z.enum(["open", "closed"]),
  status_notes: z.string(),
  service_name: z.string(),
  service_code: z.string(),
  description: z.string(),
  agency_responsible: z.string(),
  service_notice: z.string().nullable(),
  requested_datetime: z.string(),
  updated_datetime: z.string(),
  expected_datetime: z.string().nullable(),
  address: z.string().nullable(),
  lat: z.number(),
  long: z.number(),
});
export type ServiceRequest = z.infer<typeof ServiceRequest>;

/** The only ticket attributes read for Open311: nothing about people. */
const PublicAttributes = [
  "ticketID",
  "reporterID",
  "state",
  "closure",
  "categoryKey",
  "description",
  "lon",
  "lat",
  "address",
  "gridPath",
  "departmentKey",
  "dueAt",
  "collectedAt",
  "updatedAt",
] as const;
type PublicItem = Pick<EntityItem<typeof TicketEntity>, (typeof PublicAttributes)[number]>;

const stateNotes: Record<string, string> = {
  collected: "已收到，等待网格受理 (received, waiting to be accepted)",
  accepted: "已受理，等待派遣 (accepted, waiting to be dispatched)",
  dispatched: "已派遣，承办单位处置中 (dispatched, being handled)",
  handled: "已处置，等待核查 (handled, waiting to be checked)",
};
const closureNotes: Record<string, string> = {
  solved: "已办结 (solved)",
  not_responsible: "已结案：非本单位职责 (closed: not ours to handle)",
  duplicate: "已结案：重复上报 (closed: a duplicate)",
  not_accepted: "不予立案 (not accepted)",
};

/** A W3C date-time in China Standard Time, seconds precision: `2026-11-29T16:18:44+08:00`. */
export function w3c(iso: string): string {
  return `${new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;
}

export { PublicCoordinateDecimals, redact } from "../ticket/redact.ts";

/**
 * Who is reading: the reporter (the API key a request came with, when it reported the ticket)
 * sees their ticket as it is; anyone else sees the public view — public categories only, phone
 * and ID numbers hidden, the place rounded to about 100 m.
 */
function viewOf(config: DistrictConfig, item: PublicItem): ServiceRequest | undefined {
  const actor = useActor();
  if (actor.type === "user" && actor.userID === item.reporterID) return toServiceRequest(config, item);
  const category = config.tickets.categories.find((candidate) => candidate.key === item.categoryKey);
  if (category && !isPublicCategory(category)) return undefined;
  const full = toServiceRequest(config, item);
  return {
    ...full,
    description: redact(full.description),
    address: full.address === null ? null : redact(full.address),
    lat: roundTo(full.lat),
    long: roundTo(full.long),
  };
}

function toServiceRequest(config: DistrictConfig, item: PublicItem): ServiceRequest {
  const category = config.tickets.categories.find((candidate) => candidate.key === item.categoryKey);
  const departmentKey = item.departmentKey && item.departmentKey !== "none" ? item.departmentKey : Ticket.route(config.tickets, item);
  const dueAt = item.dueAt && item.dueAt !== "9999" ? item.dueAt : null;
  return {
    service_request_id: item.ticketID,
    status: item.state === "closed" ? "closed" : "open",
    status_notes: item.state === "closed" ? (closureNotes[item.closure ?? ""] ?? "已结案 (closed)") : stateNotes[item.state],
    service_name: category?.nameZh ?? item.categoryKey,
    service_code: item.categoryKey,
    description: item.description,
    agency_responsible: departmentName(config, departmentKey),
    service_notice: null,
    requested_datetime: w3c(item.collectedAt),
    updated_datetime: w3c(item.updatedAt),
    expected_datetime: dueAt ? w3c(dueAt) : null,
    address: item.address ?? null,
    lat: item.lat,
    long: item.lon,
  };
}

/** A comma-delimited list parameter (`a,b`). */
const List = z
  .string()
  .max(4000)
  .transform((value) =>
    value
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean),
  );

/** The dates a request may name: tickets exist in none before, and none after (a year like -271821 or +275760 is refused). */
const EarliestDate = Date.UTC(2000, 0, 1);
const LatestDate = Date.UTC(2100, 0, 1);

/** A W3C date-time, parsed as a date (not compared as text), within the years tickets can have. */
const DateTime = z
  .string()
  .trim()
  .max(40)
  .transform((value, context) => {
    const time = Date.parse(value);
    if (Number.isNaN(time)) {
      context.addIssue({ code: "custom", message: "a W3C date-time, e.g. 2026-11-01T00:00:00+08:00" });
      return z.NEVER;
    }
    if (time < EarliestDate || time >= LatestDate) {
      context.addIssue({ code: "custom", message: "a date-time between the years 2000 and 2099" });
      return z.NEVER;
    }
    return new Date(time).toISOString();
  });

/** The most service codes one request may name (a district has far fewer categories). */
export const MAX_CODES = 50;

export const RequestsInput = z.object({
  /** Explicit requests: overrides every other parameter, as the spec says. */
  service_request_id: List.pipe(z.array(z.string().max(80)).max(MAX_IDS, `at most ${MAX_IDS} ids`)).optional(),
  service_code: List.pipe(z.array(z.string().max(40)).max(MAX_CODES, `at most ${MAX_CODES} service codes`)).optional(),
  start_date: DateTime.optional(),
  end_date: DateTime.optional(),
  status: List.pipe(z.array(z.enum(["open", "closed"]))).optional(),
});
export type RequestsInput = z.input<typeof RequestsInput>;

async function byIDs(config: DistrictConfig, ids: string[]): Promise<ServiceRequest[]> {
  if (!ids.length) return [];
  const tenantID = useTenant();
  const unique = [...new Set(ids)];
  const found = new Map<string, PublicItem>();
  let keys = unique.map((ticketID) => ({ tenantID, ticketID }));
  // A batch read may leave keys unprocessed when throttled: ask again for those, a few times.
  for (let attempt = 0; keys.length && attempt < 4; attempt++) {
    if (attempt) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
    const result = await TicketEntity.get(keys).go({ attributes: [...PublicAttributes] });
    for (const item of result.data) found.set(item.ticketID, item);
    keys = result.unprocessed as typeof keys;
  }
  if (keys.length) throw new VisibleError("unavailable", "open311.busy", "The requests could not all be read just now; try again.");
  return unique
    .filter((id) => found.has(id))
    .map((id) => viewOf(config, found.get(id)!))
    .filter((request): request is ServiceRequest => request !== undefined);
}

/**
 * Lists service requests: explicit ids, or every request in a window of at most 90 days
 * (the last 90 by default), newest first, at most 1000. Each state's queue is one query
 * filtered by date and category; the queues are ordered by grid, not time, so DynamoDB reads
 * each queue whole and the filter drops what is outside the window. Fine for the open queues;
 * the closed queue grows with the years, and a time-ordered index would make it one range read.
 */
export const requests = fn(RequestsInput, async (input): Promise<ServiceRequest[]> => {
  const config = await assertOpen();
  if (input.service_request_id) return byIDs(config, input.service_request_id);
  const end = input.end_date ?? new Date().toISOString();
  const start = input.start_date ?? new Date(new Date(end).getTime() - WINDOW_DAYS * 86400_000).toISOString();
  if (start > end)
    throw new InputError("open311.dates", "start_date is after end_date.", [{ path: "start_date", message: "after end_date" }]);
  if (new Date(end).getTime() - new Date(start).getTime() > WINDOW_DAYS * 86400_000)
    throw new InputError("open311.dates", `start_date and end_date may not span more than ${WINDOW_DAYS} days.`, [
      { path: "start_date", message: `more than ${WINDOW_DAYS} days before end_date` },
    ]);
  const statuses = input.status?.length ? input.status : ["open", "closed"];
  const states = TicketStates.filter((state) => statuses.includes(state === "closed" ? "closed" : "open"));
  // Only the district's own categories go into the filter: unknown codes match nothing anyway.
  const known = new Set(config.tickets.categories.map((category) => category.key));
  const codes = [...new Set(input.service_code ?? [])].filter((code) => known.has(code));
  if (input.service_code?.length && !codes.length) return [];
  const tenantID = useTenant();
  const queues = await Promise.all(
    states.map((state) =>
      TicketEntity.query
        .byState({ tenantID, state })
        .where((attr, op) =>
          [
            op.between(attr.collectedAt, start, end),
            ...(codes.length ? [`(${codes.map((code) => op.eq(attr.categoryKey, code)).join(" OR ")})`] : []),
          ].join(" AND "),
        )
        .go({ pages: "all", attributes: [...PublicAttributes] }),
    ),
  );
  return queues
    .flatMap((queue) => queue.data)
    .sort((a, b) => (a.collectedAt < b.collectedAt ? 1 : a.collectedAt > b.collectedAt ? -1 : 0))
    .map((item) => viewOf(config, item))
    .filter((request): request is ServiceRequest => request !== undefined)
    .slice(0, MAX_REQUESTS);
});

/** One service request of this jurisdiction. */
export const request = fn(z.string().min(1).max(80), async (id) => {
  const config = await assertOpen();
  const [found] = await byIDs(config, [id]);
  if (!found) throw new NotFoundError("open311.unknown_request", `There is no service request ${id} in this jurisdiction.`);
  return found;
});

// ─── reporting ──────────────────────────────────────────────────────────────

/** Reporters through Open311 are named after their API key. */
const REPORTER_PREFIX = "open311:";

const Coordinate = (name: string, min: number, max: number) =>
  z
    .string({ error: `${name} is required: this jurisdiction places reports by coordinates (address_string alone cannot be placed)` })
    .trim()
    .min(1, `${name} is required`)
    .transform(Number)
    .pipe(
      z
        .number({ error: `${name} must be a number` })
        .min(min)
        .max(max),
    );

export const Token = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "8 to 64 letters, digits, dashes or underscores");

export const SubmitInput = z.object({
  service_code: z.string({ error: "service_code is required" }).trim().min(1, "service_code is required").max(40),
  lat: Coordinate("lat", -90, 90),
  long: Coordinate("long", -180, 180),
  address_string: z.string().trim().max(200).optional(),
  /** Optional: the category's name stands in when a report comes without words. */
  description: z.string().trim().max(2000).optional(),
  /** Optional and ours: a retry with the same token returns the first request; GET tokens resolves it for a day. */
  token: Token.optional(),
});
export type SubmitInput = z.input<typeof SubmitInput>;

/** The actor an API key reports as: a resident-like reporter of the key's district, named after the key. */
export function reporter(key: { keyID: string }): Actor {
  return { type: "user", userID: `${REPORTER_PREFIX}${key.keyID}`, tenantID: useTenant(), roles: ["resident"] };
}

/**
 * Creates a ticket from a GeoReport request, as the API key's reporter. Contact fields
 * (email, names, phone) are not taken: the description is public through GET requests.
 */
export const submit = fn(SubmitInput, async (input) => {
  const actor = useActor();
  if (actor.type !== "user" || !actor.userID.startsWith(REPORTER_PREFIX))
    throw new ForbiddenError("open311.reporter", "Open311 requests are reported by an API key's reporter.");
  const config = await assertOpen();
  const category = config.tickets.categories.find((candidate) => candidate.key === input.service_code);
  if (!category)
    throw new InputError(
      "open311.unknown_service",
      `There is no service "${input.service_code}" in this jurisdiction; GET services lists them.`,
      [{ path: "service_code", message: "unknown" }],
    );
  const description = input.description || `${category.nameZh} (${category.nameEn})`;
  const ticket = {
    categoryKey: category.key,
    description,
    lon: input.long,
    lat: input.lat,
    address: input.address_string || undefined,
    // A retry with the token is the same report: the key is the reporter's (their API key's) own.
    idempotencyKey: input.token,
  };
  const result = input.token ? await Ticket.createWithToken(ticket, input.token) : await Ticket.create(ticket);
  return {
    service_request_id: result.ticket.ticketID,
    service_notice: `网格将受理并在 ${category.deadlineHours} 个工作小时内处置 (the grid accepts it, then it is handled within ${category.deadlineHours} working hours)`,
    account_id: actorID(),
  };
});

/** A token given with a POST resolves to its request while the ticket's idempotency record lives (a day). */
export const token = fn(Token, async (value) => {
  await assertOpen();
  const record = await IdempotencyEntity.get({ tenantID: useTenant(), key: Ticket.tokenKeyOf(value) }).go();
  if (!record.data || record.data.expiresAt * 1000 < Date.now())
    throw new NotFoundError("open311.unknown_token", `There is no token ${value} in this jurisdiction (tokens last a day).`);
  return { service_request_id: record.data.ticketID, token: value };
});

// ─── API keys ───────────────────────────────────────────────────────────────

export const ApiKey = z.object({ keyID: z.string(), label: z.string(), createdAt: z.string(), createdBy: z.string() });
export type ApiKey = z.infer<typeof ApiKey>;

const hash = (key: string) => createHash("sha256").update(key).digest("hex");
/** A key as stored; callers see neither the tenant nor the hash. */
type ApiKeyItem = EntityItem<typeof ApiKeyEntity>;
type _ApiKey = Assert<Equal<ApiKey, Omit<ApiKeyItem, "tenantID" | "keyHash">>>;

const toApiKey = (item: ApiKeyItem): ApiKey => ({
  keyID: item.keyID,
  label: item.label,
  createdAt: item.createdAt,
  createdBy: item.createdBy,
});

export const CreateApiKeyInput = z.object({ label: z.string().trim().min(1).max(80) });

/** Issues an API key for the district (its admins only). The plaintext key is returned this once. */
export const createApiKey = fn(CreateApiKeyInput, async (input) => {
  assertRole("district_admin");
  const key = `wg311_${randomBytes(24).toString("base64url")}`;
  const item = {
    tenantID: useTenant(),
    keyHash: hash(key),
    keyID: newID("key"),
    label: input.label,
    createdAt: new Date().toISOString(),
    createdBy: actorID(),
  };
  await ApiKeyEntity.create(item).go();
  return { ...toApiKey(item), key };
});

/** The district's keys (labels and dates; keys themselves are not kept). */
export async function listApiKeys(): Promise<ApiKey[]> {
  assertRole("district_admin");
  const result = await ApiKeyEntity.query.byTenant({ tenantID: useTenant() }).go({ pages: "all" });
  return result.data.map(toApiKey);
}

/** Revokes a key: requests with it are refused from now on. */
export const revokeApiKey = fn(z.string().min(1).max(80), async (keyID) => {
  assertRole("district_admin");
  const tenantID = useTenant();
  const [item] = (await ApiKeyEntity.query.byTenant({ tenantID, keyID }).go()).data;
  if (!item) throw new NotFoundError("open311.unknown_key", `There is no API key ${keyID} in this district.`);
  await ApiKeyEntity.delete({ tenantID, keyHash: item.keyHash }).go();
  return toApiKey(item);
});

/** The key of the current district that `key` is, or null. */
export async function verifyApiKey(key: string): Promise<ApiKey | null> {
  if (!key || key.length > 200) return null;
  const result = await ApiKeyEntity.get({ tenantID: useTenant(), keyHash: hash(key) }).go();
  return result.data ? toApiKey(result.data) : null;
}

import type { EntityItem } from "electrodb";
import { z } from "zod";
import { actorID, assertRole, useTenant } from "../actor.ts";
import type { WriteOps } from "../storage/transaction.ts";
import { now } from "../util/clock.ts";
import { fn } from "../util/fn.ts";
import { newID } from "../util/id.ts";
import { page, PageInput } from "../util/page.ts";
import type { Assert, Equal } from "../util/record.ts";
import { AuditEventEntity } from "./audit.entity.ts";
import type { AuditAction } from "./describe.ts";

export { AuditEventEntity };

export const AuditEvent = z.object({
  eventID: z.string(),
  at: z.string(),
  actorID: z.string(),
  action: z.string(),
  subjectID: z.string(),
  summary: z.string(),
  details: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

/** An audit entry as stored. */
type AuditEventItem = EntityItem<typeof AuditEventEntity>;

/** What callers see of it: without the tenant; the details (stored as any) an object, or null. */
type AuditEventView = Omit<AuditEventItem, "tenantID" | "details"> & { details: Record<string, unknown> | null };
type _AuditEvent = Assert<Equal<AuditEvent, AuditEventView>>;

/** Checks the stored details are an object (as written by `item` below). */
const toAuditEvent = (event: AuditEventItem): AuditEvent => AuditEvent.parse({ ...event, details: event.details ?? null });

export interface AuditInput {
  /** One of `auditActions` (describe.ts), each with its sentence. */
  action: AuditAction;
  subjectID: string;
  summary: string;
  details?: Record<string, unknown>;
}

function item(input: AuditInput) {
  return {
    tenantID: useTenant(),
    eventID: newID("audit"),
    at: now().toISOString(),
    actorID: actorID(),
    action: input.action,
    subjectID: input.subjectID,
    summary: input.summary,
    details: input.details,
  };
}

/** The entities `auditOperation` writes: spread them into the transaction's entities. */
export const auditEntities = { auditEvent: AuditEventEntity };

/** The audit entry of a change, as an operation of the change's own transaction. */
export function auditOperation(ops: WriteOps<typeof auditEntities>, input: AuditInput) {
  return ops.auditEvent.create(item(input)).commit();
}

/** Writes an audit entry on its own, for what changes no record but must be known (a personal detail read). */
export async function record(input: AuditInput) {
  await AuditEventEntity.create(item(input)).go();
}

/** An entry as the trail lists it: with who did it by name and roles (read at listing: one batch read a page). */
export const ListedAuditEvent = AuditEvent.extend({
  /** The actor's name; null for a system actor or a user no longer there. */
  actorName: z.string().nullable(),
  actorRoles: z.array(z.string()),
});
export type ListedAuditEvent = z.infer<typeof ListedAuditEvent>;

type UserNames = (userIDs: string[]) => Promise<Map<string, { name: string; roles: string[] }>>;
let userNames: UserNames | undefined;
/** Registers how the trail names its actors (the users' module does, when it loads: users sit above the audit). */
export function provideUserNames(lookup: UserNames) {
  userNames = lookup;
}

export const ListAuditInput = PageInput.extend({ subjectID: z.string().max(80).optional() });

/** The district's audit trail, newest first; a district admin's to read. */
export const listAuditEvents = fn(ListAuditInput, async (input) => {
  assertRole("district_admin");
  const tenantID = useTenant();
  const query = input.subjectID
    ? AuditEventEntity.query.bySubject({ tenantID, subjectID: input.subjectID })
    : AuditEventEntity.query.primary({ tenantID });
  const result = await page(query, input, "desc");
  const events = result.items.map(toAuditEvent);
  const ids = [...new Set(events.map((event) => event.actorID))];
  const people = ids.length && userNames ? await userNames(ids) : new Map<string, { name: string; roles: string[] }>();
  const items: ListedAuditEvent[] = events.map((event) => ({
    ...event,
    actorName: people.get(event.actorID)?.name ?? null,
    actorRoles: people.get(event.actorID)?.roles ?? [],
  }));
  return { items, cursor: result.cursor };
});

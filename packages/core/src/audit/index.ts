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
  action: string;
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

export const ListAuditInput = PageInput.extend({ subjectID: z.string().max(80).optional() });

/** The district's audit trail, newest first; a district admin's to read. */
export const listAuditEvents = fn(ListAuditInput, async (input) => {
  assertRole("district_admin");
  const tenantID = useTenant();
  const query = input.subjectID
    ? AuditEventEntity.query.bySubject({ tenantID, subjectID: input.subjectID })
    : AuditEventEntity.query.primary({ tenantID });
  const result = await page(query, input, "desc");
  return { items: result.items.map(toAuditEvent), cursor: result.cursor };
});

/**
 * Which configuration changes would break the district's existing data (破坏性变更), and why.
 * A change may rename anything, switch mechanisms off and change deadlines: the data stays.
 * It may not take away what records still stand on: a tier or dedicated kind that holds active
 * grids, a role people hold, a category with open tickets, a department open tickets sit with.
 *
 * Each reason is an `ErrorDetail` whose path names the section (`tiers`, `roles`,
 * `tickets.categories` …); callers prefix it with where the settings came from.
 */
import { useTenant } from "../actor.ts";
import type { DistrictSettings, RoleDefinition } from "../district/config.ts";
import type { ErrorDetail } from "../error.ts";
import { GridEntity, GridSetEntity } from "../grid/grid.entity.ts";
import { TicketCounterEntity } from "../counter/ticket-counter.entity.ts";
import { AssignmentEntity } from "../person/person.entity.ts";
import { TicketEntity, TicketStates } from "../ticket/ticket.entity.ts";
import { now } from "../util/clock.ts";

const SHOWN = 20;
const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
const codes = (items: { code: string }[], more: boolean) => `${items.slice(0, SHOWN).map((item) => item.code).join(", ")}${more || items.length > SHOWN ? " …" : ""}`;

/**
 * Tiers and dedicated kinds: a tier level that would disappear while it holds active grids, a
 * dedicated kind removed while it does. Names the grids in the way (and counts them).
 */
export async function gridBreaks(current: Pick<DistrictSettings, "tiers" | "dedicatedKinds">, next: Pick<DistrictSettings, "tiers" | "dedicatedKinds">): Promise<ErrorDetail[]> {
  const tenantID = useTenant();
  const found: ErrorDetail[] = [];
  const gone = current.tiers.filter((tier) => tier.level > next.tiers.length);
  const removedKinds = current.dedicatedKinds.filter((kind) => !next.dedicatedKinds.some((other) => other.key === kind.key));
  if (!gone.length && !removedKinds.length) return found;
  const set = (await GridSetEntity.get({ tenantID }).go()).data as Record<string, number> | null;
  for (const tier of gone) {
    const held = await GridEntity.query
      .byTier({ tenantID, tierKey: String(tier.level) })
      .where((attr, op) => op.eq(attr.status, "active"))
      .go({ limit: SHOWN, attributes: ["code"] });
    if (!held.data.length) continue;
    const total = held.cursor ? Math.max(set?.[`tier${tier.level}`] ?? 0, held.data.length) : held.data.length;
    found.push({ path: "tiers", message: `tier ${tier.level} (${tier.nameZh}) still holds ${count(total, "grid")}: ${codes(held.data, Boolean(held.cursor))}` });
  }
  if (removedKinds.length) {
    const dedicated = await GridEntity.query
      .byTier({ tenantID, tierKey: "dedicated" })
      .where((attr, op) => op.eq(attr.status, "active"))
      .go({ pages: "all", attributes: ["code", "dedicatedKind"] });
    for (const kind of removedKinds) {
      const held = dedicated.data.filter((grid) => grid.dedicatedKind === kind.key);
      if (held.length)
        found.push({ path: "dedicatedKinds", message: `dedicated kind ${kind.key} (${kind.nameZh}) still holds ${count(held.length, "grid")}: ${codes(held, false)}` });
    }
  }
  return found;
}

/** People holding a role now or from a later date (an assignment not ended), by role key. */
async function holders(roleKey: string): Promise<number> {
  const today = now().toISOString().slice(0, 10);
  const result = await AssignmentEntity.query
    .byRole({ tenantID: useTenant(), roleKey })
    .go({ pages: "all", attributes: ["personID", "to"] });
  return new Set(result.data.filter((item) => !item.to || item.to >= today).map((item) => item.personID)).size;
}

const sameFit = (a: RoleDefinition, b: RoleDefinition) => a.accessRole === b.accessRole && a.tier === b.tier && a.dedicated === b.dedicated;

/** Roles removed, or changed in what they let holders do or where they work, while people hold them. */
async function roleBreaks(current: DistrictSettings, next: DistrictSettings): Promise<ErrorDetail[]> {
  const found: ErrorDetail[] = [];
  for (const role of current.roles) {
    const after = next.roles.find((other) => other.key === role.key);
    if (after && sameFit(role, after)) continue;
    const people = await holders(role.key);
    if (!people) continue;
    const what = after
      ? `changes its ${[
          role.accessRole !== after.accessRole ? `access role (${role.accessRole} → ${after.accessRole})` : "",
          role.tier !== after.tier || role.dedicated !== after.dedicated ? "tier" : "",
        ].filter(Boolean).join(" and ")} while`
      : "is removed while";
    found.push({ path: "roles", message: `role ${role.key} (${role.nameZh}) ${what} ${count(people, "person", "people")} hold${people === 1 ? "s" : ""} it` });
  }
  return found;
}

/**
 * Open tickets of a category, from its counters (one read): collected − closed. A reopened
 * ticket takes its closing back (`closed` −1), so the difference is what is not closed now.
 */
async function openInCategory(categoryKey: string): Promise<number> {
  const item = (await TicketCounterEntity.get({ tenantID: useTenant(), scope: `category:${categoryKey}`, period: "all" }).go()).data as Record<string, number> | null;
  return Math.max(0, (item?.collected ?? 0) - (item?.closed ?? 0));
}

/** Tickets not closed that sit with a department (its queue, one query per open state). */
async function openWithDepartment(departmentKey: string): Promise<number> {
  const tenantID = useTenant();
  let total = 0;
  for (const state of TicketStates.filter((state) => state !== "closed")) {
    const result = await TicketEntity.query.byDepartment({ tenantID, departmentKey, state }).go({ pages: "all", attributes: ["ticketID"] });
    total += result.data.length;
  }
  return total;
}

/** Categories and departments removed while tickets are open in (or with) them. */
async function ticketBreaks(current: DistrictSettings, next: DistrictSettings): Promise<ErrorDetail[]> {
  const found: ErrorDetail[] = [];
  for (const category of current.tickets.categories) {
    if (next.tickets.categories.some((other) => other.key === category.key)) continue;
    const open = await openInCategory(category.key);
    if (open) found.push({ path: "tickets.categories", message: `category ${category.key} (${category.nameZh}) has ${count(open, "open ticket")}` });
  }
  for (const department of current.tickets.departments) {
    if (next.tickets.departments.some((other) => other.key === department.key)) continue;
    const open = await openWithDepartment(department.key);
    if (open) found.push({ path: "tickets.departments", message: `department ${department.key} (${department.nameZh}) has ${count(open, "open ticket")} with it` });
  }
  return found;
}

/** Every reason why going from `current` to `next` would break existing data (none: it may go ahead). */
export async function breakingChanges(current: DistrictSettings, next: DistrictSettings): Promise<ErrorDetail[]> {
  const [grids, roles, tickets] = await Promise.all([gridBreaks(current, next), roleBreaks(current, next), ticketBreaks(current, next)]);
  return [...grids, ...roles, ...tickets];
}

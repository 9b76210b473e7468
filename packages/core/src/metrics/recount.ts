import { useTenant } from "../actor.ts";
import { TicketCollection, TicketEntity } from "../ticket/ticket.entity.ts";
import { forEachLimit } from "../storage/pool.ts";
import { GridEntity, GridSetEntity } from "../grid/grid.entity.ts";
import { countFieldOf, type GridCountField } from "../grid/model.ts";
import { AssignmentEntity, PersonEntity } from "../person/person.entity.ts";
import { PartyRecordEntity } from "../party/party.entity.ts";
import { partyMetric } from "../party/index.ts";
import { compareTallies, ExpectedTallies } from "../counter/recount.ts";
import * as Config from "../config/index.ts";
import { accessMetric } from "../person/index.ts";
import {
  bucketOf,
  HistogramBuckets,
  isBreakdownScope,
  ticketPeriodsOf,
  TicketCounterEntity,
  TicketCounterFields,
  type TicketCounterAdds,
} from "../counter/ticket-counter.entity.ts";
import { ticketFields } from "./definitions.ts";
import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { documentClient } from "../storage/table.ts";
import { MetricCounterEntity } from "../counter/metric-counter.entity.ts";
import { readRollups } from "../counter/tally.ts";
import {
  breakdownUpdate,
  queryBreakdownItems,
  RollupMonths,
  RollupStanding,
  RollupTallies,
  rollupTickets,
  rollupUpdate,
  tallyAttribute,
  ticketAttribute,
} from "../counter/rollup.entity.ts";

type Counts = Record<string, number>;

/**
 * Rebuilds every ticket counter of the district from the records (each ticket's timeline,
 * replayed) and compares them with the stored counters. Returns the drift, item by item;
 * with `repair`, writes the recounted values.
 */
export async function recountTickets(options: { repair?: boolean; concurrency?: number } = {}) {
  const tenantID = useTenant();
  const states = ["collected", "accepted", "dispatched", "handled", "closed"] as const;
  const tickets = (await Promise.all(states.map((state) => TicketEntity.query.byState({ tenantID, state }).go({ pages: "all" })))).flatMap(
    (result) => result.data,
  );
  const expected = new Map<string, Counts>();
  // As `Tally.addTicket` counts (`ticketPeriodsOf`): the district by month, other scopes all time and by month.
  const add = (scopes: string[], at: string, adds: Counts) => {
    for (const scope of scopes)
      for (const period of ticketPeriodsOf(scope, at)) {
        const key = `${scope}|${period}`;
        const counts = expected.get(key) ?? {};
        for (const [field, value] of Object.entries(adds)) counts[field] = round((counts[field] ?? 0) + value);
        expected.set(key, counts);
      }
  };
  let next = 0;
  const worker = async () => {
    while (next < tickets.length) {
      const ticket = tickets[next++];
      const result = await TicketCollection.collections.ticket({ tenantID, ticketID: ticket.ticketID }).go({ pages: "all" });
      const timeline = result.data.timeline.sort((a, b) => a.seq - b.seq);
      let department: string | null = null;
      let closing: { at: string; closure: string; onTime: boolean; scopes: string[] } | null = null;
      let rating: number | null = null;
      const scopes = () => [
        "district",
        ...ticket.gridPath.map((id) => `grid:${id}`),
        `category:${ticket.categoryKey}`,
        ...(department ? [`department:${department}`] : []),
      ];
      const closingAdds = (at: string, closure: string, onTime: boolean, sign: number): Counts => {
        const hours = Math.max(0, (new Date(at).getTime() - new Date(ticket.collectedAt).getTime()) / 3600_000);
        return {
          closed: sign,
          ...(closure === "solved" ? { solved: sign } : {}),
          ...(onTime ? { onTime: sign } : {}),
          durationHours: (sign * Math.round(hours * 100)) / 100,
          [bucketOf(hours)]: sign,
        };
      };
      for (const entry of timeline) {
        switch (entry.action) {
          case "collect":
            add(scopes(), entry.at, { collected: 1 });
            break;
          case "accept":
            add(scopes(), entry.at, { accepted: 1 });
            break;
          case "dispatch":
            department = entry.departmentKey ?? null;
            add(scopes(), entry.at, { dispatched: 1 });
            break;
          case "handle":
            add(scopes(), entry.at, { handled: 1 });
            break;
          case "send_back":
            add(scopes(), entry.at, { sentBack: 1 });
            break;
          case "approve_transfer":
            department = entry.departmentKey ?? department;
            break;
          case "approve_send_up":
            department = null;
            break;
          case "reject":
          case "approve_void":
          case "verify": {
            const closure = entry.closure ?? "solved";
            const onTime =
              typeof entry.onTime === "boolean"
                ? entry.onTime
                : entry.action === "reject" || !ticket.dueAt || ticket.dueAt === "9999" || entry.at <= ticket.dueAt;
            closing = { at: entry.at, closure, onTime, scopes: scopes() };
            add(scopes(), entry.at, closingAdds(entry.at, closure, onTime, 1));
            break;
          }
          case "rate":
            rating = entry.rating ?? 0;
            add(scopes(), entry.at, { rated: 1, ratingSum: rating });
            break;
          case "reopen":
            add(scopes(), entry.at, { reopened: 1 });
            if (closing)
              add(closing.scopes, closing.at, {
                ...closingAdds(closing.at, closing.closure, closing.onTime, -1),
                ...(rating !== null ? { rated: -1, ratingSum: -rating } : {}),
              });
            closing = null;
            rating = null;
            break;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 8 }, worker));

  const stored = new Map<string, Counts>();
  // Stored counters of every scope seen and of the district's categories and departments, the
  // district's old ones too (before its roll-up); the district's roll-up items and the
  // categories' and departments' breakdown roll-ups, month by month.
  const config = await Config.get();
  const scopes = new Set([
    ...[...expected.keys()].map((key) => key.split("|")[0]),
    "district",
    ...config.tickets.categories.map((category) => `category:${category.key}`),
    ...config.tickets.departments.map((department) => `department:${department.key}`),
  ]);
  const storeYear = (scope: string, year: string, item: Record<string, unknown>) => {
    for (const month of RollupMonths) {
      const fields = rollupTickets(item, month);
      if (Object.keys(fields).length) stored.set(`${scope}|${year}-${month}`, fields);
    }
  };
  const rollups = await readRollups(tenantID);
  for (const [year, item] of rollups) if (/^\d{4}$/.test(year)) storeYear("district", year, item);
  const legacy = new Set<string>();
  // A district has thousands of grids: a bounded number of reads in flight.
  await forEachLimit(scopes, 16, async (scope) => {
    const [counters, breakdowns] = await Promise.all([
      TicketCounterEntity.query.primary({ tenantID, scope }).go({ pages: "all" }),
      isBreakdownScope(scope) ? queryBreakdownItems(tenantID, scope) : [],
    ]);
    for (const item of counters.data) {
      const key = `${scope}|${item.period}`;
      // An item the counters no longer keep (the district's, any scope's year, a category's or
      // department's month): expected to be empty.
      if (scope === "district" || /^\d{4}$/.test(item.period) || (item.period !== "all" && isBreakdownScope(scope))) legacy.add(key);
      else stored.set(key, ticketFields(item));
    }
    for (const item of breakdowns) storeYear(scope, item.year, item);
  });
  const fields = [...TicketCounterFields, ...HistogramBuckets];
  const drift: { scope: string; period: string; field: string; stored: number; recounted: number }[] = [];
  for (const key of new Set([...expected.keys(), ...stored.keys()])) {
    const [scope, period] = key.split("|");
    for (const field of fields) {
      const want = round(expected.get(key)?.[field] ?? 0);
      const have = round(Number(stored.get(key)?.[field] ?? 0));
      if (Math.abs(want - have) > 0.011) drift.push({ scope, period, field, stored: have, recounted: want });
    }
  }
  for (const key of legacy) {
    const [scope, period] = key.split("|");
    drift.push({ scope, period, field: "item", stored: 1, recounted: 0 });
  }
  if (options.repair && drift.length) {
    const repaired = new Set(drift.map((entry) => `${entry.scope}|${entry.period}`));
    // Year items to set month by month: the district's roll-up's, a category's or department's breakdown roll-up's.
    const years = new Set<string>();
    for (const key of repaired) {
      const [scope, period] = key.split("|");
      if (legacy.has(key)) await TicketCounterEntity.delete({ tenantID, scope, period }).go();
      else if (period !== "all" && (scope === "district" || isBreakdownScope(scope))) years.add(`${scope}|${period.slice(0, 4)}`);
      else {
        const values: TicketCounterAdds = Object.fromEntries(fields.map((field) => [field, round(expected.get(key)?.[field] ?? 0)]));
        await TicketCounterEntity.put({ tenantID, scope, period, ...values }).go();
      }
    }
    // Every ticket attribute of the year's item set to its recount.
    for (const key of years) {
      const [scope, year] = key.split("|");
      const values: Record<string, number> = {};
      for (const month of RollupMonths)
        for (const field of fields) values[ticketAttribute(field, month)] = round(expected.get(`${scope}|${year}-${month}`)?.[field] ?? 0);
      await setAttributes(scope === "district" ? rollupUpdate(tenantID, year, {}) : breakdownUpdate(tenantID, scope, year, {}), values);
    }
  }
  return { tickets: tickets.length, counters: expected.size, drift };
}

/**
 * Sets a roll-up item's attributes to values (a repair), creating the item if need be: 100
 * attributes an update (4 KB expressions). `update` is the item's update with no additions.
 */
async function setAttributes(update: ReturnType<typeof rollupUpdate>, values: Record<string, number>) {
  const names = Object.keys(values);
  for (let start = 0; start < names.length; start += 100) {
    const chunk = names.slice(start, start + 100);
    await documentClient().send(
      new UpdateCommand({
        ...update,
        UpdateExpression: `${update.UpdateExpression}, ${chunk.map((_, index) => `#s${index} = :s${index}`).join(", ")}`,
        ExpressionAttributeNames: {
          ...update.ExpressionAttributeNames,
          ...Object.fromEntries(chunk.map((name, index) => [`#s${index}`, name])),
        },
        ExpressionAttributeValues: {
          ...update.ExpressionAttributeValues,
          ...Object.fromEntries(chunk.map((name, index) => [`:s${index}`, values[name]])),
        },
      }),
    );
  }
}

/**
 * Rebuilds the roll-up's tallies (the months of each year, the standing counts of `all`) from
 * the district's tally items, which the mechanisms' recounts rebuild from their records: run it
 * after them, so that with `repair` it copies recounted tallies.
 */
export async function recountRollupTallies(options: { repair?: boolean } = {}) {
  const tenantID = useTenant();
  const items = (await MetricCounterEntity.query.primary({ tenantID, scope: "district" }).go({ pages: "all" })).data;
  const expected = new Map<string, Record<string, number>>();
  const put = (period: string, attribute: string, value: number) => {
    const values = expected.get(period) ?? {};
    values[attribute] = round(value);
    expected.set(period, values);
  };
  const monthly = new Set(RollupTallies);
  const standing = new Set(RollupStanding);
  for (const item of items) {
    if (/^\d{4}-\d{2}$/.test(item.period) && monthly.has(item.metric)) {
      const [year, month] = item.period.split("-");
      put(year, tallyAttribute(item.metric, "count", month), item.count ?? 0);
      put(year, tallyAttribute(item.metric, "sum", month), item.sum ?? 0);
    } else if (item.period === "all" && standing.has(item.metric)) put("all", tallyAttribute(item.metric, "count"), item.count ?? 0);
  }
  const rollups = await readRollups(tenantID);
  const drift: { scope: string; period: string; field: string; stored: number; recounted: number }[] = [];
  const attributesOf = (period: string) =>
    period === "all"
      ? RollupStanding.map((metric) => tallyAttribute(metric, "count"))
      : RollupMonths.flatMap((month) =>
          RollupTallies.flatMap((metric) => [tallyAttribute(metric, "count", month), tallyAttribute(metric, "sum", month)]),
        );
  for (const period of new Set([...expected.keys(), ...rollups.keys()])) {
    const values: Record<string, number> = {};
    let drifted = false;
    for (const attribute of attributesOf(period)) {
      const want = expected.get(period)?.[attribute] ?? 0;
      const stored = rollups.get(period)?.[attribute];
      const have = round(typeof stored === "number" ? stored : 0);
      values[attribute] = want;
      if (Math.abs(want - have) > 0.011) {
        drifted = true;
        drift.push({ scope: "rollup", period, field: attribute, stored: have, recounted: want });
      }
    }
    if (options.repair && drifted) await setAttributes(rollupUpdate(tenantID, period, {}), values);
  }
  return drift;
}

const round = (value: number) => Math.round(value * 100) / 100;

/**
 * Rebuilds the standing counts and the party tallies from the records: active grids per tier
 * (on the grid set), people and people per role, joint meetings and co-building projects.
 * Returns the drift; with `repair`, writes the recounted values.
 */
export async function recountStanding(options: { repair?: boolean } = {}) {
  const tenantID = useTenant();
  const drift: { scope: string; period: string; field: string; stored: number; recounted: number }[] = [];
  // Grids per tier.
  const grids = await GridEntity.query.primary({ tenantID }).go({ pages: "all", attributes: ["tierKey", "status"] });
  const gridCounts: Record<GridCountField, number> = { tier1: 0, tier2: 0, tier3: 0, tier4: 0, tier5: 0, dedicated: 0 };
  for (const grid of grids.data)
    if (grid.status === "active") gridCounts[countFieldOf(grid.tierKey === "dedicated" ? null : Number(grid.tierKey))] += 1;
  const set = (await GridSetEntity.get({ tenantID }).go()).data;
  // Object.keys types its keys as strings; they are gridCounts' own, GridCountField.
  for (const field of Object.keys(gridCounts) as GridCountField[]) {
    const recounted = gridCounts[field];
    const stored = set?.[field] ?? 0;
    if (stored !== recounted) drift.push({ scope: "gridSet", period: "all", field, stored, recounted });
  }
  if (options.repair && drift.length && set) await GridSetEntity.patch({ tenantID }).set(gridCounts).go();
  // People, people per role, party records: tallies.
  const expected = new ExpectedTallies();
  const people = await PersonEntity.query.primary({ tenantID }).go({ pages: "all", attributes: ["personID"] });
  expected.addState(["district"], "people.total", people.data.length);
  const assignments = await AssignmentEntity.query.primary({ tenantID }).go({ pages: "all", attributes: ["roleKey"] });
  const accessOf = new Map((await Config.get()).roles.map((role) => [role.key, accessMetric(role)]));
  for (const assignment of assignments.data) {
    expected.addState(["district"], `people.role.${assignment.roleKey}`);
    const access = accessOf.get(assignment.roleKey);
    if (access) expected.addState(["district"], access);
  }
  for (const kind of ["joint_meeting", "co_building_project"] as const) {
    const records = await PartyRecordEntity.query.byKind({ tenantID, kind }).go({ pages: "all", attributes: ["orgID", "date"] });
    for (const record of records.data) expected.add(["district", `org:${record.orgID}`], `${record.date}T04:00:00Z`, partyMetric[kind]);
  }
  drift.push(...(await compareTallies(expected, ["people.", "party."], options)));
  return { grids: grids.data.length, people: people.data.length, drift };
}

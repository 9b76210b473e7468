import { BatchGetCommand, type BatchGetCommandInput, QueryCommand, type QueryCommandInput } from "@aws-sdk/lib-dynamodb";
import { Entity } from "electrodb";
import { documentClient, tableName } from "../storage/table.ts";
import { HistogramBuckets, TicketCounterFields } from "./ticket-counter.entity.ts";

/**
 * Tallies kept per month in a year's roll-up: what the non-standing metric definitions read
 * (`metrics/definitions.ts`; a test there keeps this list equal to what they read).
 */
export const RollupTallies = [
  "activities.held",
  "activities.served",
  "cadres.assigned",
  "cadres.evaluations",
  "emergency.rounds",
  "emergency.roundsDistrictWide",
  "emergency.roundsRiskArea",
  "emergency.taskGrids",
  "emergency.taskGridsDone",
  "ledger.entries",
  "ledger.hours",
  "ledger.sentiment_map",
  "meetings.held",
  "needs.claimed",
  "needs.closed",
  "needs.created",
  "owners.committeeWorkers",
  "owners.consultations",
  "owners.livelihoodProjects",
  "party.coBuildingProjects",
  "party.jointMeetings",
  "volunteers.problemsSolved",
  "volunteers.teams",
  "wishes.claimed",
  "wishes.fulfilled",
  "wishes.posted",
];
/** Standing counts kept in the `all` roll-up (people on grids, the register): what the standing definitions read. */
export const RollupStanding = [
  "people.access.grid_worker",
  "people.total",
  "register.households",
  "register.houses",
  "register.organisations",
  "register.people",
];
export const RollupTicketFields = [...TicketCounterFields, ...HistogramBuckets];
export const RollupMonths = Array.from({ length: 12 }, (_, index) => String(index + 1).padStart(2, "0"));

/** The roll-up attribute of a ticket counter field in a month (`collected_05`, `h03_11`). */
export const ticketAttribute = (field: string, month: string) => `${field}_${month}`;
/** The roll-up attribute of a tally's count or sum, in a month or (standing counts) in none. */
export const tallyAttribute = (metric: string, kind: "count" | "sum", month?: string) =>
  `${metric.replaceAll(".", "_")}__${kind}${month ? `_${month}` : ""}`;

/**
 * A district's roll-up (区县汇总): one item per year holding, month by month, the district's
 * ticket counter fields and the tallies the definitions read, as flat numeric attributes
 * (`collected_05`, `wishes_posted__count_05`), and one item `all` holding the standing counts
 * the definitions read (people on grids, the register). Written through `Tally` in the same
 * transaction as the record it counts, so it is exact whatever mechanism wrote; it is the
 * district's only home for ticket counts (a year is the sum of its months, all time the sum of
 * the years). The provincial comparison reads a year for 100 districts with one BatchGet.
 *
 * The entity declares the keys only: its ~1,000 numeric attributes are added and read by name
 * (`rollupUpdate`, `readRollupItems`), since ElectroDB builds a getter per declared attribute for
 * every operation (3 ms a transition with them declared, 0.3 ms without).
 */
export const DistrictRollupEntity = new Entity(
  {
    model: { entity: "districtRollup", version: "1", service: "wangge" },
    attributes: {
      tenantID: { type: "string", required: true, readOnly: true },
      /** A year `YYYY` (monthly figures) or `all` (standing counts). */
      period: { type: "string", required: true, readOnly: true },
    },
    indexes: {
      primary: {
        pk: { field: "pk", composite: ["tenantID"] },
        sk: { field: "sk", composite: ["period"] },
      },
    },
  },
  { table: tableName(), client: documentClient() },
);

/** Every attribute a roll-up item may hold, besides its keys. */
export const RollupAttributes = new Set([
  ...RollupMonths.flatMap((month) => [
    ...RollupTicketFields.map((field) => ticketAttribute(field, month)),
    ...RollupTallies.flatMap((metric) => [tallyAttribute(metric, "count", month), tallyAttribute(metric, "sum", month)]),
  ]),
  ...RollupStanding.map((metric) => tallyAttribute(metric, "count")),
]);

/**
 * A category's or a department's ticket counts by year (分类、部门汇总): the breakdowns of the
 * district dashboard. One item per scope (`category:<key>`, `department:<key>`) and year, holding
 * the ticket counter fields month by month as flat attributes (`collected_05`, `h03_11`), like
 * the district's roll-up; the scope's `all` stays a ticket counter item (`ticket-counter.entity.ts`).
 * A transition writes 2 items for each (all time, the year) instead of 3 (all time, the year, the
 * month); the dashboard reads one item a scope for a year (the sum of its months) or a month.
 * Keys only, as the district's roll-up: its 336 numeric attributes are added and read by name.
 */
export const BreakdownRollupEntity = new Entity(
  {
    model: { entity: "breakdownRollup", version: "1", service: "wangge" },
    attributes: {
      tenantID: { type: "string", required: true, readOnly: true },
      /** `category:<key>` or `department:<key>`. */
      scope: { type: "string", required: true, readOnly: true },
      /** `YYYY` (China Standard Time). */
      year: { type: "string", required: true, readOnly: true },
    },
    indexes: {
      primary: {
        pk: { field: "pk", composite: ["tenantID", "scope"] },
        sk: { field: "sk", composite: ["year"] },
      },
    },
  },
  { table: tableName(), client: documentClient() },
);

/** Every attribute a breakdown roll-up item may hold, besides its keys. */
export const BreakdownAttributes = new Set(
  RollupMonths.flatMap((month) => RollupTicketFields.map((field) => ticketAttribute(field, month))),
);

interface UpdateParams {
  UpdateExpression: string;
  ExpressionAttributeNames: Record<string, string>;
  ExpressionAttributeValues: Record<string, unknown>;
  TableName: string;
  Key: Record<string, string>;
}

/** `params` (an entity's update of an item's keys) with `ADD` of `adds`, each one of `attributes`. */
function addUpdate(params: UpdateParams, adds: Record<string, number>, attributes: Set<string>): UpdateParams {
  const additions = Object.entries(adds).map(([attribute, value], index) => {
    if (!attributes.has(attribute)) throw new Error(`No roll-up attribute ${attribute}`);
    params.ExpressionAttributeNames[`#r${index}`] = attribute;
    params.ExpressionAttributeValues[`:r${index}`] = value;
    return `#r${index} :r${index}`;
  });
  return additions.length ? { ...params, UpdateExpression: `${params.UpdateExpression} ADD ${additions.join(", ")}` } : params;
}

/** The update (a transaction's `Update`, or alone) adding `adds` to a roll-up item's attributes. */
export function rollupUpdate(tenantID: string, period: string, adds: Record<string, number>) {
  return addUpdate(DistrictRollupEntity.update({ tenantID, period }).set({}).params() as UpdateParams, adds, RollupAttributes);
}

/** The update adding `adds` (month attributes of ticket counter fields) to a category's or department's year. */
export function breakdownUpdate(tenantID: string, scope: string, year: string, adds: Record<string, number>) {
  return addUpdate(BreakdownRollupEntity.update({ tenantID, scope, year }).set({}).params() as UpdateParams, adds, BreakdownAttributes);
}

type Reads = { add(requests?: number): void };

/** Items by key with BatchGet (100 keys a request, in parallel), those of `entity` only. */
async function batchGet<T>(batches: BatchGetCommandInput[], entity: string, reads?: Reads): Promise<T[]> {
  const items: T[] = [];
  await Promise.all(
    batches.map(async (input) => {
      let request: BatchGetCommandInput["RequestItems"] = input.RequestItems;
      while (request && Object.keys(request).length) {
        const result = await documentClient().send(new BatchGetCommand({ RequestItems: request }));
        reads?.add();
        for (const list of Object.values(result.Responses ?? {}))
          for (const item of list) if (item.__edb_e__ === entity) items.push(item as T);
        request = result.UnprocessedKeys;
      }
    }),
  );
  return items;
}

/** Every item of `entity` a Query's input finds, page after page. */
async function queryAll<T>(input: QueryCommandInput, entity: string, reads?: Reads): Promise<T[]> {
  const items: T[] = [];
  let start: QueryCommandInput["ExclusiveStartKey"];
  do {
    const result = await documentClient().send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    reads?.add();
    for (const item of result.Items ?? []) if (item.__edb_e__ === entity) items.push(item as T);
    start = result.LastEvaluatedKey;
  } while (start);
  return items;
}

/** Roll-up items by key, with BatchGet (100 keys a request, in parallel); `requests` counts them. */
export async function readRollupItems(keys: { tenantID: string; period: string }[], reads?: Reads) {
  if (!keys.length) return [];
  return batchGet<RollupItem>(DistrictRollupEntity.get(keys).params() as BatchGetCommandInput[], "districtRollup", reads);
}

/** Every roll-up item of a district (`all` and each year): one Query. */
export async function queryRollupItems(tenantID: string, reads?: Reads) {
  return queryAll<RollupItem>(DistrictRollupEntity.query.primary({ tenantID }).params() as QueryCommandInput, "districtRollup", reads);
}

/** Breakdown roll-up items (a category's or department's years) by key, with BatchGet. */
export async function readBreakdownItems(keys: { tenantID: string; scope: string; year: string }[], reads?: Reads) {
  if (!keys.length) return [];
  return batchGet<BreakdownItem>(BreakdownRollupEntity.get(keys).params() as BatchGetCommandInput[], "breakdownRollup", reads);
}

/** Every year item of a category or department: one Query. */
export async function queryBreakdownItems(tenantID: string, scope: string) {
  return queryAll<BreakdownItem>(BreakdownRollupEntity.query.primary({ tenantID, scope }).params() as QueryCommandInput, "breakdownRollup");
}

export type BreakdownItem = Record<string, unknown> & { tenantID: string; scope: string; year: string };
export type RollupItem = Record<string, unknown> & { tenantID: string; period: string };

const exact = (value: number) => Math.round(value * 1e6) / 1e6;

/** Sums `from` into `into`, rounding away the binary fractions a sum of decimals picks up. */
export function addInto(into: Record<string, number>, from: Record<string, number>) {
  for (const [field, value] of Object.entries(from)) into[field] = exact((into[field] ?? 0) + value);
  return into;
}

/** A year item's ticket fields of one month (`01`…`12`). */
export function rollupTickets(item: Record<string, unknown> | undefined, month: string): Record<string, number> {
  const fields: Record<string, number> = {};
  if (!item) return fields;
  for (const field of RollupTicketFields) {
    const value = item[ticketAttribute(field, month)];
    if (typeof value === "number") fields[field] = value;
  }
  return fields;
}

/** A year item's ticket counts in a period: its year (`YYYY`, the sum of its months) or one of its months (`YYYY-MM`). */
export function yearTicketCounts(item: Record<string, unknown> | undefined, period: string): Record<string, number> {
  if (period.length === 7) return rollupTickets(item, period.slice(5));
  const year: Record<string, number> = {};
  for (const month of RollupMonths) addInto(year, rollupTickets(item, month));
  return year;
}

/** A year item's tallies of one month. */
export function rollupTallies(item: RollupItem | undefined, month: string): Record<string, { count: number; sum: number }> {
  const tallies: Record<string, { count: number; sum: number }> = {};
  if (!item) return tallies;
  for (const metric of RollupTallies) {
    const count = item[tallyAttribute(metric, "count", month)];
    const sum = item[tallyAttribute(metric, "sum", month)];
    if (typeof count === "number" || typeof sum === "number")
      tallies[metric] = { count: typeof count === "number" ? count : 0, sum: typeof sum === "number" ? sum : 0 };
  }
  return tallies;
}

/** The `all` item's standing counts. */
export function rollupStanding(item: RollupItem | undefined): Record<string, { count: number; sum: number }> {
  const tallies: Record<string, { count: number; sum: number }> = {};
  if (!item) return tallies;
  for (const metric of RollupStanding) {
    const count = item[tallyAttribute(metric, "count")];
    if (typeof count === "number") tallies[metric] = { count, sum: 0 };
  }
  return tallies;
}

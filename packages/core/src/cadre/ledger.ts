import type { EntityItem } from "electrodb";
import { z } from "zod";
import { actorID, assertGridScope, assertRole, gridScope, inGridScope, useTenant } from "../actor.ts";
import { requireMechanism } from "../config/index.ts";
import { ForbiddenError, InputError, NotFoundError } from "../error.ts";
import { gridScopes, Tally } from "../counter/tally.ts";
import { writeTransaction } from "../storage/transaction.ts";
import * as Photo from "../ticket/photo.ts";
import { now } from "../util/clock.ts";
import { fn } from "../util/fn.ts";
import { newID } from "../util/id.ts";
import { gridPathOf, pathOfKnownGrid } from "../grid/place.ts";
import { page, PageInput } from "../util/page.ts";
import type { Assert, Equal, Nullable } from "../util/record.ts";
import { Day, Month } from "../util/schemas.ts";
import { LedgerEntryEntity } from "./cadre.entity.ts";
import { assignmentsOf, loadCadreItem } from "./cadre.ts";
import { loadUnit } from "./home-unit.ts";
import { MECHANISM, has, noonOf, today } from "./shared.ts";

// ─── the ledger ─────────────────────────────────────────────────────────────

export const LedgerEntry = z.object({
  entryID: z.string(),
  cadreID: z.string(),
  cadreName: z.string(),
  unitID: z.string(),
  gridID: z.string(),
  kind: z.string(),
  date: z.string(),
  hours: z.number(),
  notes: z.string().nullable(),
  photos: z.array(z.string()),
  createdAt: z.string(),
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;

/** A ledger entry as stored. */
type LedgerEntryItem = EntityItem<typeof LedgerEntryEntity>;

/** What callers see of it: without its keys (the grid's path, the month) and author, absent notes as null, absent photos as none. */
type LedgerEntryView = Nullable<Omit<LedgerEntryItem, "tenantID" | "gridPath" | "month" | "createdBy" | "photos">> &
  Required<Pick<LedgerEntryItem, "photos">>;
type _LedgerEntry = Assert<Equal<LedgerEntry, LedgerEntryView>>;

const toEntry = (item: LedgerEntryItem): LedgerEntry => ({
  entryID: item.entryID,
  cadreID: item.cadreID,
  cadreName: item.cadreName,
  unitID: item.unitID,
  gridID: item.gridID,
  kind: item.kind,
  date: item.date,
  hours: item.hours,
  notes: item.notes ?? null,
  photos: item.photos ?? [],
  createdAt: item.createdAt,
});

export const CreateLedgerEntryInput = z.object({
  /** The grid the work was done on; the cadre's assigned grid if left out. */
  gridID: z.string().min(1).max(80).optional(),
  kind: z.string().min(1).max(40),
  date: Day,
  hours: z.number().min(0.25).max(24),
  notes: z.string().trim().max(2000).optional(),
  photoKeys: z.array(z.string().max(300)).max(Photo.MAX_PHOTOS, `at most ${Photo.MAX_PHOTOS} photos`).default([]),
});

/**
 * A cadre logs work on the grid they are assigned to (another grid is a 403, nothing written).
 * The entry and its counters (`ledger.entries`, `ledger.hours`, `ledger.<kind>` in the district,
 * the grid's path and the home unit, in the month of the work) are one transaction.
 */
export const createLedgerEntry = fn(CreateLedgerEntryInput, async (input) => {
  assertRole("cadre");
  const config = await requireMechanism(MECHANISM);
  const kinds = config.governance.ledgerActivityKinds;
  if (!kinds.some((kind) => kind.key === input.kind))
    throw new InputError("ledger.unknown_kind", `There is no ledger activity kind "${input.kind}" in this district.`, [
      { path: "kind", message: `one of ${kinds.map((kind) => kind.key).join(", ")}` },
    ]);
  if (input.date > today())
    throw new InputError("ledger.future", "Work is logged once it is done: the date is in the future.", [
      { path: "date", message: "in the future" },
    ]);
  const active = (await assignmentsOf(actorID())).filter(
    (cadre) => cadre.status === "active" && cadre.from <= input.date && input.date <= cadre.to,
  );
  if (active.length === 0) throw new ForbiddenError("ledger.not_assigned", `You are not a grid assistant on any grid on ${input.date}.`);
  const cadre = input.gridID ? active.find((candidate) => candidate.gridID === input.gridID) : active[0];
  if (!cadre) throw new ForbiddenError("ledger.not_your_grid", "You may log work only on the grid you are assigned to as grid assistant.");
  const photos = [];
  for (const [index, key] of input.photoKeys.entries()) photos.push(await Photo.check(key, `photoKeys.${index}`));
  const tenantID = useTenant();
  const entryID = newID("ledger");
  const finalKeys = photos.map((photo) => Photo.finalKey(photo, entryID));
  const item = {
    tenantID,
    entryID,
    cadreID: cadre.cadreID,
    cadreName: cadre.name,
    unitID: cadre.unitID,
    gridID: cadre.gridID,
    gridPath: cadre.gridPath,
    kind: input.kind,
    date: input.date,
    month: input.date.slice(0, 7),
    hours: input.hours,
    notes: input.notes || undefined,
    photos: finalKeys,
    createdAt: now().toISOString(),
    createdBy: actorID(),
  };
  const at = noonOf(input.date);
  const scopes = [...gridScopes(cadre.gridPath), `unit:${cadre.unitID}`];
  const tally = new Tally()
    .add(scopes, at, "ledger.entries")
    .add(scopes, at, "ledger.hours", 1, input.hours)
    .add(scopes, at, `ledger.${input.kind}`, 1, input.hours);
  await writeTransaction({ ledgerEntry: LedgerEntryEntity, ...Tally.entities }, (ops) => [
    ops.ledgerEntry.create(item).commit(),
    ...tally.operations(ops),
  ]).go();
  if (photos.length) await Photo.keep(photos, finalKeys);
  return toEntry(item);
});

export const ListLedgerInput = PageInput.extend({
  /** The caller's own entries (a cadre). */
  mine: z.boolean().default(false),
  cadreID: z.string().max(80).optional(),
  gridID: z.string().max(80).optional(),
  unitID: z.string().max(80).optional(),
  /** With unitID: one month of the unit's entries. */
  month: Month.optional(),
}).refine((input) => [input.mine, input.cadreID, input.gridID, input.unitID].filter(Boolean).length === 1, {
  message: "name one of mine, cadreID, gridID or unitID",
  path: ["cadreID"],
});

/**
 * Ledger entries, newest first: a cadre's (their own, for a cadre), a grid's, or a home unit's
 * month. Grid leaders read their own grid's and below.
 */
export const listLedgerEntries = fn(ListLedgerInput, async (input) => {
  await requireMechanism(MECHANISM);
  const tenantID = useTenant();
  const staff = has("district_admin", "grid_leader");
  let query;
  if (input.mine || (input.cadreID && !staff)) {
    assertRole("cadre", "district_admin", "grid_leader");
    const own = await assignmentsOf(actorID());
    const cadreIDs = own.map((cadre) => cadre.cadreID);
    if (input.cadreID && !cadreIDs.includes(input.cadreID))
      throw new NotFoundError("cadre.not_found", `There is no cadre ${input.cadreID} that you can see.`);
    const cadreID = input.cadreID ?? cadreIDs[0];
    if (!cadreID) return { items: [], cursor: null };
    query = LedgerEntryEntity.query.byCadre({ tenantID, cadreID });
  } else {
    assertRole("district_admin", "grid_leader");
    // A grid leader reads the ledger of their own grid and below: a grid's, or a cadre's seconded there.
    const scoped = gridScope() !== null;
    if (input.cadreID) {
      const cadre = await loadCadreItem(input.cadreID);
      if (scoped) assertGridScope(await gridPathOf(cadre.gridID));
      query = LedgerEntryEntity.query.byCadre({ tenantID, cadreID: cadre.cadreID });
    } else if (input.gridID) {
      const path = await pathOfKnownGrid(input.gridID);
      if (scoped) assertGridScope(path);
      query = LedgerEntryEntity.query.byGrid({ tenantID, gridID: input.gridID });
    } else {
      await loadUnit(input.unitID!);
      query = input.month
        ? LedgerEntryEntity.query.byUnit({ tenantID, unitID: input.unitID!, month: input.month })
        : LedgerEntryEntity.query.byUnit({ tenantID, unitID: input.unitID! });
    }
  }
  const result = await page(query, input, "desc");
  let items = result.items;
  if (input.unitID && gridScope() !== null) {
    // A home unit's cadres work across the district: a grid leader sees the entries of their own grid and below.
    const grids = [...new Set(items.map((item) => item.gridID))];
    const paths = new Map(await Promise.all(grids.map(async (gridID) => [gridID, await gridPathOf(gridID)] as const)));
    items = items.filter((item) => inGridScope(paths.get(item.gridID) ?? []));
  }
  return { items: items.map(toEntry), cursor: result.cursor };
});

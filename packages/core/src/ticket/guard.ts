import { AsyncLocalStorage } from "node:async_hooks";
import * as Config from "../config/index.ts";
import { DistrictConfigEntity } from "../config/config.entity.ts";
import { ConflictError } from "../error.ts";
import * as Grid from "../grid/index.ts";
import { GridSetEntity } from "../grid/grid.entity.ts";
import type { WriteOps } from "../storage/transaction.ts";

/**
 * The warm write path of tickets: one round trip. A ticket write decides with the district's
 * configuration and (a report) its grid index as this process holds them, without reading
 * them again; its transaction checks that both are still current (`ConditionCheck`s on the
 * configuration's version and the grid set's stamp, first in the transaction). A stale copy
 * cancels the transaction; the write then runs once more with both read afresh
 * (`guarded`), so a change of the settings or the grids never goes unseen.
 */

interface Used {
  /** The second run: read afresh instead of remembering. */
  fresh: boolean;
  configVersion?: number;
  gridStamp?: number;
}

const used = new AsyncLocalStorage<Used>();

/** The guard's own code: the settings or grids changed twice while one write was tried. */
class StaleSettings extends ConflictError {
  constructor() {
    super("district.changed", "The district's settings or grids changed at this moment; try again.");
  }
}

/** A ticket write with remembered settings, run once more with fresh ones if its guard failed. */
export function guarded<Input, Output>(write: (input: Input) => Promise<Output>): (input: Input) => Promise<Output> {
  return async (input) => {
    try {
      return await used.run({ fresh: false }, () => write(input));
    } catch (error) {
      if (!(error instanceof StaleSettings)) throw error;
      return used.run({ fresh: true }, () => write(input));
    }
  };
}

/** The district's configuration for a ticket write: remembered within `guarded`, its version guarded. */
export async function configForWrite() {
  const scope = used.getStore();
  if (!scope) return Config.get();
  const config = scope.fresh ? await Config.get() : await Config.rememberedOrRead();
  scope.configVersion = config.version;
  return config;
}

/** Where a report lands: from the remembered grid index within `guarded`, its stamp guarded. */
export async function locateForWrite(point: { lon: number; lat: number }) {
  const scope = used.getStore();
  const place = await Grid.locateForWrite(point, { remembered: scope?.fresh === false });
  if (scope) scope.gridStamp = place.stamp;
  return place;
}

/** The entities of the guard's checks: spread them into the write's transaction. */
export const guardEntities = { districtConfig: DistrictConfigEntity, gridSet: GridSetEntity };

/** The checks of what the write used, to put FIRST in its transaction (see `assertGuardsHeld`). */
export function guardOperations(ops: WriteOps<typeof guardEntities>) {
  const scope = used.getStore();
  if (!scope) return [];
  return [
    ...(scope.configVersion !== undefined ? [Config.guardVersion(ops, scope.configVersion)] : []),
    ...(scope.gridStamp !== undefined ? [Grid.guardStamp(ops, scope.gridStamp)] : []),
  ];
}

/**
 * After a canceled transaction that began with the guard's checks: if one of them failed, the
 * write decided on stale settings — it is tried once more (a second failure is a 409).
 */
export function assertGuardsHeld(canceled: { code?: string }[]) {
  const scope = used.getStore();
  // The checks `guardOperations` put first: as many as the write used.
  const guards = scope ? Number(scope.configVersion !== undefined) + Number(scope.gridStamp !== undefined) : 0;
  // Only a failed condition says the copy is stale: a TransactionConflict (another write on the
  // same items at that moment) is the ticket's race, answered as such by the caller.
  if (canceled.slice(0, guards).some((reason) => reason.code === "ConditionalCheckFailed")) throw new StaleSettings();
}

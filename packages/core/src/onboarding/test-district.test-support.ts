import { withActor, type Actor } from "../actor.ts";
import { ConflictError, NotFoundError } from "../error.ts";
import * as Grid from "../grid/index.ts";
import * as Province from "../province/index.ts";
import * as Onboarding from "./index.ts";

/**
 * What the connected tests of several domains share: a district of their own (Jianyang's
 * template, in a province of its own) and squares on its map.
 */

/** A rectangle on the test map, in hundredths of a degree from `origin` (118° E, 27° N unless given). */
export function rect(x0: number, y0: number, x1: number, y1: number, [lon, lat]: [number, number] = [118, 27]): Grid.Boundary {
  const [a, b, c, d] = [lon + x0 / 100, lat + y0 / 100, lon + x1 / 100, lat + y1 / 100];
  return {
    type: "Polygon",
    coordinates: [
      [
        [a, b],
        [c, b],
        [c, d],
        [a, d],
        [a, b],
      ],
    ],
  };
}

/** Onboards the district `tenantID` (Jianyang's template) in a province `provinceID` of its own, as the operator. */
export async function onboardTestDistrict(tenantID: string, provinceID: string) {
  await withActor({ type: "operator", userID: "op" }, async () => {
    await Province.create({ provinceID, nameZh: "测试省", nameEn: "Testland" });
    await Onboarding.onboard({
      slug: tenantID,
      nameZh: "测试区",
      nameEn: "Test",
      provinceID,
      cityZh: "市",
      cityEn: "City",
      template: "jianyang",
      admin: { name: "管理员", phone: "13800000009" },
    });
  });
}

/**
 * Runs `body`, answering null for the 409 a lost race gets (and, with `orGone`, the 404 of a
 * record the winner removed); any other error is thrown.
 */
export async function tolerate<T>(body: () => Promise<T>, orGone = false): Promise<T | null> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof ConflictError || (orGone && error instanceof NotFoundError)) return null;
    throw error;
  }
}

/**
 * Runs `bodies` at once and says who won and with what the others lost: a race test asserts
 * exactly one winner and the losers' codes (a test where both may fail cannot fail).
 */
export async function race<T>(bodies: (() => Promise<T>)[]): Promise<{ won: T[]; lostWith: string[] }> {
  const results = await Promise.allSettled(bodies.map((body) => body()));
  const won = results
    .filter((result): result is PromiseFulfilledResult<Awaited<T>> => result.status === "fulfilled")
    .map((result) => result.value);
  const lostWith = results
    .filter((result): result is PromiseRejectedResult => result.status === "rejected")
    .map((result) => {
      if (result.reason instanceof ConflictError) return result.reason.code;
      throw result.reason;
    });
  return { won: won as T[], lostWith };
}

/**
 * `count` columns of the map, each a tier-1 grid with a tier-2 grid and a tier-3 grid inside it,
 * created as the district admin `admin` is; returns the IDs column by column, top first.
 */
export async function createGridColumns(admin: Actor, count: number): Promise<string[]> {
  const grids: string[] = [];
  await withActor(admin, async () => {
    for (let i = 0; i < count; i++) {
      const top = await Grid.create({ code: `T${i}`, name: `一级${i}`, tier: 1, boundary: rect(i * 10, 0, i * 10 + 10, 10) });
      const mid = await Grid.create({
        code: `T${i}-1`,
        name: `二级${i}`,
        tier: 2,
        parentID: top.gridID,
        boundary: rect(i * 10, 0, i * 10 + 5, 10),
      });
      const leaf = await Grid.create({
        code: `T${i}-1-1`,
        name: `三级${i}`,
        tier: 3,
        parentID: mid.gridID,
        boundary: rect(i * 10, 0, i * 10 + 5, 5),
      });
      grids.push(top.gridID, mid.gridID, leaf.gridID);
    }
  });
  return grids;
}

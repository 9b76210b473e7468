import { beforeAll, expect, it } from "vitest";
import { withActor, type Actor } from "../actor.ts";
import { mulberry32 } from "../demo/jianyang-grids.ts";
import { ConflictError } from "../error.ts";
import * as Grid from "../grid/index.ts";
import { MetricCounterEntity } from "../counter/metric-counter.entity.ts";
import { readTallies } from "../counter/tally.ts";
import { withClock } from "../util/clock.ts";
import * as Wish from "./index.ts";
import { onboardTestDistrict, rect } from "../onboarding/test-district.test-support.ts";
import { secondCadres } from "../cadre/second.test-support.ts";

const tenantID = "rc-wish";
const user = (userID: string, role: "resident" | "cadre" | "district_admin"): Actor => ({ type: "user", userID, tenantID, roles: [role] });
const residents = ["r1", "r2", "r3"].map((id) => user(id, "resident"));
const cadres = ["c1", "c2"].map((id) => user(id, "cadre"));

let gridIDs: string[] = [];
let secondedTo = "";

beforeAll(async () => {
  await onboardTestDistrict(tenantID, "rc-wish-p");
  await withActor(user("admin", "district_admin"), async () => {
    const top = await Grid.create({ code: "A", name: "甲网格", tier: 1, boundary: rect(0, 0, 10, 10) });
    const left = await Grid.create({ code: "A-1", name: "甲一网格", tier: 2, parentID: top.gridID, boundary: rect(0, 0, 5, 10) });
    const right = await Grid.create({ code: "A-2", name: "甲二网格", tier: 2, parentID: top.gridID, boundary: rect(5, 0, 10, 10) });
    const leaf = await Grid.create({ code: "A-1-1", name: "甲一一网格", tier: 3, parentID: left.gridID, boundary: rect(0, 0, 5, 5) });
    gridIDs = [top.gridID, left.gridID, right.gridID, leaf.gridID];
    secondedTo = leaf.gridID;
  });
  // Both cadres are seconded to the leaf: they claim its wishes (the others' wait, or are withdrawn).
  await secondCadres(tenantID, ["c1", "c2"], secondedTo);
}, 60_000);

type Model = { wishID: string; gridID: string; status: Wish.WishState; poster: Actor; holder: Actor | null };

it("rebuilds the wish counters from the records with no drift after a randomised run with concurrent steps, and repairs a corrupted one", async () => {
  const random = mulberry32(20220601);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
  const wishes: Model[] = [];
  const inState = (...states: Wish.WishState[]) => wishes.filter((wish) => states.includes(wish.status));
  // Steps a day or more apart from late 2021 on, so that they fall in several months and years (China Standard Time).
  let time = Date.UTC(2021, 10, 25, 10);
  let races = 0;
  const claims: string[] = [];
  for (let step = 0; step < 70; step++) {
    time += Math.floor(random() * 3 * 86_400_000);
    const at = new Date(time);
    const action = random();
    const open = inState("open");
    // What the cadres may claim: the open wishes of the grid they are seconded to.
    const claimable = open.filter((wish) => wish.gridID === secondedTo);
    if (action < 0.3 || !wishes.length) {
      const poster = pick(residents);
      const gridID = pick(gridIDs);
      const wish = await withClock(at, () =>
        withActor(poster, () => Wish.createWish({ title: `心愿${step}`, description: "测试心愿", gridID })),
      );
      wishes.push({ wishID: wish.wishID, gridID, status: "open", poster, holder: null });
    } else if (action < 0.5 && claimable.length) {
      // Two cadres claim the same wish at once: exactly one wins, the other gets a 409.
      const wish = pick(claimable);
      const results = await withClock(at, () =>
        Promise.allSettled(cadres.map((cadre) => withActor(cadre, () => Wish.claimWish({ wishID: wish.wishID })))),
      );
      const won = results.findIndex((result) => result.status === "fulfilled");
      expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
      const lost = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
      expect(lost.reason).toBeInstanceOf(ConflictError);
      expect(lost.reason.kind).toBe("conflict");
      Object.assign(wish, { status: "claimed", holder: cadres[won] });
      claims.push(wish.wishID);
      races++;
    } else if (action < 0.6 && inState("claimed").length) {
      const wish = pick(inState("claimed"));
      await withClock(at, () => withActor(wish.holder!, () => Wish.releaseWish({ wishID: wish.wishID })));
      Object.assign(wish, { status: "open", holder: null });
    } else if (action < 0.75 && inState("claimed").length) {
      const wish = pick(inState("claimed"));
      await withClock(at, () => withActor(wish.holder!, () => Wish.fulfilWish({ wishID: wish.wishID, note: "已完成" })));
      wish.status = "fulfilled";
    } else if (action < 0.85 && inState("fulfilled").length) {
      const wish = pick(inState("fulfilled"));
      await withClock(at, () => withActor(wish.poster, () => Wish.confirmWish({ wishID: wish.wishID })));
      wish.status = "confirmed";
    } else if (action < 0.9 && open.length) {
      const wish = pick(open);
      await withClock(at, () => withActor(wish.poster, () => Wish.cancelWish({ wishID: wish.wishID })));
      wish.status = "cancelled";
    } else if (claimable.length) {
      // Different steps on different wishes at once, on the real clock: a claim, a release, a post.
      const wish = pick(claimable);
      const held = inState("claimed")[0];
      const poster = pick(residents);
      const gridID = pick(gridIDs);
      const [, , created] = await Promise.all([
        withActor(cadres[0], () => Wish.claimWish({ wishID: wish.wishID })),
        held ? withActor(held.holder!, () => Wish.releaseWish({ wishID: held.wishID })) : null,
        withActor(poster, () => Wish.createWish({ title: `心愿${step}`, description: "测试心愿", gridID })),
      ]);
      Object.assign(wish, { status: "claimed", holder: cadres[0] });
      claims.push(wish.wishID);
      if (held) Object.assign(held, { status: "open", holder: null });
      wishes.push({ wishID: created.wishID, gridID, status: "open", poster, holder: null });
    }
  }
  expect(races).toBeGreaterThan(3);

  await withActor({ type: "system", tenantID }, async () => {
    const tallies = await readTallies("district", "all");
    expect(tallies["wishes.posted"].count).toBe(wishes.length);
    // Some wishes were released and claimed again: each claim counts.
    expect(tallies["wishes.claimed"].count).toBe(claims.length);
    expect(new Set(claims).size).toBeLessThan(claims.length);
    expect(await Wish.recount()).toEqual([]);

    // A counter off by one is named, repaired, and then recounts clean.
    const claimed = tallies["wishes.claimed"].count;
    const top = `grid:${gridIDs[0]}`;
    const before = (await readTallies(top, "all"))["wishes.claimed"].count;
    await MetricCounterEntity.update({ tenantID, scope: top, period: "all", metric: "wishes.claimed" }).add({ count: 1 }).go();
    const drift = [{ scope: top, period: "all", field: "wishes.claimed.count", stored: before + 1, recounted: before }];
    expect(await Wish.recount()).toEqual(drift);
    expect(await Wish.recount({ repair: true })).toEqual(drift);
    expect(await Wish.recount()).toEqual([]);
    expect((await readTallies(top, "all"))["wishes.claimed"].count).toBe(before);
    expect((await readTallies("district", "all"))["wishes.claimed"].count).toBe(claimed);
  });
}, 120_000);

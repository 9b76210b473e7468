import { beforeAll, expect, it } from "vitest";
import { withActor, type Actor } from "../actor.ts";
import { mulberry32 } from "../demo/jianyang-grids.ts";
import { ConflictError } from "../error.ts";
import * as Grid from "../grid/index.ts";
import { MetricCounterEntity } from "../counter/metric-counter.entity.ts";
import { readTallies } from "../counter/tally.ts";
import { withClock } from "../util/clock.ts";
import * as Meeting from "../meeting/index.ts";
import * as Need from "./index.ts";
import { secondCadres } from "../cadre/second.test-support.ts";
import { onboardTestDistrict, rect } from "../onboarding/test-district.test-support.ts";

const tenantID = "rc-need";
const user = (userID: string, role: "resident" | "cadre" | "district_admin" | "grid_leader" | "grid_worker"): Actor => ({
  type: "user",
  userID,
  tenantID,
  roles: [role],
});
const residents = ["r1", "r2", "r3"].map((id) => user(id, "resident"));
const staff = [user("admin", "district_admin"), user("l1", "grid_leader"), user("w1", "grid_worker")];
const leads = staff.slice(0, 2);
const cadres = ["c1", "c2"].map((id) => user(id, "cadre"));

let gridIDs: string[] = [];
let secondedTo = "";

beforeAll(async () => {
  await onboardTestDistrict(tenantID, "rc-need-p");
  await withActor(user("admin", "district_admin"), async () => {
    const top = await Grid.create({ code: "A", name: "甲网格", tier: 1, boundary: rect(0, 0, 10, 10) });
    const left = await Grid.create({ code: "A-1", name: "甲一网格", tier: 2, parentID: top.gridID, boundary: rect(0, 0, 5, 10) });
    const right = await Grid.create({ code: "A-2", name: "甲二网格", tier: 2, parentID: top.gridID, boundary: rect(5, 0, 10, 10) });
    const leaf = await Grid.create({ code: "A-1-1", name: "甲一一网格", tier: 3, parentID: left.gridID, boundary: rect(0, 0, 5, 5) });
    gridIDs = [top.gridID, left.gridID, right.gridID, leaf.gridID];
    secondedTo = leaf.gridID;
    // The grid staff work on the top grid: every grid of the test is theirs.
    for (const gridStaff of staff.slice(1)) Object.assign(gridStaff, { gridID: top.gridID });
  });
  // The cadres are seconded to the leaf: they claim its items; units claim anywhere.
  await secondCadres(
    tenantID,
    cadres.map((cadre) => (cadre.type === "user" ? cadre.userID : "")),
    secondedTo,
  );
}, 60_000);

type Model = { itemID: string; gridID: string; status: Need.NeedState; claimant: Actor | null };

it("rebuilds the needs counters from the items, staff's and meetings', with no drift after a randomised run with concurrent steps, and repairs a corrupted one", async () => {
  const random = mulberry32(20220715);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
  const items: Model[] = [];
  const inState = (state: Need.NeedState) => items.filter((item) => item.status === state);
  const kind = () => (random() < 0.5 ? ("problem" as const) : ("project" as const));
  let time = Date.UTC(2021, 10, 25, 10);
  let races = 0;
  for (let step = 0; step < 70; step++) {
    time += Math.floor(random() * 3 * 86_400_000);
    const at = new Date(time);
    const action = random();
    const open = inState("open");
    const claimable = open.filter((item) => item.gridID === secondedTo);
    if (action < 0.2 || !items.length) {
      const gridID = pick(gridIDs);
      const item = await withClock(at, () =>
        withActor(pick(staff), () => Need.createNeedItem({ kind: kind(), title: `清单${step}`, gridID })),
      );
      items.push({ itemID: item.itemID, gridID, status: "open", claimant: null });
    } else if (action < 0.3) {
      // A meeting's outcome writes its items (and their needs counters) in the meeting's transaction.
      const organiser = pick(staff);
      const gridID = pick(gridIDs);
      const held = await withClock(at, async () => {
        const meeting = await withActor(organiser, () =>
          Meeting.createMeeting({
            typeKey: "grid_council",
            gridID,
            scheduledAt: at.toISOString(),
            place: "社区活动室",
            topic: "议题",
          }),
        );
        const outcomes = Array.from({ length: 1 + Math.floor(random() * 3) }, (_, index) => ({
          kind: kind(),
          title: `议定事项${step}-${index}`,
        }));
        return withActor(organiser, () =>
          Meeting.recordMeetingOutcome({ meetingID: meeting.meetingID, minutes: "会议纪要", attendanceCount: 12, attendees: [], outcomes }),
        );
      });
      for (const item of held.items) items.push({ itemID: item.itemID, gridID, status: "open", claimant: null });
    } else if (action < 0.5 && claimable.length) {
      // Two claims at once, a cadre's and a unit's recorded by a leader: exactly one wins, the other gets a 409.
      const item = pick(claimable);
      const claimants = [cadres[0], leads[step % 2]];
      const results = await withClock(at, () =>
        Promise.allSettled([
          withActor(claimants[0], () => Need.claimNeedItem({ itemID: item.itemID })),
          withActor(claimants[1], () => Need.claimNeedItem({ itemID: item.itemID, unit: "区住建局" })),
        ]),
      );
      expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
      const lost = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
      expect(lost.reason).toBeInstanceOf(ConflictError);
      expect(lost.reason.kind).toBe("conflict");
      Object.assign(item, { status: "claimed", claimant: results[0].status === "fulfilled" ? claimants[0] : claimants[1] });
      races++;
    } else if (action < 0.6 && claimable.length) {
      const item = pick(claimable);
      const cadre = pick(cadres);
      await withClock(at, () => withActor(cadre, () => Need.claimNeedItem({ itemID: item.itemID })));
      Object.assign(item, { status: "claimed", claimant: cadre });
    } else if (action < 0.75 && inState("claimed").length) {
      const item = pick(inState("claimed"));
      // Ticked off by whoever claimed it, or by a lead (a unit's item always is).
      await withClock(at, () =>
        withActor(random() < 0.7 ? item.claimant! : leads[0], () => Need.closeNeedItem({ itemID: item.itemID, note: "已整改完毕" })),
      );
      item.status = "closed";
    } else if (action < 0.85 && inState("closed").length) {
      const item = pick(inState("closed"));
      await withClock(at, () => withActor(pick(residents), () => Need.confirmNeedItem({ itemID: item.itemID })));
      item.status = "confirmed";
    } else if (inState("claimed").length && inState("closed").length) {
      // Different steps on different items at once, on the real clock: a close, a confirm, a new item.
      const claimed = inState("claimed")[0];
      const closed = inState("closed")[0];
      const gridID = pick(gridIDs);
      const [, , created] = await Promise.all([
        withActor(leads[1], () => Need.closeNeedItem({ itemID: claimed.itemID, note: "已协调解决" })),
        withActor(residents[0], () => Need.confirmNeedItem({ itemID: closed.itemID })),
        withActor(staff[2], () => Need.createNeedItem({ kind: kind(), title: `清单${step}`, gridID })),
      ]);
      claimed.status = "closed";
      closed.status = "confirmed";
      items.push({ itemID: created.itemID, gridID, status: "open", claimant: null });
    }
  }
  expect(races).toBeGreaterThan(3);

  await withActor({ type: "system", tenantID }, async () => {
    const tallies = await readTallies("district", "all");
    expect(tallies["needs.created"].count).toBe(items.length);
    expect(tallies["needs.confirmed"].count).toBe(inState("confirmed").length);
    expect(await Need.recount()).toEqual([]);

    // A counter off by one is named, repaired, and then recounts clean.
    const scope = `grid:${gridIDs[1]}`;
    const before = (await readTallies(scope, "all"))["needs.closed"]?.count ?? 0;
    await MetricCounterEntity.update({ tenantID, scope, period: "all", metric: "needs.closed" }).add({ count: 1 }).go();
    const drift = [{ scope, period: "all", field: "needs.closed.count", stored: before + 1, recounted: before }];
    expect(await Need.recount()).toEqual(drift);
    expect(await Need.recount({ repair: true })).toEqual(drift);
    expect(await Need.recount()).toEqual([]);
    expect((await readTallies(scope, "all"))["needs.closed"]?.count ?? 0).toBe(before);
  });
}, 120_000);

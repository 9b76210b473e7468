import { beforeAll, expect, it } from "vitest";
import { withActor, type Actor } from "../actor.ts";
import { mulberry32 } from "../demo/jianyang-grids.ts";
import { ConflictError } from "../error.ts";
import * as Grid from "../grid/index.ts";
import { MetricCounterEntity } from "../counter/metric-counter.entity.ts";
import { readTallies } from "../counter/tally.ts";
import { withClock } from "../util/clock.ts";
import * as Meeting from "./index.ts";
import { onboardTestDistrict, rect } from "../onboarding/test-district.test-support.ts";

const tenantID = "rc-meeting";
const user = (userID: string, role: "resident" | "cadre" | "district_admin" | "grid_leader" | "grid_worker"): Actor => ({
  type: "user",
  userID,
  tenantID,
  roles: [role],
});
const organisers = [user("admin", "district_admin"), user("l1", "grid_leader"), user("w1", "grid_worker")];
const types = ["grid_council", "estate_express", "neighbour_talk", "listen_to_neighbours"];

let gridIDs: string[] = [];

beforeAll(async () => {
  await onboardTestDistrict(tenantID, "rc-meeting-p");
  await withActor(user("admin", "district_admin"), async () => {
    const top = await Grid.create({ code: "A", name: "甲网格", tier: 1, boundary: rect(0, 0, 10, 10) });
    const left = await Grid.create({ code: "A-1", name: "甲一网格", tier: 2, parentID: top.gridID, boundary: rect(0, 0, 5, 10) });
    const right = await Grid.create({ code: "A-2", name: "甲二网格", tier: 2, parentID: top.gridID, boundary: rect(5, 0, 10, 10) });
    gridIDs = [top.gridID, left.gridID, right.gridID];
  });
}, 60_000);

it("rebuilds the meeting counters from the meetings with no drift after a randomised run with concurrent steps, and repairs a corrupted one", async () => {
  const random = mulberry32(20220901);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
  const scheduled: string[] = [];
  let held = 0;
  let attendance = 0;
  let races = 0;
  const outcome = () => {
    const attendees = Array.from({ length: Math.floor(random() * 4) }, (_, index) => `居民${index}`);
    const attendanceCount = random() < 0.7 ? attendees.length + Math.floor(random() * 30) : undefined;
    return { minutes: "会议纪要", attendees, attendanceCount: attendanceCount ?? (attendees.length ? undefined : 5) };
  };
  const create = (step: number) =>
    withActor(pick(organisers), () =>
      Meeting.createMeeting({
        typeKey: pick(types),
        gridID: pick(gridIDs),
        scheduledAt: new Date(Date.UTC(2022, 0, 1) + step * 86_400_000).toISOString(),
        place: "社区活动室",
        topic: `议题${step}`,
      }),
    );
  let time = Date.UTC(2021, 10, 25, 10);
  for (let step = 0; step < 60; step++) {
    time += Math.floor(random() * 3 * 86_400_000);
    const at = new Date(time);
    const action = random();
    if (action < 0.4 || !scheduled.length) {
      scheduled.push((await withClock(at, () => create(step))).meetingID);
    } else if (action < 0.65) {
      // Two organisers record the same meeting at once: exactly one wins, the other gets a 409.
      const meetingID = scheduled.splice(Math.floor(random() * scheduled.length), 1)[0];
      const bodies = [outcome(), outcome()];
      const results = await withClock(at, () =>
        Promise.allSettled(
          bodies.map((body, index) => withActor(organisers[index], () => Meeting.recordMeetingOutcome({ meetingID, ...body }))),
        ),
      );
      const won = results.findIndex((result) => result.status === "fulfilled");
      expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
      const lost = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
      expect(lost.reason).toBeInstanceOf(ConflictError);
      expect(lost.reason.kind).toBe("conflict");
      held++;
      attendance += (results[won] as PromiseFulfilledResult<{ meeting: Meeting.Meeting }>).value.meeting.attendanceCount!;
      races++;
    } else if (action < 0.85) {
      const meetingID = scheduled.splice(Math.floor(random() * scheduled.length), 1)[0];
      const body = outcome();
      const result = await withClock(at, () => withActor(pick(organisers), () => Meeting.recordMeetingOutcome({ meetingID, ...body })));
      held++;
      attendance += result.meeting.attendanceCount!;
    } else {
      // Different steps at once, on the real clock: two meetings scheduled, one recorded.
      const meetingID = scheduled.splice(Math.floor(random() * scheduled.length), 1)[0];
      const body = outcome();
      const [first, second, result] = await Promise.all([
        create(step),
        create(step + 1),
        withActor(pick(organisers), () => Meeting.recordMeetingOutcome({ meetingID, ...body })),
      ]);
      scheduled.push(first.meetingID, second.meetingID);
      held++;
      attendance += result.meeting.attendanceCount!;
    }
  }
  expect(races).toBeGreaterThan(3);

  await withActor({ type: "system", tenantID }, async () => {
    const tallies = await readTallies("district", "all");
    expect(tallies["meetings.scheduled"].count).toBe(scheduled.length + held);
    expect(tallies["meetings.held"].count).toBe(held);
    expect(tallies["meetings.attendance"].sum).toBe(attendance);
    expect(await Meeting.recount()).toEqual([]);

    // A sum off by some is named, repaired, and then recounts clean.
    const scope = `grid:${gridIDs[2]}`;
    const before = (await readTallies(scope, "all"))["meetings.attendance"]?.sum ?? 0;
    await MetricCounterEntity.update({ tenantID, scope, period: "all", metric: "meetings.attendance" }).add({ count: 1, sum: 7 }).go();
    const count = (await readTallies(scope, "all"))["meetings.attendance"].count;
    expect(await Meeting.recount()).toEqual([
      { scope, period: "all", field: "meetings.attendance.count", stored: count, recounted: count - 1 },
      { scope, period: "all", field: "meetings.attendance.sum", stored: before + 7, recounted: before },
    ]);
    expect(await Meeting.recount({ repair: true })).toHaveLength(2);
    expect(await Meeting.recount()).toEqual([]);
    expect((await readTallies(scope, "all"))["meetings.attendance"]).toEqual({ count: count - 1, sum: before });
  });
}, 120_000);

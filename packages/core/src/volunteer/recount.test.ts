import { beforeAll, expect, it } from "vitest";
import { withActor, type Actor } from "../actor.ts";
import { mulberry32 } from "../demo/jianyang-grids.ts";
import * as Config from "../config/index.ts";
import { MetricCounterEntity } from "../counter/metric-counter.entity.ts";
import { readTallies } from "../counter/tally.ts";
import { withClock } from "../util/clock.ts";
import * as Volunteer from "./index.ts";
import { createGridColumns, onboardTestDistrict, tolerate } from "../onboarding/test-district.test-support.ts";

/**
 * The recount rebuilds every `volunteers.*`, `activities.*` and `owners.*` tally from the
 * records: after a randomised run of teams, members joining and leaving, problems, activities
 * and owners' records (some at the same time: two removals of one member, where one loses),
 * it finds no drift; a corrupted counter is named and repaired.
 */
const tenantID = "rc-volunteer";
const admin: Actor = { type: "user", userID: "admin-rc-vol", tenantID, roles: ["district_admin"] };
const grids: string[] = [];

beforeAll(async () => {
  await onboardTestDistrict(tenantID, "rc-vol");
  grids.push(...(await createGridColumns(admin, 2)));
});

const dayOf = (time: number) => new Date(time + 8 * 3600_000).toISOString().slice(0, 10);

it("finds no drift after a randomised run with concurrent joins and removals, and repairs a corrupted counter", async () => {
  const random = mulberry32(6008);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
  const phone = () => `139${String(Math.floor(random() * 1e8)).padStart(8, "0")}`;
  const teams: string[] = [];
  let removals = 0;
  let clock = new Date("2022-01-04T02:00:00Z").getTime();
  await withActor(admin, async () => {
    const { governance } = await Config.requireMechanism("volunteers");
    const teamKinds = governance.volunteerTeamKinds.map((kind) => kind.key);
    const activityKinds = governance.activityKinds.map((kind) => kind.key);
    for (let step = 0; step < 50; step++) {
      clock += Math.floor(random() * 7 * 24 * 3600_000);
      const day = () => dayOf(clock - Math.floor(random() * 20) * 24 * 3600_000);
      await withClock(new Date(clock), async () => {
        const roll = random();
        if (roll < 0.15 || teams.length === 0) {
          const members = Array.from({ length: Math.floor(random() * 4) }, (_, index) => ({
            name: `志愿者${step}-${index}`,
            phone: phone(),
          }));
          const team = await Volunteer.createTeam({
            kind: pick(teamKinds),
            name: `服务队${step}`,
            gridID: pick(grids),
            leaderName: "队长",
            members,
          });
          teams.push(team.teamID);
        } else if (roll < 0.35) {
          // Two members join the same team at once: both count.
          const teamID = pick(teams);
          await Promise.all([0, 1].map((index) => Volunteer.addMember({ teamID, name: `志愿者${step}-${index}`, phone: phone() })));
        } else if (roll < 0.5) {
          // The same member taken off twice at once: one removal wins, the other is a 409 (or a 404).
          const { members } = await Volunteer.getTeam(pick(teams));
          if (members.length === 0) return;
          const member = pick(members);
          const results = await Promise.all(
            [0, 1].map(() => tolerate(() => Volunteer.removeMember({ teamID: member.teamID, memberID: member.memberID }), true)),
          );
          expect(results.filter(Boolean)).toHaveLength(1);
          removals++;
        } else if (roll < 0.65) {
          await Volunteer.recordProblem({
            teamID: pick(teams),
            ...(random() < 0.5 ? { gridID: pick(grids) } : {}),
            date: day(),
            title: `解决问题${step}`,
          });
        } else if (roll < 0.85) {
          // Two activities at once on one grid.
          const gridID = pick(grids);
          await Promise.all(
            [0, 1].map((index) =>
              Volunteer.createActivity({
                kind: pick(activityKinds),
                title: `活动${step}-${index}`,
                date: day(),
                gridID,
                organisers: ["社区"],
                teamIDs: [pick(teams)],
                served: Math.floor(random() * 200),
              }),
            ),
          );
        } else {
          const gridID = pick(grids);
          const kind = pick(["committee_worker", "consultation", "livelihood_project"] as const);
          await Volunteer.createOwnersRecord(
            kind === "committee_worker"
              ? { kind, gridID, date: day(), personName: "网格员", estate: "小区" }
              : kind === "consultation"
                ? { kind, gridID, date: day(), topic: "协商议事" }
                : { kind, gridID, date: day(), projectKind: "lift", topic: "加装电梯" },
          );
        }
      });
    }
    expect(removals).toBeGreaterThan(0);
    // The standing member count agrees with the members left on the teams.
    const left = (await Promise.all(teams.map((teamID) => Volunteer.getTeam(teamID)))).reduce(
      (total, { members }) => total + members.length,
      0,
    );
    expect((await readTallies("district", "all"))["volunteers.members"].count).toBe(left);

    expect(await Volunteer.recount()).toEqual([]);

    // A corrupted counter is named, repaired, and then agrees.
    const scope = `team:${teams[0]}`;
    await MetricCounterEntity.update({ tenantID, scope, period: "all", metric: "volunteers.members" }).add({ count: 1 }).go();
    const drift = await Volunteer.recount();
    expect(drift).toHaveLength(1);
    expect(drift[0]).toMatchObject({ scope, period: "all", field: "volunteers.members.count" });
    expect(drift[0].stored).toBe(drift[0].recounted + 1);
    expect(await Volunteer.recount({ repair: true })).toEqual(drift);
    expect(await Volunteer.recount()).toEqual([]);
  });
});

import type { Actor } from "../actor.ts";
import { CadreEntity } from "../cadre/cadre.entity.ts";
import { GridEntity } from "../grid/grid.entity.ts";
import * as Grid from "../grid/index.ts";
import * as Meeting from "../meeting/index.ts";
import { MeetingEntity } from "../meeting/meeting.entity.ts";
import * as Need from "../need/index.ts";
import { NeedItemEntity } from "../need/need.entity.ts";
import * as Wish from "../wish/index.ts";
import { WishEntity } from "../wish/wish.entity.ts";
import { mulberry32 } from "./jianyang-grids.ts";
import { getMany, idOf, pool, sequence, type StepRun } from "./replay.ts";

/**
 * Jianyang's 2022 "menu-style services" (菜单式服务) in the article's figures: 360 micro-wishes
 * fulfilled (微心愿), 184 needs/project list items (问题清单·项目清单), and the meetings they came
 * from — a monthly 我听邻说 tea party in six communities, grid councils, estate expresses and
 * neighbour meetings. (The 48 joint party-building meetings are the party chain's records.)
 */
export const JianyangMenuCounts = {
  wishesFulfilled: 360,
  /** Fulfilled and confirmed by the resident; the rest of the fulfilled wait for confirmation. */
  wishesConfirmed: 348,
  /** Still open, and claimed but not yet fulfilled, at the end of the year (on the demo cadre's grid). */
  wishesOpen: 8,
  wishesClaimed: 4,
  needs: 184,
  needsFromMeetings: 104,
  teaParties: 72,
  otherMeetings: 48,
} as const;

const wishTitles: [string, string][] = [
  ["想要一副老花镜", "眼睛花了，看不清药盒上的字"],
  ["希望有人帮忙修理漏水的水龙头", "独居，厨房水龙头一直滴水"],
  ["孩子想要一套课外书", "孩子上三年级，喜欢看科普书"],
  ["希望有人陪同去医院复查", "子女在外地，腿脚不便"],
  ["想学用智能手机视频通话", "想和外地的孙子视频"],
  ["需要一台旧电风扇", "夏天屋里太热"],
  ["希望帮忙更换楼道灯泡", "楼道太黑，晚上出门不方便"],
  ["想要一个助行器", "术后恢复期，走路需要支撑"],
  ["希望有人帮忙代购生活用品", "行动不便，买米买油困难"],
  ["孩子需要一个书包", "开学在即，旧书包坏了"],
  ["想要几盆绿植", "想给院子添点绿色"],
  ["希望有人帮忙打扫卫生", "年纪大了，打扫不动"],
];
const fulfilNotes = ["已送达，老人很满意", "已上门完成", "联系爱心企业捐赠，已送到家", "已陪同办理完毕", "已购买并送达"];
const problemTitles = [
  "楼道堆放杂物",
  "小区路灯损坏",
  "排水沟堵塞",
  "电动车楼道充电",
  "绿化带缺损",
  "停车秩序混乱",
  "外墙瓷砖脱落",
  "垃圾分类点脏乱",
];
const projectTitles = [
  "加装电梯",
  "小区立面改造",
  "安装休闲座椅",
  "增设充电桩",
  "老年活动室改造",
  "雨污分流改造",
  "增设停车位",
  "楼道照明改造",
];
const closeNotes = ["已整改完毕，现场复核通过", "已完成施工并验收", "已协调相关部门解决", "已清理完毕"];
const topics = ["小区停车难", "楼道环境整治", "加装电梯意见征集", "垃圾分类推进", "老旧小区改造", "邻里纠纷化解", "夏季防汛", "文明养犬"];
const units = ["区住建局", "区城管局", "国网建阳供电公司", "区交通运输局", "区水利局"];
const places = ["社区活动室", "网格党群服务站", "小区凉亭", "居民议事厅", "楼栋长家中"];

const user = (userID: string, ...roles: ("resident" | "cadre" | "grid_worker" | "grid_leader")[]): Actor => ({
  type: "user",
  userID,
  tenantID: "jianyang",
  roles,
});
/** A grid worker or leader, on the grid they work on. */
const gridStaff = (userID: string, role: "grid_worker" | "grid_leader", gridID: string): Actor => ({
  type: "user",
  userID,
  tenantID: "jianyang",
  roles: [role],
  gridID,
});
const hour = 3600_000;
/** 2022-01-01 00:00 China Standard Time. */
const start = Date.UTC(2022, 0, 1) - 8 * hour;
const DAY = 24 * hour;

/** A smaller year of the same shape (tests): 30 wishes fulfilled, 14 meetings, 20 needs items. */
export const SmallMenuCounts: MenuCounts = {
  wishesFulfilled: 30,
  wishesConfirmed: 29,
  wishesOpen: 4,
  wishesClaimed: 2,
  needs: 20,
  needsFromMeetings: 13,
  teaParties: 6,
  otherMeetings: 8,
};

export type MenuCounts = { [K in keyof typeof JianyangMenuCounts]: number };

/** Items of the step: wishes, meetings, needs items entered by staff, and every needs item's progress. */
export const menuPlanSize = (counts: MenuCounts = JianyangMenuCounts) =>
  counts.wishesFulfilled +
  counts.wishesOpen +
  counts.wishesClaimed +
  counts.teaParties +
  counts.otherMeetings +
  (counts.needs - counts.needsFromMeetings) +
  counts.needs;

/** How many actions of a record's sequence its status says were made. */
const wishSteps: Record<string, number> = { open: 1, claimed: 2, fulfilled: 3, confirmed: 4 };
const needSteps: Record<string, number> = { open: 0, claimed: 1, closed: 2, confirmed: 3 };

/**
 * Seeds the year through the wish, needs and meeting core functions, each step as the person who
 * took it at the time it happened (2022). Assumes Jianyang's grids are seeded. A step of the demo
 * year (resumable: see replay.ts).
 */
export async function seedJianyangMenu(step: StepRun, options: { concurrency?: number; counts?: MenuCounts } = {}) {
  const counts = options.counts ?? JianyangMenuCounts;
  const tenantID = "jianyang";
  const grids = (
    await GridEntity.query.primary({ tenantID }).go({ pages: "all", attributes: ["gridID", "tierKey", "path", "status"] })
  ).data.filter((grid) => grid.status === "active");
  const tier = (key: string) => grids.filter((grid) => grid.tierKey === key).sort((a, b) => a.gridID.localeCompare(b.gridID));
  const leaves = tier("3").length ? tier("3") : tier("2").length ? tier("2") : tier("1");
  const middles = tier("2").length ? tier("2") : leaves;
  const tops = tier("1").length ? tier("1") : middles;
  if (!leaves.length) throw new Error("Seed Jianyang's grids first.");
  // The demo cadre and worker work on the grid at the district's centre: the open wishes wait there.
  const centre = await Grid.locate({ lon: 118.12, lat: 27.33 })
    .then((place) => place.grid.gridID)
    .catch(() => leaves[0].gridID);
  // Cadres claim on the grid they are seconded to (the cadres' step came first): who is where.
  const seconded = new Map<string, string[]>();
  for (const cadre of (await CadreEntity.query.primary({ tenantID }).go({ pages: "all", attributes: ["userID", "gridID", "status"] })).data)
    if (cadre.status === "active") seconded.set(cadre.gridID, [...(seconded.get(cadre.gridID) ?? []), cadre.userID].sort());
  const cadreGrids = [...seconded.keys()].sort();
  if (!cadreGrids.length || !seconded.has(centre)) throw new Error("Second Jianyang's cadres first (the demo cadre at the centre).");
  const random = mulberry32(360184);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  const concurrency = options.concurrency ?? 8;

  // ─── the plan: micro-wishes ───
  const fulfilled = counts.wishesFulfilled;
  const total = fulfilled + counts.wishesOpen + counts.wishesClaimed;
  const wishes = Array.from({ length: total }, (_, index) => {
    const late = index >= fulfilled;
    const [title, description] = pick(wishTitles);
    // Posted where a cadre is seconded, and claimed by one of that grid's cadres.
    const gridID = late ? centre : pick(cadreGrids);
    const cadres = seconded.get(gridID)!;
    return {
      index,
      title,
      description,
      gridID,
      postedAt: late
        ? Date.UTC(2022, 11, 20) - 8 * hour + random() * 8 * DAY
        : start + (index / fulfilled) * 345 * DAY + random() * 12 * hour,
      poster: `resident-${String(Math.floor(random() * 2400)).padStart(4, "0")}`,
      claimant: cadres[Math.floor(random() * cadres.length)],
      stage:
        index < counts.wishesConfirmed
          ? "confirmed"
          : index < fulfilled
            ? "fulfilled"
            : index < fulfilled + counts.wishesOpen
              ? "open"
              : "claimed",
      delays: [random(), random(), random()],
    };
  });
  const wishID = (plan: (typeof wishes)[number]) => idOf(step.name, `wish/${plan.index}/0`, "wish", plan.postedAt);

  // ─── meetings: a monthly tea party in six communities, and others; outcomes become needs items ───
  const communities = tops.slice(0, 6);
  const types = [
    ...Array.from({ length: counts.otherMeetings / 2 }, () => "grid_council"),
    ...Array.from({ length: counts.otherMeetings / 4 }, () => "estate_express"),
    ...Array.from({ length: counts.otherMeetings / 4 }, () => "neighbour_talk"),
  ];
  const meetings = [
    ...Array.from({ length: counts.teaParties }, (_, n) => ({
      typeKey: "listen_to_neighbours",
      gridID: communities[n % communities.length].gridID,
      heldAt: Date.UTC(2022, Math.floor(n / 6), 10 + (n % 6)) - 8 * hour + 19.5 * hour,
    })),
    ...types.map((typeKey, n) => ({
      typeKey,
      gridID: (typeKey === "grid_council" ? pick(middles) : pick(leaves)).gridID,
      heldAt: start + ((n + 0.5) / types.length) * 360 * DAY + 15 * hour,
    })),
  ].map((meeting, index) => ({ ...meeting, index, outcomes: index % 15 < 13 ? 1 : 0, attendance: 8 + Math.floor(random() * 30) }));
  const meetingID = (plan: (typeof meetings)[number]) => idOf(step.name, `meeting/${plan.index}/0`, "meeting", plan.heldAt - 3 * DAY);
  const fromMeetings = meetings.flatMap((plan) =>
    Array.from({ length: plan.outcomes }, (_, n) => ({
      itemID: idOf(step.name, `meeting/${plan.index}/1`, "need", plan.heldAt + 2 * hour, n),
      createdAt: plan.heldAt + 2 * hour,
      gridID: plan.gridID,
    })),
  );

  // ─── needs items entered by staff; then most are claimed, ticked off and confirmed ───
  const staffCount = counts.needs - fromMeetings.length;
  const staffNeeds = Array.from({ length: staffCount }, (_, n) => {
    const createdAt = start + ((n + 0.5) / staffCount) * 350 * DAY + 10 * hour;
    const gridID = n % 20 === 0 ? centre : cadreGrids[(n * 7919) % cadreGrids.length];
    return { n, createdAt, gridID, itemID: idOf(step.name, `need/${n}/0`, "need", createdAt) };
  });
  const items = [...fromMeetings, ...staffNeeds].sort((a, b) => a.itemID.localeCompare(b.itemID));

  // Resumed: how far each record got.
  const reached = new Map<string, number>();
  if (step.resuming) {
    const found = await Promise.all([
      getMany(
        wishes.map((plan) => ({ tenantID, wishID: wishID(plan) })),
        (keys) =>
          WishEntity.get(keys)
            .go()
            .then((result) => result.data.map((item) => [item.wishID, wishSteps[item.status] ?? 4] as const)),
      ),
      getMany(
        meetings.map((plan) => ({ tenantID, meetingID: meetingID(plan) })),
        (keys) =>
          MeetingEntity.get(keys)
            .go()
            .then((result) => result.data.map((item) => [item.meetingID, item.status === "held" ? 2 : 1] as const)),
      ),
      getMany(
        items.map(({ itemID }) => ({ tenantID, itemID })),
        (keys) =>
          NeedItemEntity.get(keys)
            .go()
            .then((result) => result.data.map((item) => [item.itemID, needSteps[item.status] ?? 3] as const)),
      ),
    ]);
    for (const [id, count] of found.flat()) reached.set(id, count);
  }

  await pool(wishes, concurrency, async (plan) => {
    const id = wishID(plan);
    const next = sequence(step, `wish/${plan.index}`, reached.get(id) ?? 0);
    let t = plan.postedAt;
    const poster = user(plan.poster, "resident");
    const cadre = user(plan.claimant, "cadre");
    await next(t, poster, () => Wish.createWish({ title: plan.title, description: plan.description, gridID: plan.gridID }));
    if (plan.stage !== "open") {
      t += (2 + plan.delays[0] * 46) * hour;
      await next(t, cadre, () => Wish.claimWish({ wishID: id }));
      if (plan.stage !== "claimed") {
        t += (1 + plan.delays[1] * 5) * DAY;
        await next(t, cadre, () => Wish.fulfilWish({ wishID: id, note: fulfilNotes[plan.index % fulfilNotes.length] }));
        if (plan.stage === "confirmed") await next(t + (2 + plan.delays[2] * 40) * hour, poster, () => Wish.confirmWish({ wishID: id }));
      }
    }
    step.item();
  });

  await pool(meetings, concurrency, async (plan) => {
    const id = meetingID(plan);
    const next = sequence(step, `meeting/${plan.index}`, reached.get(id) ?? 0);
    const organiser = user(`worker-menu-${plan.index % 40}`, "grid_worker");
    await next(plan.heldAt - 3 * DAY, organiser, () =>
      Meeting.createMeeting({
        typeKey: plan.typeKey,
        gridID: plan.gridID,
        scheduledAt: new Date(plan.heldAt).toISOString(),
        place: places[plan.index % places.length],
        topic: topics[plan.index % topics.length],
      }),
    );
    const outcomes = Array.from({ length: plan.outcomes }, (_, n) =>
      (plan.index + n) % 3 === 0
        ? { kind: "project" as const, title: projectTitles[plan.index % projectTitles.length] }
        : { kind: "problem" as const, title: problemTitles[plan.index % problemTitles.length] },
    );
    await next(plan.heldAt + 2 * hour, organiser, () =>
      Meeting.recordMeetingOutcome({
        meetingID: id,
        minutes: `${topics[plan.index % topics.length]}：居民代表发言，议定事项列入清单。`,
        attendanceCount: plan.attendance,
        outcomes,
      }),
    );
    step.item();
  });

  await pool(staffNeeds, concurrency, async ({ n, createdAt, gridID, itemID }) => {
    const kind = n % 3 === 0 ? ("project" as const) : ("problem" as const);
    const next = sequence(step, `need/${n}`, reached.has(itemID) ? 1 : 0);
    // Grid staff enter and claim the items of their own grid.
    await next(createdAt, gridStaff(`worker-menu-${n % 40}`, "grid_worker", gridID), () =>
      Need.createNeedItem({ kind, title: (kind === "project" ? projectTitles : problemTitles)[n % 8], gridID }),
    );
    step.item();
  });

  await pool(items, concurrency, async (entry, index) => {
    const roll = (index * 7919) % 100;
    const next = sequence(step, `needs/${index}`, reached.get(entry.itemID) ?? 0);
    // 6% wait for a claim, 6% are in progress; the rest are ticked off, most confirmed.
    if (roll >= 6) {
      let t = Math.min(entry.createdAt + (1 + (roll % 5)) * DAY, Date.UTC(2022, 11, 29));
      // A cadre claims an item of the grid they are seconded to; a unit (recorded by a leader) any other, and every fourth.
      const cadres = seconded.get(entry.gridID);
      const byUnit = roll % 4 === 0 || !cadres;
      const claimer = byUnit
        ? gridStaff(`leader-menu-${index % 12}`, "grid_leader", entry.gridID)
        : user(cadres[(index * 37) % cadres.length], "cadre");
      await next(t, claimer, () => Need.claimNeedItem({ itemID: entry.itemID, unit: byUnit ? units[index % units.length] : undefined }));
      if (roll >= 12) {
        t = Math.min(t + (3 + (roll % 20)) * DAY, Date.UTC(2022, 11, 30));
        await next(t, claimer, () => Need.closeNeedItem({ itemID: entry.itemID, note: closeNotes[index % closeNotes.length] }));
        if (roll >= 25)
          await next(t + 20 * hour, user(`resident-${String((index * 13) % 2400).padStart(4, "0")}`, "resident"), () =>
            Need.confirmNeedItem({ itemID: entry.itemID }),
          );
      }
    }
    step.item();
  });
  return { wishes: wishes.length, wishesFulfilled: fulfilled, meetings: meetings.length, needs: items.length };
}

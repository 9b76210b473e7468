import { get as currentConfig } from "../config/index.ts";
import { GridEntity } from "../grid/grid.entity.ts";
import { AssignmentEntity } from "../person/person.entity.ts";
import * as Volunteer from "../volunteer/index.ts";
import { OwnersRecordEntity, VolunteerActivityEntity, VolunteerProblemEntity, VolunteerTeamEntity } from "../volunteer/volunteer.entity.ts";
import { mulberry32 } from "./jianyang-grids.ts";
import { getMany, idOf, pool, type StepRun } from "./replay.ts";

/**
 * Jianyang's 2022 volunteers and red property management in the article's figures: 165
 * volunteer teams solving 610 problems, 180 volunteer activities serving 9,800 people, 65 grid
 * workers on owners' committees, 180 consultations and 72 livelihood projects.
 */
export const JianyangVolunteerCounts = {
  teams: 165,
  problemsSolved: 610,
  activities: 180,
  served: 9800,
  committeeWorkers: 65,
  consultations: 180,
  livelihoodProjects: 72,
} as const;

const surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余叶程苏吕魏丁".split("");
const given = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂兰建华志红玉春晓梅海燕立新文斌云飞雪琴宏亮佳慧俊峰婷雅丹辉鹏凤".split("");
const estates = [
  "建发一区",
  "建发二区",
  "水南新城",
  "书坊花园",
  "嘉禾苑",
  "翠屏山庄",
  "童游小区",
  "潭城名苑",
  "西门新村",
  "东门花园",
  "将口新居",
  "麻沙家园",
];
const units = [
  "社区居委会",
  "区卫健局",
  "区民政局",
  "区司法局",
  "国网建阳供电公司",
  "区医保局",
  "区文明办",
  "区总工会",
  "团区委",
  "区妇联",
];
const problemTitles: Record<string, string[]> = {
  epidemic_publicity: ["入户宣传疫苗接种", "张贴防疫告示", "劝导佩戴口罩"],
  environment: ["清理楼道堆积杂物", "清运绿化带垃圾", "整治乱拉晾晒"],
  security_patrol: ["夜间巡逻发现消防隐患", "劝离楼道电动车充电", "协助寻回走失老人"],
  mediation: ["调解邻里漏水纠纷", "调解停车位争议", "调解宠物扰民纠纷"],
};
const activityTitles: Record<string, string[]> = {
  policy_talk: ["医保政策进小区", "反诈宣传进楼栋", "垃圾分类政策宣讲"],
  appliance_repair: ["家电义务维修", "小家电免费检修"],
  health_care: ["健康义诊进社区", "老年人免费体检"],
  legal_aid: ["法律咨询进网格", "普法宣传咨询"],
  elderly_care: ["关爱独居老人", "重阳敬老慰问"],
};
const consultationTopics = [
  "加装电梯费用分摊",
  "小区停车位规划",
  "物业服务费调整",
  "楼道照明改造",
  "外墙渗水维修",
  "电动车集中充电桩选址",
  "绿化带改造",
];
const projectKinds: { kind: "lift" | "fans" | "facade" | "other"; share: number; titles: string[] }[] = [
  { kind: "lift", share: 28, titles: ["号楼加装电梯"] },
  { kind: "fans", share: 18, titles: ["菜市场加装风扇", "老年活动中心加装风扇"] },
  { kind: "facade", share: 16, titles: ["沿街立面改造", "外墙立面整治"] },
  { kind: "other", share: 10, titles: ["雨污分流改造", "休闲广场修缮", "路灯更新"] },
];

/** `total` split over `parts` with some spread, summing to exactly `total`. */
function split(total: number, parts: number, random: () => number): number[] {
  const weights = Array.from({ length: parts }, () => 0.4 + random() * 1.2);
  const sum = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((weight) => Math.floor((weight / sum) * total));
  let rest = total - shares.reduce((a, b) => a + b, 0);
  for (let index = 0; rest > 0; index = (index + 1) % parts, rest--) shares[index]++;
  return shares;
}

export type VolunteerCounts = { [K in keyof typeof JianyangVolunteerCounts]: number };

/** A smaller year of the same shape (tests). */
export const SmallVolunteerCounts: VolunteerCounts = {
  teams: 15,
  problemsSolved: 55,
  activities: 15,
  served: 800,
  committeeWorkers: 6,
  consultations: 15,
  livelihoodProjects: 6,
};

/** Items of the step: teams, problems solved, activities and red property management records. */
export const volunteerPlanSize = (counts: VolunteerCounts = JianyangVolunteerCounts) =>
  Object.values(counts).reduce((sum, count) => sum + count, 0) - counts.served;

/**
 * Seeds the year's volunteer teams, problems solved, activities and red property management
 * through the volunteer module, each record at the day it happened. Assumes Jianyang's grids
 * (and, for the committee workers' names, its people). A step of the demo year (resumable: see
 * replay.ts).
 */
export async function seedJianyangVolunteers(step: StepRun, options: { concurrency?: number; counts?: VolunteerCounts } = {}) {
  const tenantID = "jianyang";
  const config = await currentConfig();
  const grids = (
    await GridEntity.query.primary({ tenantID }).go({ pages: "all", attributes: ["gridID", "name", "tierKey", "status"] })
  ).data.filter((grid) => grid.status === "active" && grid.tierKey !== "dedicated");
  if (!grids.length) throw new Error("Seed Jianyang's grids before its volunteers.");
  const deepest = String(Math.max(...grids.map((grid) => Number(grid.tierKey))));
  const leaves = grids.filter((grid) => grid.tierKey === deepest).sort((a, b) => a.gridID.localeCompare(b.gridID));
  const random = mulberry32(165_610);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  let serial = 0;
  const person = () => {
    serial++;
    return {
      name: pick(surnames) + pick(given) + (random() < 0.6 ? pick(given) : ""),
      phone: `13${String(500_000_000 + serial * 7_919).slice(-9)}`,
    };
  };
  const dayOf = (fromDay: number, toDay: number) => {
    const day = fromDay + Math.floor(random() * (toDay - fromDay + 1));
    return new Date(Date.UTC(2022, 0, 1 + day)).toISOString().slice(0, 10);
  };
  const timeOf = (date: string) => Date.parse(`${date}T10:00:00+08:00`);
  const concurrency = options.concurrency ?? 8;
  const counts = options.counts ?? JianyangVolunteerCounts;

  // Teams, founded over the first half of the year, one of each kind in turn, spread over the leaves.
  const kinds = config.governance.volunteerTeamKinds;
  const teams = Array.from({ length: counts.teams }, (_, index) => {
    const grid = leaves[Math.floor((index * leaves.length) / counts.teams) % leaves.length];
    const kind = kinds[index % kinds.length];
    const leader = person();
    const founded = dayOf(0, 180);
    return {
      founded,
      teamID: idOf(step.name, `team/${index}`, "team", timeOf(founded)),
      input: {
        kind: kind.key,
        name: `${grid.name}${kind.nameZh}志愿服务队`.slice(0, 60),
        gridID: grid.gridID,
        leaderName: leader.name,
        leaderPhone: leader.phone,
        members: Array.from({ length: 4 + Math.floor(random() * 9) }, person),
      },
    };
  });

  // Problems solved: every team at least one, the rest at random, after the team was founded.
  const foundedDay = (team: (typeof teams)[number]) => Math.round((Date.parse(team.founded) - Date.UTC(2022, 0, 1)) / 86_400_000);
  const problems = Array.from({ length: counts.problemsSolved }, (_, index) => {
    const team = index < teams.length ? teams[index] : pick(teams);
    return { team, date: dayOf(foundedDay(team), 360), title: pick(problemTitles[team.input.kind] ?? ["解决群众急难愁盼问题"]) };
  });

  // Activities: each run by a team with a unit, on the team's grid, serving 9,800 people in all.
  const activityKinds = config.governance.activityKinds;
  const served = split(counts.served, counts.activities, random);
  const activities = served.map((people, index) => {
    const kind = activityKinds[index % activityKinds.length];
    const team = pick(teams);
    return {
      date: dayOf(foundedDay(team), 360),
      input: {
        kind: kind.key,
        title: pick(activityTitles[kind.key] ?? [kind.nameZh]),
        gridID: team.input.gridID,
        organisers: [pick(units), team.input.name],
        teamIDs: [team.teamID],
        served: people,
      },
    };
  });

  // Red property management: grid workers of 65 leaves on owners' committees, consultations, projects.
  const committeeLeaves = Array.from(
    { length: counts.committeeWorkers },
    (_, index) => leaves[Math.floor((index * leaves.length) / counts.committeeWorkers) % leaves.length],
  );
  const owners: Volunteer.CreateOwnersRecordInput[] = [];
  for (const grid of committeeLeaves) {
    const workers = await AssignmentEntity.query.byGrid({ tenantID, gridID: grid.gridID, roleKey: "grid_worker" }).go({ limit: 1 });
    const worker = workers.data[0];
    owners.push({
      kind: "committee_worker",
      gridID: grid.gridID,
      date: dayOf(0, 200),
      personName: worker?.personName ?? person().name,
      ...(worker ? { personID: worker.personID } : {}),
      estate: pick(estates),
    });
  }
  for (let index = 0; index < counts.consultations; index++) {
    const grid = pick(committeeLeaves);
    owners.push({ kind: "consultation", gridID: grid.gridID, date: dayOf(0, 360), topic: pick(consultationTopics), estate: pick(estates) });
  }
  const shareTotal = projectKinds.reduce((sum, kind) => sum + kind.share, 0);
  for (const [position, project] of projectKinds.entries()) {
    const count =
      position === projectKinds.length - 1
        ? counts.livelihoodProjects - owners.filter((plan) => plan.kind === "livelihood_project").length
        : Math.round((project.share / shareTotal) * counts.livelihoodProjects);
    for (let index = 0; index < count; index++) {
      const estate = pick(estates);
      const title =
        project.kind === "lift" ? `${estate}${1 + Math.floor(random() * 12)}${project.titles[0]}` : `${estate}${pick(project.titles)}`;
      owners.push({
        kind: "livelihood_project",
        gridID: pick(leaves).gridID,
        date: dayOf(60, 360),
        projectKind: project.kind,
        topic: title,
        estate,
      });
    }
  }

  // Every record is one action: its key, its ID, and the core call that makes it.
  type Action = { key: string; id?: string; prefix?: string; date: string; run: () => Promise<unknown> };
  const actions = (
    [
      ...teams.map((team, index) => ({
        key: `team/${index}`,
        id: team.teamID,
        date: team.founded,
        run: () => Volunteer.createTeam(team.input),
      })),
      ...problems.map((plan, index) => ({
        key: `problem/${index}`,
        prefix: "problem",
        date: plan.date,
        run: () => Volunteer.recordProblem({ teamID: plan.team.teamID, date: plan.date, title: plan.title }),
      })),
      ...activities.map((plan, index) => ({
        key: `activity/${index}`,
        prefix: "activity",
        date: plan.date,
        run: () => Volunteer.createActivity({ ...plan.input, date: plan.date }),
      })),
      ...owners.map((plan, index) => ({
        key: `owners/${index}`,
        prefix: "owners",
        date: plan.date,
        run: () => Volunteer.createOwnersRecord(plan),
      })),
    ] as Action[]
  ).map((action) => ({ ...action, id: action.id ?? idOf(step.name, action.key, action.prefix!, timeOf(action.date)) }));
  const there = new Set<string>();
  if (step.resuming) {
    const ids = (prefix: string) => actions.filter((action) => action.id.startsWith(`${prefix}_`)).map((action) => action.id);
    const found = await Promise.all([
      getMany(
        ids("team").map((teamID) => ({ tenantID, teamID })),
        (keys) =>
          VolunteerTeamEntity.get(keys)
            .go()
            .then((result) => result.data.map((item) => item.teamID)),
      ),
      getMany(
        ids("problem").map((problemID) => ({ tenantID, problemID })),
        (keys) =>
          VolunteerProblemEntity.get(keys)
            .go()
            .then((result) => result.data.map((item) => item.problemID)),
      ),
      getMany(
        ids("activity").map((activityID) => ({ tenantID, activityID })),
        (keys) =>
          VolunteerActivityEntity.get(keys)
            .go()
            .then((result) => result.data.map((item) => item.activityID)),
      ),
      getMany(
        ids("owners").map((recordID) => ({ tenantID, recordID })),
        (keys) =>
          OwnersRecordEntity.get(keys)
            .go()
            .then((result) => result.data.map((item) => item.recordID)),
      ),
    ]);
    for (const id of found.flat()) there.add(id);
  }
  // Teams first: the other records name them.
  const run = async (action: (typeof actions)[number]) => {
    if (!there.has(action.id)) await step.act(action.key, timeOf(action.date), null, action.run);
    step.item();
  };
  await pool(actions.slice(0, teams.length), concurrency, run);
  await pool(actions.slice(teams.length), concurrency, run);
  const summary = await Volunteer.getSummary({});
  return summary.totals;
}

import { HistogramBuckets, TicketCounterFields } from "../counter/ticket-counter.entity.ts";
import type { MetricValue } from "../counter/tally.ts";

/**
 * The metric definitions (指标口径): one set for every district, so that a province can rank
 * its districts side by side. Each metric is computed from pre-aggregated counters only — the
 * ticket counters (`counter.entity.ts`), the mechanism tallies (`tally.ts`) and the grid set's
 * counts per tier — never by reading records. `docs/metrics.md` is generated from this list
 * (`npm run docs:metrics`; a test keeps the two equal).
 */
export type MetricGroup =
  | "grids"
  | "people"
  | "tickets"
  | "party"
  | "cadres"
  | "wishes"
  | "needs"
  | "meetings"
  | "volunteers"
  | "emergency"
  | "register";
export type MetricUnit = "count" | "ratio" | "hours" | "rating" | "people";

/** The counters one scope holds for one period (or a range of months, summed). */
export interface MetricSources {
  /** Ticket counter fields and histogram buckets (`collected`, `closed`, `h03` …). */
  tickets: Record<string, number>;
  /** Mechanism tallies by metric name. */
  tallies: Record<string, MetricValue>;
  /** Active grids per tier (1–5) and dedicated grids; standing counts, the same in every period. */
  grids: { tiers: Record<number, number>; dedicated: number };
}

export interface MetricDefinition {
  key: string;
  group: MetricGroup;
  nameZh: string;
  nameEn: string;
  unit: MetricUnit;
  /** How it is counted, in words (the doc's column). */
  definition: string;
  /** The same in Chinese (口径), as the portal's tooltips and the doc say it. */
  definitionZh: string;
  /** A standing count (grids, people): the same whatever the period asked for. */
  standing?: boolean;
  /** Higher is better (rankings sort by it); false for e.g. hours to close. */
  higherIsBetter: boolean;
  value(sources: MetricSources): number | null;
}

const ticket = (sources: MetricSources, field: string) => sources.tickets[field] ?? 0;
const count = (sources: MetricSources, metric: string) => sources.tallies[metric]?.count ?? 0;
const sum = (sources: MetricSources, metric: string) => sources.tallies[metric]?.sum ?? 0;
const perWorker = (part: number, workers: number) => (workers > 0 ? Math.round((part / workers) * 10) / 10 : null);
const ratio = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null);

/** Bucket bounds in hours: h00 [0, 1), h01 [1, 2), h02 [2, 4) … h15 [16384, 32768). */
const bucketBounds = HistogramBuckets.map((_, index) => (index === 0 ? [0, 1] : [2 ** (index - 1), 2 ** index]));

/**
 * A quantile of the time to close from the histogram, interpolated linearly inside the bucket
 * it falls in (exact to the bucket; the doc says so).
 */
export function quantileHours(tickets: Record<string, number>, q: number): number | null {
  const counts = HistogramBuckets.map((bucket) => Math.max(0, tickets[bucket] ?? 0));
  const total = counts.reduce((all, value) => all + value, 0);
  if (total === 0) return null;
  const target = q * total;
  let seen = 0;
  for (const [index, value] of counts.entries()) {
    if (value > 0 && seen + value >= target) {
      const [low, high] = bucketBounds[index];
      return Math.round((low + ((target - seen) / value) * (high - low)) * 10) / 10;
    }
    seen += value;
  }
  return bucketBounds.at(-1)![1];
}

const tally = (
  key: string,
  group: MetricGroup,
  nameZh: string,
  nameEn: string,
  definition: string,
  definitionZh: string,
  unit: MetricUnit = "count",
): MetricDefinition => ({
  key,
  group,
  nameZh,
  nameEn,
  unit,
  definition,
  definitionZh,
  higherIsBetter: true,
  value: (sources) => (unit === "people" || unit === "hours" ? sum(sources, key) : count(sources, key)),
});

export const MetricDefinitions: MetricDefinition[] = [
  // ── grids and people (standing counts) ──
  {
    key: "grids.total",
    group: "grids",
    nameZh: "网格总数",
    nameEn: "Grids",
    unit: "count",
    standing: true,
    higherIsBetter: true,
    definition: "Active grids of every tier plus dedicated grids (专属网格), now.",
    definitionZh: "现有各级网格与专属网格的总数（当前数）。",
    value: (sources) => Object.values(sources.grids.tiers).reduce((all, value) => all + value, 0) + sources.grids.dedicated,
  },
  ...[1, 2, 3, 4, 5].map(
    (level): MetricDefinition => ({
      key: `grids.tier${level}`,
      group: "grids",
      nameZh: `第${level}级网格`,
      nameEn: `Tier-${level} grids`,
      unit: "count",
      standing: true,
      higherIsBetter: true,
      definition: `Active grids of the district's tier ${level} (its own name for the tier may differ), now.`,
      definitionZh: `本区第${level}级的现有网格数（当前数；本区对该层级可能另有名称）。`,
      value: (sources) => sources.grids.tiers[level] ?? 0,
    }),
  ),
  {
    key: "grids.dedicated",
    group: "grids",
    nameZh: "专属网格",
    nameEn: "Dedicated grids",
    unit: "count",
    standing: true,
    higherIsBetter: true,
    definition: "Active dedicated grids (a school, a hospital, an enterprise park…), now.",
    definitionZh: "现有专属网格数（学校、医院、园区等），当前数。",
    value: (sources) => sources.grids.dedicated,
  },
  {
    key: "people.total",
    group: "people",
    nameZh: "网格力量（人）",
    nameEn: "Grid workforce",
    unit: "people",
    standing: true,
    higherIsBetter: true,
    definition: "People put on grids in any role of the district's catalogue (a person with several roles counts once).",
    definitionZh: "在网格上担任本区任一角色的人数（一人多岗只计一次）。",
    value: (sources) => count(sources, "people.total"),
  },
  // ── the grid register (数据平台; standing counts, also per grid) ──
  ...(
    [
      [
        "register.people",
        "登记人口",
        "Registered population",
        "People living in the district as its grid register holds them (moved-out people not counted), now.",
        "网格数据平台登记的在住人口（已迁出不计），当前数。",
      ],
      [
        "register.households",
        "登记户数",
        "Registered households",
        "Households in the grid register, now.",
        "网格数据平台登记的住户数，当前数。",
      ],
      [
        "register.houses",
        "登记房屋",
        "Registered houses",
        "Houses and buildings in the grid register, now.",
        "网格数据平台登记的房屋（楼栋）数，当前数。",
      ],
      [
        "register.organisations",
        "企事业单位及管理对象",
        "Organisations",
        "Enterprises, institutions and managed objects in the grid register, now.",
        "网格数据平台登记的企事业单位及管理对象数，当前数。",
      ],
    ] as const
  ).map(
    ([key, nameZh, nameEn, definition, definitionZh]): MetricDefinition => ({
      key,
      group: "register",
      nameZh,
      nameEn,
      unit: key === "register.people" ? "people" : "count",
      standing: true,
      higherIsBetter: true,
      definition,
      definitionZh,
      value: (sources) => count(sources, key),
    }),
  ),
  {
    key: "register.peoplePerGridWorker",
    group: "register",
    nameZh: "网格员人均服务人口",
    nameEn: "Population per grid worker",
    unit: "people",
    standing: true,
    higherIsBetter: false,
    definition: "Registered population ÷ grid workers on grids (assignments in a role whose access is grid worker), now; one decimal.",
    definitionZh: "登记人口 ÷ 在网格上担任网格员类角色的人次，当前数，保留一位小数。",
    value: (sources) => perWorker(count(sources, "register.people"), count(sources, "people.access.grid_worker")),
  },
  {
    key: "register.householdsPerGridWorker",
    group: "register",
    nameZh: "网格员人均服务户数",
    nameEn: "Households per grid worker",
    unit: "count",
    standing: true,
    higherIsBetter: false,
    definition: "Registered households ÷ grid workers on grids, now; one decimal.",
    definitionZh: "登记户数 ÷ 在网格上担任网格员类角色的人次，当前数，保留一位小数。",
    value: (sources) => perWorker(count(sources, "register.households"), count(sources, "people.access.grid_worker")),
  },
  // ── tickets (随手拍 / 民生事件) ──
  {
    key: "tickets.collected",
    group: "tickets",
    nameZh: "采集事件",
    nameEn: "Tickets collected",
    unit: "count",
    higherIsBetter: true,
    definition: "Tickets reported (采集) in the period.",
    definitionZh: "本期上报（采集）的事件数。",
    value: (sources) => ticket(sources, "collected"),
  },
  {
    key: "tickets.accepted",
    group: "tickets",
    nameZh: "受理事件",
    nameEn: "Tickets accepted",
    unit: "count",
    higherIsBetter: true,
    definition: "Tickets accepted (受理) in the period.",
    definitionZh: "本期受理的事件数。",
    value: (sources) => ticket(sources, "accepted"),
  },
  {
    key: "tickets.closed",
    group: "tickets",
    nameZh: "办结事件",
    nameEn: "Tickets closed",
    unit: "count",
    higherIsBetter: true,
    definition:
      "Tickets closed in the period: verified (solved, not responsible, duplicate), not accepted, or voided; a reopened ticket stops counting until it closes again.",
    definitionZh: "本期办结的事件数：核查通过（已解决、非本部门职责、重复）、不予受理或作废；重新打开的事件在再次办结前不计入。",
    value: (sources) => ticket(sources, "closed"),
  },
  {
    key: "tickets.solved",
    group: "tickets",
    nameZh: "解决事件",
    nameEn: "Tickets solved",
    unit: "count",
    higherIsBetter: true,
    definition: "Closed tickets whose closure is `solved`.",
    definitionZh: "办结方式为“已解决”的事件数。",
    value: (sources) => ticket(sources, "solved"),
  },
  {
    key: "tickets.closureRate",
    group: "tickets",
    nameZh: "办结率",
    nameEn: "Closure rate",
    unit: "ratio",
    higherIsBetter: true,
    definition:
      "Closed ÷ collected, as the source reports it (5,622 ÷ 5,632 = 99.82%); tickets collected in one period and closed in the next count in each period's own figure.",
    definitionZh: "办结数 ÷ 采集数，与原文口径一致（5,622 ÷ 5,632 = 99.82%）；跨期办结的事件分别计入各自期间。",
    value: (sources) => ratio(ticket(sources, "closed"), ticket(sources, "collected")),
  },
  {
    key: "tickets.onTimeRate",
    group: "tickets",
    nameZh: "按期办结率",
    nameEn: "On-time closure rate",
    unit: "ratio",
    higherIsBetter: true,
    definition: "Tickets closed by their deadline (working hours, per category) ÷ tickets closed.",
    definitionZh: "在办理时限内办结的事件数（按工作时间、分类计时限）÷ 办结数。",
    value: (sources) => ratio(ticket(sources, "onTime"), ticket(sources, "closed")),
  },
  {
    key: "tickets.medianHours",
    group: "tickets",
    nameZh: "办结时长中位数（小时）",
    nameEn: "Median time to close (hours)",
    unit: "hours",
    higherIsBetter: false,
    definition:
      "Median of the time from report to closure of the tickets closed, from the time-to-close histogram (log₂ buckets, interpolated inside the bucket).",
    definitionZh: "已办结事件从上报到办结所用时间的中位数，取自办结时长直方图（以 2 为底的对数分桶，桶内线性插值）。",
    value: (sources) => quantileHours(sources.tickets, 0.5),
  },
  {
    key: "tickets.p90Hours",
    group: "tickets",
    nameZh: "办结时长90分位（小时）",
    nameEn: "90th percentile time to close (hours)",
    unit: "hours",
    higherIsBetter: false,
    definition: "90th percentile of the time to close, from the same histogram.",
    definitionZh: "办结所用时间的 90 分位数，取自同一直方图。",
    value: (sources) => quantileHours(sources.tickets, 0.9),
  },
  {
    key: "tickets.reopened",
    group: "tickets",
    nameZh: "重新打开",
    nameEn: "Tickets reopened",
    unit: "count",
    higherIsBetter: false,
    definition: "Closed tickets reopened by their reporter within the district's reopen window.",
    definitionZh: "在本区规定的期限内被上报人重新打开的已办结事件数。",
    value: (sources) => ticket(sources, "reopened"),
  },
  {
    key: "tickets.averageRating",
    group: "tickets",
    nameZh: "群众满意度（5分制）",
    nameEn: "Average rating (of 5)",
    unit: "rating",
    higherIsBetter: true,
    definition: "Sum of reporters' ratings ÷ tickets rated.",
    definitionZh: "上报人评分之和 ÷ 已评价事件数。",
    value: (sources) =>
      ticket(sources, "rated") > 0 ? Math.round((ticket(sources, "ratingSum") / ticket(sources, "rated")) * 100) / 100 : null,
  },
  // ── party building (党建) ──
  tally(
    "party.jointMeetings",
    "party",
    "党建联席会",
    "Joint party-building meetings",
    "Joint party-building meetings (党建联席会) recorded.",
    "登记的党建联席会次数。",
  ),
  tally(
    "party.coBuildingProjects",
    "party",
    "共建项目",
    "Co-building projects",
    "Co-building projects claimed by units (共建项目).",
    "共建单位认领的共建项目数。",
  ),
  // ── cadre secondment and the ledger (常态化下沉 · 双向管理) ──
  tally(
    "cadres.assigned",
    "cadres",
    "下沉干部",
    "Cadres seconded",
    "Cadres assigned to grids as grid assistants (网格助理).",
    "下沉到网格担任网格助理的干部人数。",
  ),
  tally(
    "ledger.entries",
    "cadres",
    "工作台账条目",
    "Ledger entries",
    "Work logged by cadres in the two-way ledger.",
    "下沉干部在双向工作台账中登记的工作条数。",
  ),
  tally(
    "ledger.hours",
    "cadres",
    "台账工时（小时）",
    "Ledger hours",
    "Hours logged in the ledger.",
    "台账中登记的工作时长（小时）。",
    "hours",
  ),
  tally(
    "ledger.sentiment_map",
    "cadres",
    "小区民情图",
    "Sentiment maps drawn",
    "Ledger entries of the kind 小区民情图 (community sentiment map).",
    "类型为“小区民情图”的台账条目数。",
  ),
  tally(
    "cadres.evaluations",
    "cadres",
    "干部评价",
    "Cadre evaluations",
    "Monthly evaluations of cadres recorded by the community.",
    "社区登记的干部月度评价次数。",
  ),
  // ── micro-wishes (微心愿) ──
  tally("wishes.posted", "wishes", "微心愿发布", "Micro-wishes posted", "Small wishes posted by residents.", "居民发布的微心愿数。"),
  tally("wishes.claimed", "wishes", "微心愿认领", "Micro-wishes claimed", "Wishes claimed by a cadre.", "被干部认领的微心愿数。"),
  tally(
    "wishes.fulfilled",
    "wishes",
    "微心愿实现",
    "Micro-wishes fulfilled",
    "Wishes fulfilled by the cadre who claimed them.",
    "由认领干部实现的微心愿数。",
  ),
  // ── needs lists (问题清单·项目清单) ──
  tally(
    "needs.created",
    "needs",
    "问题/项目清单",
    "Needs items listed",
    "Problems and projects put on the needs lists (from meetings or by staff).",
    "列入问题清单、项目清单的事项数（来自议事会或由工作人员录入）。",
  ),
  tally(
    "needs.claimed",
    "needs",
    "清单认领",
    "Needs items claimed",
    "Items claimed (认领) by a cadre or a unit.",
    "被干部或单位认领的清单事项数。",
  ),
  tally(
    "needs.closed",
    "needs",
    "清单销号",
    "Needs items closed",
    "Items ticked off (销号) with evidence.",
    "凭佐证材料销号的清单事项数。",
  ),
  {
    key: "needs.closureRate",
    group: "needs",
    nameZh: "清单销号率",
    nameEn: "Needs closure rate",
    unit: "ratio",
    higherIsBetter: true,
    definition: "Needs items closed ÷ needs items listed.",
    definitionZh: "销号事项数 ÷ 列入清单事项数。",
    value: (sources) => ratio(count(sources, "needs.closed"), count(sources, "needs.created")),
  },
  // ── meetings ──
  tally(
    "meetings.held",
    "meetings",
    "议事协商会议",
    "Meetings held",
    "Grid councils, estate express, neighbour meetings, tea parties… whose outcome was recorded.",
    "已登记议事结果的网格议事会、小区直通车、邻里会、茶话会等会议次数。",
  ),
  // ── volunteers (1+X · 多元化治理) ──
  tally("volunteers.teams", "volunteers", "志愿服务队", "Volunteer teams", "Volunteer teams formed.", "组建的志愿服务队数。"),
  tally(
    "volunteers.problemsSolved",
    "volunteers",
    "志愿队解决问题",
    "Problems solved by teams",
    "Residents' problems solved by volunteer teams.",
    "志愿服务队帮群众解决的问题数。",
  ),
  tally(
    "activities.held",
    "volunteers",
    "志愿活动",
    "Volunteer activities",
    "Activities held (policy talks, appliance repair, health care…).",
    "开展的志愿活动次数（政策宣讲、家电维修、健康义诊等）。",
  ),
  tally(
    "activities.served",
    "volunteers",
    "服务群众（人次）",
    "People served",
    "People served by the activities, as the organisers counted them.",
    "志愿活动服务的群众人次（按组织者统计）。",
    "people",
  ),
  tally(
    "owners.committeeWorkers",
    "volunteers",
    "进入业委会的网格员",
    "Grid workers on owners' committees",
    "Grid workers elected to owners' committees (红色业委会).",
    "当选业委会成员的网格员人数（红色业委会）。",
  ),
  tally(
    "owners.consultations",
    "volunteers",
    "协商议事",
    "Consultations held",
    "Consultations held with owners (红色物业).",
    "与业主开展的协商议事次数（红色物业）。",
  ),
  tally(
    "owners.livelihoodProjects",
    "volunteers",
    "民生项目",
    "Livelihood projects done",
    "Livelihood projects completed (lifts, fans, façades…).",
    "完成的民生项目数（加装电梯、风扇、外立面改造等）。",
  ),
  // ── emergency mode (平急切换) ──
  tally(
    "emergency.rounds",
    "emergency",
    "应急任务轮次",
    "Emergency task rounds",
    "Task rounds run in emergency mode (district-wide and risk-area).",
    "应急状态下开展的任务轮次数（全域和风险区域）。",
  ),
  tally(
    "emergency.roundsDistrictWide",
    "emergency",
    "全域任务轮次",
    "District-wide rounds",
    "Rounds assigned to every grid of the district (e.g. district-wide testing).",
    "分派到全区每个网格的任务轮次数（如全员核酸检测）。",
  ),
  tally(
    "emergency.roundsRiskArea",
    "emergency",
    "风险区域任务轮次",
    "Risk-area rounds",
    "Rounds assigned to chosen risk-area grids.",
    "分派到选定风险区域网格的任务轮次数。",
  ),
  {
    key: "emergency.completion",
    group: "emergency",
    nameZh: "应急任务完成率",
    nameEn: "Emergency task completion",
    unit: "ratio",
    higherIsBetter: true,
    definition: "Grid tasks reported done ÷ grid tasks assigned, over the rounds of the period.",
    definitionZh: "上报完成的网格任务数 ÷ 分派的网格任务数，按本期各轮次合计。",
    value: (sources) => ratio(count(sources, "emergency.taskGridsDone"), count(sources, "emergency.taskGrids")),
  },
];

export const MetricKeys = MetricDefinitions.map((definition) => definition.key);

/** Every metric's value for one set of sources. */
export function evaluate(sources: MetricSources): Record<string, number | null> {
  return Object.fromEntries(MetricDefinitions.map((definition) => [definition.key, definition.value(sources)]));
}

/** Adds counter items of several periods into one set of sources (a range of months). */
export function addSources(into: MetricSources, more: Omit<MetricSources, "grids">): MetricSources {
  for (const [field, value] of Object.entries(more.tickets))
    if (typeof value === "number") into.tickets[field] = (into.tickets[field] ?? 0) + value;
  for (const [metric, value] of Object.entries(more.tallies)) {
    const current = into.tallies[metric] ?? { count: 0, sum: 0 };
    into.tallies[metric] = { count: current.count + value.count, sum: current.sum + value.sum };
  }
  return into;
}

/** The ticket counter's numeric fields of a stored item. */
export function ticketFields(item: Record<string, unknown> | null | undefined): Record<string, number> {
  const fields: Record<string, number> = {};
  if (!item) return fields;
  for (const field of [...TicketCounterFields, ...HistogramBuckets])
    if (typeof item[field] === "number") fields[field] = item[field] as number;
  return fields;
}

/** The doc `docs/metrics.md`, from the definitions above. */
export function metricsDoc(): string {
  const groups = [...new Set(MetricDefinitions.map((definition) => definition.group))];
  const lines = [
    "# Metric definitions (指标口径)",
    "",
    "Generated from `packages/core/src/metrics/definitions.ts` by `npm run docs:metrics`; a test keeps",
    "this file equal to the code. Every district is measured by the same definitions, computed from",
    "pre-aggregated counters written in the same transaction as the records they count, so a",
    "dashboard costs a bounded number of reads whatever the number of records.",
    "",
    "Periods: `all` (all time), a year `YYYY`, a month `YYYY-MM`, in China Standard Time; a range of",
    "months sums the months' counters. Scopes: the district, each grid (every tier: a record on a",
    "grid counts in that grid and each of its ancestors), and for tickets each category and",
    "department. Standing counts (grids, people) are the same whatever the period.",
    "",
  ];
  for (const group of groups) {
    lines.push(`## ${group}`, "", "| key | 指标 | metric | unit | definition | 口径 |", "|---|---|---|---|---|---|");
    for (const definition of MetricDefinitions.filter((candidate) => candidate.group === group))
      lines.push(
        `| \`${definition.key}\` | ${definition.nameZh} | ${definition.nameEn} | ${definition.unit}${definition.higherIsBetter ? "" : " (lower is better)"} | ${definition.definition} | ${definition.definitionZh} |`,
      );
    lines.push("");
  }
  return lines.join("\n");
}

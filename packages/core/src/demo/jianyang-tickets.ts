import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import type { Actor, DistrictRole } from "../actor.ts";
import { bboxOf } from "../grid/geometry.ts";
import * as Ticket from "../ticket/index.ts";
import { ConflictError } from "../error.ts";
import { TicketEntity } from "../ticket/ticket.entity.ts";
import { mulberry32, type JianyangGrids } from "./jianyang-grids.ts";
import { getMany, idOf, pool, sequence, type StepRun } from "./replay.ts";

/**
 * Jianyang's 2022 snap-and-report tickets (随手拍), replayed through the same core
 * transitions at the times they happened: 5,632 collected, exactly 5,622 closed (99.82%),
 * the other 10 still open at the end of the year in different states.
 */
export const JianyangTicketCounts = { collected: 5632, closed: 5622 } as const;

const categories: [string, number][] = [
  ["garbage", 22],
  ["street_vending", 14],
  ["road_damage", 9],
  ["street_light", 8],
  ["illegal_building", 5],
  ["noise", 7],
  ["pollution", 5],
  ["safety_hazard", 9],
  ["food_safety", 3],
  ["hardship", 6],
  ["neighbour_dispute", 8],
  ["other", 4],
];
const descriptions: Record<string, string[]> = {
  garbage: ["小区门口垃圾堆放未清运", "垃圾桶满溢", "河道边有建筑垃圾"],
  street_vending: ["占道摆摊影响通行", "夜市摊点占用人行道"],
  road_damage: ["路面坑洼积水", "人行道砖松动"],
  street_light: ["路灯不亮", "路灯杆倾斜"],
  illegal_building: ["楼顶违章搭建", "私自圈占公共绿地"],
  noise: ["夜间施工噪音扰民", "广场舞音响过大"],
  pollution: ["餐馆油烟直排", "污水外溢"],
  safety_hazard: ["电动车楼道充电", "消防通道堵塞", "井盖缺失"],
  food_safety: ["无证食品摊贩", "过期食品销售"],
  hardship: ["独居老人需要帮扶", "困难家庭申请救助"],
  neighbour_dispute: ["邻里漏水纠纷", "宠物扰民纠纷"],
  other: ["公共设施损坏", "其他问题"],
};

/** Seeds the year of tickets; `limit` makes a smaller run of the same shape (tests, benchmarks). */
export function jianyangTicketPlan(limit?: number) {
  const total = limit ?? JianyangTicketCounts.collected;
  // The article's proportion (10 of 5,632 still open), and in a smaller year at least one open
  // ticket in each state it can stay in (collected, accepted, dispatched, handled).
  const share = Math.round((total * (JianyangTicketCounts.collected - JianyangTicketCounts.closed)) / JianyangTicketCounts.collected);
  const open = limit ? Math.min(total, Math.max(4, share)) : share;
  return { tenantID: "jianyang", leafTier: 3, total, open, seed: 5632 };
}

/** The grids a year of tickets lands on: codes, tiers and boundaries. */
export type TicketGrids = {
  features: { properties: { code: string; tier: number | null }; geometry: JianyangGrids["features"][number]["geometry"] }[];
};

/**
 * A year (2022) of tickets of a demo district, replayed through the core transitions at the
 * times they happened: `total` reported on the district's finest grids (`leafTier`), all but
 * `open` of them closed. The district's categories must include Jianyang's.
 */
export async function replayTickets(
  step: StepRun,
  grids: TicketGrids,
  options: { tenantID: string; leafTier: number; total: number; open: number; seed: number; concurrency?: number },
) {
  const random = mulberry32(options.seed);
  const { total, open, tenantID } = options;
  const leaves = grids.features.filter((feature) => feature.properties.tier === options.leafTier);
  const weightTotal = categories.reduce((sum, [, weight]) => sum + weight, 0);
  const pickCategory = () => {
    let roll = random() * weightTotal;
    for (const [key, weight] of categories) {
      roll -= weight;
      if (roll < 0) return key;
    }
    return "other";
  };
  const hour = 3600_000;
  const start = Date.UTC(2022, 0, 1) - 8 * hour;
  const user = (userID: string, roles: DistrictRole[], department?: string): Actor => ({
    type: "user",
    userID,
    tenantID,
    roles,
    ...(department ? { department } : {}),
  });
  const plans = Array.from({ length: total }, (_, index) => {
    const leaf = leaves[Math.floor(random() * leaves.length)];
    const [minX, minY, maxX, maxY] = bboxOf(leaf.geometry);
    let lon = (minX + maxX) / 2;
    let lat = (minY + maxY) / 2;
    for (let tries = 0; tries < 50; tries++) {
      const x = minX + random() * (maxX - minX);
      const y = minY + random() * (maxY - minY);
      if (booleanPointInPolygon([x, y], leaf.geometry)) {
        [lon, lat] = [x, y];
        break;
      }
    }
    const category = pickCategory();
    // Open tickets are the last ones of December; the rest spread over the year.
    const isOpen = index >= total - open;
    const collectedAt = isOpen
      ? Date.UTC(2022, 11, 28) - 8 * hour + random() * 3 * 24 * hour
      : start + (index / total) * 358 * 24 * hour + random() * 6 * hour;
    return {
      index,
      leaf: leaf.properties.code,
      lon,
      lat,
      category,
      collectedAt,
      isOpen,
      openAt: isOpen ? (index - (total - open)) % 4 : -1,
    };
  });
  // The first action of each item creates its ticket: its ID follows from the plan.
  const ticketIDOf = (plan: (typeof plans)[number]) => idOf(step.name, `${plan.index}/0`, "ticket", plan.collectedAt);
  const stored = new Map<string, { seq: number; departmentKey: string; dueAt: string; gridPath: string[] }>();
  if (step.resuming)
    for (const item of await getMany(
      plans.map((plan) => ({ tenantID, ticketID: ticketIDOf(plan) })),
      (keys) =>
        TicketEntity.get(keys)
          .go()
          .then((result) => result.data),
    ))
      stored.set(item.ticketID, item);
  async function replay(plan: (typeof plans)[number]) {
    // Each ticket draws from its own sequence, so concurrent replays stay deterministic.
    const random = mulberry32(1_000_003 * (plan.index + 1) + options.seed - 5632);
    const reporter =
      random() < 0.7
        ? user(`resident-${String(Math.floor(random() * 2400)).padStart(4, "0")}`, ["resident"])
        : user(`worker-${plan.leaf}`, ["grid_worker"]);
    const description = descriptions[plan.category][Math.floor(random() * descriptions[plan.category].length)];
    const id = ticketIDOf(plan);
    const earlier = stored.get(id);
    // An interrupted run made the first `seq` actions of this ticket: they are skipped.
    const next = sequence(step, String(plan.index), earlier?.seq ?? 0);
    let t = plan.collectedAt;
    const created = await next(t, reporter, () => Ticket.create({ categoryKey: plan.category, description, lon: plan.lon, lat: plan.lat }));
    // The leaf's worker and its parent's leader act on it: each works on their own grid.
    const gridPath = created?.ticket.gridPath ?? earlier!.gridPath;
    const checker = { ...user(`leader-${plan.leaf.slice(0, 8)}`, ["grid_leader"]), gridID: gridPath.at(-2) ?? gridPath.at(-1) };
    const workerActor = { ...user(`worker-${plan.leaf}`, ["grid_worker"]), gridID: gridPath.at(-1) };
    if (plan.openAt === 0) return;
    t += (0.3 + random() * 6) * hour;
    if (!plan.isOpen && random() < 0.015) {
      await next(t, workerActor, () => Ticket.reject({ ticketID: id, note: "经核实不属于受理范围" }));
      return;
    }
    await next(t, workerActor, () => Ticket.accept({ ticketID: id }));
    if (plan.openAt === 1) return;
    t += (0.2 + random() * 4) * hour;
    const dispatched = (await next(t, checker, () => Ticket.dispatch({ ticketID: id }))) ?? earlier!;
    if (plan.openAt === 2) return;
    const department = dispatched.departmentKey!;
    const handler = department === "territorial" ? workerActor : user(`staff-${department}`, ["department_staff"], department);
    const verifier = department === "territorial" ? checker : workerActor;
    const due = new Date(dispatched.dueAt!).getTime();
    const handle = async () => {
      const late = random() < 0.04;
      t = late ? due + (1 + random() * 30) * hour : t + Math.max(0.5 * hour, (due - t) * (0.15 + random() * 0.6));
      await next(t, handler, () => Ticket.reportHandling({ ticketID: id, note: "已到现场处置完毕" }));
    };
    await handle();
    if (plan.openAt === 3) return;
    if (random() < 0.03) {
      t += (1 + random() * 6) * hour;
      await next(t, verifier, () => Ticket.sendBack({ ticketID: id, note: "现场复核仍未解决" }));
      await handle();
    }
    t += (0.5 + random() * 10) * hour;
    const roll = random();
    const closure = roll < 0.01 ? "not_responsible" : roll < 0.02 ? "duplicate" : "solved";
    await next(t, verifier, () => Ticket.verify({ ticketID: id, closure }));
    if (closure === "solved" && random() < 0.62) {
      t += (1 + random() * 40) * hour;
      const rating = random() < 0.78 ? 5 : random() < 0.8 ? 4 : 3;
      await next(t, reporter, () => Ticket.rate({ ticketID: id, rating, note: rating === 5 ? "处理及时，非常满意" : "还可以" }));
    }
  }
  await pool(plans, options.concurrency ?? 8, async (plan) => {
    await replay(plan).catch((error: unknown) => {
      // Someone acted on this demo ticket before the demo did (it stays as they left it).
      if (!(error instanceof ConflictError)) throw error;
      step.tookOver++;
    });
    step.item();
  });
  return { tickets: total, open, tookOver: step.tookOver };
}

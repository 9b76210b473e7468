import { withActor } from "../actor.ts";
import * as Onboarding from "../onboarding/index.ts";
import * as District from "../district/index.ts";
import * as Config from "../config/index.ts";
import type { DistrictSettings } from "../config/index.ts";
import { template } from "../config/index.ts";
import type { DemoPerson } from "./base.ts";
import { mulberry32 } from "./jianyang-grids.ts";

/**
 * Two more demo districts of Fujian, so that the provincial comparison has something to
 * compare: of other sizes and other tier set-ups than Jianyang's. Their grids are a regular
 * lattice (each tier splits its parent into rows × columns; coordinates from one integer
 * lattice, so siblings share edges exactly), their people one leader per top grid and one
 * worker per finest grid, their tickets a year replayed through the core transitions (the
 * steps are run by index.ts).
 */
export interface DemoDistrictPlan {
  slug: string;
  nameZh: string;
  nameEn: string;
  cityZh: string;
  cityEn: string;
  /** South-west corner of the district's box, and its size in degrees. */
  origin: [number, number];
  size: [number, number];
  /** Per tier: names, and how each parent splits (rows × columns; the first tier splits the box). */
  tiers: { nameZh: string; nameEn: string; rows: number; columns: number }[];
  mechanisms: Partial<DistrictSettings["mechanisms"]>;
  tickets: { total: number; open: number; seed: number };
  admin: { name: string; phone: string };
}

export const FujianDemoDistricts: DemoDistrictPlan[] = [
  {
    slug: "shaowu",
    nameZh: "邵武市",
    nameEn: "Shaowu City",
    cityZh: "南平市",
    cityEn: "Nanping",
    origin: [117.35, 27.2],
    size: [0.3, 0.24],
    tiers: [
      { nameZh: "社区网格", nameEn: "Community grid", rows: 6, columns: 6 },
      { nameZh: "基础网格", nameEn: "Basic grid", rows: 2, columns: 4 },
    ],
    mechanisms: { tickets: true, wishes: true, volunteers: true },
    tickets: { total: 900, open: 6, seed: 900 },
    admin: { name: "邵武市管理员", phone: "13800000201" },
  },
  {
    slug: "wuyishan",
    nameZh: "武夷山市",
    nameEn: "Wuyishan City",
    cityZh: "南平市",
    cityEn: "Nanping",
    origin: [117.9, 27.6],
    size: [0.3, 0.3],
    tiers: [
      { nameZh: "镇街网格", nameEn: "Town grid", rows: 2, columns: 3 },
      { nameZh: "社区网格", nameEn: "Community grid", rows: 1, columns: 5 },
      { nameZh: "小区网格", nameEn: "Estate grid", rows: 2, columns: 2 },
      { nameZh: "楼栋网格", nameEn: "Building grid", rows: 2, columns: 2 },
    ],
    mechanisms: { tickets: true, cadreSecondment: true, meetings: true, emergencyMode: true },
    tickets: { total: 1800, open: 27, seed: 1800 },
    admin: { name: "武夷山市管理员", phone: "13800000301" },
  },
];

interface LatticeGrid {
  code: string;
  name: string;
  tier: number;
  parentCode: string | null;
  cell: [number, number, number, number];
}

/** The plan's grids: tier by tier, each parent's cell split into rows × columns of lattice units. */
export function latticeGrids(plan: DemoDistrictPlan) {
  const rows = plan.tiers.reduce((product, tier) => product * tier.rows, 1);
  const columns = plan.tiers.reduce((product, tier) => product * tier.columns, 1);
  const [x0, y0] = plan.origin;
  const x = (i: number) => Math.round((x0 + (i * plan.size[0]) / columns) * 1e7) / 1e7;
  const y = (j: number) => Math.round((y0 + (j * plan.size[1]) / rows) * 1e7) / 1e7;
  let parents: LatticeGrid[] = [
    { code: plan.slug.slice(0, 2).toUpperCase(), name: plan.nameZh, tier: 0, parentCode: null, cell: [0, 0, columns, rows] },
  ];
  const grids: LatticeGrid[] = [];
  plan.tiers.forEach((tier, index) => {
    const next: LatticeGrid[] = [];
    for (const parent of parents) {
      const [i0, j0, i1, j1] = parent.cell;
      const width = (i1 - i0) / tier.columns;
      const height = (j1 - j0) / tier.rows;
      let n = 0;
      for (let r = 0; r < tier.rows; r++)
        for (let c = 0; c < tier.columns; c++) {
          n += 1;
          const code = `${parent.code}-${String(n).padStart(2, "0")}`;
          next.push({
            code,
            name: `${index === 0 ? "" : parent.name}${n}${tier.nameZh.replace("网格", "")}`,
            tier: index + 1,
            parentCode: index === 0 ? null : parent.code,
            cell: [i0 + c * width, j0 + r * height, i0 + (c + 1) * width, j0 + (r + 1) * height],
          });
        }
    }
    grids.push(...next);
    parents = next;
  });
  return {
    type: "FeatureCollection" as const,
    features: grids.map((grid) => {
      const [i0, j0, i1, j1] = grid.cell;
      const ring = [
        [x(i0), y(j0)],
        [x(i1), y(j0)],
        [x(i1), y(j1)],
        [x(i0), y(j1)],
        [x(i0), y(j0)],
      ];
      return {
        type: "Feature" as const,
        geometry: { type: "Polygon" as const, coordinates: [ring] },
        properties: { code: grid.code, name: grid.name, tier: grid.tier, parentCode: grid.parentCode },
      };
    }),
  };
}

/** The plan's configuration: Jianyang's categories and departments, its own tiers, roles and mechanisms. */
function settingsOf(plan: DemoDistrictPlan): DistrictSettings {
  const base = template("jianyang");
  const last = plan.tiers.length;
  return {
    ...base,
    tiers: plan.tiers.map((tier, index) => ({ level: index + 1, nameZh: tier.nameZh, nameEn: tier.nameEn })),
    dedicatedKinds: [],
    roles: [
      {
        key: "grid_leader",
        nameZh: `${plan.tiers[0].nameZh}长`,
        nameEn: `${plan.tiers[0].nameEn} leader`,
        accessRole: "grid_leader",
        tier: 1,
        dedicated: false,
        seconded: false,
      },
      {
        key: "grid_worker",
        nameZh: "网格员",
        nameEn: "Grid worker",
        accessRole: "grid_worker",
        tier: last,
        dedicated: false,
        seconded: false,
      },
      ...(plan.mechanisms.cadreSecondment
        ? [
            {
              key: "grid_assistant",
              nameZh: "网格助理",
              nameEn: "Grid assistant (seconded cadre)",
              accessRole: "cadre" as const,
              tier: last,
              dedicated: false,
              seconded: true,
            },
          ]
        : []),
    ],
    mechanisms: {
      ...Object.fromEntries(Object.keys(base.mechanisms).map((key) => [key, false])),
      ...plan.mechanisms,
    } as DistrictSettings["mechanisms"],
    map: { tileUrl: null, tileAttribution: null, center: [plan.origin[0] + plan.size[0] / 2, plan.origin[1] + plan.size[1] / 2], zoom: 11 },
  };
}

const surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高".split("");
const given = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞".split("");

/** Onboards the plan's district if it is missing, on its own tiers, roles and mechanisms. */
export async function onboardDemoDistrict(plan: DemoDistrictPlan) {
  const existing = await District.DistrictEntity.get({ tenantID: plan.slug }).go();
  if (!existing.data)
    await withActor({ type: "system" }, () =>
      Onboarding.onboard({
        slug: plan.slug,
        nameZh: plan.nameZh,
        nameEn: plan.nameEn,
        provinceID: "fujian",
        cityZh: plan.cityZh,
        cityEn: plan.cityEn,
        template: "jianyang",
        admin: plan.admin,
      }),
    );
  await withActor({ type: "system", tenantID: plan.slug }, async () => {
    const config = await Config.get();
    if (config.tiers.length !== plan.tiers.length || config.tiers[0].nameZh !== plan.tiers[0].nameZh)
      await Config.change(() => settingsOf(plan));
  });
}

/** The plan's people: one leader per top grid and one worker per finest grid. */
export function latticePeople(plan: DemoDistrictPlan): DemoPerson[] {
  const random = mulberry32(plan.tickets.seed);
  const last = plan.tiers.length;
  return latticeGrids(plan)
    .features.map((feature) => feature.properties)
    .filter((grid) => grid.tier === 1 || grid.tier === last)
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((grid) => ({
      name:
        surnames[Math.floor(random() * surnames.length)] +
        given[Math.floor(random() * given.length)] +
        given[Math.floor(random() * given.length)],
      phone: `137${String(Math.floor(random() * 1e8)).padStart(8, "0")}`,
      roleKey: grid.tier === 1 ? "grid_leader" : "grid_worker",
      gridCode: grid.code,
    }));
}

/** The plan's year of tickets (`limit`: a smaller year of the same shape, with some left open). */
export function latticeTicketPlan(plan: DemoDistrictPlan, limit?: number) {
  const total = limit ?? plan.tickets.total;
  const open = limit ? Math.min(total, Math.max(4, Math.round((limit * plan.tickets.open) / plan.tickets.total))) : plan.tickets.open;
  return { tenantID: plan.slug, leafTier: plan.tiers.length, total, open, seed: plan.tickets.seed };
}

import { withActor, type AccessRole, type DistrictRole } from "../actor.ts";
import * as Onboarding from "../onboarding/index.ts";
import * as District from "../district/index.ts";
import { ProvinceEntity } from "../province/province.entity.ts";
import { StaffEntity, UserEntity } from "../user/user.entity.ts";
import * as Grid from "../grid/index.ts";
import { latticeGrids, latticePeople, latticeTicketPlan, onboardDemoDistrict, FujianDemoDistricts } from "./fujian-districts.ts";
import { generateJianyangGrids } from "./jianyang-grids.ts";
import { generateJianyangPeople, JianyangPeopleCounts } from "./jianyang-people.ts";
import { jianyangTicketPlan, replayTickets } from "./jianyang-tickets.ts";
import { jianyangPartyPlan, seedGrids, seedParty, seedPeople, seedRegister } from "./base.ts";
import { generateJianyangRegister } from "./jianyang-register.ts";
import { DemoPlan, OlderDemoError, onProgress as onProgressOf, readMarkers, runStep, SeedMarkerEntity } from "./replay.ts";
import { cadrePlanSize, seedJianyangCadres } from "./jianyang-cadres.ts";
import { menuPlanSize, seedJianyangMenu, SmallMenuCounts } from "./jianyang-menu.ts";
import { seedJianyangVolunteers, SmallVolunteerCounts, volunteerPlanSize } from "./jianyang-volunteers.ts";
import { jianyangEmergencyTotal, seedJianyangEmergency } from "./jianyang-emergency.ts";

export { generateJianyangGrids } from "./jianyang-grids.ts";
export { FujianDemoDistricts } from "./fujian-districts.ts";
export { generateJianyangPeople } from "./jianyang-people.ts";
export { generateJianyangRegister, JianyangRegisterPlan, SmallRegisterHouseholds } from "./jianyang-register.ts";
export { JianyangTicketCounts } from "./jianyang-tickets.ts";
export {
  countRequests,
  DynamoLocalTransactionsPerSecond,
  interruptAfter,
  onProgress,
  DemoInterrupted,
  OlderDemoError,
  type DemoProgress,
} from "./replay.ts";

/**
 * The built-in demo: Fujian province with Jianyang District (建阳区, on Jianyang's template)
 * and its neighbour Yanping (延平区, on the minimal template), and one demo account per role;
 * then Jianyang's grids, people and party chain and two more Fujian districts; then the year
 * 2022 replayed through the core functions (see replay.ts for how each step resumes).
 */

export interface DemoAccount {
  userID: string;
  tenantID: string | null;
  name: string;
  role: AccessRole;
  /** What signing in as this account shows, for the demo login page. */
  descriptionZh: string;
  descriptionEn: string;
  departmentKey?: string;
}

export const DemoProvince = { provinceID: "fujian", nameZh: "福建省", nameEn: "Fujian" };

export const DemoDistricts = [
  {
    slug: "jianyang",
    nameZh: "建阳区",
    nameEn: "Jianyang District",
    provinceID: "fujian",
    cityZh: "南平市",
    cityEn: "Nanping",
    template: "jianyang" as const,
    admin: { name: "建阳区管理员", phone: "13800000001" },
  },
  {
    slug: "yanping",
    nameZh: "延平区",
    nameEn: "Yanping District",
    provinceID: "fujian",
    cityZh: "南平市",
    cityEn: "Nanping",
    template: "minimal" as const,
    admin: { name: "延平区管理员", phone: "13800000101" },
  },
];

export const DemoAccounts: DemoAccount[] = [
  {
    userID: "operator",
    tenantID: null,
    name: "平台运营",
    role: "platform_operator",
    descriptionZh: "开通新的区县",
    descriptionEn: "Onboards new districts",
  },
  {
    userID: "fujian-admin",
    tenantID: null,
    name: "福建省管理员",
    role: "provincial_admin",
    descriptionZh: "对比全省各区县",
    descriptionEn: "Compares the province's districts",
  },
  {
    userID: "admin",
    tenantID: "jianyang",
    name: "林建华",
    role: "district_admin",
    descriptionZh: "建阳区管理员",
    descriptionEn: "Jianyang district admin",
  },
  {
    userID: "leader",
    tenantID: "jianyang",
    name: "陈立新",
    role: "grid_leader",
    descriptionZh: "一级网格长",
    descriptionEn: "First-level grid leader",
  },
  {
    userID: "worker",
    tenantID: "jianyang",
    name: "黄晓梅",
    role: "grid_worker",
    descriptionZh: "三级网格员",
    descriptionEn: "Third-level grid worker",
  },
  {
    userID: "staff",
    tenantID: "jianyang",
    name: "吴志强",
    role: "department_staff",
    descriptionZh: "城管局工作人员",
    descriptionEn: "Urban management staff",
    departmentKey: "urban_management",
  },
  {
    userID: "cadre",
    tenantID: "jianyang",
    name: "刘志明",
    role: "cadre",
    descriptionZh: "区财政局下沉干部·网格助理",
    descriptionEn: "Cadre seconded from the finance bureau",
  },
  {
    userID: "resident",
    tenantID: "jianyang",
    name: "张秀英",
    role: "resident",
    descriptionZh: "七贤社区居民",
    descriptionEn: "Resident of Qixian community",
  },
  {
    userID: "admin",
    tenantID: "yanping",
    name: "郑海燕",
    role: "district_admin",
    descriptionZh: "延平区管理员",
    descriptionEn: "Yanping district admin",
  },
];

/** Seeds the demo if it is missing; safe to run again. Returns what it created. */
export async function seed(): Promise<{ created: string[] }> {
  const created: string[] = [];
  await withActor({ type: "system" }, async () => {
    const province = await ProvinceEntity.get({ provinceID: DemoProvince.provinceID }).go();
    if (!province.data) {
      await ProvinceEntity.put(DemoProvince).go();
      created.push(`province ${DemoProvince.provinceID}`);
    }
    for (const district of DemoDistricts) {
      const existing = await District.DistrictEntity.get({ tenantID: district.slug }).go();
      if (existing.data) continue;
      await Onboarding.onboard(district);
      created.push(`district ${district.slug}`);
    }
    for (const [index, account] of DemoAccounts.entries()) {
      const phone = `139${String(index + 1).padStart(8, "0")}`;
      if (account.tenantID) {
        await UserEntity.put({
          tenantID: account.tenantID,
          userID: account.userID,
          name: account.name,
          phone,
          roles: [account.role as DistrictRole],
          departmentKey: account.departmentKey,
          status: "active",
        }).go();
      } else {
        await StaffEntity.put({
          userID: account.userID,
          name: account.name,
          kind: account.role === "platform_operator" ? "operator" : "province",
          provinceID: account.role === "provincial_admin" ? DemoProvince.provinceID : undefined,
        }).go();
      }
    }
  });
  return { created };
}

const jianyang = { type: "system", tenantID: "jianyang" } as const;

/**
 * Seeds Jianyang's grids (3,861, through the same import as any district's file), its grid
 * workforce (6,301 people, each on a grid in a role) and its party chain: three steps, each
 * run once and resumed when an earlier run was interrupted.
 */
export async function seedJianyangGrids(options: { onProgress?: (message: string) => void; registerHouseholds?: number } = {}) {
  return withActor(jianyang, async () => {
    const collection = generateJianyangGrids();
    const grids = await runStep("jianyang-grids", collection.features.length, (step) => seedGrids(step, collection, options.onProgress));
    const people = generateJianyangPeople(collection);
    let last = "";
    const unsubscribe = onStepProgress("jianyang-people", (done, total) => {
      const message = `people: ${Math.round((done / total) * 100)}%`;
      if (message !== last) {
        last = message;
        options.onProgress?.(message);
      }
    });
    await runStep("jianyang-people", people.length, (step) => seedPeople(step, people)).finally(unsubscribe);
    const party = jianyangPartyPlan(collection);
    await runStep("jianyang-party", party.orgs.length + party.records.length, (step) => seedParty(step, party));
    const register = generateJianyangRegister(collection, { households: options.registerHouseholds });
    await runStep("jianyang-register", register.length - 1, () => seedRegister(register));
    // The demo worker and leader work where the demo's reports land: the grid at the district's centre.
    const centre = await Grid.locate({ lon: 118.12, lat: 27.33 });
    await UserEntity.patch({ tenantID: "jianyang", userID: "worker" }).set({ gridID: centre.grid.gridID }).go();
    await UserEntity.patch({ tenantID: "jianyang", userID: "leader" })
      .set({ gridID: centre.ancestors[0]?.gridID ?? centre.grid.gridID })
      .go();
    return { grids: grids?.imported ?? 0, people: grids ? people.length : 0 };
  });
}

function onStepProgress(name: string, listener: (done: number, total: number) => void) {
  return onProgressOf((progress) => progress.step === name && listener(progress.done, progress.total));
}

/**
 * Fujian's two more demo districts (Shaowu: two tiers; Wuyishan: four), onboarded, with their
 * grids and people (their tickets are steps of `seedDemoYear`).
 */
export async function seedFujianDistricts() {
  const seeded: string[] = [];
  for (const plan of FujianDemoDistricts) {
    await onboardDemoDistrict(plan);
    await withActor({ type: "system", tenantID: plan.slug }, async () => {
      const file = latticeGrids(plan);
      const grids = await runStep(`${plan.slug}-grids`, file.features.length, (step) => seedGrids(step, file));
      const people = latticePeople(plan);
      await runStep(`${plan.slug}-people`, people.length, (step) => seedPeople(step, people));
      if (grids) seeded.push(`${plan.slug}: ${grids.imported} grids, ${people.length} people`);
    });
  }
  return { seeded };
}

/** One step of the demo year: its name, the district, its size and how to run it. */
export interface YearStep {
  name: string;
  district: string;
  label: string;
  total: number;
  run: () => Promise<unknown>;
}

/**
 * A smaller demo year of the same shape, for tests: 60 tickets per district (4 left open), 100
 * cadres, 60 micro-wishes fulfilled, 24 meetings and 40 needs items, 30 volunteer teams; the
 * emergency rounds as they were.
 */
export const SmallYear = { ticketLimit: 30, cadreLimit: 40, menu: SmallMenuCounts, volunteers: SmallVolunteerCounts } as const;

/** The demo year's steps (`small`: `SmallYear`); `concurrency` is each step's (default 8). */
export function demoYear(options: { small?: boolean; concurrency?: number } = {}): YearStep[] {
  const concurrency = options.concurrency ?? 8;
  const small = options.small ? SmallYear : undefined;
  const mechanism = (
    name: string,
    label: string,
    total: number,
    run: (step: Parameters<Parameters<typeof runStep>[2]>[0]) => Promise<unknown>,
  ): YearStep => ({
    name,
    district: "jianyang",
    label,
    total,
    run: () => withActor(jianyang, () => runStep(name, total, run)),
  });
  const tickets = (
    district: string,
    plan: ReturnType<typeof jianyangTicketPlan>,
    grids: () => Parameters<typeof replayTickets>[1],
  ): YearStep => ({
    name: `${district}-tickets`,
    district,
    label: `${district} tickets`,
    total: plan.total,
    run: () =>
      withActor({ type: "system", tenantID: district }, () =>
        runStep(`${district}-tickets`, plan.total, (step) => replayTickets(step, grids(), { ...plan, concurrency })),
      ),
  });
  return [
    mechanism("jianyang-cadres", "cadres and their ledger", cadrePlanSize(small?.cadreLimit).items, (step) =>
      seedJianyangCadres(step, { concurrency, limit: small?.cadreLimit }),
    ),
    mechanism("jianyang-menu", "micro-wishes, needs lists and meetings", menuPlanSize(small?.menu), (step) =>
      seedJianyangMenu(step, { concurrency, counts: small?.menu }),
    ),
    mechanism("jianyang-volunteers", "volunteers and activities", volunteerPlanSize(small?.volunteers), (step) =>
      seedJianyangVolunteers(step, { concurrency, counts: small?.volunteers }),
    ),
    mechanism("jianyang-emergency", "emergency rounds", jianyangEmergencyTotal, (step) => seedJianyangEmergency(step, { concurrency })),
    tickets("jianyang", jianyangTicketPlan(small?.ticketLimit), generateJianyangGrids),
    ...FujianDemoDistricts.map((plan) => tickets(plan.slug, latticeTicketPlan(plan, small?.ticketLimit), () => latticeGrids(plan))),
  ];
}

/**
 * Replays the demo year: Jianyang's mechanisms one after another, beside Jianyang's, Shaowu's
 * and Wuyishan's tickets (the records of one do not depend on another's). Needs the base
 * (`seedJianyangGrids`, `seedFujianDistricts`). Each step runs once and resumes where an
 * interrupted run stopped.
 */
export async function seedDemoYear(options: { small?: boolean; concurrency?: number; steps?: YearStep[] } = {}) {
  const steps = options.steps ?? demoYear(options);
  const mechanisms = steps.filter((step) => !step.name.endsWith("-tickets"));
  const tickets = steps.filter((step) => step.name.endsWith("-tickets"));
  const results = await Promise.allSettled([
    (async () => {
      for (const step of mechanisms) await step.run();
    })(),
    ...tickets.map((step) => step.run()),
  ]);
  const failed = results.find((result) => result.status === "rejected");
  if (failed) throw (failed as PromiseRejectedResult).reason;
}

/** Every step of the demo, base and year, by district: for "still loading (n%)". */
const baseSteps = [
  "jianyang-grids",
  "jianyang-people",
  "jianyang-party",
  ...FujianDemoDistricts.flatMap((plan) => [`${plan.slug}-grids`, `${plan.slug}-people`]),
];

/**
 * How far the demo is, per district: the share of its steps' items in place (from the steps'
 * markers). `older`: the table holds an older version's demo.
 */
export interface DemoStatus {
  older: boolean;
  districts: { district: string; done: number; total: number; loading: boolean }[];
}

export async function status(): Promise<DemoStatus> {
  const year = demoYear();
  const markers = await readMarkers([...baseSteps, ...year.map((step) => step.name)]);
  const older = [...markers.values()].some((marker) => marker.plan !== DemoPlan);
  const districts = new Map<string, { done: number; total: number; started: boolean }>();
  for (const step of year) {
    const marker = markers.get(step.name);
    const entry = districts.get(step.district) ?? { done: 0, total: 0, started: false };
    const total = marker?.total ?? step.total;
    entry.total += total;
    entry.done += marker?.state === "done" ? total : Math.min(total, marker?.done ?? 0);
    // Loading from the moment the district's grids were seeded, before its year's first step.
    entry.started ||= !!marker || markers.has(`${step.district}-grids`);
    districts.set(step.district, entry);
  }
  return {
    older,
    districts: [...districts.entries()].map(([district, entry]) => ({
      district,
      done: entry.done,
      total: entry.total,
      loading: !older && entry.started && entry.done < entry.total,
    })),
  };
}

/** Throws `OlderDemoError` when the table holds an older version's demo (it cannot be resumed). */
export async function assertCurrentPlan() {
  if ((await status()).older) throw new OlderDemoError();
}

export { SeedMarkerEntity, JianyangPeopleCounts };

import { beforeAll, describe, expect, it } from "vitest";
import * as Onboarding from "../onboarding/index.ts";
import { ZodError } from "zod";
import { withActor, type Actor } from "../actor.ts";
import * as Audit from "../audit/index.ts";
import { ConflictError, ForbiddenError, InputError, NotFoundError, type VisibleError } from "../error.ts";
import * as Grid from "../grid/index.ts";
import * as Person from "../person/index.ts";
import * as Province from "../province/index.ts";
import * as Ticket from "../ticket/index.ts";
import * as Config from "./index.ts";
import { rect } from "../onboarding/test-district.test-support.ts";
import { rejection } from "../util/rejection.test-support.ts";

const operator: Actor = { type: "operator", userID: "op" };
const admins: Record<string, Actor> = {};
const as = <T>(actor: Actor, body: () => Promise<T>) => withActor(actor, body);
const user = (tenantID: string, userID: string, roles: ("resident" | "grid_worker" | "grid_leader")[]): Actor => ({
  type: "user",
  userID,
  tenantID,
  roles,
});

async function onboard(slug: string, template: "minimal" | "jianyang" = "minimal") {
  const result = await withActor(operator, () =>
    Onboarding.onboard({
      slug,
      nameZh: "配置区",
      nameEn: "Config town",
      provinceID: "fujian",
      cityZh: "南平市",
      cityEn: "Nanping",
      template,
      admin: { name: "林管理", phone: "13800000001" },
    }),
  );
  admins[slug] = { type: "user", userID: result.admin.userID, tenantID: slug, roles: ["district_admin"] };
  return result;
}

beforeAll(async () => {
  await withActor(operator, () => Province.create({ provinceID: "fujian", nameZh: "福建省", nameEn: "Fujian" }));
});

describe("the configuration's history", () => {
  const slug = "cfg-history";
  const admin = () => admins[slug];
  beforeAll(() => onboard(slug));

  it("starts with the onboarding as version 1, every section new", async () => {
    const list = await as(admin(), () => Config.listVersions({}));
    expect(list.items).toEqual([
      {
        version: 1,
        createdAt: expect.any(String),
        createdBy: "op",
        createdByName: null,
        sections: [...Config.SettingsSections],
        note: null,
        rollbackOf: null,
      },
    ]);
    const first = await as(admin(), () => Config.getVersion(1));
    expect(first.settings).toEqual(Config.template("minimal"));
  });

  it("makes every change a version with who, when and which sections; newest first; on the audit trail", async () => {
    const before = await as(admin(), () => Config.get());
    const tiers = before.tiers.map((tier) => (tier.level === 2 ? { ...tier, nameZh: "微网格", nameEn: "Micro grid" } : tier));
    const second = await as(admin(), () => Config.update({ expectedVersion: before.version, note: "按街道习惯改名", changes: { tiers } }));
    expect(second.version).toBe(before.version + 1);
    expect(second.tiers[1].nameZh).toBe("微网格");
    expect(second.updatedBy).toBe((admin() as { userID: string }).userID);

    const third = await as(admin(), () =>
      Config.update({
        expectedVersion: second.version,
        changes: {
          mechanisms: { ...second.mechanisms, wishes: true },
          access: { residentSelfRegistration: false, residentApproval: true },
        },
      }),
    );
    expect(third.version).toBe(3);
    expect((await as(admin(), () => Config.get())).mechanisms.wishes).toBe(true);

    const list = await as(admin(), () => Config.listVersions({}));
    expect(list.items.map((version) => version.version)).toEqual([3, 2, 1]);
    expect(list.items[0]).toMatchObject({ sections: ["mechanisms", "access"], createdByName: "林管理", note: null, rollbackOf: null });
    expect(list.items[1]).toMatchObject({
      sections: ["tiers"],
      createdBy: (admin() as { userID: string }).userID,
      createdByName: "林管理",
      note: "按街道习惯改名",
    });
    expect(Date.parse(list.items[1].createdAt)).toBeGreaterThan(Date.now() - 60_000);
    const paged = await as(admin(), () => Config.listVersions({ limit: 2 }));
    expect(paged.items.map((version) => version.version)).toEqual([3, 2]);
    const rest = await as(admin(), () => Config.listVersions({ limit: 2, cursor: paged.cursor! }));
    expect(rest.items.map((version) => version.version)).toEqual([1]);
    expect((await as(admin(), () => Config.getVersion(2))).settings.tiers[1].nameZh).toBe("微网格");

    const audit = await as(admin(), () => Audit.listAuditEvents({ subjectID: "config" }));
    expect(audit.items.map((event) => [event.action, event.details?.version])).toEqual([
      ["config.updated", 3],
      ["config.updated", 2],
    ]);
    expect(audit.items[1].summary).toContain("tiers");
    expect(audit.items[1].details).toMatchObject({ sections: ["tiers"], note: "按街道习惯改名", previousVersion: 1 });
  });

  it("writes nothing for a change that changes nothing", async () => {
    const current = await as(admin(), () => Config.get());
    const same = await as(admin(), () => Config.update({ expectedVersion: current.version, changes: { tiers: current.tiers } }));
    expect(same.version).toBe(current.version);
    expect((await as(admin(), () => Config.listVersions({}))).items[0].version).toBe(current.version);
  });

  it("rolls back to an earlier version as a new version, itself on the history and the audit trail", async () => {
    const current = await as(admin(), () => Config.get());
    const restored = await as(admin(), () => Config.rollback({ toVersion: 1, expectedVersion: current.version, note: "恢复初始配置" }));
    expect(restored.version).toBe(current.version + 1);
    expect(Config.settingsOf(restored)).toEqual(Config.template("minimal"));
    expect(Config.settingsOf(await as(admin(), () => Config.get()))).toEqual(Config.template("minimal"));
    const [newest] = (await as(admin(), () => Config.listVersions({}))).items;
    expect(newest).toMatchObject({
      version: restored.version,
      rollbackOf: 1,
      note: "恢复初始配置",
      sections: ["tiers", "mechanisms", "access"],
    });
    const [event] = (await as(admin(), () => Audit.listAuditEvents({ subjectID: "config" }))).items;
    expect(event).toMatchObject({ action: "config.rolled_back", details: { version: restored.version, rollbackOf: 1 } });
    // …and the rollback can itself be undone.
    const again = await as(admin(), () => Config.rollback({ toVersion: current.version, expectedVersion: restored.version }));
    expect(again.tiers[1].nameZh).toBe("微网格");
  });

  it("answers 404 for a version that does not exist", async () => {
    const current = await as(admin(), () => Config.get());
    expect(await rejection(as(admin(), () => Config.getVersion(999)))).toBeInstanceOf(NotFoundError);
    const refused = await rejection(as(admin(), () => Config.rollback({ toVersion: 999, expectedVersion: current.version })));
    expect(refused).toBeInstanceOf(NotFoundError);
    expect(refused.code).toBe("config.version_not_found");
  });

  it("refuses a stale expectedVersion, and of two changes made on the same version exactly one wins", async () => {
    const current = await as(admin(), () => Config.get());
    const stale = await rejection(
      as(admin(), () =>
        Config.update({ expectedVersion: current.version - 1, changes: { mechanisms: { ...current.mechanisms, meetings: true } } }),
      ),
    );
    expect(stale).toBeInstanceOf(ConflictError);
    expect(stale.code).toBe("config.version");

    const results = await Promise.allSettled([
      as(admin(), () =>
        Config.update({ expectedVersion: current.version, changes: { mechanisms: { ...current.mechanisms, meetings: true } } }),
      ),
      as(admin(), () =>
        Config.update({ expectedVersion: current.version, changes: { mechanisms: { ...current.mechanisms, volunteers: true } } }),
      ),
    ]);
    const won = results.filter((result) => result.status === "fulfilled");
    const lost = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0].reason).toBeInstanceOf(ConflictError);
    expect(lost[0].reason.code).toBe("config.version");
    const after = await as(admin(), () => Config.get());
    expect(after.version).toBe(current.version + 1);
    expect(after.mechanisms.meetings !== after.mechanisms.volunteers).toBe(true);
    expect((await as(admin(), () => Config.listVersions({}))).items[0].version).toBe(current.version + 1);
  });

  it("is the district admin's: others may read the current configuration only", async () => {
    const worker = user(slug, "w1", ["grid_worker"]);
    const current = await as(worker, () => Config.get());
    expect(current.tiers).toHaveLength(2);
    expect(
      await rejection(
        as(worker, () =>
          Config.update({ expectedVersion: current.version, changes: { mechanisms: { ...current.mechanisms, tickets: false } } }),
        ),
      ),
    ).toBeInstanceOf(ForbiddenError);
    expect(await rejection(as(worker, () => Config.listVersions({})))).toBeInstanceOf(ForbiddenError);
    expect(await rejection(as(worker, () => Config.getVersion(1)))).toBeInstanceOf(ForbiddenError);
    expect(await rejection(as(worker, () => Config.rollback({ toVersion: 1, expectedVersion: current.version })))).toBeInstanceOf(
      ForbiddenError,
    );
    expect((await as(admin(), () => Config.get())).version).toBe(current.version);
  });

  it("gives every existing caller of changeConfig versions for free (tier configuration)", async () => {
    const current = await as(admin(), () => Config.tiers());
    const tiers = current.tiers.map((tier) => (tier.level === 1 ? { ...tier, nameZh: "社区" } : tier));
    const next = await as(admin(), () =>
      Config.updateTiers({
        tiers,
        dedicatedKinds: [{ key: "school", nameZh: "学校", nameEn: "School" }],
        expectedVersion: current.version,
      }),
    );
    const [newest] = (await as(admin(), () => Config.listVersions({}))).items;
    expect(newest).toMatchObject({ version: next.version, sections: ["tiers", "dedicatedKinds"], createdByName: "林管理" });
  });
});

describe("validation", () => {
  const slug = "cfg-valid";
  const admin = () => admins[slug];
  beforeAll(() => onboard(slug));

  const paths = (error: VisibleError) => (error.details ?? []).map((detail) => detail.path);

  it("names the field paths under changes", async () => {
    const current = await as(admin(), () => Config.get());
    const { tickets } = current;
    const badShape = await rejection(
      as(admin(), () => Config.update({ expectedVersion: current.version, changes: { tiers: [{ level: 1, nameZh: "", nameEn: "x" }] } })),
      ZodError,
    );
    expect(badShape.issues[0].path).toEqual(["changes", "tiers", 0, "nameZh"]);

    await rejection(
      as(admin(), () => Config.update({ expectedVersion: current.version, changes: { version: 9 } as never })),
      ZodError,
    );

    const crossed = await rejection(
      as(admin(), () =>
        Config.update({
          expectedVersion: current.version,
          changes: {
            tickets: {
              ...tickets,
              categories: [
                ...tickets.categories,
                { key: "parking", nameZh: "乱停车", nameEn: "Parking", departmentKey: "traffic_police", deadlineHours: 8 },
                { key: "other", nameZh: "其他", nameEn: "Other", departmentKey: null, deadlineHours: 8 },
              ],
              routingRules: [{ categoryKey: "noise", gridID: "grid_missing", departmentKey: "urban_management" }],
            },
          },
        }),
      ),
    );
    expect(crossed).toBeInstanceOf(InputError);
    expect(crossed.code).toBe("input.invalid");
    expect(paths(crossed)).toEqual([
      "changes.tickets.categories.3.key",
      "changes.tickets.categories.2.departmentKey",
      "changes.tickets.routingRules.0.categoryKey",
      "changes.tickets.routingRules.0.gridID",
    ]);

    const roleOnMissingTier = await rejection(
      as(admin(), () => Config.update({ expectedVersion: current.version, changes: { tiers: current.tiers.slice(0, 1) } })),
    );
    expect(roleOnMissingTier).toBeInstanceOf(InputError);
    expect(paths(roleOnMissingTier)).toEqual(["changes.roles.1.tier"]);
    expect((await as(admin(), () => Config.get())).version).toBe(current.version);
  });

  it("accepts routing rules that name existing categories, departments and grids", async () => {
    const grid = await as(admin(), () => Grid.create({ code: "V1", name: "一格", tier: 1, boundary: rect(0, 0, 1, 1) }));
    const current = await as(admin(), () => Config.get());
    const next = await as(admin(), () =>
      Config.update({
        expectedVersion: current.version,
        changes: {
          tickets: {
            ...current.tickets,
            routingRules: [{ categoryKey: "environment", gridID: grid.gridID, departmentKey: "urban_management" }],
          },
        },
      }),
    );
    expect(next.tickets.routingRules).toHaveLength(1);
  });
});

describe("changes that would break existing data", () => {
  const slug = "cfg-break";
  const admin = () => admins[slug];
  const resident = user(slug, "r1", ["resident"]);
  const worker = user(slug, "w1", ["grid_worker"]);
  const leader = user(slug, "l1", ["grid_leader"]);
  const grids: Record<string, Grid.Grid> = {};
  const reasons = (error: VisibleError) => (error.details ?? []).map((detail) => `${detail.path}: ${detail.message}`);

  beforeAll(async () => {
    await onboard(slug);
    grids.top = await as(admin(), () => Grid.create({ code: "B1", name: "一格", tier: 1, boundary: rect(0, 0, 10, 10) }));
    grids.leaf = await as(admin(), () =>
      Grid.create({ code: "B1-1", name: "一格一", tier: 2, parentID: grids.top.gridID, boundary: rect(0, 0, 10, 10) }),
    );
    for (const gridStaff of [worker, leader]) Object.assign(gridStaff, { gridID: grids.top.gridID });
  });

  it("refuses to drop a tier that holds grids, naming them; allows renaming it", async () => {
    const current = await as(admin(), () => Config.get());
    const roles = current.roles.map((role) => (role.tier === 2 ? { ...role, tier: null } : role));
    const refused = await rejection(
      as(admin(), () => Config.update({ expectedVersion: current.version, changes: { tiers: current.tiers.slice(0, 1), roles } })),
    );
    expect(refused).toBeInstanceOf(ConflictError);
    expect(refused.code).toBe("config.breaking");
    expect(reasons(refused)).toEqual(["changes.tiers: tier 2 (基础网格) still holds 1 grid: B1-1"]);
    const renamed = await as(admin(), () =>
      Config.update({
        expectedVersion: current.version,
        changes: { tiers: current.tiers.map((tier) => ({ ...tier, nameZh: `${tier.nameZh}（新）` })) },
      }),
    );
    expect(renamed.tiers[1].nameZh).toBe("基础网格（新）");
  });

  it("refuses to remove a dedicated kind that holds grids", async () => {
    let current = await as(admin(), () => Config.get());
    current = await as(admin(), () =>
      Config.update({
        expectedVersion: current.version,
        changes: { dedicatedKinds: [{ key: "school", nameZh: "学校", nameEn: "School" }] },
      }),
    );
    await as(admin(), () =>
      Grid.create({ code: "S1", name: "一中", dedicatedKind: "school", parentID: grids.leaf.gridID, boundary: rect(1, 1, 2, 2) }),
    );
    const refused = await rejection(
      as(admin(), () => Config.update({ expectedVersion: current.version, changes: { dedicatedKinds: [] } })),
    );
    expect(refused.code).toBe("config.breaking");
    expect(reasons(refused)).toEqual(["changes.dedicatedKinds: dedicated kind school (学校) still holds 1 grid: S1"]);
  });

  it("refuses to remove a role, or change what it does, while people hold it; renaming is fine", async () => {
    await as(admin(), () =>
      Person.assign({ gridID: grids.leaf.gridID, roleKey: "grid_worker", person: { name: "陈网格", phone: "13900000001" } }),
    );
    const current = await as(admin(), () => Config.get());
    const removed = await rejection(
      as(admin(), () =>
        Config.update({ expectedVersion: current.version, changes: { roles: current.roles.filter((role) => role.key !== "grid_worker") } }),
      ),
    );
    expect(removed.code).toBe("config.breaking");
    expect(reasons(removed)).toEqual(["changes.roles: role grid_worker (网格员) is removed while 1 person holds it"]);
    const changed = await rejection(
      as(admin(), () =>
        Config.update({
          expectedVersion: current.version,
          changes: {
            roles: current.roles.map((role) => (role.key === "grid_worker" ? { ...role, accessRole: "grid_leader" as const } : role)),
          },
        }),
      ),
    );
    expect(reasons(changed)).toEqual([
      "changes.roles: role grid_worker (网格员) changes its access role (grid_worker → grid_leader) while 1 person holds it",
    ]);
    // Nobody holds grid_leader: it may go.
    const withoutLeader = await as(admin(), () =>
      Config.update({ expectedVersion: current.version, changes: { roles: current.roles.filter((role) => role.key !== "grid_leader") } }),
    );
    expect(withoutLeader.roles.map((role) => role.key)).toEqual(["grid_worker"]);
    const renamed = await as(admin(), () =>
      Config.update({
        expectedVersion: withoutLeader.version,
        changes: { roles: withoutLeader.roles.map((role) => ({ ...role, nameZh: "专职网格员" })) },
      }),
    );
    expect(renamed.roles[0].nameZh).toBe("专职网格员");
  });

  it("refuses to remove a category while it has open tickets, and allows it once they are closed", async () => {
    const report = () =>
      as(resident, () => Ticket.create({ categoryKey: "environment", description: "楼下垃圾无人清运", lon: 118.05, lat: 27.05 }));
    const first = (await report()).ticket;
    const second = (await report()).ticket;
    const current = await as(admin(), () => Config.get());
    const withoutEnvironment = {
      ...current.tickets,
      categories: current.tickets.categories.filter((category) => category.key !== "environment"),
    };
    const remove = () => as(admin(), () => Config.update({ expectedVersion: current.version, changes: { tickets: withoutEnvironment } }));

    const refused = await rejection(remove());
    expect(refused.code).toBe("config.breaking");
    expect(reasons(refused)).toEqual(["changes.tickets.categories: category environment (环境卫生) has 2 open tickets"]);
    await as(worker, () => Ticket.reject({ ticketID: first.ticketID, note: "不属实" }));
    expect(reasons(await rejection(remove()))).toEqual(["changes.tickets.categories: category environment (环境卫生) has 1 open ticket"]);
    await as(worker, () => Ticket.reject({ ticketID: second.ticketID, note: "重复上报" }));
    // Only closed tickets left: the category may go (the tickets keep their key).
    const next = await remove();
    expect(next.tickets.categories.map((category) => category.key)).toEqual(["other"]);
    expect((await as(admin(), () => Ticket.get(first.ticketID))).ticket.categoryKey).toBe("environment");
  });

  it("counts a reopened ticket as open again", async () => {
    let current = await as(admin(), () => Config.get());
    const lamp = { key: "street_light", nameZh: "路灯", nameEn: "Street light", departmentKey: null, deadlineHours: 24 };
    current = await as(admin(), () =>
      Config.update({
        expectedVersion: current.version,
        changes: { tickets: { ...current.tickets, categories: [...current.tickets.categories, lamp] } },
      }),
    );
    const { ticket } = await as(resident, () =>
      Ticket.create({ categoryKey: "street_light", description: "路灯不亮了", lon: 118.05, lat: 27.05 }),
    );
    await as(worker, () => Ticket.accept({ ticketID: ticket.ticketID }));
    await as(leader, () => Ticket.dispatch({ ticketID: ticket.ticketID }));
    await as(worker, () => Ticket.reportHandling({ ticketID: ticket.ticketID, note: "已更换灯泡" }));
    await as(leader, () => Ticket.verify({ ticketID: ticket.ticketID, closure: "solved" }));
    await as(resident, () => Ticket.reopen({ ticketID: ticket.ticketID, note: "又不亮了" }));
    const withoutLamp = {
      ...current.tickets,
      categories: current.tickets.categories.filter((category) => category.key !== "street_light"),
    };
    const refused = await rejection(
      as(admin(), () => Config.update({ expectedVersion: current.version, changes: { tickets: withoutLamp } })),
    );
    expect(reasons(refused)).toEqual(["changes.tickets.categories: category street_light (路灯) has 1 open ticket"]);
  });

  it("refuses to remove a department while open tickets sit with it", async () => {
    const { ticket } = await as(resident, () =>
      Ticket.create({ categoryKey: "other", description: "路边护栏倒了", lon: 118.05, lat: 27.05 }),
    );
    await as(worker, () => Ticket.accept({ ticketID: ticket.ticketID }));
    await as(leader, () => Ticket.dispatch({ ticketID: ticket.ticketID, departmentKey: "urban_management" }));
    const current = await as(admin(), () => Config.get());
    const refused = await rejection(
      as(admin(), () =>
        Config.update({
          expectedVersion: current.version,
          changes: { tickets: { ...current.tickets, departments: [], routingRules: [] } },
        }),
      ),
    );
    expect(refused.code).toBe("config.breaking");
    expect(reasons(refused)).toEqual(["changes.tickets.departments: department urban_management (城管局) has 1 open ticket with it"]);
    // Switching the mechanism off is not breaking: the data stays.
    const off = await as(admin(), () =>
      Config.update({ expectedVersion: current.version, changes: { mechanisms: { ...current.mechanisms, tickets: false } } }),
    );
    expect(off.mechanisms.tickets).toBe(false);
  });

  it("refuses a rollback to a version without a tier that holds grids now", async () => {
    let current = await as(admin(), () => Config.get());
    const before = current.version;
    current = await as(admin(), () =>
      Config.update({
        expectedVersion: current.version,
        changes: { tiers: [...current.tiers, { level: 3, nameZh: "微网格", nameEn: "Micro grid" }] },
      }),
    );
    await as(admin(), () =>
      Grid.create({ code: "B1-1-1", name: "微一", tier: 3, parentID: grids.leaf.gridID, boundary: rect(0, 0, 5, 5) }),
    );
    const refused = await rejection(as(admin(), () => Config.rollback({ toVersion: before, expectedVersion: current.version })));
    expect(refused.code).toBe("config.breaking");
    expect(reasons(refused)).toEqual(["settings.tiers: tier 3 (微网格) still holds 1 grid: B1-1-1"]);
    expect((await as(admin(), () => Config.get())).version).toBe(current.version);
  });
});

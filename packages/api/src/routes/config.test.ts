import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { As, square, startTestApi } from "../../../../scripts/test/api.ts";

let api: Awaited<ReturnType<typeof startTestApi>>;
const admin = { as: As.jianyangAdmin };
const resident = { as: As.jianyangResident };
const worker = { as: As.jianyangWorker };
const pothole = { key: "pothole", nameZh: "坑洼积水", nameEn: "Pothole", departmentKey: "transport", deadlineHours: 24 };

beforeAll(async () => {
  api = await startTestApi();
  const top = await api.call("POST", "/grids", {
    ...admin,
    body: { code: "CF", name: "配置社区", tier: 1, boundary: square(118.5, 27.7, 0.02) },
  });
  expect(top.status, JSON.stringify(top.body)).toBe(201);
  const middle = await api.call("POST", "/grids", {
    ...admin,
    body: { code: "CF-1", name: "配置二级", tier: 2, parentID: top.body.gridID, boundary: square(118.5, 27.7, 0.02) },
  });
  expect(middle.status, JSON.stringify(middle.body)).toBe(201);
  const leaf = await api.call("POST", "/grids", {
    ...admin,
    body: { code: "CF-1-1", name: "配置三级", tier: 3, parentID: middle.body.gridID, boundary: square(118.5, 27.7, 0.02) },
  });
  expect(leaf.status, JSON.stringify(leaf.body)).toBe(201);
  for (const gridStaff of [As.jianyangWorker, As.jianyangLeader]) await api.place(gridStaff, top.body.gridID);
});
afterAll(() => api?.close());

const current = async () => (await api.call("GET", "/config", admin)).body;

describe("the district configuration through the API", () => {
  it("any user of the district reads it; platform staff act for no district", async () => {
    const read = await api.call("GET", "/config", resident);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ version: expect.any(Number), mechanisms: { tickets: true } });
    expect(read.body.tiers.map((tier: { nameZh: string }) => tier.nameZh)).toEqual(["一级网格", "二级网格", "三级网格"]);
    expect((await api.call("GET", "/config", { as: As.operator })).status).toBe(403);
    expect((await api.call("GET", "/config")).status).toBe(401);
    // The older configuration routes live beside it.
    expect((await api.call("GET", "/config/tiers", resident)).status).toBe(200);
    expect((await api.call("GET", "/config/categories", resident)).status).toBe(200);
  });

  it("a change is a new version with who, when and which sections, newest first, on the audit trail", async () => {
    const before = await current();
    const changed = await api.call("PATCH", "/config", {
      ...admin,
      body: {
        expectedVersion: before.version,
        note: "新增坑洼类别",
        changes: { tickets: { ...before.tickets, categories: [...before.tickets.categories, pothole] } },
      },
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.version).toBe(before.version + 1);
    expect(changed.body.tickets.categories.map((category: { key: string }) => category.key)).toContain("pothole");
    expect((await api.call("GET", "/config/categories", resident)).body.items.map((category: { key: string }) => category.key)).toContain(
      "pothole",
    );

    const versions = await api.call("GET", "/config/versions", admin);
    expect(versions.status).toBe(200);
    expect(versions.body.items[0]).toEqual({
      version: changed.body.version,
      createdAt: expect.any(String),
      createdBy: "admin",
      createdByName: "林建华",
      sections: ["tickets"],
      note: "新增坑洼类别",
      rollbackOf: null,
    });
    const numbers = versions.body.items.map((version: { version: number }) => version.version);
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    expect(numbers.at(-1)).toBe(1);

    const one = await api.call("GET", `/config/versions/${changed.body.version}`, admin);
    expect(one.status).toBe(200);
    expect(one.body.settings.tickets.categories.at(-1)).toEqual(pothole);
    const first = await api.call("GET", "/config/versions/1", admin);
    expect(first.body.settings.tickets.categories.map((category: { key: string }) => category.key)).not.toContain("pothole");

    const audit = await api.call("GET", "/audit?subjectID=config", admin);
    expect(audit.body.items[0]).toMatchObject({
      action: "config.updated",
      actorID: "admin",
      details: { version: changed.body.version, sections: ["tickets"] },
    });
  });

  it("names the field paths of an invalid change under changes", async () => {
    const before = await current();
    const badKey = await api.call("PATCH", "/config", {
      ...admin,
      body: {
        expectedVersion: before.version,
        changes: { tickets: { ...before.tickets, categories: [...before.tickets.categories, { ...pothole, key: "Bad Key" }] } },
      },
    });
    expect(badKey.status).toBe(400);
    expect(badKey.body.code).toBe("input.invalid");
    expect(badKey.body.errors.map((error: { path: string }) => error.path)).toEqual([
      `changes.tickets.categories.${before.tickets.categories.length}.key`,
    ]);

    const unknownDepartment = await api.call("PATCH", "/config", {
      ...admin,
      body: {
        expectedVersion: before.version,
        changes: {
          tickets: {
            ...before.tickets,
            categories: [...before.tickets.categories, { ...pothole, key: "flood", departmentKey: "water_bureau" }],
          },
        },
      },
    });
    expect(unknownDepartment.status).toBe(400);
    expect(unknownDepartment.body.code).toBe("input.invalid");
    expect(unknownDepartment.body.errors).toEqual([
      {
        path: `changes.tickets.categories.${before.tickets.categories.length}.departmentKey`,
        message: expect.stringContaining("water_bureau"),
      },
    ]);
    expect((await current()).version).toBe(before.version);
  });

  it("refuses a stale version, and of two changes made on the same version exactly one wins", async () => {
    const before = await current();
    const stale = await api.call("PATCH", "/config", {
      ...admin,
      body: { expectedVersion: before.version - 1, changes: { reopen: 3 } as never },
    });
    expect(stale.status).toBe(400); // an unknown section is named before anything else
    const staleReal = await api.call("PATCH", "/config", {
      ...admin,
      body: { expectedVersion: before.version - 1, changes: { tickets: { ...before.tickets, reopenDays: 3 } } },
    });
    expect(staleReal.status).toBe(409);
    expect(staleReal.body.code).toBe("config.version");

    const [first, second] = await Promise.all([
      api.call("PATCH", "/config", {
        ...admin,
        body: { expectedVersion: before.version, changes: { tickets: { ...before.tickets, reopenDays: 3 } } },
      }),
      api.call("PATCH", "/config", {
        ...admin,
        body: { expectedVersion: before.version, changes: { tickets: { ...before.tickets, reopenDays: 14 } } },
      }),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const loser = first.status === 409 ? first : second;
    expect(loser.body.code).toBe("config.version");
    const after = await current();
    expect(after.version).toBe(before.version + 1);
    expect(after.tickets.reopenDays).toBe((first.status === 200 ? first : second).body.tickets.reopenDays);
  });

  it("refuses a change that would break existing data, one reason each", async () => {
    const before = await current();
    const roles = before.roles.map((role: { tier: number | null }) => (role.tier === 3 ? { ...role, tier: null } : role));
    const refused = await api.call("PATCH", "/config", {
      ...admin,
      body: { expectedVersion: before.version, changes: { tiers: before.tiers.slice(0, 2), roles } },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe("config.breaking");
    expect(refused.body.errors).toEqual([{ path: "changes.tiers", message: "tier 3 (三级网格) still holds 1 grid: CF-1-1" }]);
    // Renaming is not breaking, nor is switching a mechanism off.
    const renamed = await api.call("PATCH", "/config", {
      ...admin,
      body: {
        expectedVersion: before.version,
        changes: {
          tiers: before.tiers.map((tier: { level: number }) =>
            tier.level === 3 ? { ...tier, nameZh: "微网格", nameEn: "Micro grid" } : tier,
          ),
        },
      },
    });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect(renamed.body.tiers[2].nameZh).toBe("微网格");
  });

  it("rolls back as a new version, refused while the rollback would drop a category with open tickets", async () => {
    const versions = (await api.call("GET", "/config/versions?limit=200", admin)).body.items as {
      version: number;
      sections: string[];
      note: string | null;
    }[];
    const withPothole = versions.find((version) => version.note === "新增坑洼类别")!;
    const beforePothole = withPothole.version - 1;
    const ticket = await api.call("POST", "/tickets", {
      ...resident,
      body: { categoryKey: "pothole", description: "路中间一个大坑", lon: 118.51, lat: 27.71 },
    });
    expect(ticket.status, JSON.stringify(ticket.body)).toBe(201);

    let now = await current();
    const refused = await api.call("POST", "/config/rollback", {
      ...admin,
      body: { toVersion: beforePothole, expectedVersion: now.version, note: "撤回" },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe("config.breaking");
    expect(refused.body.errors).toEqual([
      { path: "settings.tickets.categories", message: "category pothole (坑洼积水) has 1 open ticket" },
    ]);

    expect(
      (await api.call("POST", `/tickets/${ticket.body.ticket.ticketID}/reject`, { ...worker, body: { note: "已自行修复" } })).status,
    ).toBe(200);
    now = await current();
    const rolled = await api.call("POST", "/config/rollback", {
      ...admin,
      body: { toVersion: beforePothole, expectedVersion: now.version, note: "撤回" },
    });
    expect(rolled.status, JSON.stringify(rolled.body)).toBe(200);
    expect(rolled.body.version).toBe(now.version + 1);
    expect(rolled.body.tickets.categories.map((category: { key: string }) => category.key)).not.toContain("pothole");
    const [newest] = (await api.call("GET", "/config/versions", admin)).body.items;
    expect(newest).toMatchObject({ version: rolled.body.version, rollbackOf: beforePothole, note: "撤回", createdByName: "林建华" });
    const audit = await api.call("GET", "/audit?subjectID=config", admin);
    expect(audit.body.items[0]).toMatchObject({ action: "config.rolled_back", details: { rollbackOf: beforePothole } });

    const unknown = await api.call("GET", "/config/versions/9999", admin);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe("config.version_not_found");
    expect(
      (await api.call("POST", "/config/rollback", { ...admin, body: { toVersion: 9999, expectedVersion: rolled.body.version } })).status,
    ).toBe(404);
    expect((await api.call("GET", "/config/versions/abc", admin)).status).toBe(400);
  });

  it("is the district admin's to change, list and roll back", async () => {
    const before = await current();
    const change = { expectedVersion: before.version, changes: { mechanisms: { ...before.mechanisms, wishes: false } } };
    for (const who of [resident, worker, { as: As.jianyangLeader }]) {
      expect((await api.call("PATCH", "/config", { ...who, body: change })).status).toBe(403);
      expect((await api.call("GET", "/config/versions", who)).status).toBe(403);
      expect((await api.call("GET", "/config/versions/1", who)).status).toBe(403);
      expect((await api.call("POST", "/config/rollback", { ...who, body: { toVersion: 1, expectedVersion: before.version } })).status).toBe(
        403,
      );
    }
    expect((await current()).version).toBe(before.version);
  });
});

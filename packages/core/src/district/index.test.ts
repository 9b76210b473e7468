import { beforeAll, describe, expect, it } from "vitest";
import * as Onboarding from "../onboarding/index.ts";
import { withActor, type Actor } from "../actor.ts";
import { ConflictError, ForbiddenError, InputError, NotFoundError } from "../error.ts";
import { UserEntity } from "../user/user.entity.ts";
import * as District from "./index.ts";
import * as Province from "../province/index.ts";

const operator = { type: "operator", userID: "op" } as const;

const onboardInput = (slug: string, provinceID = "fujian"): Onboarding.OnboardInput => ({
  slug,
  nameZh: "测试区",
  nameEn: "Test District",
  provinceID,
  cityZh: "南平市",
  cityEn: "Nanping",
  template: "jianyang",
  admin: { name: "管理员", phone: "13800000009" },
});

beforeAll(async () => {
  await withActor(operator, async () => {
    await Province.create({ provinceID: "fujian", nameZh: "福建省", nameEn: "Fujian" });
    await Province.create({ provinceID: "zhejiang", nameZh: "浙江省", nameEn: "Zhejiang" });
  });
});

describe("onboarding a district", () => {
  it("creates the tenant, its configuration from the template and its first admin in one go", async () => {
    const result = await withActor(operator, () => Onboarding.onboard(onboardInput("alpha")));
    expect(result.district).toMatchObject({ tenantID: "alpha", nameZh: "测试区", provinceID: "fujian", status: "active" });
    expect(result.config.tiers.map((tier) => tier.nameZh)).toEqual(["一级网格", "二级网格", "三级网格"]);
    expect(result.config.roles).toHaveLength(8);
    const admin = await UserEntity.get({ tenantID: "alpha", userID: result.admin.userID }).go();
    expect(admin.data?.roles).toEqual(["district_admin"]);
    const read = await withActor({ type: "user", userID: result.admin.userID, tenantID: "alpha", roles: ["district_admin"] }, () =>
      District.get("alpha"),
    );
    expect(read.config.mechanisms.tickets).toBe(true);
    expect(read.district.nameEn).toBe("Test District");
  });

  it("refuses the same slug twice with a conflict and leaves the first district as it was", async () => {
    await withActor(operator, () => Onboarding.onboard(onboardInput("bravo")));
    const second = { ...onboardInput("bravo"), nameZh: "冒名区", admin: { name: "另一个", phone: "13900000000" } };
    await expect(withActor(operator, () => Onboarding.onboard(second))).rejects.toBeInstanceOf(ConflictError);
    const read = await withActor(operator, () => District.get("bravo"));
    expect(read.district.nameZh).toBe("测试区");
    const users = await UserEntity.query.primary({ tenantID: "bravo" }).go();
    expect(users.data.map((user) => user.name)).toEqual(["管理员"]);
  });

  it("is for the platform operator only", async () => {
    const admin: Actor = { type: "user", userID: "u", tenantID: "alpha", roles: ["district_admin"] };
    await expect(withActor(admin, () => Onboarding.onboard(onboardInput("charlie")))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(withActor(operator, () => District.get("charlie"))).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuses an unknown province and a malformed slug", async () => {
    await expect(withActor(operator, () => Onboarding.onboard(onboardInput("delta", "atlantis")))).rejects.toBeInstanceOf(InputError);
    await expect(withActor(operator, () => Onboarding.onboard(onboardInput("Bad Slug!")))).rejects.toThrow(/slug/);
  });
});

describe("who sees which district", () => {
  beforeAll(async () => {
    await withActor(operator, async () => {
      await Onboarding.onboard(onboardInput("echo"));
      await Onboarding.onboard(onboardInput("foxtrot", "zhejiang"));
    });
  });

  it("a district user sees only their own district", async () => {
    const user: Actor = { type: "user", userID: "u", tenantID: "echo", roles: ["resident"] };
    await expect(withActor(user, () => District.get("foxtrot"))).rejects.toBeInstanceOf(NotFoundError);
    const list = await withActor(user, () => District.list({}));
    expect(list.items.map((district) => district.tenantID)).toEqual(["echo"]);
  });

  it("a provincial admin sees the districts of their province only", async () => {
    const province = { type: "province", userID: "p", provinceID: "zhejiang" } as const;
    const list = await withActor(province, () => District.list({}));
    expect(list.items.map((district) => district.tenantID)).toEqual(["foxtrot"]);
    await expect(withActor(province, () => District.get("echo"))).rejects.toBeInstanceOf(NotFoundError);
  });

  it("the operator pages through every district with a cursor", async () => {
    const first = await withActor(operator, () => District.list({ limit: 2 }));
    expect(first.items).toHaveLength(2);
    expect(first.cursor).toBeTruthy();
    const seen = [...first.items];
    let cursor = first.cursor;
    while (cursor) {
      const next = await withActor(operator, () => District.list({ limit: 2, cursor: cursor! }));
      seen.push(...next.items);
      cursor = next.cursor;
    }
    const slugs = seen.map((district) => district.tenantID);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(slugs).toEqual(expect.arrayContaining(["alpha", "bravo", "echo", "foxtrot"]));
  });

  it("a tampered cursor is an input error", async () => {
    await expect(withActor(operator, () => District.list({ cursor: "not-a-cursor" }))).rejects.toBeInstanceOf(InputError);
  });
});

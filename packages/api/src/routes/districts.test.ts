import { DistrictEntity } from "@wangge/core/district/district.entity";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { As, startTestApi } from "../../../../scripts/test/api.ts";

let api: Awaited<ReturnType<typeof startTestApi>>;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const newDistrict = (slug: string) => ({
  slug,
  nameZh: "光泽县",
  nameEn: "Guangze County",
  provinceID: "fujian",
  cityZh: "南平市",
  cityEn: "Nanping",
  template: "minimal",
  admin: { name: "李敏", phone: "13700000001" },
});

describe("onboarding through the API", () => {
  it("the operator onboards a district and its first admin can sign in to it at once", async () => {
    const created = await api.call("POST", "/districts", { as: As.operator, body: newDistrict("guangze") });
    expect(created.status).toBe(201);
    expect(created.body.district).toMatchObject({ tenantID: "guangze", nameZh: "光泽县", status: "active" });
    expect(created.body.config.tiers).toHaveLength(2);

    const admin = { userID: created.body.admin.userID, tenantID: "guangze" };
    const me = await api.call("GET", "/me", { as: admin });
    expect(me.body.actor).toMatchObject({ type: "user", tenantID: "guangze", roles: ["district_admin"] });
    const home = await api.call("GET", "/districts/guangze", { as: admin });
    expect(home.status).toBe(200);
    expect(home.body.config.mechanisms).toMatchObject({ tickets: true, cadreSecondment: false });
  });

  it("onboarding the same slug twice is a 409 and not a second tenant", async () => {
    await api.call("POST", "/districts", { as: As.operator, body: newDistrict("shaowu") });
    const again = await api.call("POST", "/districts", { as: As.operator, body: { ...newDistrict("shaowu"), nameZh: "另一个" } });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("district.exists");
    const read = await api.call("GET", "/districts/shaowu", { as: As.operator });
    expect(read.body.district.nameZh).toBe("光泽县");
  });

  it("only the platform operator may onboard", async () => {
    for (const caller of [As.jianyangAdmin, As.fujian]) {
      const response = await api.call("POST", "/districts", { as: caller, body: newDistrict("wuyishan") });
      expect(response.status).toBe(403);
    }
    expect((await api.call("GET", "/districts/wuyishan", { as: As.operator })).status).toBe(404);
  });

  it("a district in an unknown province is refused with the field named", async () => {
    const response = await api.call("POST", "/districts", { as: As.operator, body: { ...newDistrict("pucheng"), provinceID: "atlantis" } });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe("province.not_found");
    expect(response.body.errors[0].path).toBe("provinceID");
  });
});

describe("reading districts", () => {
  it("the Jianyang demo carries the article's three tiers, eight roles and every mechanism", async () => {
    const response = await api.call("GET", "/districts/jianyang", { as: As.jianyangAdmin });
    expect(response.status).toBe(200);
    expect(response.body.district).toMatchObject({ nameZh: "建阳区", cityZh: "南平市", provinceID: "fujian" });
    expect(response.body.config.tiers.map((tier: { nameZh: string }) => tier.nameZh)).toEqual(["一级网格", "二级网格", "三级网格"]);
    expect(response.body.config.roles.map((role: { nameZh: string }) => role.nameZh)).toContain("网格助理");
    expect(Object.values(response.body.config.mechanisms).every(Boolean)).toBe(true);
  });

  it("the provincial admin lists the districts of Fujian, a district user only their own", async () => {
    const province = await api.call("GET", "/districts", { as: As.fujian });
    const slugs = province.body.items.map((district: { tenantID: string }) => district.tenantID);
    expect(slugs).toEqual(expect.arrayContaining(["jianyang", "yanping"]));
    const own = await api.call("GET", "/districts", { as: As.jianyangResident });
    expect(own.body.items.map((district: { tenantID: string }) => district.tenantID)).toEqual(["jianyang"]);
  });
});

describe("templates for the onboarding wizard", () => {
  it("the operator reads the built-in templates with their tiers, roles and mechanisms", async () => {
    const response = await api.call("GET", "/districts/templates", { as: As.operator });
    expect(response.status).toBe(200);
    const byName = Object.fromEntries(response.body.items.map((item: { name: string; settings: any }) => [item.name, item.settings]));
    expect(Object.keys(byName).sort()).toEqual(["jianyang", "minimal"]);
    expect(byName.jianyang.tiers.map((tier: { nameZh: string }) => tier.nameZh)).toEqual(["一级网格", "二级网格", "三级网格"]);
    expect(byName.jianyang.roles.length).toBe(8);
    expect(byName.minimal.tiers).toHaveLength(2);
    expect(byName.minimal.mechanisms).toMatchObject({ tickets: true, cadreSecondment: false });
    expect(byName.minimal.tickets.categories.length).toBeGreaterThan(0);
  });

  it("is not shadowed by a district called templates, and nobody but the operator may read it", async () => {
    for (const caller of [As.jianyangAdmin, As.fujian, As.jianyangResident]) {
      const response = await api.call("GET", "/districts/templates", { as: caller });
      expect(response.status).toBe(403);
      expect(response.body.code).toBe("access.role");
    }
    expect((await api.call("GET", "/districts/templates")).status).toBe(401);
  });
});

describe("the public district directory", () => {
  it("lists every active district's names, city and province to anyone, and nothing else", async () => {
    await api.call("POST", "/districts", { as: As.operator, body: { ...newDistrict("directory-a"), nameZh: "目录县" } });
    const response = await api.call("GET", "/districts/directory");
    expect(response.status).toBe(200);
    const entry = response.body.items.find((item: { slug: string }) => item.slug === "directory-a");
    expect(entry).toEqual({ slug: "directory-a", nameZh: "目录县", nameEn: "Guangze County", cityZh: "南平市", provinceZh: "福建省" });
    const jianyang = response.body.items.find((item: { slug: string }) => item.slug === "jianyang");
    expect(Object.keys(jianyang).sort()).toEqual(["cityZh", "nameEn", "nameZh", "provinceZh", "slug"]);
  });

  it("leaves a suspended district out", async () => {
    await api.call("POST", "/districts", { as: As.operator, body: { ...newDistrict("directory-b"), nameZh: "停用县" } });
    const listed = async () => (await api.call("GET", "/districts/directory")).body.items.map((item: { slug: string }) => item.slug);
    expect(await listed()).toContain("directory-b");
    await DistrictEntity.patch({ tenantID: "directory-b" }).set({ status: "suspended" }).go();
    expect(await listed()).not.toContain("directory-b");
  });
});

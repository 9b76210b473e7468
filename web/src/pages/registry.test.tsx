import { screen, waitFor, within } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import type { AccessEntry, ResidentRecord, ResidentRecordDetail } from "../data/register.ts";
import type { Me } from "../data/types.ts";
import { LANGUAGE_KEY } from "../providers/locale.tsx";
import { adminMe, jianyangConfig } from "../test/fixtures.ts";
import { jianyangApi, problem, renderApp, signedIn, type FakeRequest } from "../test/harness.tsx";

const workerMe: Me = {
  actor: { type: "user", userID: "worker", tenantID: "jianyang", roles: ["grid_worker"] },
  profile: { ...adminMe.profile, userID: "worker", name: "黄晓梅", roles: ["grid_worker"] },
};
const residentMe: Me = {
  actor: { type: "user", userID: "resident", tenantID: "jianyang", roles: ["resident"] },
  profile: { ...adminMe.profile, userID: "resident", name: "陈秀英", roles: ["resident"] },
};

const person: ResidentRecord = {
  recordID: "person_1",
  name: "王建国",
  gender: "male",
  status: "living",
  householdID: "household_1",
  houseID: "house_1",
  relation: "户主",
  gridID: "grid_1",
  gridPath: ["grid_0", "grid_1"],
  tags: ["elderly_alone"],
  sensitiveTagCount: 1,
  idMasked: "350***********0018",
  phoneMasked: "138****0000",
  movedInAt: null,
  movedOutAt: null,
  createdAt: "2026-11-01T00:00:00.000Z",
  updatedAt: "2026-11-01T00:00:00.000Z",
};
const detail: ResidentRecordDetail = { ...person, sensitiveTags: null, mayReveal: true, address: "水南街道桃园路 12 号" };
const grid = { gridID: "grid_1", code: "JY-01-01", name: "桃园一组", tier: 3, parentID: "grid_0" };
const page = <T,>(items: T[]) => ({ items, cursor: null });

function registerApi(me: Me, routes: Record<string, (request: FakeRequest) => unknown> = {}) {
  return jianyangApi(me, jianyangConfig, {
    "GET /grids/grid_1": () => ({ grid, children: [], people: [] }),
    "GET /register/people": () => page([person]),
    "GET /register/households": () =>
      page([
        {
          householdID: "household_1",
          houseID: "house_1",
          address: "桃园路 12 号",
          gridID: "grid_1",
          gridPath: ["grid_0", "grid_1"],
          headRecordID: "person_1",
          headName: "王建国",
          members: 1,
          moves: [],
          createdAt: "2026-11-01T00:00:00.000Z",
          updatedAt: "2026-11-01T00:00:00.000Z",
        },
      ]),
    "GET /register/people/person_1": () => detail,
    ...routes,
  });
}

afterEach(() => localStorage.clear());

describe("数据平台, the register page", () => {
  // The first test also waits for the lazily loaded register chunk to be transformed.
  it("searches people and lists them masked, with the district's tag names and the grid's name, never a full number", async () => {
    const { requests } = registerApi(workerMe);
    signedIn();
    renderApp("/d/jianyang/registry");
    const row = await screen.findByTestId("registry-person", {}, { timeout: 20_000 });
    expect(within(row).getByTestId("registry-person-id")).toHaveTextContent("350***********0018");
    expect(within(row).getByTestId("registry-person-phone")).toHaveTextContent("138****0000");
    expect(within(row).getByText("独居老人")).toBeTruthy();
    expect(within(row).getByText("含 1 个敏感标签")).toBeTruthy();
    await waitFor(() => expect(within(row).getByText("桃园一组 · JY-01-01")).toBeTruthy());
    expect(row.textContent).not.toMatch(/\d{17}[\dX]/);

    const user = userEvent.setup();
    await user.type(screen.getByTestId("registry-search"), "王");
    await user.click(screen.getByTestId("registry-search-submit"));
    await waitFor(() =>
      expect(requests.some((request) => request.path === "/register/people" && request.search.get("q") === "王")).toBe(true),
    );
    // Only non-sensitive tags are offered as a filter.
    const tagFilter = screen.getByTestId("registry-tag") as HTMLSelectElement;
    expect([...tagFilter.options].map((option) => option.textContent)).toEqual(["全部", "独居老人", "残疾人"]);
  });

  it("checks an ID number as it is typed with core's rules, and says the API's refusal in the reader's language", async () => {
    const created: unknown[] = [];
    const { requests } = registerApi(workerMe, {
      "POST /register/people": (request) => {
        created.push(request.body);
        return problem(409, { code: "register.duplicate_id", detail: "This ID number is in the register already." });
      },
    });
    signedIn();
    renderApp("/d/jianyang/registry");
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("registry-add-people", {}, { timeout: 20_000 }));
    const form = await screen.findByTestId("person-form");
    await user.type(within(form).getByTestId("person-name"), "李梅");
    // The check character is wrong (…0018 is right for this number).
    await user.type(within(form).getByTestId("person-id"), "350721199001010019");
    expect(await within(form).findByText("身份证号最后一位校验码不符，请检查是否输错")).toBeTruthy();
    await user.clear(within(form).getByTestId("person-id"));
    await user.type(within(form).getByTestId("person-id"), "350721199001010018");
    expect(await within(form).findByText("出生日期 1990-01-01，男")).toBeTruthy();
    // The household is found by a part of its address, within the caller's grid, from the API.
    await user.type(within(form).getByTestId("person-household-search"), "桃园");
    await waitFor(() =>
      expect(requests.some((request) => request.path === "/register/households" && request.search.get("q") === "桃园")).toBe(true),
    );
    await waitFor(() => expect(within(form).getByTestId("person-household-status").textContent).toBe(""));
    await user.click(await within(form).findByTestId("person-household-option"));
    expect(within(form).getByTestId("person-household-chosen")).toHaveTextContent("桃园路 12 号 · 户主：王建国");
    // The catalogue's sensitive tags are marked 敏感.
    expect(within(within(form).getByTestId("person-tag-low_income").parentElement!).getByText("敏感")).toBeTruthy();
    await user.click(within(form).getByTestId("person-tag-low_income"));
    await user.click(within(form).getByTestId("person-form-submit"));
    expect(await within(form).findByTestId("person-form-error")).toHaveTextContent("该身份证号已在登记中");
    expect(created).toEqual([{ name: "李梅", idNumber: "350721199001010018", householdID: "household_1", tags: ["low_income"] }]);
  });

  it("finds a household by address or head's name a page at a time, goes on with 加载更多, and says when nothing matches", async () => {
    const household = (n: number) => ({
      householdID: `household_${n}`,
      houseID: "house_1",
      address: `桃园路 ${n} 号`,
      gridID: "grid_1",
      gridPath: ["grid_0", "grid_1"],
      headRecordID: null,
      headName: null,
      members: 0,
      moves: [],
      createdAt: "2026-11-01T00:00:00.000Z",
      updatedAt: "2026-11-01T00:00:00.000Z",
    });
    const { requests } = registerApi(workerMe, {
      "GET /register/households": (request) => {
        const q = request.search.get("q");
        if (q === "没有") return page([]);
        if (request.search.get("cursor") === "next") return { items: [household(3)], cursor: null };
        return { items: [household(1), household(2)], cursor: "next" };
      },
    });
    signedIn();
    renderApp("/d/jianyang/registry");
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("registry-add-people", {}, { timeout: 20_000 }));
    const form = await screen.findByTestId("person-form");
    await waitFor(() => expect(within(form).getAllByTestId("person-household-option")).toHaveLength(2));
    // Never the first 200 of everything: a page of the picker's size.
    const first = requests.find((request) => request.path === "/register/households")!;
    expect(first.search.get("limit")).toBe("20");
    await user.click(within(form).getByTestId("person-household-more"));
    await waitFor(() => expect(within(form).getAllByTestId("person-household-option")).toHaveLength(3));
    expect(within(form).queryByTestId("person-household-more")).toBeNull();
    await user.type(within(form).getByTestId("person-household-search"), "没有");
    expect(await within(form).findByText("没有找到住户：换个关键字，或换个网格")).toBeTruthy();
    // Without a household, the form is not sent.
    await user.click(within(form).getByTestId("person-form-submit"));
    expect(within(form).getByTestId("person-household")).toHaveTextContent("必填");
    expect(requests.some((request) => request.method === "POST")).toBe(false);
  });

  it("speaks English to an English reader, refusals included", async () => {
    localStorage.setItem(LANGUAGE_KEY, "en");
    registerApi(workerMe, {
      "GET /register/enterprises": () => page([]),
      "POST /register/people": () => problem(409, { code: "register.duplicate_id", detail: "dup" }),
    });
    signedIn();
    renderApp("/d/jianyang/registry");
    const row = await screen.findByTestId("registry-person", {}, { timeout: 20_000 });
    expect(within(row).getByText("Elderly living alone")).toBeTruthy();
    expect(within(row).getByText("1 sensitive tag(s)")).toBeTruthy();
    const user = userEvent.setup();
    await user.click(screen.getByTestId("registry-add-people"));
    const form = await screen.findByTestId("person-form");
    await user.type(within(form).getByTestId("person-name"), "Li Mei");
    await user.type(within(form).getByTestId("person-id"), "350721199001010018");
    expect(await within(form).findByText("Born 1990-01-01, Male")).toBeTruthy();
    await user.click(await within(form).findByTestId("person-household-option"));
    expect(within(form).getByTestId("person-household-chosen")).toHaveTextContent("桃园路 12 号 · Head: 王建国");
    await user.click(within(form).getByTestId("person-form-submit"));
    expect(await within(form).findByTestId("person-form-error")).toHaveTextContent("This ID number is already in the register");
    await user.click(screen.getByTestId("registry-tab-enterprises"));
    expect(await screen.findByText("No organisations yet")).toBeTruthy();
  });

  it("tells a resident the register is for grid staff and asks nothing of the register's lists", async () => {
    const { requests } = registerApi(residentMe);
    signedIn();
    renderApp("/d/jianyang/registry");
    expect(await screen.findByText("数据平台由网格工作人员使用", {}, { timeout: 20_000 })).toBeTruthy();
    expect(requests.some((request) => request.path.startsWith("/register/"))).toBe(false);
  });
});

describe("a person's record", () => {
  it("reveals one field only with a stated purpose, shows the value once, and says the reading is logged", async () => {
    const reveals: unknown[] = [];
    registerApi(workerMe, {
      "POST /register/people/person_1/reveal": (request) => {
        reveals.push(request.body);
        return { recordID: "person_1", field: "idNumber", value: "350721199001010018" };
      },
    });
    signedIn();
    renderApp("/d/jianyang/registry/people/person_1");
    const record = await screen.findByTestId("record", {}, { timeout: 20_000 });
    expect(within(record).getByTestId("record-idNumber")).toHaveTextContent("350***********0018");
    expect(within(record).getByTestId("record-sensitive-count")).toHaveTextContent("含 1 个敏感标签");
    const user = userEvent.setup();
    await user.click(within(record).getByTestId("record-reveal-idNumber"));
    const dialog = await screen.findByTestId("reveal-dialog");
    expect(within(dialog).getByText("本次查看将记入访问日志。")).toBeTruthy();
    await user.click(within(dialog).getByTestId("reveal-submit"));
    expect(within(dialog).getByTestId("reveal-purpose-error")).toHaveTextContent("请填写查看原因");
    expect(reveals).toEqual([]);
    await user.type(within(dialog).getByTestId("reveal-purpose"), "核实低保申请材料");
    await user.click(within(dialog).getByTestId("reveal-submit"));
    expect(await within(dialog).findByTestId("reveal-value")).toHaveTextContent("350721199001010018");
    expect(reveals).toEqual([{ field: "idNumber", purpose: "核实低保申请材料" }]);
  });

  it("shows no 查看 button to a role that may not reveal", async () => {
    registerApi(workerMe, {
      "GET /register/people/person_1": () => ({ ...detail, mayReveal: false }),
    });
    signedIn();
    renderApp("/d/jianyang/registry/people/person_1");
    const record = await screen.findByTestId("record", {}, { timeout: 20_000 });
    expect(within(record).queryByTestId("record-reveal-idNumber")).toBeNull();
  });

  it("lists the sensitive tags by the district's names when the record carries them", async () => {
    registerApi(workerMe, { "GET /register/people/person_1": () => ({ ...detail, sensitiveTags: ["low_income"] }) });
    signedIn();
    renderApp("/d/jianyang/registry/people/person_1");
    const record = await screen.findByTestId("record", {}, { timeout: 20_000 });
    expect(within(record).getByText("低保户")).toBeTruthy();
    expect(within(record).queryByTestId("record-sensitive-count")).toBeNull();
  });
});

describe("访问日志", () => {
  const entry: AccessEntry = {
    accessID: "access_1",
    at: "2026-12-01T08:30:00.000Z",
    action: "reveal",
    actorID: "worker",
    actorName: "黄晓梅",
    recordID: "person_1",
    recordName: "王建国",
    field: "idNumber",
    purpose: "核实低保申请材料",
    detail: null,
  };

  it("lists who read which field of whose record and why, for a district admin", async () => {
    registerApi(adminMe, { "GET /register/access-log": () => page([entry]) });
    signedIn();
    renderApp("/d/jianyang/registry/access-log");
    const row = await screen.findByTestId("access-entry", {}, { timeout: 20_000 });
    expect(within(row).getByTestId("access-entry-who")).toHaveTextContent("黄晓梅");
    expect(within(row).getByTestId("access-entry-record")).toHaveTextContent("王建国");
    expect(within(row).getByTestId("access-entry-field")).toHaveTextContent("身份证号");
    expect(within(row).getByTestId("access-entry-purpose")).toHaveTextContent("核实低保申请材料");
    expect(screen.getByTestId("access-log-export")).toBeTruthy();
  });

  it("is not read for a grid worker", async () => {
    const { requests } = registerApi(workerMe, { "GET /register/access-log": () => page([entry]) });
    signedIn();
    renderApp("/d/jianyang/registry/access-log");
    expect(await screen.findByText("访问日志仅区级管理员可查看", {}, { timeout: 20_000 })).toBeTruthy();
    expect(requests.some((request) => request.path === "/register/access-log")).toBe(false);
  });
});

describe("我的登记信息", () => {
  it("shows a resident their own record in full, with their right of access and whom to ask", async () => {
    registerApi(residentMe, {
      "GET /register/me": () => ({
        records: [
          {
            ...person,
            name: "陈秀英",
            idNumber: "350721199001010018",
            phone: "13800000000",
            dateOfBirth: "1990-01-01",
            sensitiveTags: ["low_income"],
            tagNames: [
              { key: "elderly_alone", nameZh: "独居老人", nameEn: "Elderly living alone" },
              { key: "low_income", nameZh: "低保户", nameEn: "Minimum-income household" },
            ],
          },
        ],
      }),
    });
    signedIn();
    renderApp("/d/jianyang/my-record");
    const record = await screen.findByTestId("my-record", {}, { timeout: 20_000 });
    expect(within(record).getByTestId("my-record-id")).toHaveTextContent("350721199001010018");
    expect(within(record).getByTestId("my-record-phone")).toHaveTextContent("13800000000");
    expect(
      within(record)
        .getAllByTestId("my-record-tag")
        .map((tag) => tag.textContent),
    ).toEqual(["独居老人", "低保户"]);
    expect(screen.getByTestId("my-record-rights")).toHaveTextContent("个人信息保护法");
    expect(screen.getByTestId("my-record-rights")).toHaveTextContent("网格员更正");
  });

  it("says so when the register holds nothing about them", async () => {
    registerApi(residentMe, { "GET /register/me": () => ({ records: [] }) });
    signedIn();
    renderApp("/d/jianyang/my-record");
    expect(await screen.findByText("登记中暂无您的信息", {}, { timeout: 20_000 })).toBeTruthy();
  });
});

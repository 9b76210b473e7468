import { beforeAll, describe, expect, it } from "vitest";
import * as Onboarding from "../onboarding/index.ts";
import { withActor, type Actor } from "../actor.ts";
import { ForbiddenError, NotFoundError } from "../error.ts";
import * as Grid from "../grid/index.ts";
import * as Party from "../party/index.ts";
import * as Province from "../province/index.ts";
import { writeTransaction } from "../storage/transaction.ts";
import { bucketOf } from "../counter/ticket-counter.entity.ts";
import { metricsDoc, quantileHours, type MetricSources } from "./definitions.ts";
import * as Metrics from "./index.ts";
import { Tally } from "../counter/tally.ts";
import { rect } from "../onboarding/test-district.test-support.ts";

/**
 * The dashboards read counters only. Here the counters are written the way the mechanisms'
 * transactions write them (the ticket tests and the recount prove that transitions write them
 * right); what is tested is that the definitions turn them into the right figures.
 */

const adminOf = (tenantID: string): Actor => ({ type: "user", userID: `admin-${tenantID}`, tenantID, roles: ["district_admin"] });
let top: Grid.Grid;
let child: Grid.Grid;

/** Ticket counter additions in every scope a ticket of `gridPath` counts in, as a transition at `at` adds them. */
async function ticketCounts(gridPath: string[], category: string, at: string, adds: Record<string, number>) {
  const scopes = ["district", ...gridPath.map((id) => `grid:${id}`), `category:${category}`];
  const tally = new Tally().addTicket(scopes, at, adds);
  await writeTransaction({ ...Tally.entities }, (ops) => tally.operations(ops)).go();
}

beforeAll(async () => {
  await withActor({ type: "operator", userID: "op" }, async () => {
    await Province.create({ provinceID: "mx", nameZh: "测试省", nameEn: "Testland" });
    await Province.create({ provinceID: "my", nameZh: "邻省", nameEn: "Otherland" });
    for (const [slug, provinceID, template] of [
      ["mx-a", "mx", "jianyang"],
      ["mx-b", "mx", "minimal"],
      ["my-c", "my", "minimal"],
    ] as const)
      await Onboarding.onboard({
        slug,
        nameZh: `${slug}区`,
        nameEn: slug,
        provinceID,
        cityZh: "市",
        cityEn: "City",
        template,
        admin: { name: "管理员张三", phone: "13800000009" },
      });
  });
  await withActor(adminOf("mx-a"), async () => {
    top = await Grid.create({ code: "A", name: "甲网格", tier: 1, boundary: rect(0, 0, 10, 10) });
    child = await Grid.create({ code: "A-1", name: "甲一网格", tier: 2, parentID: top.gridID, boundary: rect(0, 0, 5, 10) });
    await Grid.create({ code: "A-2", name: "甲二网格", tier: 2, parentID: top.gridID, boundary: rect(5, 0, 10, 10) });
    await Grid.create({ code: "S", name: "实验学校", dedicatedKind: "school", parentID: top.gridID, boundary: rect(1, 1, 2, 2) });
    // 10 tickets in May 2022 on A-1: 8 closed (7 solved, 6 on time), hours to close 0.5 ×4, 3 ×3, 10 ×1; 2 rated 4 and 5.
    const closedHours = [0.5, 0.5, 0.5, 0.5, 3, 3, 3, 10];
    const histogram: Record<string, number> = {};
    for (const hours of closedHours) histogram[bucketOf(hours)] = (histogram[bucketOf(hours)] ?? 0) + 1;
    await ticketCounts([top.gridID, child.gridID], "garbage", "2022-05-10T02:00:00Z", {
      collected: 10,
      accepted: 10,
      closed: 8,
      solved: 7,
      onTime: 6,
      rated: 2,
      ratingSum: 9,
      durationHours: 23,
      ...histogram,
    });
    await ticketCounts([top.gridID, child.gridID], "garbage", "2022-06-10T02:00:00Z", { collected: 2 });
    const tally = new Tally()
      .add(["district", `grid:${top.gridID}`, `grid:${child.gridID}`], "2022-05-10T02:00:00Z", "wishes.fulfilled", 3)
      .add(["district"], "2022-06-10T02:00:00Z", "activities.served", 1, 120)
      .add(["district"], "2022-06-10T02:00:00Z", "activities.held", 1)
      // People on grids: a standing count, kept in `all` only.
      .addState(["district"], "people.total", 7);
    await writeTransaction({ ...Tally.entities }, (ops) => tally.operations(ops)).go();
    const org = await Party.createOrg({ kind: "community_committee", name: "甲社区党委", gridIDs: [top.gridID] });
    await Party.createRecord({ orgID: org.orgID, kind: "joint_meeting", title: "联席会", date: "2022-05-20", units: ["区财政局"] });
  });
});

describe("definitions", () => {
  it("interpolates quantiles inside the histogram bucket they fall in", () => {
    expect(quantileHours({}, 0.5)).toBeNull();
    // 4 in [0,1), 3 in [2,4), 1 in [8,16): the median (4th of 8) ends the first bucket.
    expect(quantileHours({ h00: 4, h02: 3, h04: 1 }, 0.5)).toBe(1);
    expect(quantileHours({ h00: 4, h02: 3, h04: 1 }, 0.9)).toBe(9.6);
  });

  it("read only tallies the district's roll-up keeps, so that the comparison computes every one of them", async () => {
    const { RollupStanding, RollupTallies } = await import("../counter/rollup.entity.ts");
    const read = (standing: boolean) => {
      const metrics = new Set<string>();
      const tallies = new Proxy({} as MetricSources["tallies"], {
        get: (_, metric) => {
          if (typeof metric === "string") metrics.add(metric);
          return undefined;
        },
      });
      for (const definition of Metrics.MetricDefinitions)
        if (Boolean(definition.standing) === standing) definition.value({ tickets: {}, tallies, grids: { tiers: {}, dedicated: 0 } });
      return [...metrics].sort();
    };
    expect(read(false)).toEqual([...RollupTallies].sort());
    expect(read(true)).toEqual([...RollupStanding].sort());
  });

  it("are written down in docs/metrics.md, generated from the code", async () => {
    const { readFile } = await import("node:fs/promises");
    const doc = await readFile(new URL("../../../../docs/metrics.md", import.meta.url), "utf8");
    expect(doc, "run `npm run docs:metrics`").toBe(metricsDoc());
    for (const definition of Metrics.MetricDefinitions) expect(doc).toContain(`\`${definition.key}\``);
  });
});

describe("a district's dashboard", () => {
  it("computes every figure for a period from the counters, with the trend, tiers, roles and categories", async () => {
    const all = await withActor(adminOf("mx-a"), () => Metrics.getDistrictMetrics({ period: "all" }));
    expect(all.values).toMatchObject({
      "grids.total": 4,
      "grids.tier1": 1,
      "grids.tier2": 2,
      "grids.dedicated": 1,
      "tickets.collected": 12,
      "tickets.closed": 8,
      "tickets.closureRate": 0.6667,
      "tickets.onTimeRate": 0.75,
      "tickets.medianHours": 1,
      "tickets.averageRating": 4.5,
      "wishes.fulfilled": 3,
      "activities.served": 120,
      "party.jointMeetings": 1,
      "needs.closureRate": null,
    });
    // A year's dashboard shows the workforce as it stands (it was 0 for 2022 beside role cards of 6,301).
    const year = await withActor(adminOf("mx-a"), () => Metrics.getDistrictMetrics({ period: "2022" }));
    expect([all.values["people.total"], year.values["people.total"]]).toEqual([7, 7]);
    expect(all.trend.year).toBe("2022");
    expect(all.trend.values["tickets.collected"]).toEqual([0, 0, 0, 0, 10, 2, 0, 0, 0, 0, 0, 0]);
    expect(all.trend.values["tickets.closureRate"].slice(4, 7)).toEqual([0.8, 0, null]);
    expect(all.trend.values["activities.held"][5]).toBe(1);
    expect(all.tiers.map((tier) => [tier.nameZh, tier.grids])).toEqual([
      ["一级网格", 1],
      ["二级网格", 2],
      ["三级网格", 0],
    ]);
    expect(all.categories.find((category) => category.key === "garbage")!.values["tickets.collected"]).toBe(12);
    expect(all.categories.find((category) => category.key === "noise")!.values["tickets.collected"]).toBe(0);
    expect(all.reads).toBeLessThanOrEqual(6);
    const may = await withActor(adminOf("mx-a"), () => Metrics.getDistrictMetrics({ period: "2022-05" }));
    expect(may.values["tickets.closureRate"]).toBe(0.8);
    expect(may.values["grids.total"]).toBe(4);
    expect(may.reads).toBe(all.reads);
  });

  it("drills down the tiers: a grid's own figures and each child's", async () => {
    const root = await withActor(adminOf("mx-a"), () => Metrics.getGridMetrics({ gridID: "root", period: "all" }));
    expect(root.children.map((grid) => [grid.code, grid.values["tickets.collected"]])).toEqual([["A", 12]]);
    const a = await withActor(adminOf("mx-a"), () => Metrics.getGridMetrics({ gridID: top.gridID, period: "2022-05" }));
    expect(a.grid?.code).toBe("A");
    expect(a.values["wishes.fulfilled"]).toBe(3);
    expect(Object.fromEntries(a.children.map((grid) => [grid.code, grid.values["tickets.collected"]]))).toEqual({
      "A-1": 10,
      "A-2": 0,
      S: 0,
    });
    await expect(withActor(adminOf("mx-b"), () => Metrics.getGridMetrics({ gridID: top.gridID, period: "all" }))).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it("shows a district nothing of another", async () => {
    const b = await withActor(adminOf("mx-b"), () => Metrics.getDistrictMetrics({ period: "all" }));
    expect(b.values["tickets.collected"]).toBe(0);
    expect(b.values["grids.total"]).toBe(0);
  });
});

describe("the provincial comparison", () => {
  const fujianAdmin: Actor = { type: "province", userID: "p", provinceID: "mx" };

  it("puts the province's districts side by side with rankings, aggregates only", async () => {
    const comparison = await withActor(fujianAdmin, () => Metrics.compareDistricts({}));
    expect(comparison.rows.map((row) => row.tenantID)).toEqual(["mx-a", "mx-b"]);
    // mx-b has no ticket at all: it is left out of the tickets' rankings, not tied at 0.
    expect(comparison.rows[1].values["tickets.collected"]).toBe(0);
    expect(comparison.rankings["tickets.collected"]).toEqual(["mx-a"]);
    expect(comparison.rankings["tickets.closureRate"]).toEqual(["mx-a"]);
    expect(comparison.rows[0].values["tickets.closed"]).toBe(8);
    const text = JSON.stringify(comparison);
    expect(text).not.toContain("管理员张三");
    expect(text).not.toContain("13800000009");
    const range = await withActor(fujianAdmin, () => Metrics.compareDistricts({ from: "2022-06", to: "2022-07" }));
    expect(range.rows[0].values).toMatchObject({ "tickets.collected": 2, "tickets.closed": 0, "activities.served": 120, "grids.total": 4 });
    const csv = Metrics.comparisonCsv(comparison);
    expect(csv.startsWith("\uFEFF区县,District,")).toBe(true);
    expect(csv.split("\r\n")[1]).toMatch(/^mx-a区,mx-a,4,1,2,/);
  });

  it("is for provincial admins of that province (and the operator)", async () => {
    await expect(withActor(fujianAdmin, () => Metrics.compareDistricts({ provinceID: "my" }))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(withActor(adminOf("mx-a"), () => Metrics.compareDistricts({}))).rejects.toBeInstanceOf(ForbiddenError);
    const other = await withActor({ type: "operator", userID: "op" }, () => Metrics.compareDistricts({ provinceID: "my" }));
    expect(other.rows.map((row) => row.tenantID)).toEqual(["my-c"]);
  });
});

describe("the comparison's roll-up", () => {
  const province: Actor = { type: "province", userID: "p", provinceID: "mz" };
  const slugs = ["mz-a", "mz-b", "mz-c"];
  beforeAll(async () => {
    await withActor({ type: "operator", userID: "op" }, async () => {
      await Province.create({ provinceID: "mz", nameZh: "汇总省", nameEn: "Rollupland" });
      for (const slug of slugs)
        await Onboarding.onboard({
          slug,
          nameZh: `${slug}区`,
          nameEn: slug,
          provinceID: "mz",
          cityZh: "市",
          cityEn: "City",
          template: "minimal",
          admin: { name: "管理员", phone: "13800000009" },
        });
    });
    // Each district: tickets and tallies in December 2022 and January 2023 (two years), standing counts.
    for (const [index, slug] of slugs.entries())
      await withActor({ type: "system", tenantID: slug }, async () => {
        const tally = new Tally()
          .addTicket(["district", "category:a"], "2022-12-20T02:00:00Z", { collected: 5 + index, closed: 4, solved: 3, onTime: 2, h02: 4 })
          .addTicket(["district", "category:a"], "2023-01-05T02:00:00Z", { collected: 2, closed: 2 + index, onTime: 1, h05: 2 + index })
          .addTicket(["district", "category:a"], "2023-01-06T02:00:00Z", { rated: 1, ratingSum: 3 + index })
          .add(["district"], "2022-12-01T02:00:00Z", "ledger.hours", 1, 1.1 + index)
          .add(["district"], "2023-01-01T02:00:00Z", "ledger.hours", 1, 2.2)
          .add(["district"], "2023-01-01T02:00:00Z", "needs.created", 3)
          .add(["district"], "2023-01-02T02:00:00Z", "needs.closed", 1 + index)
          .addState(["district"], "people.total", 10 + index)
          .addState(["district"], "people.access.grid_worker", 2)
          .addState(["district"], "register.people", 100 * (index + 1));
        await writeTransaction({ ...Tally.entities }, (ops) => tally.operations(ops)).go();
      });
  });
  const dashboards = (period: string) =>
    Promise.all(
      slugs.map((slug) => withActor(adminOf(slug), () => Metrics.getDistrictMetrics({ period })).then((metrics) => metrics.values)),
    );

  it("for a year and for months over two years equals each district's dashboard, in at most 5 requests", async () => {
    for (const period of ["2022", "2023", "2023-01"]) {
      const comparison = await withActor(province, () => Metrics.compareDistricts({ period }));
      expect(comparison.rows.map((row) => row.values)).toEqual(await dashboards(period));
      expect(comparison.reads).toBeLessThanOrEqual(5);
    }
    // Every figure lies in 2022-12 and 2023-01: the run of months equals all time.
    const range = await withActor(province, () => Metrics.compareDistricts({ from: "2022-11", to: "2023-02" }));
    const all = await dashboards("all");
    expect(range.rows.map((row) => row.values)).toEqual(all);
    expect(range.reads).toBeLessThanOrEqual(5);
    expect(all[2]).toMatchObject({
      "tickets.collected": 9,
      "tickets.closed": 8,
      "needs.closureRate": 1,
      "people.total": 12,
      "register.people": 300,
      "register.peoplePerGridWorker": 150,
    });
    expect(all[2]["ledger.hours"]).toBeCloseTo(5.3, 6);
    const allTime = await withActor(province, () => Metrics.compareDistricts({}));
    expect(allTime.rows.map((row) => row.values)).toEqual(all);
  });

  it("is rebuilt by the recount's repair", async () => {
    // Wrong figures in one district's roll-up: a month's tickets, a month's tally, a standing count.
    await withActor({ type: "system", tenantID: "mz-b" }, async () => {
      const { UpdateCommand } = await import("@aws-sdk/lib-dynamodb");
      const { documentClient } = await import("../storage/table.ts");
      const { rollupUpdate } = await import("../counter/rollup.entity.ts");
      await documentClient().send(new UpdateCommand(rollupUpdate("mz-b", "2023", { collected_01: 5, needs_created__count_01: 7 })));
      await documentClient().send(new UpdateCommand(rollupUpdate("mz-b", "all", { people_total__count: 3 })));
    });
    const report = await withActor(adminOf("mz-b"), () => Metrics.recountMetrics({ repair: true }));
    const fields = report.drift.map((entry) => `${entry.scope}|${entry.period}|${entry.field}`);
    expect(fields).toEqual(
      expect.arrayContaining(["district|2023-01|collected", "rollup|2023|needs_created__count_01", "rollup|all|people_total__count"]),
    );
    // Repaired: the comparison equals the district's dashboard again, and a recount finds nothing.
    for (const period of ["2023", "all"]) {
      const comparison = await withActor(province, () => Metrics.compareDistricts({ period }));
      const dashboard = await withActor(adminOf("mz-b"), () => Metrics.getDistrictMetrics({ period }));
      expect(comparison.rows[1].values).toEqual(dashboard.values);
    }
    expect((await withActor(adminOf("mz-b"), () => Metrics.recountMetrics({ repair: false }))).drift).toEqual([]);
  });
});

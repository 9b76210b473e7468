/**
 * `npm run bench:metrics`: on a fresh in-memory DynamoDB Local —
 * 1. the DynamoDB requests (and time) of a district dashboard at 1,000 and at 100,000 tickets:
 *    the ticket records are bulk-loaded with the counters their transitions would have written
 *    (the transitions' own cost is `bench:tickets`), so the count of records is real and the
 *    dashboard reads what it reads in production;
 * 2. `compareDistricts` over a province of 100 synthetic districts: requests, p50/p99;
 * 3. the write overhead of counters: one transition's transaction with and without its counter
 *    updates (ticket + timeline vs ticket + timeline + 21 counter items, the layout before issue
 *    19's item 3, and + 13, the layout after it), p50 and ratio.
 * Issue 19 (item 4): the comparison in ≤ 5 requests, p99 ≤ 200 ms, for a year and for a run of
 * months. `BENCH_SHORT=1`: the dashboard at 1,000 and 10,000 tickets, fewer runs of each.
 */
import { performance } from "node:perf_hooks";
import { useBenchRegisterKey } from "./register-key.ts";
import { startDynamo } from "../lib/local-stack.ts";
import { record, short } from "./report.ts";

/** Tickets of the dashboard's second measure (the first is at 1,000). */
const LargeTickets = short ? 10_000 : 100_000;
const runs = (full: number) => (short ? Math.ceil(full / 2) : full);

const dynamo = await startDynamo();
process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
process.env.TABLE_NAME = "bench-metrics";
useBenchRegisterKey();

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const ms = (value: number) => `${value.toFixed(1)} ms`;

try {
  const { Metrics, Onboarding, Storage, withActor } = await import("@wangge/core");
  const Demo = await import("@wangge/core/demo/index");
  const { TicketEntity } = await import("../../packages/core/src/ticket/ticket.entity.ts");
  const { bucketOf } = await import("../../packages/core/src/counter/ticket-counter.entity.ts");
  const { Tally } = await import("../../packages/core/src/counter/tally.ts");
  const { batchPut } = await import("../../packages/core/src/storage/batch.ts");
  const { GridEntity } = await import("../../packages/core/src/grid/grid.entity.ts");
  const { mulberry32 } = await import("../../packages/core/src/demo/jianyang-grids.ts");
  const { TransactWriteCommand } = await import("@aws-sdk/lib-dynamodb");
  type TransactItems = NonNullable<import("@aws-sdk/lib-dynamodb").TransactWriteCommandInput["TransactItems"]>;
  await Storage.ensureTable();
  await Demo.seed();
  await Demo.seedFujianDistricts();

  let requests = 0;
  Storage.documentClient().middlewareStack.add(
    (next) => async (args) => {
      requests += 1;
      return next(args);
    },
    { step: "initialize", name: "countRequests" },
  );
  const measure = async <T>(runs: number, body: () => Promise<T>) => {
    await body(); // warm
    const times: number[] = [];
    let perCall = 0;
    for (let run = 0; run < runs; run++) {
      requests = 0;
      const started = performance.now();
      await body();
      times.push(performance.now() - started);
      perCall = requests;
    }
    return { requests: perCall, p50: quantile(times, 0.5), p99: quantile(times, 0.99) };
  };

  // ── 1. dashboard reads at 1,000 and 100,000 tickets ──
  const leaves = (
    await GridEntity.query.byTier({ tenantID: "wuyishan", tierKey: "4" }).go({ pages: "all", attributes: ["gridID", "path"] })
  ).data;
  const categories = ["garbage", "street_vending", "road_damage", "street_light", "noise", "other"];
  const random = mulberry32(100_000);
  /** The counter additions of the loaded tickets, as their transitions would have made them. */
  let counters = new Tally();
  let loaded = 0;
  /** Writes `count` ticket records; their counter additions are kept until `flush`. */
  const load = async (count: number) => {
    const items: Record<string, unknown>[] = [];
    for (let index = 0; index < count; index++) {
      const leaf = leaves[Math.floor(random() * leaves.length)];
      const category = categories[Math.floor(random() * categories.length)];
      const collected = new Date(Date.UTC(2022, 0, 1) + random() * 364 * 86_400_000);
      const hours = 1 + random() * 60;
      const closed = new Date(collected.getTime() + hours * 3600_000);
      const gridPath = [...(leaf.path ?? []), leaf.gridID];
      const ticketID = `ticket_bench${String(loaded + index).padStart(7, "0")}`;
      items.push(
        TicketEntity.put({
          tenantID: "wuyishan",
          ticketID,
          state: "closed",
          categoryKey: category,
          description: "基准测试工单",
          lon: 118,
          lat: 27.7,
          gridID: leaf.gridID,
          gridPath,
          gridPathKey: gridPath.join("/"),
          reporterID: "bench",
          reporterRole: "resident",
          collectedAt: collected.toISOString(),
          seq: 6,
          updatedAt: closed.toISOString(),
        } as never).params().Item,
      );
      const scopes = ["district", ...gridPath.map((id) => `grid:${id}`), `category:${category}`];
      counters.addTicket(scopes, collected.toISOString(), { collected: 1 });
      counters.addTicket(scopes, closed.toISOString(), {
        closed: 1,
        solved: 1,
        durationHours: Math.round(hours * 100) / 100,
        [bucketOf(hours)]: 1,
      });
    }
    await batchPut(items);
    loaded += count;
  };
  /** Writes the counters the loaded tickets' transitions would have written. */
  const flush = async () => {
    await withActor({ type: "system", tenantID: "wuyishan" }, () => counters.write(8));
    counters = new Tally();
  };
  const admin = { type: "user" as const, userID: "admin", tenantID: "wuyishan", roles: ["district_admin" as const] };
  const dashboards = async () => ({
    all: await measure(runs(20), () => withActor(admin, () => Metrics.getDistrictMetrics({ period: "all" }))),
    month: await measure(runs(20), () => withActor(admin, () => Metrics.getDistrictMetrics({ period: "2022-06" }))),
    root: await measure(runs(20), () => withActor(admin, () => Metrics.getGridMetrics({ gridID: "root", period: "2022" }))),
  });
  console.log("1. District dashboard: DynamoDB requests and time, by number of tickets");
  process.stdout.write("   loading 1,000 tickets… ");
  await load(1000);
  await flush();
  const small = await dashboards();
  console.log("done.");
  process.stdout.write(`   loading ${(LargeTickets - 1000).toLocaleString()} more (${LargeTickets.toLocaleString()})… `);
  const started = performance.now();
  for (let batch = 0; batch < LargeTickets / 1000 - 1; batch++) await load(1000);
  await flush();
  console.log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
  const large = await dashboards();
  const check = await withActor(admin, () => Metrics.getDistrictMetrics({ period: "all" }));
  console.log(
    `   (dashboard says ${check.values["tickets.collected"]?.toLocaleString()} collected, ${check.values["tickets.closed"]?.toLocaleString()} closed)`,
  );
  for (const [name, label] of [
    ["all", "getDistrictMetrics all"],
    ["month", "getDistrictMetrics 2022-06"],
    ["root", "getGridMetrics root (6 children)"],
  ] as const) {
    const a = small[name];
    const b = large[name];
    console.log(
      `   ${label.padEnd(34)} 1,000: ${a.requests} requests, p50 ${ms(a.p50)} | ${LargeTickets.toLocaleString()}: ${b.requests} requests, p50 ${ms(b.p50)} | requests ratio ${(b.requests / a.requests).toFixed(2)}, time ratio ${(b.p50 / a.p50).toFixed(2)}`,
    );
  }

  record({
    bench: "bench:metrics",
    name: `District dashboard (getDistrictMetrics all) at ${LargeTickets.toLocaleString()} tickets`,
    value: large.all.requests,
    unit: "requests",
    note: `${small.all.requests} at 1,000 tickets; p50 ${ms(large.all.p50)}`,
    target: { kind: "at-most", at: small.all.requests },
  });

  // ── 2. compareDistricts over 100 districts ──
  console.log("2. compareDistricts over a province of 100 synthetic districts");
  await withActor({ type: "operator", userID: "bench" }, async () => {
    const { Province } = await import("@wangge/core");
    await Province.create({ provinceID: "benchland", nameZh: "基准省", nameEn: "Benchland" });
    for (let index = 0; index < 100; index++) {
      const slug = `bench-${String(index).padStart(3, "0")}`;
      await Onboarding.onboard({
        slug,
        nameZh: `基准${index}区`,
        nameEn: slug,
        provinceID: "benchland",
        cityZh: "市",
        cityEn: "City",
        template: "minimal",
        admin: { name: "管理员", phone: "13800000000" },
      });
      // Each month of 2022: tickets and a tally, as transitions and records would have added them; standing counts.
      const tally = new Tally().addState(["district"], "people.total", 50 + index).addState(["district"], "register.people", 5000 + index);
      for (let month = 1; month <= 12; month++) {
        const at = `2022-${String(month).padStart(2, "0")}-15T04:00:00Z`;
        tally
          .addTicket(["district"], at, { collected: 100 + index, closed: 90 + index, onTime: 80 })
          .add(["district"], at, "wishes.posted", 3);
      }
      await withActor({ type: "system", tenantID: slug }, () => tally.write(8));
    }
  });
  const province = { type: "province", userID: "bench", provinceID: "benchland" } as const;
  const year = await measure(runs(30), () => withActor(province, () => Metrics.compareDistricts({ period: "2022" })));
  const range = await measure(runs(30), () => withActor(province, () => Metrics.compareDistricts({ from: "2022-01", to: "2022-12" })));
  const span = await measure(runs(30), () => withActor(province, () => Metrics.compareDistricts({ from: "2022-07", to: "2023-06" })));
  console.log(
    `   months 2022-07..2023-06: ${span.requests} requests (two years' items and \`all\`: 3 BatchGets of roll-ups), p50 ${ms(span.p50)}, p99 ${ms(span.p99)}`,
  );
  console.log(
    `   period 2022:            ${year.requests} requests (1 Query of districts, 1 BatchGet of grid sets, 2 BatchGets of roll-ups: 100 \`all\` + 100 \`2022\`), p50 ${ms(year.p50)}, p99 ${ms(year.p99)}`,
  );
  console.log(
    `   months 2022-01..12:     ${range.requests} requests (the same roll-up items: a year's item holds its 12 months), p50 ${ms(range.p50)}, p99 ${ms(range.p99)}`,
  );

  for (const [label, figures] of [
    ["a year (2022)", year],
    ["12 months (2022-01..12)", range],
    ["12 months over two years (2022-07..2023-06)", span],
  ] as const) {
    record({
      bench: "bench:metrics",
      name: `compareDistricts, 100 districts, ${label}: requests`,
      value: figures.requests,
      unit: "requests",
      target: { item: 4, kind: "at-most", at: 5 },
    });
    record({
      bench: "bench:metrics",
      name: `compareDistricts, 100 districts, ${label}: p99`,
      value: figures.p99,
      unit: "ms",
      note: `p50 ${ms(figures.p50)}, ${runs(30)} runs`,
      target: { item: 4, kind: "at-most", at: 200 },
    });
  }

  // ── 3. counter-write overhead ──
  console.log("3. Counter-write overhead: one transition's transaction, without and with its 21 (before item 3) or 13 counter updates");
  const table = Storage.tableName();
  const client = Storage.documentClient();
  let n = 0;
  /** `counters` updates: 21 in the layout before item 3 (7 scopes × all, year, month), 13 after (4 grids × all and month, a category's and a department's all and year's breakdown roll-up, the district's roll-up). */
  const transaction = (counters: number) => {
    n += 1;
    const items: TransactItems = [
      { Put: { TableName: table, Item: { pk: `bench#ticket_${n}`, sk: "ticket", state: "accepted", seq: 2 } } },
      { Put: { TableName: table, Item: { pk: `bench#ticket_${n}`, sk: "timeline#2", action: "accept" } } },
    ];
    for (let counter = 0; counter < counters; counter++)
      items.push({
        Update: {
          TableName: table,
          Key: { pk: `bench#counter#${counter % 7}`, sk: `period#${Math.floor(counter / 7)}` },
          UpdateExpression: "ADD accepted :one",
          ExpressionAttributeValues: { ":one": 1 },
        },
      });
    return client.send(new TransactWriteCommand({ TransactItems: items }));
  };
  const without = await measure(runs(200), () => transaction(0));
  const withCounters = await measure(runs(200), () => transaction(21));
  const withFewer = await measure(runs(200), () => transaction(13));
  record({
    bench: "bench:metrics",
    name: "A transition's transaction with its 21 counter updates vs without",
    value: withCounters.p50 / without.p50,
    unit: "×",
    note: `p50 ${ms(withCounters.p50)} vs ${ms(without.p50)}, synthetic items`,
  });
  record({
    bench: "bench:metrics",
    name: "A transition's transaction with its 13 counter updates (issue 19 item 3's layout) vs without",
    value: withFewer.p50 / without.p50,
    unit: "×",
    note: `p50 ${ms(withFewer.p50)} vs ${ms(without.p50)}, synthetic items`,
  });
  console.log(`   without counters: p50 ${ms(without.p50)}, p99 ${ms(without.p99)}`);
  console.log(
    `   with 13 (item 3): p50 ${ms(withFewer.p50)}, p99 ${ms(withFewer.p99)} → ratio ${(withFewer.p50 / without.p50).toFixed(2)}×`,
  );
  console.log(
    `   with counters:    p50 ${ms(withCounters.p50)}, p99 ${ms(withCounters.p99)} → ratio ${(withCounters.p50 / without.p50).toFixed(2)}× (one transaction either way: no extra round trip)`,
  );
} finally {
  await dynamo.stop();
}

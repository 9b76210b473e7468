/**
 * `npm run bench:tickets`: on a fresh in-memory DynamoDB Local with Jianyang's grids, prints
 * the DynamoDB requests of each ticket operation, and the latency (p50/p99) of create and list
 * at concurrency 1 and 16, against the same DynamoDB calls sent raw (the overhead of
 * validation, authorisation, the core and ElectroDB). Issue 19 (item 2): a create or a
 * transition makes one request besides reading the ticket; p50 ≤ 1.3× the raw calls at c=1 and
 * c=16. Item 3: each transaction of a lifecycle writes ≥ 30% fewer items than in the counters'
 * layout before it, and so does the lifecycle. `BENCH_SHORT=1`: 40 calls at c=1 and 100 at c=16
 * instead of 150 and 400.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startDynamo, startS3 } from "../lib/local-stack.ts";
import { useBenchRegisterKey } from "./register-key.ts";
import { type Figure, record, short } from "./report.ts";

// s3rver too: a report's locate reads and writes the district's packed grid index there, as on AWS.
const [dynamo, s3rver] = await Promise.all([
  startDynamo(),
  startS3({ directory: join(mkdtempSync(join(tmpdir(), "wangge-bench-tickets-")), "s3"), bucket: "bench-tickets" }),
]);
process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
process.env.TABLE_NAME = "bench-tickets";
process.env.S3_ENDPOINT = s3rver.endpoint;
process.env.BUCKET_NAME = "bench-tickets";
useBenchRegisterKey();
try {
  const { Grid, Storage, Ticket, withActor } = await import("@wangge/core");
  const Demo = await import("@wangge/core/demo/index");
  const { DynamoDBDocumentClient } = await import("@aws-sdk/lib-dynamodb");
  const { DynamoDBClient, TransactWriteItemsCommand, QueryCommand: LowQueryCommand } = await import("@aws-sdk/client-dynamodb");
  const { QueryCommand } = await import("@aws-sdk/lib-dynamodb");
  await Storage.ensureTable();
  await Demo.seed();
  process.stdout.write("Seeding Jianyang's grids… ");
  await Demo.seedJianyangGrids();
  console.log("done.");

  // Count (and keep) the DynamoDB requests the core sends.
  let log: { name: string; input: unknown }[] = [];
  Storage.documentClient().middlewareStack.add(
    (next, context) => async (args) => {
      log.push({ name: context.commandName ?? "?", input: structuredClone(args.input) });
      return next(args);
    },
    { step: "initialize", name: "recordRequests" },
  );
  /** The items a transaction writes: its puts, updates and deletes, not the checks that guard it (issue 19, item 2). */
  const writesOf = (input: unknown) =>
    (input as { TransactItems?: Record<string, unknown>[] }).TransactItems?.filter((item) => !("ConditionCheck" in item));
  const counts = new Map<string, { requests: number; summary: string; transactItems: unknown[] }>();
  const counted = async <T>(label: string, body: () => Promise<T>) => {
    log = [];
    const result = await body();
    const names = log.map((entry) => entry.name.replace("Command", ""));
    const summary = [...new Set(names)].map((name) => `${names.filter((other) => other === name).length} ${name}`).join(" + ");
    const written = log.reduce((all, entry) => all + (writesOf(entry.input)?.length ?? 0), 0);
    console.log(
      `  ${label.padEnd(22)} ${String(log.length).padStart(2)} request(s): ${summary}${written ? ` (${written} items written)` : ""}`,
    );
    counts.set(label, {
      requests: log.length,
      summary,
      transactItems: log.flatMap((entry) => writesOf(entry.input) ?? []),
    });
    return result;
  };
  // The grid staff work where the reports land: the grid at the district's centre, and its top grid.
  const centre = await withActor({ type: "system", tenantID: "jianyang" }, () => Grid.locate({ lon: 118.12, lat: 27.33 }));
  const user = (userID: string, roles: string[], more: { department?: string; gridID?: string } = {}) =>
    ({ type: "user", userID, tenantID: "jianyang", roles, ...more }) as never;
  const resident = user("bench-resident", ["resident"]);
  const worker = user("bench-worker", ["grid_worker"], { gridID: centre.grid.gridID });
  const other = user("bench-worker-2", ["grid_worker"], { gridID: centre.grid.gridID });
  const leader = user("bench-leader", ["grid_leader"], { gridID: centre.ancestors[0]?.gridID ?? centre.grid.gridID });
  const staff = user("bench-staff", ["department_staff"], { department: "urban_management" });
  const report = () => Ticket.create({ categoryKey: "garbage", description: "基准测试工单", lon: 118.12, lat: 27.33 });

  console.log(
    "DynamoDB requests per operation on a warm instance (target: create = one transaction, the configuration and the grid index remembered and checked in it; each step the ticket's read + one transaction; get one query; list one query):",
  );
  await withActor(resident, report); // warm the locate index
  const { ticket } = await counted("createTicket", () => withActor(resident, report));
  const id = ticket.ticketID;
  await counted("acceptTicket", () => withActor(worker, () => Ticket.accept({ ticketID: id })));
  await counted("dispatchTicket", () => withActor(leader, () => Ticket.dispatch({ ticketID: id })));
  await counted("reportHandling", () => withActor(staff, () => Ticket.reportHandling({ ticketID: id, note: "done" })));
  await counted("verifyTicket", () => withActor(other, () => Ticket.verify({ ticketID: id })));
  await counted("rateTicket", () => withActor(resident, () => Ticket.rate({ ticketID: id, rating: 5 })));
  await counted("getTicket (+timeline)", () => withActor(resident, () => Ticket.get(id)));
  await counted("listTickets (queue)", () => withActor(worker, () => Ticket.list({ state: "collected", limit: 50 })));
  await counted("listTickets (mine)", () => withActor(resident, () => Ticket.list({ mine: true, limit: 50 })));

  const created = counts.get("createTicket")!;
  const accepted = counts.get("acceptTicket")!;
  record({
    bench: "bench:tickets",
    name: "DynamoDB requests of a ticket create",
    value: created.requests,
    unit: "requests",
    note: created.summary,
    target: { item: 2, kind: "at-most", at: 1 },
  });
  record({
    bench: "bench:tickets",
    name: "DynamoDB requests of a transition (accept), the ticket's read included",
    value: accepted.requests,
    unit: "requests",
    note: accepted.summary,
    target: { item: 2, kind: "at-most", at: 2 },
  });
  // Items each transaction of a full lifecycle (collect → accept → dispatch → handle → close →
  // rate) writes: the ticket, its timeline entry, its notices and its counters. Beside it, what
  // the counters' layout before issue 19's item 3 wrote for the same transaction (every scope's
  // all, year and month: 3 items a scope), counted from the same operations: each scope written
  // (a grid's or a category's or department's ticket counters, a category's or department's
  // breakdown roll-up, the district's roll-up) counts 3, the ticket, timeline and notices as they are.
  // Target: ≥ 30% fewer items for each transaction and for the lifecycle.
  const lifecycle = ["createTicket", "acceptTicket", "dispatchTicket", "reportHandling", "verifyTicket", "rateTicket"];
  const fewer = (after: number, before: number) => Math.round((1 - after / before) * 100);
  let after = 0;
  let before = 0;
  console.log("Items written per transaction, now and in the counters' layout before issue 19's item 3 (target ≥ 30% fewer):");
  for (const label of lifecycle) {
    const items = counts.get(label)!.transactItems;
    const text = items.map((item) => JSON.stringify(item));
    const counters = text.filter((item) => item.includes("$ticketcounter_1#period_") || item.includes("$breakdownrollup_1#year_"));
    const rollups = text.filter((item) => item.includes("$districtrollup_1#period_"));
    const scopes = new Set(counters.map((item) => /#scope_([^"#\\]+)/.exec(item)?.[1]));
    if (rollups.length) scopes.add("district");
    const then = items.length - counters.length - rollups.length + scopes.size * 3;
    after += items.length;
    before += then;
    console.log(
      `  ${label.padEnd(22)} ${String(items.length).padStart(2)} items; ${String(then).padStart(2)} before (${scopes.size} scopes × 3): −${fewer(items.length, then)}%`,
    );
    record({
      bench: "bench:tickets",
      name: `Items written by ${label}'s transaction: ≥ 30% fewer than before issue 19's item 3`,
      value: items.length,
      unit: "items",
      note: `${then} before: ${fewer(items.length, then)}% fewer`,
      target: { item: 3, kind: "at-most", at: Math.floor(then * 0.7) },
    });
  }
  console.log(
    `  write units of a lifecycle (6 transactions): ${after} items; ${before} in the counters' layout before issue 19's item 3 (−${fewer(after, before)}%)`,
  );
  record({
    bench: "bench:tickets",
    name: "Items written by a full ticket lifecycle (collect → accept → dispatch → handle → close → rate): ≥ 30% fewer than before issue 19's item 3",
    value: after,
    unit: "items",
    note: `${before} before: ${fewer(after, before)}% fewer; the ticket, its timeline and notices are the same`,
    target: { item: 3, kind: "at-most", at: Math.floor(before * 0.7) },
  });

  // The raw calls of one create and one list, to replay without the layers above them.
  log = [];
  await withActor(resident, report);
  const rawCreate = log.find((entry) => entry.name.startsWith("TransactWrite"))!.input as Record<string, unknown>;
  log = [];
  await withActor(worker, () => Ticket.list({ state: "collected", limit: 50 }));
  const rawList = log.find((entry) => entry.name.startsWith("Query"))!.input;
  const raw = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: dynamo.endpoint,
      region: "cn-north-1",
      credentials: { accessKeyId: "local", secretAccessKey: "local" },
    }),
  );
  // Every ID the create made (the ticket's, its notices' `note_…`) is made new at each replay,
  // or the replayed items would already exist.
  const rawIDs = [...new Set(JSON.stringify(rawCreate).match(/\b[a-z]+_[0-9a-z]{26}\b/g))];
  let serial = 0;
  const { TransactWriteCommand } = await import("@aws-sdk/lib-dynamodb");
  // The middleware sees the low-level (marshalled) input when it runs below the document client.
  const marshalled = JSON.stringify(rawCreate).includes('{"S":');
  const low = new DynamoDBClient({
    endpoint: dynamo.endpoint,
    region: "cn-north-1",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  const rawCreateCall = () => {
    const call = serial++;
    const input = JSON.parse(
      rawIDs.reduce(
        (text, id, index) =>
          text.replaceAll(id, `${id.split("_")[0]}_raw${String(call).padStart(18, "0")}${String(index).padStart(5, "0")}`),
        JSON.stringify(rawCreate),
      ),
    );
    return marshalled ? low.send(new TransactWriteItemsCommand(input)) : raw.send(new TransactWriteCommand(input));
  };
  const rawListCall = () =>
    JSON.stringify(rawList).includes('{"S":')
      ? low.send(new LowQueryCommand(rawList as never))
      : raw.send(new QueryCommand(rawList as never));

  const percentile = (values: number[], p: number) =>
    [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];
  async function measure(count: number, concurrency: number, call: () => Promise<unknown>) {
    const times: number[] = [];
    let next = 0;
    const worker = async () => {
      while (next++ < count) {
        const start = performance.now();
        await call();
        times.push(performance.now() - start);
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: concurrency }, worker));
    return { p50: percentile(times, 50), p99: percentile(times, 99), perSecond: (count / (performance.now() - started)) * 1000 };
  }
  const row = (
    label: string,
    core: Awaited<ReturnType<typeof measure>>,
    base: Awaited<ReturnType<typeof measure>>,
    target?: Figure["target"],
  ) => {
    record({
      bench: "bench:tickets",
      name: `${label}: p50 vs the raw calls`,
      value: core.p50 / base.p50,
      unit: "×",
      note: `${core.p50.toFixed(1)} vs ${base.p50.toFixed(1)} ms`,
      target,
    });
    console.log(
      `  ${label.padEnd(18)} core p50 ${core.p50.toFixed(1).padStart(6)} ms p99 ${core.p99.toFixed(1).padStart(6)} ms (${core.perSecond.toFixed(0)}/s) | raw p50 ${base.p50.toFixed(1).padStart(6)} ms p99 ${base.p99.toFixed(1).padStart(6)} ms | ratio p50 ${(core.p50 / base.p50).toFixed(2)}×`,
    );
  };
  console.log("Latency on the local stack (DynamoDB Local runs transactions one at a time):");
  for (const concurrency of [1, 16]) {
    const n = short ? (concurrency === 1 ? 40 : 100) : concurrency === 1 ? 150 : 400;
    row(
      `create c=${concurrency}`,
      await measure(n, concurrency, () => withActor(resident, report)),
      await measure(n, concurrency, rawCreateCall),
      { item: 2, kind: "at-most", at: 1.3 },
    );
    row(
      `list c=${concurrency}`,
      await measure(n, concurrency, () => withActor(worker, () => Ticket.list({ state: "collected", limit: 50 }))),
      await measure(n, concurrency, rawListCall),
    );
  }
} finally {
  await s3rver.stop();
  await dynamo.stop();
}

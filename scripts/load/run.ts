/**
 * The load run behind `npm run load`: the real API in a child process (scripts/load/api-process.ts)
 * on an in-memory stack on free loopback ports, driven by autocannon with the mix a district's
 * day makes — residents reporting tickets and reading them, grid staff and departments working
 * their queues (accept, dispatch, handling, verify), dashboards, Open311's public reads — while
 * the API's memory is sampled over IPC (with a forced collection after each sample, so that what
 * the API holds on to is measured, not how far V8 lets garbage pile up).
 *
 * Every connection runs the same cycle: a resident reports a ticket, reads it and their list,
 * the worker reads the collected queue and accepts it, the leader dispatches it, the
 * department's staff read their queue and report the handling, the worker verifies (closes) it,
 * the admin reads the district's and the grid's dashboards, and an Open311 client reads the
 * services and the requests. Latency is kept per kind of request.
 */
import { fork, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { root } from "../lib/env.ts";
import { startDynamo, startS3, type Service } from "../lib/local-stack.ts";
import { square } from "../lib/square.ts";
import { As, type Caller } from "../lib/callers.ts";
import type { FromChild, ToChild } from "./api-process.ts";

export interface LoadOptions {
  /** Seconds of measured load (capped at 60); a warm-up runs before it. */
  duration: number;
  connections: number;
  /**
   * Instead of running for `duration`: stop when each connection has gone round the whole cycle
   * this many times (`duration` is then only the ceiling). What CI's short run does, so that a
   * busy machine makes it slower, never incomplete.
   */
  cycles?: number;
  /** The stack to use (a test's); without it an in-memory DynamoDB Local and s3rver are started and stopped. */
  stack?: { dynamoEndpoint: string; table: string; s3Endpoint: string; bucket: string };
  /** Progress lines (default: none). */
  log?: (line: string) => void;
  signal?: AbortSignal;
}

export interface KindResult {
  kind: string;
  responses: number;
  unexpected: number;
  statuses: Record<string, number>;
  p50: number;
  p99: number;
}

export interface MemorySample {
  /** Seconds since the measured load began; -1 before it (after the warm-up), and the end after it. */
  at: number;
  label: string;
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  /** Heap used after two forced collections right after the sample: what the API holds on to. */
  live: number;
}

export interface LoadResult {
  duration: number;
  connections: number;
  responses: number;
  throughput: number;
  p50: number;
  p99: number;
  /** Unexpected statuses + socket errors (timeouts included), the warm-up's among them. */
  errors: number;
  warmUpErrors: number;
  unexpected: number;
  socketErrors: number;
  timeouts: number;
  kinds: KindResult[];
  memory: {
    start: MemorySample;
    end: MemorySample;
    samples: MemorySample[];
    /** Live heap (after forced collections), end minus start (bytes). */
    liveGrowth: number;
    /** Mean of the last third of the samples minus the first third's (bytes). */
    liveTrend: number;
    rssTrend: number;
    /** Either of the live heap's growths above the bound (GrowthBytes or a quarter of the start). */
    growing: boolean;
  };
  /** The API's warn and error log lines (at most 20). */
  apiErrors: string[];
}

/**
 * `--short`, as CI runs it (scripts/load.test.ts): 3 connections, each round the whole cycle of
 * requests 6 times (about 10 s on a quiet machine; at most 60).
 */
export const Short = { duration: 60, connections: 3, cycles: 6 };

/** Growth of the live heap that counts as "keeps growing": this much, or a quarter of the start when more. */
const GrowthBytes = 16 * 1024 * 1024;

const Callers = {
  admin: As.jianyangAdmin,
  resident: As.jianyangResident,
  worker: As.jianyangWorker,
  leader: As.jianyangLeader,
  staff: As.jianyangStaff,
};
type Who = keyof typeof Callers;

/** The grid the reports land in (the worker and the leader are placed on it). */
const Grid = { west: 118.3, south: 27.5, size: 0.01 };

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const duration = Math.max(1, Math.min(60, options.duration));
  const log = options.log ?? (() => {});
  const stops: (() => unknown)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await Promise.resolve(stop()).catch(() => {});
    stops.length = 0;
  };
  try {
    let stack = options.stack;
    if (!stack) {
      const folder = mkdtempSync(join(tmpdir(), "wangge-load-"));
      stops.push(() => rmSync(folder, { recursive: true, force: true }));
      const [dynamo, s3]: Service[] = await Promise.all([startDynamo(), startS3({ directory: join(folder, "s3"), bucket: "wangge-load" })]);
      stops.push(dynamo.stop, s3.stop);
      stack = { dynamoEndpoint: dynamo.endpoint, table: "wangge-load", s3Endpoint: s3.endpoint, bucket: "wangge-load" };
      log(`DynamoDB Local (in memory) on ${dynamo.endpoint}, s3rver on ${s3.endpoint}`);
    }
    const api = await startApiProcess(stack, options.signal);
    stops.push(api.stop);
    log(`API in its own process (pid ${api.pid}) on ${api.url}`);
    options.signal?.throwIfAborted();

    const tokens = Object.fromEntries(
      (await api.mint(Object.values(Callers))).map((token, index) => [Object.keys(Callers)[index], token]),
    ) as Record<Who, string>;
    const gridID = await prepare(api.url, tokens);
    const mix = cycle(gridID);

    const warmUp = Math.min(5, Math.max(2, Math.round(duration / 10)));
    log(`warming up for ${warmUp} s…`);
    const warm = await drive(api.url, tokens, mix, warmUp, options.connections, options.signal);
    const warmUpErrors = warm.result.errors + [...warm.byKind.values()].reduce((sum, kind) => sum + kind.unexpected, 0);
    const start = { at: -1, label: "start", ...(await api.memory()) };

    log(`load for ${duration} s with ${options.connections} connections…`);
    const samples: MemorySample[] = [];
    const began = performance.now();
    // About 15 samples in a timed run; every half second in a run of rounds (its length unknown, 60 s its ceiling).
    const every = options.cycles ? 500 : Math.max(1000, (duration * 1000) / 15);
    let sampling = Promise.resolve();
    const sampler = setInterval(() => {
      sampling = sampling.then(async () => {
        const at = (performance.now() - began) / 1000;
        samples.push({ at, label: `${at.toFixed(0)} s`, ...(await api.memory()) });
      });
    }, every);
    const amount = options.cycles ? options.cycles * options.connections * mix.length : undefined;
    const run = await drive(api.url, tokens, mix, duration, options.connections, options.signal, amount).finally(() =>
      clearInterval(sampler),
    );
    const elapsed = (performance.now() - began) / 1000;
    await sampling;
    const end = { at: elapsed, label: "end", ...(await api.memory()) };

    const third = Math.max(1, Math.floor(samples.length / 3));
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    const trend = (field: "rss" | "live") =>
      mean(samples.slice(-third).map((sample) => sample[field])) - mean(samples.slice(0, third).map((sample) => sample[field]));
    const bound = Math.max(GrowthBytes, start.live / 4);
    const kinds = mix.map((request) => request.kind).map((kind) => run.byKind.get(kind)!);
    const unexpected = kinds.reduce((sum, kind) => sum + kind.unexpected, 0);
    return {
      duration: elapsed,
      connections: options.connections,
      responses: run.result.requests.total,
      throughput: run.result.requests.total / elapsed,
      p50: run.result.latency.p50,
      p99: run.result.latency.p99,
      errors: unexpected + run.result.errors + warmUpErrors,
      warmUpErrors,
      unexpected,
      socketErrors: run.result.errors - run.result.timeouts,
      timeouts: run.result.timeouts,
      kinds,
      memory: {
        start,
        end,
        samples,
        liveGrowth: end.live - start.live,
        liveTrend: trend("live"),
        rssTrend: trend("rss"),
        growing: end.live - start.live > bound || trend("live") > bound,
      },
      apiErrors: api.errors(),
    };
  } finally {
    await stopAll();
  }
}

/** Forks the API process on `stack` and waits until it answers. */
async function startApiProcess(stack: NonNullable<LoadOptions["stack"]>, abort?: AbortSignal) {
  abort?.throwIfAborted();
  const child: ChildProcess = fork(join(import.meta.dirname, "api-process.ts"), [], {
    cwd: root,
    execArgv: ["--import", "tsx", "--expose-gc"],
    env: {
      ...process.env,
      DYNAMODB_ENDPOINT: stack.dynamoEndpoint,
      TABLE_NAME: stack.table,
      S3_ENDPOINT: stack.s3Endpoint,
      BUCKET_NAME: stack.bucket,
      AWS_REGION: process.env.AWS_REGION ?? "cn-north-1",
      WANGGE_MODE: "local",
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    },
    // Its info lines (one a request) go nowhere; its warnings and errors are kept for the report.
    stdio: ["ignore", "ignore", "pipe", "ipc"],
  });
  const errors: string[] = [];
  let partial = "";
  child.stderr!.on("data", (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split("\n");
    partial = lines.pop()!;
    for (const line of lines) if (line.trim() && errors.length < 20) errors.push(line.slice(0, 600));
  });
  const pending = new Map<number, (message: FromChild) => void>();
  let serial = 0;
  const url = await new Promise<string>((resolve, reject) => {
    child.on("message", (message: FromChild) => {
      if ("type" in message) {
        if (message.type === "ready") resolve(message.url);
        else reject(new Error(`The API process failed to start: ${message.message}`));
      } else pending.get(message.id)?.(message);
    });
    child.once("exit", (code, signal) => reject(new Error(`The API process exited (${signal ?? `code ${code}`}): ${errors.join("\n")}`)));
    abort?.addEventListener("abort", () => reject(abort.reason), { once: true });
  }).catch((error) => {
    child.kill("SIGKILL");
    throw error;
  });
  const ask = (message: { op: "mint"; callers: Caller[] } | { op: "memory" }) =>
    new Promise<FromChild>((resolve, reject) => {
      const id = ++serial;
      pending.set(id, (reply) => {
        pending.delete(id);
        resolve(reply);
      });
      child.send({ ...message, id } as ToChild, (error) => error && reject(error));
    });
  return {
    url,
    pid: child.pid,
    errors: () => [...errors],
    mint: async (callers: Caller[]) => ((await ask({ op: "mint", callers })) as { tokens: string[] }).tokens,
    /** The process's memory as it is, and its live heap after forced collections. */
    memory: async () => {
      const { memory, live } = (await ask({ op: "memory" })) as { memory: NodeJS.MemoryUsage; live: number };
      return { rss: memory.rss, heapUsed: memory.heapUsed, heapTotal: memory.heapTotal, external: memory.external, live };
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 3000).unref();
      }),
  };
}

/** The district as the mix needs it: a grid the reports land in, with the worker and the leader placed on it. */
async function prepare(url: string, tokens: Record<Who, string>): Promise<string> {
  const call = async (method: string, path: string, who: Who, body: unknown) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${tokens[who]}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
    return JSON.parse(text);
  };
  const { west: x, south: y, size } = Grid;
  const grid = await call("POST", "/grids", "admin", {
    code: "LOAD",
    name: "压测网格",
    tier: 1,
    boundary: square(x, y, size),
  });
  for (const userID of ["worker", "leader"]) await call("PATCH", `/users/${userID}`, "admin", { gridID: grid.gridID });
  return grid.gridID;
}

interface Context {
  ticketID?: string;
}

interface MixRequest {
  kind: string;
  who?: Who;
  method: "GET" | "POST";
  /** The path, given the context (the cycle's ticket). */
  path: (context: Context) => string | undefined;
  body?: () => unknown;
  /** Statuses other than 2xx that are not errors for this kind. */
  expected?: number[];
  /** Keeps what later requests of the cycle need. */
  keep?: (body: string, context: Context) => void;
}

/** One connection's cycle: the life of a ticket beside the reads that go with it. */
function cycle(gridID: string): MixRequest[] {
  let serial = 0;
  const ticket =
    (step = "") =>
    (context: Context) =>
      context.ticketID ? `/tickets/${context.ticketID}${step}` : undefined;
  return [
    {
      kind: "report ticket (resident)",
      who: "resident",
      method: "POST",
      path: () => "/tickets",
      body: () => ({
        categoryKey: "garbage",
        description: `楼下垃圾桶满了 #${++serial}`,
        lon: Grid.west + Math.random() * Grid.size,
        lat: Grid.south + Math.random() * Grid.size,
      }),
      keep: (body: string, context: Context) => {
        context.ticketID = JSON.parse(body).ticket?.ticketID;
      },
    },
    { kind: "read my ticket (resident)", who: "resident", method: "GET", path: ticket() },
    { kind: "list my reports (resident)", who: "resident", method: "GET", path: () => "/tickets?mine=true&limit=20" },
    { kind: "collected queue (worker)", who: "worker", method: "GET", path: () => `/tickets?state=collected&gridID=${gridID}&limit=50` },
    { kind: "accept (worker)", who: "worker", method: "POST", path: ticket("/accept"), body: () => ({}) },
    { kind: "dispatch (leader)", who: "leader", method: "POST", path: ticket("/dispatch"), body: () => ({}) },
    { kind: "department queue (staff)", who: "staff", method: "GET", path: () => "/tickets?state=dispatched&limit=50" },
    { kind: "handling (staff)", who: "staff", method: "POST", path: ticket("/handling"), body: () => ({ note: "已清运" }) },
    { kind: "verify (worker)", who: "worker", method: "POST", path: ticket("/verify"), body: () => ({ closure: "solved" }) },
    { kind: "district dashboard (admin)", who: "admin", method: "GET", path: () => "/metrics/district?period=all" },
    { kind: "grid dashboard (admin)", who: "admin", method: "GET", path: () => `/metrics/grids/${gridID}?period=all` },
    { kind: "open311 services", method: "GET", path: () => "/open311/v2/services.json?jurisdiction_id=jianyang" },
    { kind: "open311 requests", method: "GET", path: () => "/open311/v2/requests.json?jurisdiction_id=jianyang" },
  ];
}

/** A request's headers: its caller's token, and for a report an Idempotency-Key of its own, as the portal sends. */
function headersOf(request: MixRequest, tokens: Record<Who, string>): Record<string, string> {
  return {
    ...(request.who ? { authorization: `Bearer ${tokens[request.who]}` } : {}),
    ...(request.body ? { "content-type": "application/json" } : {}),
    ...(request.method === "POST" && request.path({}) === "/tickets" ? { "idempotency-key": `load-${randomUUID()}` } : {}),
  };
}

interface KindTally {
  kind: string;
  latencies: number[];
  statuses: Map<number, number>;
  unexpected: number;
}

/** Runs autocannon with the mix for `seconds`, keeping each response's latency under its kind. */
async function drive(
  url: string,
  tokens: Record<Who, string>,
  mix: MixRequest[],
  seconds: number,
  connections: number,
  signal?: AbortSignal,
  /** Stop after this many requests instead (`seconds` is then ignored by autocannon). */
  amount?: number,
) {
  const tallies = new Map<string, KindTally>(
    mix.map((request) => [request.kind, { kind: request.kind, latencies: [], statuses: new Map(), unexpected: 0 }]),
  );
  // onResponse runs just before the client's 'response' event, which carries the latency. (After a
  // socket error autocannon may pair a connection's later responses with the wrong request of the
  // cycle; the socket error is counted, so such a run fails anyway.)
  let last: KindTally | undefined;
  const requests = mix.map((request) => ({
    method: request.method,
    setupRequest: (req: Record<string, unknown>, context: Context) => {
      const path = request.path(context);
      // A cycle whose report failed has no ticket: it starts again (the failed report is counted).
      if (!path) return undefined as never;
      return {
        ...req,
        method: request.method,
        path,
        headers: headersOf(request, tokens),
        body: request.body ? JSON.stringify(request.body()) : undefined,
      } as never;
    },
    onResponse: (status: number, body: string, context: Context) => {
      const tally = tallies.get(request.kind)!;
      last = tally;
      tally.statuses.set(status, (tally.statuses.get(status) ?? 0) + 1);
      if ((status < 200 || status > 299) && !request.expected?.includes(status)) tally.unexpected += 1;
      else if (request.keep) request.keep(body, context);
    },
  }));
  let settle: (error: Error | null, result: autocannon.Result) => void = () => {};
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    settle = (error, result) => (error ? reject(error) : resolve(result));
  });
  const instance = autocannon(
    { url, connections, duration: seconds, ...(amount ? { amount } : {}), timeout: 10, requests: requests as never, initialContext: {} },
    (error, result) => settle(error, result),
  );
  instance.on("response", (_client, _status, _bytes, responseTime) => {
    last?.latencies.push(responseTime);
    last = undefined;
  });
  const abort = () => instance.stop();
  signal?.addEventListener("abort", abort);
  const result = await done.finally(() => signal?.removeEventListener("abort", abort));
  signal?.throwIfAborted();
  const byKind = new Map<string, KindResult>(
    [...tallies.values()].map((tally) => {
      const sorted = tally.latencies.sort((a, b) => a - b);
      const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN);
      return [
        tally.kind,
        {
          kind: tally.kind,
          responses: [...tally.statuses.values()].reduce((sum, count) => sum + count, 0),
          unexpected: tally.unexpected,
          statuses: Object.fromEntries([...tally.statuses].map(([status, count]) => [String(status), count])),
          p50: at(0.5),
          p99: at(0.99),
        },
      ];
    }),
  );
  return { result, byKind };
}

/** The figures as `npm run load` prints them. */
export function report(result: LoadResult): string {
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)}`;
  const signed = (bytes: number) => `${bytes >= 0 ? "+" : ""}${mb(bytes)} MB`;
  const ms = (value: number) => `${Number.isFinite(value) ? value.toFixed(0) : "–"} ms`;
  const { memory } = result;
  const width = Math.max(...result.kinds.map((kind) => kind.kind.length));
  const rows = [memory.start, ...memory.samples, memory.end].map(
    (sample) =>
      `    ${sample.label.padEnd(18)} ${mb(sample.rss).padStart(8)} ${mb(sample.heapUsed).padStart(9)} ${mb(sample.heapTotal).padStart(10)} ${mb(sample.external).padStart(9)} ${mb(sample.live).padStart(11)}`,
  );
  return [
    `Load: ${result.duration.toFixed(1)} s, ${result.connections} connections, against the API in its own process on loopback`,
    `  throughput   ${result.throughput.toFixed(1)} requests/s (${result.responses.toLocaleString()} responses)`,
    `  latency      p50 ${ms(result.p50)}, p99 ${ms(result.p99)}`,
    `  errors       ${result.errors} (unexpected statuses ${result.unexpected}, socket errors ${result.socketErrors}, timeouts ${result.timeouts}; in the warm-up ${result.warmUpErrors})`,
    "  per kind of request:",
    `    ${"kind".padEnd(width)} ${"responses".padStart(9)} ${"p50".padStart(7)} ${"p99".padStart(7)}  statuses`,
    ...result.kinds.map(
      (kind) =>
        `    ${kind.kind.padEnd(width)} ${String(kind.responses).padStart(9)} ${ms(kind.p50).padStart(7)} ${ms(kind.p99).padStart(7)}  ${Object.entries(
          kind.statuses,
        )
          .map(([status, count]) => `${status}×${count}`)
          .join(" ")}`,
    ),
    "  memory of the API process (MB; live = heap used after forced GCs right after the sample):",
    `    ${"at".padEnd(18)} ${"rss".padStart(8)} ${"heapUsed".padStart(9)} ${"heapTotal".padStart(10)} ${"external".padStart(9)} ${"live".padStart(11)}`,
    ...rows,
    `  live heap: ${mb(memory.start.live)} MB at the start → ${mb(memory.end.live)} MB at the end (${signed(memory.liveGrowth)}); last third of the samples against the first: live ${signed(memory.liveTrend)}, rss ${signed(memory.rssTrend)}`,
    ...(result.apiErrors.length ? ["  the API's warnings and errors (first 20):", ...result.apiErrors.map((line) => `    ${line}`)] : []),
    `  ${result.errors === 0 ? "PASS" : "FAIL"} errors = 0; ${result.kinds.every((kind) => kind.responses > 0) ? "PASS" : "FAIL"} every kind answered; ${memory.growing ? "FAIL" : "PASS"} memory not growing (the live heap grew less than ${mb(GrowthBytes)} MB, or a quarter of the start, both ways)`,
  ].join("\n");
}

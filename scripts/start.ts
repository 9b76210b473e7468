/**
 * `npm start`: the whole product locally on embedded defaults — DynamoDB Local and s3rver
 * (data kept under .data/), the table and bucket, the Jianyang demo, the API and the portal.
 * Ctrl-C stops everything it started.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { javaProblem, startDynamo, startS3, type Service } from "./lib/local-stack.ts";
import { localSettings, root, viteBin } from "./lib/env.ts";

const started = Date.now();
const settings = localSettings();
const problem = javaProblem();
if (problem) {
  console.error(problem);
  process.exit(1);
}

const stops: (() => Promise<unknown> | void)[] = [];
let stopping = false;
async function stopAll(code = 0) {
  if (stopping) return;
  stopping = true;
  console.log("\nStopping…");
  for (const stop of stops.reverse()) await Promise.resolve(stop()).catch(() => {});
  process.exit(code);
}
process.on("SIGINT", () => void stopAll(0));
process.on("SIGTERM", () => void stopAll(0));

function step(message: string) {
  console.log(`  ${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s  ${message}`);
}

try {
  console.log("Wangge 网格 — starting the local stack");
  const [dynamo, s3]: Service[] = await Promise.all([
    startDynamo({ port: settings.dynamoPort, dbPath: join(settings.dataDir, "dynamodb") }),
    startS3({ port: settings.s3Port, directory: join(settings.dataDir, "s3"), bucket: settings.bucket }),
  ]);
  stops.push(dynamo.stop, s3.stop);
  step(`DynamoDB Local on ${dynamo.endpoint}, s3rver on ${s3.endpoint} (data in ${settings.dataDir})`);

  const { Storage, Demo } = await import("@wangge/core");
  const createdTable = await Storage.ensureTable();
  await Storage.ensureBucket();
  step(`table "${settings.table}"${createdTable ? " created" : " found"}, bucket "${settings.bucket}" ready`);
  const seeded = await Demo.seed();
  step(seeded.created.length ? `seeded: ${seeded.created.join(", ")}` : "demo districts already there");
  let phase = "";
  const grids = await Demo.seedJianyangGrids({
    onProgress: (message) => {
      if (process.stdout.isTTY) return void process.stdout.write(`\r          ${message.padEnd(40)}\r`);
      const next = message.replace(/ \d+%$/, "");
      if (next !== phase) step(`first start: seeding Jianyang's ${(phase = next).replace(":", "")}…`);
    },
  });
  const fujian = await Demo.seedFujianDistricts();
  if (fujian.seeded.length) step(`seeded ${fujian.seeded.join("; ")}`);
  step(grids.grids ? `seeded Jianyang's ${grids.grids.toLocaleString()} grids and ${grids.people.toLocaleString()} people` : "Jianyang's grids already there");

  const { startServer } = await import("@wangge/api/server");
  const { optionsFromEnv } = await import("@wangge/api/env");
  const apiUrl = `http://127.0.0.1:${settings.apiPort}`;
  const api = await startServer({ ...optionsFromEnv({ ...process.env, API_URL: apiUrl }), port: settings.apiPort });
  stops.push(api.close);
  const health = await fetch(`${api.url}/health`).then((response) => response.json() as Promise<{ status: string }>);
  step(`API answers on ${api.url} (health: ${health.status})`);

  const web = join(root, "web");
  const portal: ChildProcess = spawn(process.execPath, [viteBin(), "--strictPort"], {
    cwd: web,
    env: { ...process.env, WEB_PORT: String(settings.webPort), WANGGE_API_URL: api.url },
    stdio: ["ignore", "pipe", "inherit"],
  });
  stops.push(() => {
    portal.kill("SIGTERM");
  });
  portal.on("exit", (code) => {
    if (!stopping) {
      console.error(`The portal's dev server stopped (code ${code}).`);
      void stopAll(1);
    }
  });
  const portalUrl = `http://127.0.0.1:${settings.webPort}`;
  await new Promise<void>((resolve) => {
    portal.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("ready")) resolve();
    });
    setTimeout(resolve, 20_000).unref();
  });
  step(`portal on ${portalUrl}`);

  // The demo year — mechanisms, then tickets, then the other districts' tickets — is replayed
  // through the real core functions: slow, so in the background.
  void (async () => {
    await Demo.seedJianyangMechanisms({ onProgress: (message) => step(`  ${message}`) });
    await Demo.seedJianyangTickets({
      onProgress: (done, total) => {
        if (done === 1) step(`replaying Jianyang's ${total.toLocaleString()} tickets of 2022 in the background…`);
        if (done % 563 === 0 || done === total) step(`  tickets replayed: ${done.toLocaleString()} / ${total.toLocaleString()}`);
      },
    });
    await Demo.seedFujianDistricts({ tickets: true, onProgress: (message) => step(`  ${message}`) });
  })().catch((error: Error) => console.error(`Seeding the demo year stopped: ${error.message}`));

  const accounts = Demo.DemoAccounts.map(
    (account) => `    ${(account.tenantID ?? "platform").padEnd(10)} ${account.userID.padEnd(14)} ${account.name}（${account.descriptionZh} · ${account.descriptionEn}）`,
  ).join("\n");
  console.log(`
Ready in ${((Date.now() - started) / 1000).toFixed(1)}s.

  Portal     ${portalUrl}          (demo login: pick an account)
  API        ${api.url}
  API docs   ${api.url}/docs
  OpenAPI    ${api.url}/openapi.json
  Health     ${api.url}/health

  Demo accounts (district / user):
${accounts}

Press Ctrl-C to stop everything.`);
} catch (error) {
  console.error(`Could not start: ${(error as Error).message}`);
  await stopAll(1);
}

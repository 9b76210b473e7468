/**
 * `npm start`: the whole product locally on embedded defaults — DynamoDB Local and s3rver
 * (data kept under .data/), the table and bucket, the Jianyang demo, the API and the portal.
 * Ctrl-C stops everything it started.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { DataFolderInUse, lockDataFolder } from "./lib/data-lock.ts";
import { javaProblem, startDynamo, startS3, type Service } from "./lib/local-stack.ts";
import { localSettings, root, viteBin } from "./lib/env.ts";

const started = Date.now();
const settings = localSettings();
const problem = javaProblem();
if (problem) {
  console.error(problem);
  process.exit(1);
}

const stops: (() => unknown)[] = [];
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
  stops.push(lockDataFolder(settings.dataDir));
  const [dynamo, s3]: Service[] = await Promise.all([
    startDynamo({
      port: settings.dynamoPort,
      dbPath: join(settings.dataDir, "dynamodb"),
      onExit: (how) => {
        if (stopping) return;
        console.error(
          `\nDynamoDB Local stopped (${how}). Run \`npm start\` again: the data is kept in ${settings.dataDir} and the demo resumes where it stopped.`,
        );
        void stopAll(1);
      },
    }),
    startS3({ port: settings.s3Port, directory: join(settings.dataDir, "s3"), bucket: settings.bucket }),
  ]);
  stops.push(dynamo.stop, s3.stop);
  step(`DynamoDB Local on ${dynamo.endpoint}, s3rver on ${s3.endpoint} (data in ${settings.dataDir})`);

  const { Storage } = await import("@wangge/core");
  const Demo = await import("@wangge/core/demo/index");
  const createdTable = await Storage.ensureTable();
  await Storage.ensureBucket();
  step(`table "${settings.table}"${createdTable ? " created" : " found"}, bucket "${settings.bucket}" ready`);
  // s3rver has no lifecycle: what S3 would expire (abandoned uploads, old exports) goes now and hourly.
  const sweep = () =>
    Storage.sweepExpired()
      .then((swept) => {
        const gone = Object.values(swept).reduce((sum, count) => sum + count, 0);
        if (gone) step(`expired ${gone} abandoned upload(s) and old export(s) from the bucket`);
      })
      .catch((error: Error) => console.error(`Sweeping expired files failed: ${error.message}`));
  await sweep();
  const sweeping = setInterval(sweep, 3_600_000);
  sweeping.unref();
  stops.push(() => clearInterval(sweeping));
  const seeded = await Demo.seed();
  step(seeded.created.length ? `seeded: ${seeded.created.join(", ")}` : "demo districts already there");
  let phase = "";
  let older = false;
  try {
    await Demo.assertCurrentPlan();
    const grids = await Demo.seedJianyangGrids({
      onProgress: (message) => {
        if (process.stdout.isTTY) return void process.stdout.write(`\r          ${message.padEnd(40)}\r`);
        const next = message.replace(/ \d+%$/, "");
        if (next !== phase) {
          phase = next;
          step(`first start: seeding Jianyang's ${next.replace(":", "")}…`);
        }
      },
    });
    const fujian = await Demo.seedFujianDistricts();
    if (fujian.seeded.length) step(`seeded ${fujian.seeded.join("; ")}`);
    step(
      grids.grids
        ? `seeded Jianyang's ${grids.grids.toLocaleString()} grids and ${grids.people.toLocaleString()} people`
        : "Jianyang's grids already there",
    );
  } catch (error) {
    if (!(error instanceof Demo.OlderDemoError)) throw error;
    older = true;
    console.error(error.message);
  }

  const { startServer } = await import("@wangge/api/server");
  const { optionsFromEnv } = await import("@wangge/api/env");
  const apiUrl = `http://127.0.0.1:${settings.apiPort}`;
  const portalUrl = `http://127.0.0.1:${settings.webPort}`;
  const api = await startServer({
    ...optionsFromEnv({ ...process.env, API_URL: apiUrl }),
    port: settings.apiPort,
    // The local OpenID provider sends the portal's sign-ins back to its /auth/callback.
    portalOrigins: [portalUrl],
  });
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
  await new Promise<void>((resolve) => {
    portal.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("ready")) resolve();
    });
    setTimeout(resolve, 20_000).unref();
  });
  step(`portal on ${portalUrl}`);

  // The demo year — Jianyang's mechanisms beside the three districts' tickets — is replayed
  // through the real core functions: minutes, so in the background (the portal says how far).
  if (!older) void replayDemoYear();

  const accounts = Demo.DemoAccounts.map(
    (account) =>
      `    ${(account.tenantID ?? "platform").padEnd(10)} ${account.userID.padEnd(14)} ${account.name}（${account.descriptionZh} · ${account.descriptionEn}）`,
  ).join("\n");
  console.log(`
Ready in ${((Date.now() - started) / 1000).toFixed(1)}s.

  Portal     ${portalUrl}          (sign in at the local OpenID provider: pick a demo account, or phone + the code printed here)
  Sign-in    ${api.url}/oidc       (OpenID provider: /.well-known/openid-configuration)
  API        ${api.url}
  API docs   ${api.url}/docs
  OpenAPI    ${api.url}/openapi.json
  Health     ${api.url}/health

  Demo accounts (district / user):
${accounts}

Press Ctrl-C to stop everything.`);
} catch (error) {
  console.error(error instanceof DataFolderInUse ? error.message : `Could not start: ${(error as Error).message}`);
  await stopAll(1);
}

/** The demo year in the background, with its progress (done / total, time left) and, at the end, its rate. */
async function replayDemoYear() {
  const Demo = await import("@wangge/core/demo/index");
  const counts = Demo.countRequests();
  const started = Date.now();
  const transactions = counts.transactions;
  const progress = new Map<string, { done: number; total: number }>();
  let shown = 0;
  let announced = false;
  const unsubscribe = Demo.onProgress((update) => {
    progress.set(update.step, update);
    if (!announced) {
      announced = true;
      step("replaying the demo year 2022 in the background (the portal works meanwhile; its dashboard shows how far)…");
    }
    if (Date.now() - shown < 15_000) return;
    const first = shown === 0;
    shown = Date.now();
    const done = [...progress.values()].reduce((sum, entry) => sum + entry.done, 0);
    const total = Demo.demoYear().reduce((sum, entry) => sum + (progress.get(entry.name)?.total ?? entry.total), 0);
    const elapsed = (Date.now() - started) / 1000;
    // The time left once there is a rate to go by.
    const left = !first && done > 0 ? (elapsed * (total - done)) / done : NaN;
    step(
      `  demo year: ${done.toLocaleString()} / ${total.toLocaleString()} (${Math.floor((done / total) * 100)}%)${Number.isFinite(left) ? `, about ${left < 90 ? `${Math.ceil(left)} s` : `${Math.ceil(left / 60)} min`} left` : ""}`,
    );
  });
  try {
    await Demo.seedDemoYear();
    const elapsed = (Date.now() - started) / 1000;
    const rate = (counts.transactions - transactions) / elapsed;
    if (announced)
      step(
        `demo year in place in ${elapsed.toFixed(0)} s: ${(counts.transactions - transactions).toLocaleString()} transactions, ${rate.toFixed(0)}/s ` +
          `(${(rate / Demo.DynamoLocalTransactionsPerSecond).toFixed(2)} of the ~${Demo.DynamoLocalTransactionsPerSecond}/s DynamoDB Local allows here; \`npm run bench:demo\` measures both side by side)`,
      );
    else step("the demo year is already there");
  } catch (error) {
    if (stopping) return;
    if (error instanceof Demo.OlderDemoError) console.error(error.message);
    else console.error(`Seeding the demo year stopped: ${(error as Error).message}. Run \`npm start\` again: it resumes where it stopped.`);
  } finally {
    unsubscribe();
  }
}

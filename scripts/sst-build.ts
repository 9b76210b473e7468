/**
 * `sst build` without AWS: synthesises every stack of sst.config.ts to CloudFormation
 * (`.sst/dist` by default) on a machine with no internet and no AWS account.
 *
 * SST v2 asks AWS three things before it synthesises: STS GetCallerIdentity (the account id goes
 * into stack environments), and CloudFormation DescribeStacks for the CDK bootstrap stack
 * (`CDKToolkit`: BootstrapVersion >= 14 and BucketName outputs) and its own bootstrap stack
 * (`SSTBootstrap`: Version 7.4 and BucketName outputs; see node_modules/sst/bootstrap.js).
 * Offline it retries those calls forever. This script answers them from a local stand-in
 * (query protocol, XML) that `AWS_ENDPOINT_URL` points the SDK at, with dummy credentials, runs
 * `sst build`, and exits with its exit code (124 if it had to be killed after the timeout).
 * As `sst deploy` would, the build also builds the portal (`vite build` of web/: infra/web.ts)
 * unless `WANGGE_WEB_DIST` names a built one.
 *
 * Usage: tsx scripts/sst-build.ts [--stage ci] [--to <dir>] [--timeout <seconds>]
 * Any other argument is passed to `sst build`.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DefaultRegion } from "../packages/core/src/storage/region.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const ACCOUNT = "123456789012";
const REGION = process.env.AWS_REGION ?? DefaultRegion;
/** Outputs SST checks (bootstrap.js: CDK BootstrapVersion >= 14, SST Version "7.4"). */
const BOOTSTRAP_STACKS: Record<string, Record<string, string>> = {
  CDKToolkit: {
    BootstrapVersion: "28",
    BucketName: `cdk-hnb659fds-assets-${ACCOUNT}-${REGION}`,
  },
  SSTBootstrap: {
    Version: "7.4",
    BucketName: `sstbootstrap-${REGION}-offline`,
  },
};

function parseArgs(argv: string[]) {
  let stage = "ci";
  let timeoutSeconds = 300;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--stage") stage = argv[++i];
    else if (arg.startsWith("--stage=")) stage = arg.slice("--stage=".length);
    else if (arg === "--timeout") timeoutSeconds = Number(argv[++i]);
    else rest.push(arg);
  }
  return { stage, timeoutSeconds, rest };
}

const xmlEscape = (value: string) => value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function stsIdentity(): string {
  return `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <GetCallerIdentityResult>
    <Arn>arn:aws:iam::${ACCOUNT}:user/offline-build</Arn>
    <UserId>AIDAOFFLINEBUILD</UserId>
    <Account>${ACCOUNT}</Account>
  </GetCallerIdentityResult>
  <ResponseMetadata><RequestId>offline-sts</RequestId></ResponseMetadata>
</GetCallerIdentityResponse>`;
}

function describeStack(name: string, outputs: Record<string, string>): string {
  const members = Object.entries(outputs)
    .map(([key, value]) => `<member><OutputKey>${xmlEscape(key)}</OutputKey><OutputValue>${xmlEscape(value)}</OutputValue></member>`)
    .join("");
  return `<DescribeStacksResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
  <DescribeStacksResult>
    <Stacks>
      <member>
        <StackName>${xmlEscape(name)}</StackName>
        <StackId>arn:aws:cloudformation:${REGION}:${ACCOUNT}:stack/${xmlEscape(name)}/offline</StackId>
        <CreationTime>2024-01-01T00:00:00.000Z</CreationTime>
        <StackStatus>CREATE_COMPLETE</StackStatus>
        <Outputs>${members}</Outputs>
      </member>
    </Stacks>
  </DescribeStacksResult>
  <ResponseMetadata><RequestId>offline-cfn</RequestId></ResponseMetadata>
</DescribeStacksResponse>`;
}

function queryError(code: string, message: string): string {
  return `<ErrorResponse><Error><Type>Sender</Type><Code>${code}</Code><Message>${xmlEscape(message)}</Message></Error><RequestId>offline</RequestId></ErrorResponse>`;
}

/** Answers the three calls `sst build` makes; anything else is a 400 so that it fails fast. */
function startStandIn(log: (line: string) => void): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const params = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
      const action = params.get("Action") ?? "(none)";
      const stackName = params.get("StackName") ?? "";
      let status = 200;
      let body: string;
      if (action === "GetCallerIdentity") {
        body = stsIdentity();
      } else if (action === "DescribeStacks" && BOOTSTRAP_STACKS[stackName]) {
        body = describeStack(stackName, BOOTSTRAP_STACKS[stackName]);
      } else if (action === "DescribeStacks") {
        status = 400;
        body = queryError("ValidationError", `Stack with id ${stackName} does not exist`);
      } else {
        status = 400;
        body = queryError("InvalidAction", `The offline stand-in does not answer ${action}`);
      }
      log(`${action}${stackName ? ` ${stackName}` : ""} -> ${status}`);
      res.writeHead(status, { "content-type": "text/xml", "x-amzn-requestid": "offline" });
      res.end(body);
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve(server));
  });
}

async function main(): Promise<number> {
  const { stage, timeoutSeconds, rest } = parseArgs(process.argv.slice(2));
  const log = (line: string) => console.log(`[sst-build] ${line}`);

  const server = await startStandIn((line) => log(`stand-in: ${line}`));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  log(`AWS stand-in (STS, CloudFormation) listening on ${endpoint}`);

  const isolation = fs.mkdtempSync(path.join(os.tmpdir(), "wangge-sst-build-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    AWS_ENDPOINT_URL: endpoint,
    AWS_ACCESS_KEY_ID: "AKIAOFFLINEBUILD0000",
    AWS_SECRET_ACCESS_KEY: "offline-build-secret",
    AWS_REGION: REGION,
    AWS_DEFAULT_REGION: REGION,
    // Keep any real AWS configuration on this machine out of the build.
    AWS_CONFIG_FILE: path.join(isolation, "config"),
    AWS_SHARED_CREDENTIALS_FILE: path.join(isolation, "credentials"),
    AWS_EC2_METADATA_DISABLED: "true",
    SST_TELEMETRY_DISABLED: "1",
  };
  for (const name of ["AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_ROLE_ARN", "AWS_WEB_IDENTITY_TOKEN_FILE"]) {
    delete env[name];
  }
  // Under vitest NODE_ENV is "test", which makes SST skip its bootstrap lookup: build as CI would.
  delete env.NODE_ENV;

  // sst compiles sst.config.ts to .sst.config.<time>.mjs in the root and deletes it on exit.
  const compiledConfigs = () => fs.readdirSync(root).filter((file) => /^\.sst\.config\.\d+\.mjs$/.test(file));
  const configsBefore = new Set(compiledConfigs());

  const sst = path.join(root, "node_modules/.bin/sst");
  const args = ["build", "--stage", stage, ...rest];
  log(`running: sst ${args.join(" ")} (timeout ${timeoutSeconds} s)`);
  const started = Date.now();
  const child = spawn(sst, args, { cwd: root, env, stdio: "inherit", detached: true });

  // sst runs in its own process group so that a timeout ends it and everything it started.
  const killSst = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      child.kill(signal);
    }
  };
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    log(`timed out after ${timeoutSeconds} s: killing sst (process group ${child.pid})`);
    killSst("SIGKILL");
  }, timeoutSeconds * 1000);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping sst`);
      killSst(signal);
    });
  }

  const code = await new Promise<number>((resolve) => {
    child.on("error", (error) => {
      log(`could not start sst: ${error.message}`);
      resolve(1);
    });
    child.on("exit", (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
  });
  clearTimeout(timer);
  server.close();
  // A killed sst leaves its compiled config behind: remove what this run created.
  for (const file of compiledConfigs().filter((file) => !configsBefore.has(file))) {
    fs.rmSync(path.join(root, file), { force: true });
  }
  fs.rmSync(isolation, { recursive: true, force: true });

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (timedOut) {
    log(`sst build did not finish within ${timeoutSeconds} s`);
    return 124;
  }
  const toIndex = args.indexOf("--to");
  const outDir = toIndex >= 0 ? path.resolve(root, args[toIndex + 1]) : path.join(root, ".sst/dist");
  if (code === 0 && fs.existsSync(outDir)) {
    const templates = fs.readdirSync(outDir).filter((file) => file.endsWith(".template.json"));
    log(`built in ${seconds} s: ${templates.length} templates in ${path.relative(root, outDir) || outDir}`);
    for (const file of templates) log(`  ${file}`);
  } else {
    log(`sst build exited with ${code} after ${seconds} s`);
  }
  return code;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error("[sst-build] failed:", error);
    process.exit(1);
  },
);

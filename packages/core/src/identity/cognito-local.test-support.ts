/**
 * cognito-local (npm, MIT) for the tests of the Cognito adapter: a child process on a free port,
 * its data in a temporary folder, gone when stopped. What it cannot show (STACK.md, verified
 * 2026-12): AdminUserGlobalSignOut and GlobalSignOut (not implemented), SRP and custom auth,
 * the managed login's pages, password policies; and a disabled user can still sign in there.
 * Its signing key ships in the package: local use only.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  ListUserPoolsCommand,
} from "@aws-sdk/client-cognito-identity-provider";

export interface CognitoLocal {
  endpoint: string;
  client: CognitoIdentityProviderClient;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const root = path.resolve(import.meta.dirname, "../../../..");

/** Starts cognito-local and waits until it answers. */
export async function startCognitoLocal(): Promise<CognitoLocal> {
  const folder = mkdtempSync(path.join(tmpdir(), "wangge-cognito-"));
  const port = await freePort();
  // Its default pools take e-mail addresses as usernames; ours take free ones (`alpha.user_…`).
  mkdirSync(path.join(folder, ".cognito"));
  writeFileSync(path.join(folder, ".cognito/config.json"), JSON.stringify({ UserPoolDefaults: { UsernameAttributes: [] } }));
  const child: ChildProcess = spawn(process.execPath, [path.join(root, "node_modules/cognito-local/lib/bin/start.js")], {
    cwd: folder,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new CognitoIdentityProviderClient({
    endpoint,
    region: "local",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      await client.send(new ListUserPoolsCommand({ MaxResults: 1 }));
      break;
    } catch (error) {
      if (child.exitCode !== null || Date.now() > deadline)
        throw new Error(`cognito-local did not start: ${(error as Error).message}\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }
  return {
    endpoint,
    client,
    async stop() {
      client.destroy();
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** A pool shaped like `infra/auth.ts`'s (the custom attributes tenant and user) with a client for USER_PASSWORD_AUTH. */
export async function createPool(client: CognitoIdentityProviderClient, name = "wangge") {
  const pool = await client.send(
    new CreateUserPoolCommand({
      PoolName: name,
      // As in infra/auth.ts: free usernames (`alpha.user_…`), phone and e-mail as sign-in aliases.
      UsernameAttributes: [],
      AliasAttributes: ["phone_number", "email"],
      Schema: [
        { Name: "tenant", AttributeDataType: "String", Mutable: true },
        { Name: "user", AttributeDataType: "String", Mutable: true },
      ],
    }),
  );
  const userPoolID = pool.UserPool?.Id as string;
  const app = await client.send(
    new CreateUserPoolClientCommand({
      UserPoolId: userPoolID,
      ClientName: "portal",
      ExplicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
    }),
  );
  return { userPoolID, clientID: app.UserPoolClient?.ClientId as string };
}

/**
 * What a test run prepares once, in the background of its global setup, for the files that need
 * it: the portal's build (browser tests) and the seeded base, a DynamoDB Local data folder holding
 * the demo with Jianyang's grids and people (files named `*.seeded.test.ts`). Each piece writes a
 * ready marker when it is done, `{"ok":true}` or `{"error":…}`; a file waits for the marker.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

export interface Prepared {
  /** Where it is: the built portal, or the seeded data folder. */
  folder: string;
  /** Its ready marker. */
  ready: string;
}

/**
 * A file that starts from its own copy of the seeded base rather than an empty table:
 * `grids.seeded.test.ts`, `replay.seeded.demo.test.ts`.
 */
export const isSeededFile = (path: string) => basename(path).includes(".seeded.");

export interface Job {
  done: Promise<void>;
  /** Stops the command if it still runs. */
  stop(): void;
}

/** Runs a command; `done` rejects with the end of its output when it fails. */
export function runJob(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Job {
  const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk).slice(-20_000));
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const done = new Promise<void>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (code === 0) return resolve();
      const how = signal ? `was stopped (${signal})` : `exited with code ${code}`;
      reject(new Error(`\`${basename(command)} ${args.map((arg) => basename(arg)).join(" ")}\` ${how}\n${output.trim()}`));
    });
  });
  return {
    done,
    stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    },
  };
}

/** Writes the marker when `work` settles: ok, or its error for the files that wait. */
export async function markWhenDone(prepared: Prepared, work: Promise<unknown>): Promise<void> {
  let state: { ok: true } | { error: string };
  try {
    await work;
    state = { ok: true };
  } catch (error) {
    state = { error: error instanceof Error ? error.message : String(error) };
  }
  // Written whole, then renamed: a waiting file never reads half a marker.
  writeFileSync(`${prepared.ready}.part`, JSON.stringify(state));
  renameSync(`${prepared.ready}.part`, prepared.ready);
}

/** Waits for the marker; throws the preparation's own error when it failed. */
export async function waitUntilReady(prepared: Prepared, what: string, timeoutMs = 15 * 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(prepared.ready)) {
    if (Date.now() > deadline) throw new Error(`${what} was not ready after ${timeoutMs / 60_000} minutes`);
    await sleep(200);
  }
  const state = JSON.parse(readFileSync(prepared.ready, "utf8")) as { ok?: true; error?: string };
  if (state.error) throw new Error(`${what} failed in the test run's global setup:\n${state.error}`);
}

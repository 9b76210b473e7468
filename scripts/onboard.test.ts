import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { District, withActor } from "@wangge/core";
import * as Demo from "@wangge/core/demo/index";
import { beforeAll, expect, it } from "vitest";

const run = promisify(execFile);
const root = join(import.meta.dirname, "..");
const args = [
  "scripts/onboard.ts",
  "--slug",
  "songxi",
  "--name-zh",
  "松溪县",
  "--name-en",
  "Songxi County",
  "--province",
  "fujian",
  "--city-zh",
  "南平市",
  "--city-en",
  "Nanping",
  "--template",
  "minimal",
  "--admin-name",
  "周立",
  "--admin-phone",
  "13600000001",
];

async function onboard(extra: string[] = []) {
  try {
    const { stdout, stderr } = await run(join(root, "node_modules/.bin/tsx"), [...args, ...extra], { cwd: root, env: process.env });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, out: failure.stdout + failure.stderr };
  }
}

beforeAll(() => Demo.seed());

it("the onboarding script creates a district once and refuses the same slug again", async () => {
  const first = await onboard();
  expect(first.out).toContain("Onboarded 松溪县 (songxi)");
  expect(first.code).toBe(0);
  const read = await withActor({ type: "operator", userID: "test" }, () => District.get("songxi"));
  expect(read.config.tiers).toHaveLength(2);

  const second = await onboard();
  expect(second.code).toBe(3);
  expect(second.out).toContain("district.exists");
}, 60_000);

it("the onboarding script names the flag that is wrong", async () => {
  const result = await onboard(["--admin-phone", "12345"]);
  expect(result.code).toBe(2);
  expect(result.out).toContain("--admin-phone");
}, 60_000);

import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { Grid, withActor } from "@wangge/core";
import * as Demo from "@wangge/core/demo/index";
import { beforeAll, expect, it } from "vitest";
import { rect } from "@wangge/core/onboarding/test-district.test-support";

const run = promisify(execFile);
const root = join(import.meta.dirname, "..");
const folder = mkdtempSync(join(tmpdir(), "wangge-import-"));

async function importFile(features: unknown[]) {
  const file = join(folder, `grids-${Math.random().toString(36).slice(2)}.geojson`);
  writeFileSync(file, JSON.stringify({ type: "FeatureCollection", features }));
  try {
    const { stdout, stderr } = await run(join(root, "node_modules/.bin/tsx"), ["scripts/import-grids.ts", file, "--district", "yanping"], {
      cwd: root,
      env: process.env,
    });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, out: failure.stdout + failure.stderr };
  }
}

beforeAll(() => Demo.seed());

it("the import script lists every problem and writes nothing, then imports a good file", async () => {
  const bad = await importFile([
    { type: "Feature", geometry: rect(0, 0, 4, 4), properties: { code: "S1", name: "一", tier: 1 } },
    { type: "Feature", geometry: rect(3, 3, 6, 6), properties: { code: "S2", name: "二", tier: 1 } },
    { type: "Feature", geometry: rect(0, 0, 1, 1), properties: { code: "S3", name: "三", tier: 7 } },
  ]);
  expect(bad.code).toBe(1);
  expect(bad.out).toContain("import.invalid");
  expect(bad.out).toMatch(/features\[1\]\s+S2: overlaps S1/);
  expect(bad.out).toMatch(/features\[2\]\s+S3: .*tier/);

  const good = await importFile([
    { type: "Feature", geometry: rect(0, 0, 4, 4), properties: { code: "S1", name: "一", tier: 1 } },
    { type: "Feature", geometry: rect(0, 0, 2, 4), properties: { code: "S1-1", name: "一之一", tier: 2, parentCode: "S1" } },
  ]);
  expect(good.out).toContain("Imported 2 grids into yanping");
  expect(good.code).toBe(0);
  const children = await withActor({ type: "system", tenantID: "yanping" }, () => Grid.list({ parentID: "root" }));
  expect(children.items.map((grid) => grid.code)).toEqual(["S1"]);
}, 60_000);

import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { DataFolderInUse, lockDataFolder } from "./data-lock.ts";

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});
const folder = () => {
  const made = mkdtempSync(join(tmpdir(), "wangge-lock-"));
  folders.push(made);
  return made;
};

it("lets one start use a data folder: a second is refused with what to do, and can start once the first released it", () => {
  const data = folder();
  const release = lockDataFolder(data);
  expect(readFileSync(join(data, "start.lock"), "utf8")).toBe(String(process.pid));
  // Another live process holds it (the parent of this test process is alive).
  writeFileSync(join(data, "start.lock"), String(process.ppid));
  expect(() => lockDataFolder(data)).toThrow(DataFolderInUse);
  expect(() => lockDataFolder(data)).toThrow(`process ${process.ppid}`);
  writeFileSync(join(data, "start.lock"), String(process.pid));
  release();
  expect(existsSync(join(data, "start.lock"))).toBe(false);
  lockDataFolder(data)();
});

it("takes over a lock left by a process that is gone", async () => {
  const data = folder();
  const child = spawn(process.execPath, ["-e", "0"]);
  const pid = child.pid!;
  await new Promise((resolve) => child.on("exit", resolve));
  writeFileSync(join(data, "start.lock"), String(pid));
  const release = lockDataFolder(data);
  expect(readFileSync(join(data, "start.lock"), "utf8")).toBe(String(process.pid));
  release();
});

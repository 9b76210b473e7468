import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A register key for a benchmark's own table (the demo's seeding writes the synthetic register,
 * sealed with it: core's register/protect.ts creates the file on first use). Call before the core
 * is imported.
 */
export function useBenchRegisterKey(): void {
  process.env.WANGGE_MODE ??= "local";
  if (!process.env.REGISTER_KEY_ARN) process.env.REGISTER_KEY_FILE ??= join(mkdtempSync(join(tmpdir(), "wangge-bench-")), "register.key");
}

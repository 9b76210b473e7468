import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

const dir = mkdtempSync(path.join(tmpdir(), "wangge-region-"));
afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

/** region() as a fresh process would resolve it, with only this AWS configuration. */
async function regionWith(env: Record<string, string | undefined>, profileConfig = ""): Promise<string> {
  const config = path.join(dir, `config-${Math.random()}`);
  writeFileSync(config, profileConfig);
  vi.stubEnv("AWS_CONFIG_FILE", config);
  vi.stubEnv("AWS_SHARED_CREDENTIALS_FILE", path.join(dir, "none"));
  vi.stubEnv("AWS_PROFILE", undefined);
  vi.stubEnv("AWS_DEFAULT_REGION", undefined);
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  vi.resetModules();
  const { region } = await import("./region.ts");
  return region();
}

describe("the region the core's clients use", () => {
  it("is AWS_REGION when it is set", async () => {
    expect(await regionWith({ AWS_REGION: "eu-central-1" }, "[default]\nregion = us-west-2\n")).toBe("eu-central-1");
  });

  it("is the AWS profile's region when the environment names none", async () => {
    expect(await regionWith({ AWS_REGION: undefined }, "[default]\nregion = us-west-2\n")).toBe("us-west-2");
  });

  it("is the one documented default when nothing names a region", async () => {
    const { DefaultRegion } = await import("./region.ts");
    expect(await regionWith({ AWS_REGION: undefined })).toBe(DefaultRegion);
    expect(DefaultRegion).toBe("ap-southeast-1");
  });
});

process.on("exit", () => rmSync(dir, { recursive: true, force: true }));

import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The real `sst build` of sst.config.ts, offline: scripts/sst-build.ts answers SST's AWS calls
 * locally. This is what proves the SST app (stacks, cross-stack references, bundling) builds.
 */
type CfnTemplate = {
  Resources: Record<string, { Type: string; Properties?: Record<string, any> }>;
  Outputs?: Record<string, unknown>;
};

const root = path.resolve(import.meta.dirname, "..");
const outDir = mkdtempSync(path.join(tmpdir(), "wangge-sst-dist-"));
let result: { code: number; output: string };
const templates: Record<string, CfnTemplate> = {};

beforeAll(async () => {
  const tsx = path.join(root, "node_modules/.bin/tsx");
  const args = ["scripts/sst-build.ts", "--stage", "ci", "--to", outDir, "--timeout", "150"];
  try {
    const { stdout, stderr } = await promisify(execFile)(tsx, args, {
      cwd: root,
      timeout: 170_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    result = { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    result = { code: failed.code ?? 1, output: `${failed.stdout ?? ""}${failed.stderr ?? ""}` };
  }
  for (const file of readdirSync(outDir).filter((name) => name.endsWith(".template.json"))) {
    templates[file.replace(/\.template\.json$/, "")] = JSON.parse(readFileSync(path.join(outDir, file), "utf8"));
  }
});
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const resourcesOfType = (type: string) =>
  Object.values(templates).flatMap((template) => Object.values(template.Resources).filter((resource) => resource.Type === type));

describe("sst build", () => {
  it("builds the app offline and exits 0", () => {
    expect(result.output).toContain("GetCallerIdentity -> 200");
    expect(result.output).toContain("DescribeStacks SSTBootstrap -> 200");
    expect(result.code, result.output).toBe(0);
  });

  it("writes one template per stack, named after the stage", () => {
    expect(Object.keys(templates).sort()).toEqual(["ci-wangge-Api", "ci-wangge-Auth", "ci-wangge-Storage", "ci-wangge-Web"]);
  });

  it("contains the table and the API function", () => {
    expect(resourcesOfType("AWS::DynamoDB::GlobalTable")).toHaveLength(1);
    const apiFunctions = resourcesOfType("AWS::Lambda::Function").filter(
      (fn) => fn.Properties?.Runtime === "nodejs20.x" && fn.Properties?.Environment?.Variables?.WANGGE_MODE === "aws",
    );
    expect(apiFunctions).toHaveLength(1);
  });

  it("wires the stacks together: the API reads storage and auth, the portal names the API", () => {
    const variables = templates["ci-wangge-Api"].Resources;
    const apiFunction = Object.values(variables).find((r) => r.Properties?.Environment?.Variables?.TABLE_NAME);
    expect(apiFunction?.Properties?.Environment.Variables.TABLE_NAME).toHaveProperty("Fn::ImportValue");
    expect(apiFunction?.Properties?.Environment.Variables.JWT_AUDIENCE).toHaveProperty("Fn::ImportValue");
    expect(apiFunction?.Properties?.Environment.Variables.USER_POOL_ID).toHaveProperty("Fn::ImportValue");
    const deployments = Object.values(templates["ci-wangge-Web"].Resources).filter(
      (resource) => resource.Type === "Custom::CDKBucketDeployment",
    );
    expect(JSON.stringify(deployments)).toContain("Fn::ImportValue");
  });

  it("outputs what operators and the portal need", () => {
    const outputs = Object.values(templates).flatMap((template) => Object.keys(template.Outputs ?? {}));
    expect(outputs).toEqual(
      expect.arrayContaining(["ApiUrl", "SiteUrl", "UserPoolId", "UserPoolClientId", "LoginUrl", "TableName", "BucketName"]),
    );
  });

  it("gives a dev stage's portal client the local portal's callback (no portal origins set)", () => {
    const [client] = resourcesOfType("AWS::Cognito::UserPoolClient");
    expect(client.Properties?.CallbackURLs).toEqual(["http://localhost:5173/auth/callback"]);
    expect(client.Properties?.AllowedOAuthFlows).toEqual(["code"]);
  });
});

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { App, CfnOutput, Stack } from "aws-cdk-lib";
import { Match, Template } from "aws-cdk-lib/assertions";
import { afterAll, describe, expect, it } from "vitest";
import { createAuth } from "./auth.ts";

const outdirs: string[] = [];
afterAll(() => {
  for (const dir of outdirs) rmSync(dir, { recursive: true, force: true });
});
function newApp(): App {
  const outdir = mkdtempSync(path.join(tmpdir(), "wangge-cdk-"));
  outdirs.push(outdir);
  return new App({ outdir });
}

const app = newApp();
const stack = new Stack(app, "Auth", { env: { account: "123456789012", region: "ap-southeast-1" } });
const auth = createAuth(stack, { stage: "prod" });
// Outputs resolve the token strings the API receives, so the test can read them back.
new CfnOutput(stack, "Issuer", { value: auth.issuer });
new CfnOutput(stack, "JwksUrl", { value: auth.jwksUrl });
new CfnOutput(stack, "Audience", { value: auth.audience });
const template = Template.fromStack(stack);

const poolRef = { Ref: Match.stringLikeRegexp("^UserPool") };

describe("auth", () => {
  it("signs staff in by phone number or email, and only admins create accounts", () => {
    template.resourceCountIs("AWS::Cognito::UserPool", 1);
    template.hasResourceProperties("AWS::Cognito::UserPool", {
      UsernameAttributes: ["email", "phone_number"],
      AdminCreateUserConfig: Match.objectLike({ AllowAdminCreateUserOnly: true }),
      DeletionProtection: "ACTIVE",
    });
    template.hasResource("AWS::Cognito::UserPool", { DeletionPolicy: "Retain" });
  });

  it("carries tenant, roles and province as mutable string attributes", () => {
    template.hasResourceProperties("AWS::Cognito::UserPool", {
      Schema: Match.arrayWith(
        ["tenant", "roles", "province"].map((name) => Match.objectLike({ Name: name, AttributeDataType: "String", Mutable: true })),
      ),
    });
  });

  it("gives the portal a public SRP client that reads, but cannot write, the access attributes", () => {
    template.resourceCountIs("AWS::Cognito::UserPoolClient", 1);
    template.hasResourceProperties("AWS::Cognito::UserPoolClient", {
      UserPoolId: poolRef,
      GenerateSecret: false,
      ExplicitAuthFlows: Match.arrayEquals(["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]),
      // CDK sorts attribute names; arrayWith is order-sensitive.
      ReadAttributes: Match.arrayWith(["custom:province", "custom:roles", "custom:tenant"]),
      AllowedOAuthFlowsUserPoolClient: false,
    });
    const [client] = Object.values(template.findResources("AWS::Cognito::UserPoolClient"));
    const writable: string[] = client.Properties.WriteAttributes;
    expect(writable.filter((name) => name.startsWith("custom:"))).toEqual([]);
  });

  it("names the issuer, JWKS URL and audience the API verifies tokens against", () => {
    const issuer = {
      "Fn::Join": ["", ["https://cognito-idp.ap-southeast-1.", { Ref: "AWS::URLSuffix" }, "/", poolRef]],
    };
    template.hasOutput("Issuer", { Value: issuer });
    template.hasOutput("JwksUrl", {
      Value: {
        "Fn::Join": ["", ["https://cognito-idp.ap-southeast-1.", { Ref: "AWS::URLSuffix" }, "/", poolRef, "/.well-known/jwks.json"]],
      },
    });
    template.hasOutput("Audience", { Value: { Ref: Match.stringLikeRegexp("^UserPoolPortalClient") } });
  });
});

describe("auth on a dev stage", () => {
  it("can be removed with the stage", () => {
    const devApp = newApp();
    const devStack = new Stack(devApp, "AuthDev");
    createAuth(devStack, { stage: "pr-7" });
    const devTemplate = Template.fromStack(devStack);
    devTemplate.hasResource("AWS::Cognito::UserPool", {
      DeletionPolicy: "Delete",
      Properties: Match.objectLike({ DeletionProtection: "INACTIVE" }),
    });
  });
});

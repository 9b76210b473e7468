import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { App, CfnOutput, Stack } from "aws-cdk-lib";
import { Match, Template } from "aws-cdk-lib/assertions";
import { afterAll, describe, expect, it } from "vitest";
import { createAuth, resolvePortalUrls, sesEmailFromEnv, signInOrigins } from "./auth.ts";

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
const PORTAL = "https://portal.example.cn";
const auth = createAuth(stack, { stage: "prod", portalUrls: [PORTAL, "https://wangge.example.cn/"] });
// Outputs resolve the token strings the API receives, so the test can read them back.
new CfnOutput(stack, "Issuer", { value: auth.issuer });
new CfnOutput(stack, "JwksUrl", { value: auth.jwksUrl });
new CfnOutput(stack, "Audience", { value: auth.audience });
const template = Template.fromStack(stack);

const poolRef = { Ref: Match.stringLikeRegexp("^UserPool") };

describe("auth", () => {
  it("signs people in with a verified phone number or e-mail address as aliases, and only the API creates accounts", () => {
    template.resourceCountIs("AWS::Cognito::UserPool", 1);
    template.hasResourceProperties("AWS::Cognito::UserPool", {
      // CDK sorts them; arrayEquals is order-sensitive.
      AliasAttributes: Match.arrayEquals(["email", "phone_number"]),
      UsernameAttributes: Match.absent(),
      AutoVerifiedAttributes: Match.arrayWith(["email", "phone_number"]),
      AdminCreateUserConfig: Match.objectLike({ AllowAdminCreateUserOnly: true }),
      UserPoolTier: "ESSENTIALS",
      DeletionProtection: "ACTIVE",
    });
    template.hasResource("AWS::Cognito::UserPool", { DeletionPolicy: "Retain" });
  });

  it("carries who the caller is (tenant, user) as mutable string attributes, and no roles", () => {
    const [pool] = Object.values(template.findResources("AWS::Cognito::UserPool"));
    const custom = (pool.Properties.Schema as { Name: string; AttributeDataType: string; Mutable: boolean }[]).filter(
      (attribute) => attribute.AttributeDataType === "String" && ["tenant", "user", "roles", "province"].includes(attribute.Name),
    );
    expect(custom.map((attribute) => [attribute.Name, attribute.Mutable])).toEqual([
      ["tenant", true],
      ["user", true],
    ]);
  });

  it("gives the portal a public client for the code flow (PKCE, no secret) with the portal's callback and sign-out URLs", () => {
    template.resourceCountIs("AWS::Cognito::UserPoolClient", 1);
    template.hasResourceProperties("AWS::Cognito::UserPoolClient", {
      UserPoolId: poolRef,
      GenerateSecret: false,
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ["code"],
      AllowedOAuthScopes: Match.arrayEquals(["openid", "phone", "email", "profile"]),
      CallbackURLs: ["https://portal.example.cn/auth/callback", "https://wangge.example.cn/auth/callback"],
      LogoutURLs: ["https://portal.example.cn/", "https://wangge.example.cn/"],
      SupportedIdentityProviders: ["COGNITO"],
    });
  });

  it("keeps ID and access tokens to one hour and lets refresh tokens be revoked", () => {
    template.hasResourceProperties("AWS::Cognito::UserPoolClient", {
      IdTokenValidity: 60,
      AccessTokenValidity: 60,
      TokenValidityUnits: Match.objectLike({ IdToken: "minutes", AccessToken: "minutes" }),
      EnableTokenRevocation: true,
    });
  });

  it("lets the portal read, but never write, who the caller is or their contact details", () => {
    const [client] = Object.values(template.findResources("AWS::Cognito::UserPoolClient"));
    // CDK sorts attribute names; arrayWith is order-sensitive.
    expect(client.Properties.ReadAttributes).toEqual(expect.arrayContaining(["custom:tenant", "custom:user", "phone_number", "email"]));
    const writable: string[] = client.Properties.WriteAttributes;
    expect(writable.filter((name) => name.startsWith("custom:") || name === "phone_number" || name === "email")).toEqual([]);
  });

  it("serves the newer managed login on a Cognito domain, branded for the portal's client", () => {
    template.hasResourceProperties("AWS::Cognito::UserPoolDomain", {
      UserPoolId: poolRef,
      Domain: "wangge-prod-123456789012",
      ManagedLoginVersion: 2,
    });
    template.hasResourceProperties("AWS::Cognito::ManagedLoginBranding", {
      UserPoolId: poolRef,
      ClientId: { Ref: Match.stringLikeRegexp("^UserPoolPortalClient") },
      UseCognitoProvidedValues: true,
    });
  });

  it("sends people back only to the portal's URLs: the local portal on dev stages, an error elsewhere without them", () => {
    expect(resolvePortalUrls("pr-7")).toEqual(["http://localhost:5173"]);
    expect(resolvePortalUrls("prod", ["https://a.cn/", " https://b.cn "])).toEqual(["https://a.cn", "https://b.cn"]);
    expect(() => resolvePortalUrls("prod")).toThrow(/portal's URLs/);
    expect(() => resolvePortalUrls("prod", ["*"])).toThrow(/portal's URLs/);
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

describe("e-mail", () => {
  it("goes out through Cognito's own sender when no SES sender is configured", () => {
    template.hasResourceProperties("AWS::Cognito::UserPool", {
      EmailConfiguration: { EmailSendingAccount: "COGNITO_DEFAULT" },
    });
  });

  it("goes out through SES from the configured sender, verified through its domain", () => {
    const sesStack = new Stack(newApp(), "AuthSes", { env: { account: "123456789012", region: "ap-southeast-1" } });
    const email = sesEmailFromEnv({
      WANGGE_EMAIL_FROM: "no-reply@example.cn",
      WANGGE_EMAIL_FROM_NAME: "网格 Wangge",
      WANGGE_EMAIL_REPLY_TO: "support@example.cn",
      WANGGE_EMAIL_DOMAIN: "example.cn",
    });
    createAuth(sesStack, { stage: "prod", portalUrls: [PORTAL], email });
    const [pool] = Object.values(Template.fromStack(sesStack).findResources("AWS::Cognito::UserPool"));
    expect(pool.Properties.EmailConfiguration).toEqual({
      EmailSendingAccount: "DEVELOPER",
      // The name is RFC 2047-encoded: "网格 Wangge".
      From: `=?UTF-8?B?${Buffer.from("网格 Wangge").toString("base64")}?= <no-reply@example.cn>`,
      ReplyToEmailAddress: "support@example.cn",
      SourceArn: {
        "Fn::Join": ["", ["arn:", { Ref: "AWS::Partition" }, ":ses:ap-southeast-1:123456789012:identity/example.cn"]],
      },
    });
  });

  it("reads the SES sender from the environment, and none without WANGGE_EMAIL_FROM", () => {
    expect(sesEmailFromEnv({})).toBeUndefined();
    expect(sesEmailFromEnv({ WANGGE_EMAIL_FROM: " ", WANGGE_EMAIL_DOMAIN: "example.cn" })).toBeUndefined();
    expect(sesEmailFromEnv({ WANGGE_EMAIL_FROM: "no-reply@example.cn", WANGGE_EMAIL_SES_REGION: "us-east-1" })).toEqual({
      from: "no-reply@example.cn",
      fromName: undefined,
      replyTo: undefined,
      verifiedDomain: undefined,
      region: "us-east-1",
    });
  });
});

describe("sign-in origins", () => {
  it("names the issuer's and the managed login's hosts before the pool exists, as the portal's CSP needs them", () => {
    const origins = stack.resolve(signInOrigins(stack, "prod"));
    expect(origins).toEqual([
      { "Fn::Join": ["", ["https://cognito-idp.ap-southeast-1.", { Ref: "AWS::URLSuffix" }]] },
      "https://wangge-prod-123456789012.auth.ap-southeast-1.amazoncognito.com",
    ]);
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

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { App, Stack } from "aws-cdk-lib";
import { Match, Template } from "aws-cdk-lib/assertions";
import { afterAll, describe, expect, it } from "vitest";
import { createStorage, isDevStage, resolvePortalOrigins, type StorageProps } from "./storage.ts";

const outdirs: string[] = [];
afterAll(() => {
  for (const dir of outdirs) rmSync(dir, { recursive: true, force: true });
});

function synth(props: StorageProps): Template {
  const outdir = mkdtempSync(path.join(tmpdir(), "wangge-cdk-"));
  outdirs.push(outdir);
  const app = new App({ outdir });
  const stack = new Stack(app, "Storage", {
    env: { account: "123456789012", region: "ap-southeast-1" },
  });
  createStorage(stack, props);
  return Template.fromStack(stack);
}

describe("stage kinds", () => {
  it("treats personal, CI and pull-request stages as disposable and everything else as real", () => {
    for (const stage of ["dev", "ci", "test", "dev-alice", "pr-42"]) {
      expect(isDevStage(stage), stage).toBe(true);
    }
    for (const stage of ["prod", "staging", "production", "develop", "zhejiang", "preview"]) {
      expect(isDevStage(stage), stage).toBe(false);
    }
  });

  it("lets only dev stages allow every origin", () => {
    expect(resolvePortalOrigins("dev-alice")).toEqual(["*"]);
    expect(resolvePortalOrigins("prod", [" https://portal.example.cn ", ""])).toEqual(["https://portal.example.cn"]);
    expect(() => resolvePortalOrigins("prod")).toThrow(/portal origins/);
  });
});

describe("storage on a production stage", () => {
  const template = synth({ stage: "prod", portalOrigins: ["https://portal.example.cn"] });

  it("declares exactly one table, on demand, with the ElectroDB keys and three GSIs", () => {
    template.resourceCountIs("AWS::DynamoDB::GlobalTable", 1);
    template.resourceCountIs("AWS::DynamoDB::Table", 0);
    template.hasResourceProperties("AWS::DynamoDB::GlobalTable", {
      BillingMode: "PAY_PER_REQUEST",
      KeySchema: [
        { AttributeName: "pk", KeyType: "HASH" },
        { AttributeName: "sk", KeyType: "RANGE" },
      ],
      AttributeDefinitions: Match.arrayWith(
        ["pk", "sk", "gsi1pk", "gsi1sk", "gsi2pk", "gsi2sk", "gsi3pk", "gsi3sk"].map((name) => ({
          AttributeName: name,
          AttributeType: "S",
        })),
      ),
      GlobalSecondaryIndexes: [
        {
          IndexName: "gsi1",
          KeySchema: [
            { AttributeName: "gsi1pk", KeyType: "HASH" },
            { AttributeName: "gsi1sk", KeyType: "RANGE" },
          ],
          Projection: { ProjectionType: "ALL" },
        },
        {
          IndexName: "gsi2",
          KeySchema: [
            { AttributeName: "gsi2pk", KeyType: "HASH" },
            { AttributeName: "gsi2sk", KeyType: "RANGE" },
          ],
          Projection: { ProjectionType: "ALL" },
        },
        {
          IndexName: "gsi3",
          KeySchema: [
            { AttributeName: "gsi3pk", KeyType: "HASH" },
            { AttributeName: "gsi3sk", KeyType: "RANGE" },
          ],
          Projection: { ProjectionType: "ALL" },
        },
      ],
      TimeToLiveSpecification: { AttributeName: "expiresAt", Enabled: true },
    });
  });

  it("protects the table: point-in-time recovery, deletion protection, retained on removal", () => {
    template.hasResource("AWS::DynamoDB::GlobalTable", {
      DeletionPolicy: "Retain",
      UpdateReplacePolicy: "Retain",
      Properties: Match.objectLike({
        Replicas: [
          Match.objectLike({
            Region: "ap-southeast-1",
            DeletionProtectionEnabled: true,
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          }),
        ],
      }),
    });
  });

  it("keeps photos private, versioned, encrypted and retained", () => {
    template.resourceCountIs("AWS::S3::Bucket", 1);
    template.hasResource("AWS::S3::Bucket", {
      DeletionPolicy: "Retain",
      Properties: Match.objectLike({
        VersioningConfiguration: { Status: "Enabled" },
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } }],
        },
      }),
    });
    // Nothing empties a real stage's bucket.
    template.resourceCountIs("Custom::S3AutoDeleteObjects", 0);
  });

  it("refuses plain-HTTP access to photos", () => {
    template.hasResourceProperties("AWS::S3::BucketPolicy", {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: "Deny",
            Action: "s3:*",
            Principal: { AWS: "*" },
            Condition: { Bool: { "aws:SecureTransport": "false" } },
          }),
        ]),
      },
    });
  });

  it("lets only the portal origins upload and read photos from a browser, and read a download's name", () => {
    template.hasResourceProperties("AWS::S3::Bucket", {
      CorsConfiguration: {
        CorsRules: [
          Match.objectLike({
            AllowedMethods: ["PUT", "GET", "HEAD"],
            AllowedOrigins: ["https://portal.example.cn"],
            ExposedHeaders: ["ETag", "Content-Disposition"],
          }),
        ],
      },
    });
  });

  it("cleans up abandoned uploads, partial uploads, exports after two days, old locate indexes after a day and old versions", () => {
    template.hasResourceProperties("AWS::S3::Bucket", {
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({
            Status: "Enabled",
            AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
          }),
          Match.objectLike({
            Status: "Enabled",
            Prefix: "uploads/pending/",
            ExpirationInDays: 2,
          }),
          Match.objectLike({
            Status: "Enabled",
            Prefix: "exports/",
            ExpirationInDays: 2,
            NoncurrentVersionExpiration: { NoncurrentDays: 1 },
          }),
          Match.objectLike({
            Status: "Enabled",
            Prefix: "grid-index/",
            NoncurrentVersionExpiration: { NoncurrentDays: 1 },
          }),
          Match.objectLike({
            Status: "Enabled",
            NoncurrentVersionExpiration: { NoncurrentDays: 90 },
          }),
        ]),
      },
    });
  });

  it("declares the register's KMS key: symmetric, rotated, retained like the table, named for the stage", () => {
    template.resourceCountIs("AWS::KMS::Key", 1);
    template.hasResource("AWS::KMS::Key", {
      DeletionPolicy: "Retain",
      UpdateReplacePolicy: "Retain",
      Properties: Match.objectLike({ EnableKeyRotation: true, KeySpec: "SYMMETRIC_DEFAULT", KeyUsage: "ENCRYPT_DECRYPT" }),
    });
    template.hasResourceProperties("AWS::KMS::Alias", { AliasName: "alias/wangge-prod-register" });
  });
});

describe("storage on a dev stage", () => {
  const template = synth({ stage: "dev-alice" });

  it("lets the table go with the stage: no deletion protection, deleted on removal", () => {
    template.hasResource("AWS::DynamoDB::GlobalTable", {
      DeletionPolicy: "Delete",
      Properties: Match.objectLike({
        Replicas: [
          Match.objectLike({
            DeletionProtectionEnabled: false,
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          }),
        ],
      }),
    });
  });

  it("schedules the register's key for deletion with the stage, after KMS's shortest wait", () => {
    template.hasResource("AWS::KMS::Key", {
      DeletionPolicy: "Delete",
      Properties: Match.objectLike({ EnableKeyRotation: true, PendingWindowInDays: 7 }),
    });
  });

  it("deletes and empties the photo bucket with the stage", () => {
    template.hasResource("AWS::S3::Bucket", { DeletionPolicy: "Delete" });
    template.resourceCountIs("Custom::S3AutoDeleteObjects", 1);
  });

  it("allows uploads from any origin", () => {
    template.hasResourceProperties("AWS::S3::Bucket", {
      CorsConfiguration: {
        CorsRules: [Match.objectLike({ AllowedOrigins: ["*"] })],
      },
    });
  });
});

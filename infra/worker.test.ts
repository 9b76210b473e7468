import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { App, Stack } from "aws-cdk-lib";
import { Annotations, Match, Template } from "aws-cdk-lib/assertions";
import { Code, Function as LambdaFunction, Runtime } from "aws-cdk-lib/aws-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStorage } from "./storage.ts";
import { createWorker, MAX_RECEIVE_COUNT, WORKER_TIMEOUT } from "./worker.ts";

let outdir: string;
let template: Template;
let stack: Stack;

// NodejsFunction bundles packages/api/src/worker.ts with esbuild during synthesis: once per file.
beforeAll(() => {
  outdir = mkdtempSync(path.join(tmpdir(), "wangge-cdk-"));
  const app = new App({ outdir });
  stack = new Stack(app, "Api", { env: { account: "123456789012", region: "ap-southeast-1" } });
  const { table, bucket, registerKey } = createStorage(stack, { stage: "prod", portalOrigins: ["https://portal.example.cn"] });
  const worker = createWorker(stack, { stage: "prod", table, bucket, registerKey });
  // Stands in for the API function (infra/api.ts): what queues the jobs.
  const sender = new LambdaFunction(stack, "Sender", {
    runtime: Runtime.NODEJS_24_X,
    handler: "index.handler",
    code: Code.fromInline("export const handler = () => {};"),
  });
  worker.allowEnqueue(sender);
  template = Template.fromStack(stack);
});
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

const logicalIdOf = (type: string, properties: object = {}) => {
  const ids = Object.keys(template.findResources(type, { Properties: properties }));
  expect(ids).toHaveLength(1);
  return ids[0];
};
const workerId = () => logicalIdOf("AWS::Lambda::Function", { Handler: "index.handler", MemorySize: 2048 });
const queueId = () => logicalIdOf("AWS::SQS::Queue", { RedrivePolicy: Match.anyValue() });
const deadLetterId = () => logicalIdOf("AWS::SQS::Queue", { MessageRetentionPeriod: 14 * 86400 });

/** Every statement of the policies attached to the role of function `functionId`. */
function statementsOf(functionId: string) {
  const role = template.toJSON().Resources[functionId].Properties.Role["Fn::GetAtt"][0];
  return Object.values(template.findResources("AWS::IAM::Policy", { Properties: { Roles: [{ Ref: role }] } })).flatMap(
    (policy) => policy.Properties.PolicyDocument.Statement,
  );
}

describe("jobs queue", () => {
  it("sets a message aside in a dead-letter queue after three deliveries, kept 14 days", () => {
    expect(MAX_RECEIVE_COUNT).toBe(3);
    template.resourceCountIs("AWS::SQS::Queue", 2);
    template.hasResourceProperties("AWS::SQS::Queue", {
      RedrivePolicy: { deadLetterTargetArn: { "Fn::GetAtt": [deadLetterId(), "Arn"] }, maxReceiveCount: 3 },
      SqsManagedSseEnabled: true,
    });
    template.hasResourceProperties("AWS::SQS::Queue", { MessageRetentionPeriod: 1209600, SqsManagedSseEnabled: true });
  });

  it("hides a message being worked on for six times the worker's timeout", () => {
    const queue = template.toJSON().Resources[queueId()];
    const worker = template.toJSON().Resources[workerId()];
    expect(worker.Properties.Timeout).toBe(600);
    expect(queue.Properties.VisibilityTimeout).toBe(3600);
    expect(queue.Properties.VisibilityTimeout).toBeGreaterThanOrEqual(6 * WORKER_TIMEOUT.toSeconds());
  });

  it("refuses requests without TLS, on both queues", () => {
    for (const id of [queueId(), deadLetterId()])
      template.hasResourceProperties("AWS::SQS::QueuePolicy", {
        Queues: [{ Ref: id }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } }, Principal: { AWS: "*" } }),
          ]),
        },
      });
  });
});

describe("worker function", () => {
  it("runs packages/api/src/worker.ts on Node.js 24, ARM, 2 GB, for up to ten minutes", () => {
    template.hasResourceProperties("AWS::Lambda::Function", {
      Handler: "index.handler",
      Runtime: "nodejs24.x",
      Architectures: ["arm64"],
      MemorySize: 2048,
      Timeout: 600,
    });
  });

  it("gets exactly the settings the worker reads", () => {
    const variables = template.toJSON().Resources[workerId()].Properties.Environment.Variables;
    expect(variables).toEqual({
      TABLE_NAME: { Ref: expect.stringMatching(/^Table/) },
      BUCKET_NAME: { Ref: expect.stringMatching(/^PhotoBucket/) },
      JOBS_MAX_ATTEMPTS: "3",
      REGISTER_KEY_ARN: { "Fn::GetAtt": [logicalIdOf("AWS::KMS::Key"), "Arn"] },
      NODE_OPTIONS: "--enable-source-maps",
    });
  });

  it("reads the queue one message at a time and reports the failed ones only", () => {
    template.resourceCountIs("AWS::Lambda::EventSourceMapping", 1);
    template.hasResourceProperties("AWS::Lambda::EventSourceMapping", {
      FunctionName: { Ref: workerId() },
      EventSourceArn: { "Fn::GetAtt": [queueId(), "Arn"] },
      BatchSize: 1,
      FunctionResponseTypes: ["ReportBatchItemFailures"],
      ScalingConfig: { MaximumConcurrency: 5 },
    });
  });

  it("is bundled as minified ESM like the API, exporting the handler, the AWS SDK inside (the versions the tests ran)", () => {
    const code = template.toJSON().Resources[workerId()].Properties.Code;
    const dir = path.join(outdir, `asset.${String(code.S3Key).replace(/\.zip$/, "")}`);
    const bundle = path.join(dir, "index.mjs");
    expect(existsSync(bundle)).toBe(true);
    expect(existsSync(`${bundle}.map`)).toBe(true);
    expect(readFileSync(bundle, "utf8")).toMatch(/export\s*\{[^}]*\bas handler\b|export\s*\{\s*handler\s*\}/);
    // The entry and the chunks split from it (infra/lambda-bundle.ts): each defines require(), none imports the SDK from the runtime.
    const files = readdirSync(dir).filter((file) => file.endsWith(".mjs"));
    for (const file of files) {
      const chunk = readFileSync(path.join(dir, file), "utf8");
      expect(chunk.startsWith("import { createRequire } from 'module'; const require = createRequire(import.meta.url);"), file).toBe(true);
      expect(/from\s*"@aws-sdk\//.test(chunk), file).toBe(false);
    }
    const source = files.map((file) => readFileSync(path.join(dir, file), "utf8")).join("\n");
    expect(source).toContain("SendMessageCommand");
    // The job kinds are registered when the core loads: the grid import is in the bundle.
    expect(source).toContain('"grid.import"');
    expect(source).toContain('"grid.export"');
  });

  it("may do exactly what imports and exports do: read and write the table's items, read and remove pending uploads, write export files, seal and open with the register key", () => {
    const statements = statementsOf(workerId());
    const tableArn = { "Fn::GetAtt": [logicalIdOf("AWS::DynamoDB::GlobalTable"), "Arn"] };
    const bucketArn = { "Fn::GetAtt": [logicalIdOf("AWS::S3::Bucket"), "Arn"] };
    const keyArn = { "Fn::GetAtt": [logicalIdOf("AWS::KMS::Key"), "Arn"] };
    const sqs = statements.filter((statement) => [statement.Action].flat().some((action: string) => action.startsWith("sqs:")));
    expect(statements.filter((statement) => !sqs.includes(statement))).toEqual([
      {
        Effect: "Allow",
        Action: ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem", "dynamodb:UpdateItem"],
        Resource: tableArn,
      },
      {
        Effect: "Allow",
        Action: ["s3:GetObject", "s3:DeleteObject"],
        Resource: { "Fn::Join": ["", [bucketArn, "/uploads/pending/*"]] },
      },
      { Effect: "Allow", Action: "s3:PutObject", Resource: { "Fn::Join": ["", [bucketArn, "/exports/*"]] } },
      // Register imports seal, exports open: the register key's data keys, nothing else of KMS.
      { Effect: "Allow", Action: ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey"], Resource: keyArn },
    ]);
    expect(template.toJSON().Resources[workerId()].Properties.Environment.Variables.REGISTER_KEY_ARN).toEqual(keyArn);
    // Consuming the queue (the event source's grant), on the jobs queue only.
    expect(sqs).toHaveLength(1);
    expect(sqs[0].Resource).toEqual({ "Fn::GetAtt": [queueId(), "Arn"] });
    expect([sqs[0].Action].flat().sort()).toEqual(
      ["sqs:ChangeMessageVisibility", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl", "sqs:ReceiveMessage"].sort(),
    );
  });
});

describe("queueing from the API", () => {
  it("lets the sender send to the jobs queue and nothing more, and tells it the queue's URL", () => {
    const sender = logicalIdOf("AWS::Lambda::Function", {
      Handler: "index.handler",
      Code: { ZipFile: "export const handler = () => {};" },
    });
    expect(statementsOf(sender)).toEqual([{ Effect: "Allow", Action: "sqs:SendMessage", Resource: { "Fn::GetAtt": [queueId(), "Arn"] } }]);
    template.hasResourceProperties("AWS::Lambda::Function", {
      Code: { ZipFile: "export const handler = () => {};" },
      Environment: { Variables: { JOBS_QUEUE_URL: { Ref: queueId() } } },
    });
  });
});

describe("synthesis", () => {
  it("raises no CDK warnings or errors", () => {
    expect(Annotations.fromStack(stack).findWarning("*", Match.anyValue())).toEqual([]);
    expect(Annotations.fromStack(stack).findError("*", Match.anyValue())).toEqual([]);
  });
});

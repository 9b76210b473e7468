import type { Message, Queue } from "./run.ts";

/** SQS's SendMessage as the adapter needs it (the SDK's client fits; tests pass their own). */
export type SendMessage = (input: { QueueUrl: string; MessageBody: string }) => Promise<unknown>;

/**
 * Jobs to an SQS queue, read by the worker Lambda (infra/worker.ts). The message body is the
 * job's JSON: kind, input and actor.
 */
export function sqsQueue(queueUrl: string, send: SendMessage = sdkSendMessage): Queue {
  return {
    async send(message: Message) {
      await send({ QueueUrl: queueUrl, MessageBody: JSON.stringify(message) });
    },
  };
}

interface SqsModule {
  SQSClient: new (config: { region?: string }) => { send(command: unknown): Promise<unknown> };
  SendMessageCommand: new (input: { QueueUrl: string; MessageBody: string }) => unknown;
}

// TODO(@aws-sdk/client-sqs): not installed in this repository yet. The Lambda runtime ships it
// (and the bundle leaves @aws-sdk/* external), so it is loaded by name when first used; once the
// package is a dependency of @wangge/core, import SQSClient and SendMessageCommand statically.
const SQS_MODULE: string = "@aws-sdk/client-sqs";
let client: Promise<{ sdk: SqsModule; client: InstanceType<SqsModule["SQSClient"]> }> | undefined;

async function sdkSendMessage(input: { QueueUrl: string; MessageBody: string }) {
  client ??= import(SQS_MODULE).then((sdk: SqsModule) => ({ sdk, client: new sdk.SQSClient({}) }));
  const { sdk, client: sqs } = await client;
  return sqs.send(new sdk.SendMessageCommand(input));
}

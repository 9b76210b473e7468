import type { SQSClient } from "@aws-sdk/client-sqs";
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

let client: SQSClient | undefined;

/** The SQS client loads with the first job sent (a dynamic import: most requests send none). */
async function sdkSendMessage(input: { QueueUrl: string; MessageBody: string }) {
  const { SendMessageCommand, SQSClient } = await import("@aws-sdk/client-sqs");
  client ??= new SQSClient({});
  return client.send(new SendMessageCommand(input));
}

import { SendMessageCommand, SQSClient } from "@aws-sdk/client-sqs";
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

async function sdkSendMessage(input: { QueueUrl: string; MessageBody: string }) {
  client ??= new SQSClient({});
  return client.send(new SendMessageCommand(input));
}

import { Job } from "@wangge/core";

/** The parts of an SQS event the worker reads (the shapes of `aws-lambda`'s SQSEvent). */
export interface SQSEvent {
  Records: { messageId: string; body: string; attributes: { ApproximateReceiveCount: string } }[];
}
/** Partial batch response: only these messages are delivered again (ReportBatchItemFailures). */
export interface SQSBatchResponse {
  batchItemFailures: { itemIdentifier: string }[];
}

/**
 * The background worker on AWS Lambda, fed by the jobs queue (infra/worker.ts): each message is a
 * job (`@wangge/core` Job) run under the actor who queued it. A job that throws is reported as
 * failed so that SQS delivers that message again (and sets it aside in the dead-letter queue after
 * the last attempt); the others of the batch are done.
 */
export async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  const batchItemFailures: SQSBatchResponse["batchItemFailures"] = [];
  for (const record of event.Records) {
    const number = Number(record.attributes.ApproximateReceiveCount) || 1;
    try {
      await Job.run(JSON.parse(record.body), { number, last: number >= Job.maxAttempts() });
    } catch (error) {
      console.error(JSON.stringify({ message: "job failed", messageId: record.messageId, attempt: number, error: String(error) }));
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
}

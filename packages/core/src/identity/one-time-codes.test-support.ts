import { onCodeSent, type CodePurpose, type SentCode } from "./one-time-codes.ts";

/**
 * Runs `send` (anything that sends a one-time code in this process) and returns the code it
 * sent to `phone` for `purpose`, as the phone's owner would read it from the SMS.
 */
export async function codeSentBy(purpose: CodePurpose, phone: string, send: () => Promise<unknown>): Promise<string> {
  let heard: SentCode | undefined;
  const stop = onCodeSent((sent) => {
    if (sent.purpose === purpose && sent.phone === phone) heard = sent;
  });
  try {
    await send();
  } finally {
    stop();
  }
  if (!heard) throw new Error(`no ${purpose} code was sent to ${phone}`);
  return heard.code;
}

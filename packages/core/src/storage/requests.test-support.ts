/**
 * What code sends to DynamoDB, seen at the shared document client: for tests that count a
 * function's requests or the items its transactions write (from the requests' params, never timings).
 */
import { documentClient } from "./table.ts";

let watchers = 0;

/** Runs `body`, calling `see` with each DynamoDB command's name (`TransactWriteItemsCommand`) and input as it is sent. */
export async function watchRequests<T>(body: () => Promise<T>, see: (command: string, input: unknown) => void): Promise<T> {
  const client = documentClient();
  const name = `watchRequests${++watchers}`;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      see(context.commandName ?? "?", args.input);
      return next(args);
    },
    { step: "initialize", name },
  );
  try {
    return await body();
  } finally {
    client.middlewareStack.remove(name);
  }
}

/** The DynamoDB requests `body` sends, by command name without `Command` (`GetItem`, `TransactWriteItems`). */
export async function requestsOf<T>(body: () => Promise<T>): Promise<{ result: T; requests: string[] }> {
  const requests: string[] = [];
  const result = await watchRequests(body, (command) => requests.push(command.replace("Command", "")));
  return { result, requests };
}

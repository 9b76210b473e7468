import { expect } from "vitest";
import { VisibleError } from "../error.ts";

/**
 * The error a call is refused with: a VisibleError unless another class is named (a ZodError,
 * for input the function's schema refuses). The test fails if the call succeeds or fails otherwise.
 */
export async function rejection<E extends Error = VisibleError>(
  promise: Promise<unknown>,
  kind: abstract new (...args: never[]) => E = VisibleError as never,
): Promise<E> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(kind);
  return error as E;
}

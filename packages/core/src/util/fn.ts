import type { z } from "zod";

/**
 * A public domain function validated at its boundary. The schema that parses the
 * input also documents it (OpenAPI, portal forms) and is exposed as `.schema`.
 * Bad input rejects with the `ZodError`, which the API turns into a 400 with field paths.
 */
export function fn<Schema extends z.ZodType, Result>(schema: Schema, body: (input: z.output<Schema>) => Promise<Result>) {
  const run = async (input: z.input<Schema>): Promise<Result> => body(schema.parse(input));
  run.schema = schema;
  return run;
}

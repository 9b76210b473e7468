import { ApiError, fieldName } from "./api.ts";

/** Messages by field name (`kind`, `tickets.categories.2.key`). */
export type FieldErrors = Record<string, string>;

/**
 * A refused call's field errors by field name, with the request's own prefix (`body.`, `changes.`) taken off;
 * the first message of a field wins. With `status`, only a refusal with that status counts.
 */
export function fieldErrorsOf(error: unknown, prefix: "body" | "changes", status?: number): FieldErrors {
  const errors: FieldErrors = {};
  const own = new RegExp(`^${prefix}\\.`);
  if (error instanceof ApiError && (status === undefined || error.status === status))
    for (const issue of error.fieldErrors) errors[fieldName(issue.path).replace(own, "")] ??= issue.message;
  return errors;
}

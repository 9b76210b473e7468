/**
 * Errors a caller must tell apart. `kind` decides the HTTP status in the API,
 * `code` is a stable dotted name (`district.exists`) for machines, `message` is for people.
 */
export type ErrorKind = "input" | "auth" | "forbidden" | "not_found" | "conflict" | "unprocessable" | "rate_limited" | "unavailable";

export interface ErrorDetail {
  path: string;
  message: string;
}

export class VisibleError extends Error {
  constructor(
    public readonly kind: ErrorKind,
    public readonly code: string,
    message: string,
    public readonly details?: ErrorDetail[],
  ) {
    super(message);
    this.name = "VisibleError";
  }
}

export class InputError extends VisibleError {
  constructor(code: string, message: string, details?: ErrorDetail[]) {
    super("input", code, message, details);
  }
}

export class AuthError extends VisibleError {
  constructor(code: string, message: string) {
    super("auth", code, message);
  }
}

export class ForbiddenError extends VisibleError {
  constructor(code: string, message: string) {
    super("forbidden", code, message);
  }
}

export class NotFoundError extends VisibleError {
  constructor(code: string, message: string) {
    super("not_found", code, message);
  }
}

export class ConflictError extends VisibleError {
  constructor(code: string, message: string, details?: ErrorDetail[]) {
    super("conflict", code, message, details);
  }
}

/** Well-formed, but not what an earlier request under the same key said (422). */
export class UnprocessableError extends VisibleError {
  constructor(code: string, message: string, details?: ErrorDetail[]) {
    super("unprocessable", code, message, details);
  }
}

/** Too many tries (codes sent, codes checked) from one phone or address: try again after `retryAfterSeconds`. */
export class TooManyRequestsError extends VisibleError {
  constructor(
    code: string,
    message: string,
    public readonly retryAfterSeconds: number,
  ) {
    super("rate_limited", code, message);
  }
}

import { ApiError, NetworkError } from "../data/api.ts";
import type { Locale } from "../providers/locale.tsx";

/** What to tell a person about a failed call: the API's `detail`, or a dictionary message. */
export function errorMessage(error: unknown, t: Locale["t"]): string {
  if (error instanceof ApiError) return error.problem.detail ?? error.problem.title ?? t("common.unknownError");
  if (error instanceof NetworkError) return t("common.networkError");
  return t("common.unknownError");
}

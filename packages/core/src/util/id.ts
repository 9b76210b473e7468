import { ulid } from "ulid";

/** Sortable unique IDs with a readable prefix: `user_01J…`. */
export function newID(prefix: string): string {
  return `${prefix}_${ulid().toLowerCase()}`;
}

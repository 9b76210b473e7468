import { z } from "zod";
import { InputError } from "../error.ts";

/** Every list is cursor-paginated: an opaque cursor from the previous page, and a page size. */
export const PageInput = z.object({
  cursor: z.string().min(1).max(4096).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type PageInput = z.infer<typeof PageInput>;

export interface Page<T> {
  items: T[];
  cursor: string | null;
}

/**
 * An ElectroDB query ready to run (`Entity.query.<index>(…)`, with its range and `where` filters):
 * its `go` answers the entity's items (`EntityItem<typeof X>`, or the attributes asked for), and
 * `page()` returns them with that type, so a list needs no cast.
 */
export interface PageQuery<T> {
  go(options: { cursor?: string | null; limit: number; order?: "asc" | "desc" }): Promise<{ data: T[]; cursor: string | null }>;
}

/**
 * Runs one page of an ElectroDB query. A cursor that does not belong to this query
 * (tampered, or from another list) is a 400, not a 500.
 */
export async function page<T>(query: PageQuery<T>, input: PageInput, order: "asc" | "desc" = "asc"): Promise<Page<T>> {
  try {
    const result = await query.go({ cursor: input.cursor ?? null, limit: input.limit, order });
    return { items: result.data, cursor: result.cursor ?? null };
  } catch (error) {
    if (input.cursor) throw new InputError("page.invalid_cursor", "The cursor does not belong to this list; start again without it.");
    throw error;
  }
}

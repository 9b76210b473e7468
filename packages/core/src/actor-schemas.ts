/**
 * The actor's values as zod schemas, for request schemas and records: built from the plain
 * values in `actor.ts`, which stays free of zod because the sign-in (in every cold start) needs it.
 */
import { z } from "zod";
import { AccessRoles, type Actor as ActorType, DistrictRoles, SlugRule } from "./actor.ts";
import type { Assert, Equal } from "./util/record.ts";

export const AccessRole = z.enum(AccessRoles);
export type AccessRole = z.infer<typeof AccessRole>;

/** District-level roles (the ones a user of a tenant can hold). */
export const DistrictRole = z.enum(DistrictRoles);
export type DistrictRole = z.infer<typeof DistrictRole>;

/** A district's or a province's slug (`jianyang`). */
export const Slug = z.string().min(SlugRule.min).max(SlugRule.max).regex(SlugRule.pattern, SlugRule.message);

/** The caller (`actor.ts`'s `Actor`), for what reads one back (a job's message) and documents one (`getMe`). */
export const Actor = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("user"),
    userID: z.string(),
    tenantID: Slug,
    roles: z.array(DistrictRole),
    department: z.string().optional(),
    gridID: z.string().optional(),
    name: z.string().optional(),
  }),
  z.object({ type: z.literal("province"), userID: z.string(), provinceID: Slug }),
  z.object({ type: z.literal("operator"), userID: z.string() }),
  z.object({ type: z.literal("system"), tenantID: Slug.optional() }),
  z.object({ type: z.literal("public"), tenantID: Slug }),
]);
// The schema and the type in actor.ts describe the same actor.
type _SameActor = Assert<Equal<z.infer<typeof Actor>, ActorType>>;

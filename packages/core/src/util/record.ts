/**
 * Type helpers that tie a record's zod schema (what the API documents) to its ElectroDB entity
 * (what is stored), so that a renamed, added or removed attribute fails to compile until the
 * schema follows. Types only: nothing here runs.
 */

/** An object type written out flat, so that `{a} & {b}` and `{a, b}` compare equal. */
export type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** `true` when A and B are the same type (modifiers included), else `false`. */
export type Equal<A, B> = (<T>() => T extends Simplify<A> ? 1 : 2) extends <T>() => T extends Simplify<B> ? 1 : 2 ? true : false;

/**
 * A compile-time assertion, no run-time code: `type _ = Assert<Equal<Wish, WishView>>` compiles
 * only when the two types are the same ("Type 'false' does not satisfy the constraint 'true'"
 * otherwise: hover the two types to see which attribute differs).
 */
export type Assert<T extends true> = T;

// biome-ignore lint/complexity/noBannedTypes: `{} extends Pick<T, K>` is how an optional key is told apart.
type OptionalKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? K : never }[keyof T];

/**
 * A stored item as callers see it: an attribute the item may lack is `null`, never absent
 * (`lon?: number` becomes `lon: number | null`); required attributes keep their type.
 */
export type Nullable<T> = Simplify<
  { [K in Exclude<keyof T, OptionalKeys<T>>]: T[K] } & { [K in OptionalKeys<T>]-?: Exclude<T[K], undefined> | null }
>;

/**
 * An item's attributes where an optional one may also be null: a view put back in the item's
 * shape (to merge a change into it) before it is mapped to the view again.
 */
// biome-ignore lint/complexity/noBannedTypes: `{} extends Pick<T, K>` is how an optional key is told apart.
export type Nullish<T> = { [K in keyof T]: {} extends Pick<T, K> ? T[K] | null : T[K] };

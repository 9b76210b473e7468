import { createWriteTransaction, Service, type Entity } from "electrodb";

// biome-ignore lint/suspicious/noExplicitAny: ElectroDB's own bound for "any entity".
type AnyEntity = Entity<any, any, any, any>;

/** Entities by the names a transaction's builder uses for them. */
export type Entities = Record<string, AnyEntity>;

/**
 * The transaction-bound entities a write transaction's builder receives for `E`
 * (`ops.ticket.patch(…).commit()`). A helper that adds operations to any transaction takes
 * `WriteOps<{ its entities }>`: a builder's `ops` with more entities fits it too.
 */
// biome-ignore lint/suspicious/noExplicitAny: the builder's result types do not matter here.
export type WriteOps<E extends Entities> = Parameters<Parameters<typeof createWriteTransaction<E, any, any>>[1]>[0];

/**
 * One write transaction over the entities at hand (a domain names what it writes, nothing
 * else): `writeTransaction({ ticket: TicketEntity, ...Tally.entities }, (ops) => [...]).go()`.
 */
export const writeTransaction = createWriteTransaction;

/** A collection (one Query for records of several entities under one partition key) of `E`. */
export const collectionOf = <E extends Entities>(entities: E) => new Service(entities);

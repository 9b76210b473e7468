export * as Actor from "./actor.ts";
export * as District from "./district/index.ts";
export * as Province from "./province/index.ts";
export * as User from "./user/index.ts";
export * as Demo from "./demo/index.ts";
export * from "./error.ts";
export { withActor, useActor, useTenant, assertRole, assertOperator } from "./actor.ts";
export { fn } from "./util/fn.ts";
export * as Storage from "./storage/index.ts";

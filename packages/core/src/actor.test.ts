import { describe, expect, it } from "vitest";
import { Actor as ActorSchema } from "./actor-schemas.ts";
import { type Actor, isSlug, useActor, useTenant, withActor } from "./actor.ts";

describe("the actor", () => {
  const good: Actor[] = [
    { type: "user", userID: "u1", tenantID: "jianyang", roles: ["grid_worker"], gridID: "g1", name: "李四" },
    { type: "province", userID: "p1", provinceID: "fujian" },
    { type: "operator", userID: "op" },
    { type: "system" },
    { type: "system", tenantID: "jianyang" },
    { type: "public", tenantID: "jianyang" },
  ];

  it("runs code as a well-formed actor, which the zod schema takes too", () => {
    for (const actor of good) {
      expect(withActor(actor, () => useActor())).toEqual(actor);
      expect(ActorSchema.safeParse(actor).success).toBe(true);
    }
    expect(withActor(good[0], () => useTenant())).toBe("jianyang");
  });

  it.each([
    ["a user of no district", { type: "user", userID: "u1", tenantID: "Bad Slug", roles: ["resident"] }],
    ["a user with a role the district has not", { type: "user", userID: "u1", tenantID: "jianyang", roles: ["provincial_admin"] }],
    ["a user whose ID is not text", { type: "user", userID: 7, tenantID: "jianyang", roles: ["resident"] }],
    ["an operator without an ID", { type: "operator" }],
    ["a province by a bad slug", { type: "province", userID: "p1", provinceID: "-fujian" }],
    ["the system in a bad district", { type: "system", tenantID: "x" }],
    ["the public of a bad district", { type: "public", tenantID: "JIANYANG" }],
    ["an unknown kind", { type: "robot" }],
  ])("refuses %s, as the zod schema does", (_, actor) => {
    expect(() => withActor(actor as Actor, () => undefined)).toThrow(/Not an actor/);
    expect(ActorSchema.safeParse(actor).success).toBe(false);
  });

  it("tells a slug by the same rule as the schema", () => {
    for (const slug of ["jy", "jianyang", "a-1", "x".repeat(40)]) expect(isSlug(slug)).toBe(true);
    for (const slug of ["j", "1abc", "abc-", "Abc", "a_b", "x".repeat(41), 7, undefined]) expect(isSlug(slug)).toBe(false);
  });
});

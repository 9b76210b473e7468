import { describe, expect, it } from "vitest";
import { AuthError } from "../error.ts";
import { identityFromClaims } from "./claims.ts";

describe("identityFromClaims", () => {
  it("reads the local provider's claims and a Cognito pool's custom attributes", () => {
    expect(identityFromClaims({ sub: "s1", iat: 100, tenant: "jianyang", user: "u1" })).toEqual({
      tenantID: "jianyang",
      userID: "u1",
      issuedAt: 100,
    });
    expect(identityFromClaims({ sub: "s2", iat: 0, "custom:tenant": "guangze", "custom:user": "u2" })).toEqual({
      tenantID: "guangze",
      userID: "u2",
      issuedAt: 0,
    });
    // Platform staff: no district; the user is the subject when no user claim names one.
    expect(identityFromClaims({ sub: "op-1", iat: 5 })).toEqual({ tenantID: null, userID: "op-1", issuedAt: 5 });
  });

  it.each([
    ["no payload", null],
    ["an array", []],
    ["no subject", { iat: 1 }],
    ["an empty subject", { sub: "", iat: 1 }],
    ["no issue time", { sub: "s" }],
    ["a fractional issue time", { sub: "s", iat: 1.5 }],
    ["a negative issue time", { sub: "s", iat: -1 }],
    ["an issue time as text", { sub: "s", iat: "1" }],
    ["an empty district", { sub: "s", iat: 1, tenant: "" }],
    ["a district that is not text", { sub: "s", iat: 1, "custom:tenant": 7 }],
    ["a user that is not text", { sub: "s", iat: 1, user: ["u"] }],
  ])("names nobody for %s: 401 auth.invalid_claims", (_, payload) => {
    expect(() => identityFromClaims(payload)).toThrow(AuthError);
    try {
      identityFromClaims(payload);
    } catch (error) {
      expect((error as AuthError).code).toBe("auth.invalid_claims");
    }
  });
});

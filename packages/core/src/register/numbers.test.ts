import { describe, expect, it } from "vitest";
import { birthDateOf, CreditCode, genderOf, isCreditCode, maskResidentID, ResidentIDNumber, residentIDProblem } from "./numbers.ts";

describe("resident ID numbers (GB 11643)", () => {
  it("accepts the standard's own examples, lower-case x too", () => {
    // GB 11643-1999's worked example, and the one textbooks repeat.
    expect(residentIDProblem("11010519491231002X")).toBeNull();
    expect(residentIDProblem("440524188001010014", new Date("2026-01-01"))).toBe("birth");
    expect(ResidentIDNumber.parse(" 11010519491231002x ")).toBe("11010519491231002X");
    expect(birthDateOf("11010519491231002X")).toBe("1949-12-31");
    expect(genderOf("11010519491231002X")).toBe("female");
  });

  it("says what is wrong: the shape, the date of birth, or the check character", () => {
    expect(residentIDProblem("1101051949123100")).toBe("shape");
    expect(residentIDProblem("01010519491231002X")).toBe("shape");
    expect(residentIDProblem("110105194913310021")).toBe("birth");
    expect(residentIDProblem("110105203012310021", new Date("2026-12-06"))).toBe("birth");
    expect(residentIDProblem("110105194912310029")).toBe("check");
    const refused = ResidentIDNumber.safeParse("110105194912310029");
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0].message).toMatch(/does not match/);
  });
});

describe("unified social credit codes (GB 32100)", () => {
  it("checks the MOD 31 character", () => {
    expect(isCreditCode("91350100M000100Y43")).toBe(true);
    expect(isCreditCode("91110000802100433B")).toBe(true);
    expect(isCreditCode("91350100M000100Y44")).toBe(false);
    // I, O, S, V and Z are not in the code's alphabet.
    expect(isCreditCode("91350100M000100I43")).toBe(false);
    expect(CreditCode.parse("91350100m000100y43")).toBe("91350100M000100Y43");
  });
});

describe("masks", () => {
  it("shows the first 3 and last 4 characters of an ID number", () => {
    expect(maskResidentID("350702199001011234")).toBe("350***********1234");
  });
});

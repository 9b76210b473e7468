import { describe, expect, it } from "vitest";
import { safeCell, toCsv } from "./spreadsheet.ts";

describe("spreadsheet cells", () => {
  it("defuse text a spreadsheet would run as a formula, and leave numbers and plain text alone", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) expect(safeCell(`${start}1+1`)).toBe(`'${start}1+1`);
    expect(safeCell("刘志明")).toBe("刘志明");
    expect(safeCell(-5)).toBe(-5);
    expect(safeCell(null)).toBeNull();
  });

  it("write CSV with a BOM and CRLF, quoting what needs it after defusing", () => {
    expect(
      toCsv([
        ["区县", "值"],
        ["=cmd|' /C calc'!A0", -3],
        ['a "b", c', null],
      ]),
    ).toBe('\uFEFF区县,值\r\n\'=cmd|\' /C calc\'!A0,-3\r\n"a ""b"", c",\r\n');
  });
});

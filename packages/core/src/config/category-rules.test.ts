import { describe, expect, it } from "vitest";
import { newKey } from "./category-rules.ts";

describe("newKey", () => {
  it("makes a key from the English name, or <kind>_<n> when there is none, never one taken", () => {
    expect(newKey("Waste sorting", new Set())).toBe("waste_sorting");
    expect(newKey("  3D printing & more!  ", new Set())).toBe("d_printing_more");
    expect(newKey("Waste sorting", new Set(["waste_sorting", "waste_sorting_2"]))).toBe("waste_sorting_3");
    expect(newKey("", new Set())).toBe("category_1");
    expect(newKey("垃圾", new Set(["category_1"]))).toBe("category_2");
    expect(newKey("", new Set(["department_1"]), "department")).toBe("department_2");
    for (const key of [newKey("A".repeat(80), new Set()), newKey("x", new Set(["x"]))]) expect(key).toMatch(/^[a-z][a-z0-9_]{0,39}$/);
  });
});

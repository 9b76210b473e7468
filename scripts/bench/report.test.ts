import { describe, expect, it } from "vitest";
import { type Figure, formatNumber, formatRow, renderReport, verdict } from "./report.ts";

const ratio = (value: number): Figure => ({
  bench: "bundle:api",
  name: "Cold import() vs hello",
  value,
  unit: "×",
  target: { item: 1, kind: "at-most", at: 1.5 },
});

describe("the benchmark report", () => {
  it("passes a figure at or under an at-most target and fails one over it", () => {
    expect(verdict(ratio(1.5))).toBe("PASS");
    expect(verdict(ratio(1.2))).toBe("PASS");
    expect(verdict(ratio(2.02))).toBe("FAIL");
  });

  it("passes a figure at or over an at-least target and fails one under it", () => {
    const rate = (value: number): Figure => ({
      bench: "bench:locate",
      name: "Warm locate",
      value,
      unit: "lookups/s",
      target: { item: 5, kind: "at-least", at: 1_000_000 },
    });
    expect(verdict(rate(1_200_000))).toBe("PASS");
    expect(verdict(rate(999_999))).toBe("FAIL");
  });

  it("writes a row with the figure, its target, the issue item and the verdict", () => {
    expect(formatRow({ ...ratio(2.02), note: "797 vs 394 ms" })).toBe(
      "| `bundle:api` | Cold import() vs hello (797 vs 394 ms) | 2.02× | ≤ 1.50× | 19.1 | FAIL |",
    );
    expect(formatRow({ bench: "bench:seed", name: "Seeding", value: 41.26, unit: "s" })).toBe(
      "| `bench:seed` | Seeding | 41.3 s | — | — | — |",
    );
    expect(
      formatRow({ bench: "bench:metrics", name: "p99 | year", value: 279, unit: "ms", target: { item: 4, kind: "at-most", at: 200 } }),
    ).toBe("| `bench:metrics` | p99 \\| year | 279 ms | ≤ 200 ms | 19.4 | FAIL |");
  });

  it("separates thousands and keeps two decimals under 10", () => {
    expect(formatNumber(1_234_567)).toBe("1,234,567");
    expect(formatNumber(1.745)).toBe("1.75");
    expect(formatNumber(3)).toBe("3");
  });

  it("names the machine and the date, counts the verdicts and lists the runs", () => {
    const report = renderReport(
      [ratio(1.4), ratio(2), { bench: "bench:seed", name: "Seeding", value: 40, unit: "s" }],
      { cores: 2, cpu: "Example CPU @ 2.0GHz", node: "v20.20.2", date: "2026-12-06 13:30 UTC", loadAverage: [1.5, 12.25] },
      [
        { bench: "bundle:api", seconds: 31.4, status: 0 },
        { bench: "bench:seed", seconds: 60, status: 1 },
      ],
    );
    expect(report).toContain("- Date: 2026-12-06 13:30 UTC");
    expect(report).toContain("- Machine: 2 cores, Example CPU @ 2.0GHz");
    expect(report).toContain("- Node: v20.20.2");
    expect(report).toContain("- Load average (1 min): 1.5 at the start, 12.3 at the end");
    expect(report).toContain("- Targets: 1 PASS, 1 FAIL");
    expect(report).toContain("| `bundle:api` | 31 s | ran |");
    expect(report).toContain("| `bench:seed` | 60 s | exit 1 |");
  });
});

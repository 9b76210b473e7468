import metricsDoc from "../../../docs/metrics.md?raw";
import { describe, expect, it } from "vitest";
import { metricDictionaries } from "../i18n/metrics.ts";
import {
  choroplethBreaks,
  pickableYears,
  stepPeriod,
  choroplethColour,
  choroplethColours,
  fileNameOf,
  formatMetric,
  hasData,
  headlineFigures,
  metricCatalogue,
  nextSort,
  ranksOf,
  sortRows,
  switchPeriod,
} from "./metrics.ts";

/** The definitions as `docs/metrics.md` lists them (generated from core's `MetricDefinitions`; a core test keeps the two equal). */
function documented() {
  const definitions: Array<{
    key: string;
    group: string;
    nameZh: string;
    nameEn: string;
    unit: string;
    higherIsBetter: boolean;
    definition: string;
    definitionZh: string;
  }> = [];
  let group = "";
  for (const line of metricsDoc.split("\n")) {
    const heading = /^## (\w+)/.exec(line);
    if (heading) group = heading[1];
    const row = /^\| `([^`]+)` \| ([^|]+) \| ([^|]+) \| (\w+)( \(lower is better\))? \| ([^|]+) \| ([^|]+) \|$/.exec(line);
    if (row)
      definitions.push({
        key: row[1],
        group,
        nameZh: row[2].trim(),
        nameEn: row[3].trim(),
        unit: row[4],
        higherIsBetter: !row[5],
        // The portal shows the words without the doc's code marks.
        definition: row[6].trim().replaceAll("`", ""),
        definitionZh: row[7].trim(),
      });
  }
  return definitions;
}

describe("the metric catalogue", () => {
  it("is core's definitions: same keys, order, groups, units, directions, names and definitions (the tooltips)", () => {
    const doc = documented();
    expect(doc.length).toBeGreaterThan(30);
    expect(metricCatalogue.map(({ key, group, unit, higherIsBetter }) => ({ key, group, unit, higherIsBetter }))).toEqual(
      doc.map(({ key, group, unit, higherIsBetter }) => ({ key, group, unit, higherIsBetter })),
    );
    for (const definition of doc) {
      expect(metricDictionaries["zh-CN"][`metric.${definition.key}` as keyof (typeof metricDictionaries)["zh-CN"]], definition.key).toBe(
        definition.nameZh,
      );
      expect(metricDictionaries.en[`metric.${definition.key}` as keyof (typeof metricDictionaries)["en"]], definition.key).toBe(
        definition.nameEn,
      );
      expect(
        metricDictionaries["zh-CN"][`metricHint.${definition.key}` as keyof (typeof metricDictionaries)["zh-CN"]],
        definition.key,
      ).toBe(definition.definitionZh);
      expect(metricDictionaries.en[`metricHint.${definition.key}` as keyof (typeof metricDictionaries)["en"]], definition.key).toBe(
        definition.definition,
      );
    }
  });
});

describe("figures", () => {
  it("writes each unit its way: percent with 2 decimals, hours with 1, counts whole, none as a dash", () => {
    expect(formatMetric(0.9982, "ratio", "zh-CN")).toBe("99.82%");
    expect(formatMetric(1, "ratio", "en")).toBe("100.00%");
    expect(formatMetric(0, "ratio", "en")).toBe("0.00%");
    expect(formatMetric(12.345, "hours", "en")).toBe("12.3");
    expect(formatMetric(3, "hours", "zh-CN")).toBe("3.0");
    expect(formatMetric(4.567, "rating", "en")).toBe("4.57");
    expect(formatMetric(5632, "count", "en")).toBe("5,632");
    expect(formatMetric(1234, "people", "zh-CN")).toBe("1,234");
    expect(formatMetric(null, "count", "en")).toBe("—");
    expect(formatMetric(undefined, "ratio", "zh-CN")).toBe("—");
  });

  it("gives the headline figures as the source reports them", () => {
    const values = { "tickets.collected": 5632, "tickets.closed": 5622, "tickets.closureRate": 0.9982 };
    expect(headlineFigures(values, "zh-CN")).toEqual({ collected: "5632", closed: "5622", rate: "99.82%" });
    expect(headlineFigures(values, "en")).toEqual({ collected: "5,632", closed: "5,622", rate: "99.82%" });
    expect(headlineFigures({ "tickets.closureRate": null }, "zh-CN")).toEqual({ collected: "0", closed: "0", rate: "—" });
  });

  it("knows when a period holds no figure at all", () => {
    expect(hasData({ "grids.total": 12, "tickets.collected": 0, "tickets.closureRate": null })).toBe(false);
    expect(hasData({ "tickets.collected": 2 })).toBe(true);
  });

  it("switches the period kind keeping the year", () => {
    const now = new Date(2026, 10, 29);
    expect(switchPeriod("2022-05", "year", now)).toBe("2022");
    expect(switchPeriod("2022", "month", now)).toBe("2022-01");
    expect(switchPeriod("all", "month", now)).toBe("2026-11");
    expect(switchPeriod("all", "year", now)).toBe("2026");
    expect(switchPeriod("2022", "all", now)).toBe("all");
  });
});

const rows = [
  {
    tenantID: "jianyang",
    nameZh: "建阳区",
    values: { "tickets.collected": 5632, "tickets.medianHours": 20, "tickets.closureRate": 0.9982 },
  },
  { tenantID: "yanping", nameZh: "延平区", values: { "tickets.collected": 800, "tickets.medianHours": 8, "tickets.closureRate": null } },
  {
    tenantID: "shunchang",
    nameZh: "顺昌县",
    values: { "tickets.collected": 800, "tickets.medianHours": null, "tickets.closureRate": 0.5 },
  },
];
const name = (row: (typeof rows)[number]) => row.nameZh;

describe("sorting and ranking districts", () => {
  it("sorts by a metric either way, districts without a figure last, ties by name (pinyin order in Chinese)", () => {
    expect(sortRows(rows, { key: "tickets.collected", direction: "desc" }, name).map((row) => row.tenantID)).toEqual([
      "jianyang",
      "shunchang",
      "yanping",
    ]);
    expect(sortRows(rows, { key: "tickets.collected", direction: "asc" }, name).map((row) => row.tenantID)).toEqual([
      "shunchang",
      "yanping",
      "jianyang",
    ]);
    expect(sortRows(rows, { key: "tickets.closureRate", direction: "asc" }, name).map((row) => row.tenantID)).toEqual([
      "shunchang",
      "jianyang",
      "yanping",
    ]);
    expect(sortRows(rows, { key: "tickets.closureRate", direction: "desc" }, name).map((row) => row.tenantID)).toEqual([
      "jianyang",
      "shunchang",
      "yanping",
    ]);
    expect(sortRows(rows, { key: "name", direction: "asc" }, name, "zh-CN").map((row) => row.tenantID)).toEqual([
      "jianyang",
      "shunchang",
      "yanping",
    ]);
    expect(sortRows(rows, null, name)).toEqual(rows);
  });

  it("sorts a new column best first, by its direction, and reverses on a second click", () => {
    expect(nextSort(null, "tickets.collected", true)).toEqual({ key: "tickets.collected", direction: "desc" });
    expect(nextSort({ key: "tickets.collected", direction: "desc" }, "tickets.medianHours", false)).toEqual({
      key: "tickets.medianHours",
      direction: "asc",
    });
    expect(nextSort({ key: "tickets.medianHours", direction: "asc" }, "tickets.medianHours", false)).toEqual({
      key: "tickets.medianHours",
      direction: "desc",
    });
  });

  it("ranks from the API's order, equal figures sharing a rank, no figure no rank", () => {
    const comparison = {
      rows,
      rankings: { "tickets.collected": ["jianyang", "yanping", "shunchang"], "tickets.medianHours": ["yanping", "jianyang"] },
    } as never;
    expect([...ranksOf(comparison, "tickets.collected")]).toEqual([
      ["jianyang", 1],
      ["yanping", 2],
      ["shunchang", 2],
    ]);
    const hours = ranksOf(comparison, "tickets.medianHours");
    expect(hours.get("yanping")).toBe(1);
    expect(hours.get("shunchang")).toBeUndefined();
  });
});

describe("the choropleth", () => {
  it("spreads five colours between the least and the most, darker for worse when lower is better", () => {
    const breaks = choroplethBreaks([0, 10, null, 5]);
    expect(breaks).toEqual([0, 2, 4, 6, 8, 10]);
    expect(choroplethColour(0, breaks)).toBe(choroplethColours[0]);
    expect(choroplethColour(10, breaks)).toBe(choroplethColours[4]);
    expect(choroplethColour(5, breaks)).toBe(choroplethColours[2]);
    expect(choroplethColour(10, breaks, false)).toBe(choroplethColours[0]);
    expect(choroplethColour(null, breaks)).toBeNull();
    expect(choroplethBreaks([null, undefined])).toBeNull();
    expect(choroplethColour(3, choroplethBreaks([3, 3]))).toBe(choroplethColours[4]);
  });
});

it("reads the file name from content-disposition", () => {
  expect(fileNameOf('attachment; filename="comparison-fujian-all.csv"', "x.csv")).toBe("comparison-fujian-all.csv");
  expect(fileNameOf("attachment; filename*=UTF-8''%E5%AF%B9%E6%AF%94.xlsx", "x.xlsx")).toBe("对比.xlsx");
  expect(fileNameOf(null, "x.csv")).toBe("x.csv");
});

describe("period steps and years", () => {
  it("steps a year or a month, carrying over the year's end", () => {
    expect(stepPeriod("2022", -1)).toBe("2021");
    expect(stepPeriod("2022-01", -1)).toBe("2021-12");
    expect(stepPeriod("2022-12", 1)).toBe("2023-01");
    expect(stepPeriod("2022-05", 1)).toBe("2022-06");
    expect(stepPeriod("all", 1)).toBe("all");
  });

  it("offers the years from next year down to 2010, and keeps one outside them", () => {
    const years = pickableYears(new Date("2026-12-06T00:00:00Z"));
    expect(years[0]).toBe("2027");
    expect(years.at(-1)).toBe("2010");
    expect(years).toHaveLength(18);
    expect(pickableYears(new Date("2026-12-06T00:00:00Z"), "2005").at(-1)).toBe("2005");
    expect(pickableYears(new Date("2026-12-06T00:00:00Z"), "2030")[0]).toBe("2030");
  });
});

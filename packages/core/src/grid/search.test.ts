import { describe, expect, it } from "vitest";
import { matchRank, searchGrids } from "./search.ts";

const grids = [
  { gridID: "g1", code: "JY-28", name: "桃园社区", tier: 1 },
  { gridID: "g2", code: "JY-28-02", name: "桃园二组", tier: 2 },
  { gridID: "g3", code: "JY-28-02-02", name: "新桥微网格", tier: 3 },
  { gridID: "g4", code: "JY-3", name: "水南街道", tier: 1 },
  { gridID: "g5", code: "SCH-1", name: "建阳一中（桃园）", tier: null },
];

describe("finding a grid by name or code", () => {
  it("ranks the exact code first, then code prefixes, then names starting with, then names holding the words", () => {
    expect(matchRank(grids[2], "jy-28-02-02")).toBe(0);
    expect(matchRank(grids[2], "JY-28")).toBe(1);
    expect(matchRank(grids[0], "桃园")).toBe(2);
    expect(matchRank(grids[4], "桃园")).toBe(3);
    // A code matches by its start only: "28" is not "JY-28".
    expect(matchRank(grids[0], "28")).toBe(-1);
    expect(matchRank(grids[3], " ")).toBe(3);
  });

  it("answers the best matches first, coarser tiers before finer, dedicated grids last, and says when there are more", () => {
    expect(searchGrids(grids, "JY-28-02-02").items.map((grid) => grid.gridID)).toEqual(["g3"]);
    expect(searchGrids(grids, "jy-28").items.map((grid) => grid.gridID)).toEqual(["g1", "g2", "g3"]);
    expect(searchGrids(grids, "桃园").items.map((grid) => grid.gridID)).toEqual(["g1", "g2", "g5"]);
    expect(searchGrids(grids, "桃园", { tier: 2 }).items.map((grid) => grid.gridID)).toEqual(["g2"]);
    expect(searchGrids(grids, "", { limit: 2 })).toEqual({ items: [grids[0], grids[3]], more: true });
    expect(searchGrids(grids, "无此网格")).toEqual({ items: [], more: false });
  });
});

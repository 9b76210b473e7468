import { expect, it } from "vitest";
import { coreFolderLoops, describeLoop, importsOf, loopsOf, webFileLoops } from "./check-cycles.ts";

it("finds a loop when there is one, and the imports of every form", () => {
  const graph = new Map([
    ["a", new Map([["b", "a.ts → ./b.ts"]])],
    ["b", new Map([["c", "b.ts → ./c.ts"]])],
    ["c", new Map([["a", "c.ts → ./a.ts"]])],
    ["d", new Map([["a", "d.ts → ./a.ts"]])],
  ]);
  expect(loopsOf(graph)).toEqual([["a", "b", "c"]]);
  expect(describeLoop(graph, ["a", "b", "c"])).toContain("c → a  (c.ts → ./a.ts)");
  const source = [
    'import { x } from "./x.ts";',
    'import type { Y } from "../y/index.ts";',
    'export * from "./z.ts";',
    'import "./side-effect.ts";',
    'const lazy = await import("../lazy.ts");',
    '// import { gone } from "./commented.ts";',
  ].join("\n");
  expect(importsOf(source).sort()).toEqual(["../lazy.ts", "../y/index.ts", "./side-effect.ts", "./x.ts", "./z.ts"]);
});

it("has no import loop between the folders of packages/core/src (layers: storage, counters, configuration, domains, metrics, demo)", () => {
  const { graph, loops } = coreFolderLoops();
  expect(loops.map((loop) => describeLoop(graph, loop))).toEqual([]);
  // The layers hold: storage and the counters import no domain.
  expect([...(graph.get("storage")?.keys() ?? [])].sort()).toEqual([]);
  expect([...(graph.get("counter")?.keys() ?? [])].sort()).toEqual(["actor.ts", "storage"]);
});

it("has no import loop between the files of web/src", () => {
  const { graph, loops } = webFileLoops();
  expect(loops.map((loop) => describeLoop(graph, loop))).toEqual([]);
});

/**
 * `npm run check:cycles`: the import loops the architecture must not have (CI runs it as a test).
 * - between the folders of `packages/core/src` (storage below counters below domains below demo:
 *   a folder's files may import each other, two folders may not import each other round a loop);
 * - between the files of `web/src`.
 * Static, dynamic and type-only imports all count: a loop hidden behind `import()` or `import type`
 * is still two homes that each need the other. Tests are left out (a test may import anything).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** Every import specifier of a file: `import … from`, `export … from`, `import "x"`, `import("x")`. */
export function importsOf(source: string): string[] {
  const specifiers: string[] = [];
  const patterns = [
    /\b(?:import|export)\s[^;]*?\sfrom\s*["']([^"']+)["']/g,
    /\bimport\s*["']([^"']+)["']/g,
    /\bimport\(\s*["']([^"']+)["']\s*\)/g,
  ];
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  for (const pattern of patterns) for (const match of code.matchAll(pattern)) specifiers.push(match[1]);
  return specifiers;
}

function filesUnder(folder: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) files.push(...filesUnder(path));
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$|\.test-support\.tsx?$|\.d\.ts$/.test(name)) files.push(path);
  }
  return files;
}

function resolveImport(from: string, specifier: string): string | null {
  if (!specifier.startsWith(".")) return null;
  const base = resolve(dirname(from), specifier);
  const candidates = [base, base.replace(/\.js$/, ".ts"), `${base}.ts`, `${base}.tsx`, join(base, "index.ts"), join(base, "index.tsx")];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile()) ?? null;
}

type Graph = Map<string, Map<string, string>>;

/** The loops of a graph (its strongly connected components of more than one node), Tarjan's way. */
export function loopsOf(graph: Graph): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const lowest = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const loops: string[][] = [];
  const visit = (node: string) => {
    indices.set(node, index);
    lowest.set(node, index++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node)?.keys() ?? []) {
      if (!indices.has(next)) {
        visit(next);
        lowest.set(node, Math.min(lowest.get(node)!, lowest.get(next)!));
      } else if (onStack.has(next)) lowest.set(node, Math.min(lowest.get(node)!, indices.get(next)!));
    }
    if (lowest.get(node) === indices.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) loops.push(component.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!indices.has(node)) visit(node);
  return loops;
}

/** A graph of `unitOf(file)` nodes from the imports between the files under `folder`. */
function graphOf(folder: string, unitOf: (file: string) => string): Graph {
  const graph: Graph = new Map();
  for (const file of filesUnder(folder)) {
    const from = unitOf(file);
    const edges = graph.get(from) ?? new Map<string, string>();
    graph.set(from, edges);
    for (const specifier of importsOf(readFileSync(file, "utf8"))) {
      const target = resolveImport(file, specifier);
      if (!target?.startsWith(folder + sep)) continue;
      const to = unitOf(target);
      if (to !== from && !edges.has(to)) edges.set(to, `${relative(root, file)} → ${specifier}`);
    }
  }
  return graph;
}

/** Describes a loop with one import for each of its edges inside the loop. */
export function describeLoop(graph: Graph, loop: string[]): string {
  const members = new Set(loop);
  const edges = loop.flatMap((from) =>
    [...(graph.get(from) ?? [])].filter(([to]) => members.has(to)).map(([to, via]) => `    ${from} → ${to}  (${via})`),
  );
  return [`  ${loop.join(", ")}`, ...edges].join("\n");
}

export function coreFolderLoops() {
  const src = join(root, "packages/core/src");
  // A folder is a unit; a file at the top (actor.ts, error.ts, index.ts) is one of its own.
  const graph = graphOf(src, (file) => relative(src, file).split(sep)[0]);
  return { graph, loops: loopsOf(graph) };
}

export function webFileLoops() {
  const src = join(root, "web/src");
  const graph = graphOf(src, (file) => relative(src, file));
  return { graph, loops: loopsOf(graph) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let failed = false;
  for (const [name, { graph, loops }] of [
    ["packages/core/src folders", coreFolderLoops()],
    ["web/src files", webFileLoops()],
  ] as const) {
    if (!loops.length) console.log(`No import loop between the ${name}.`);
    else {
      failed = true;
      console.log(`Import loops between the ${name}:\n${loops.map((loop) => describeLoop(graph, loop)).join("\n")}`);
    }
  }
  process.exit(failed ? 1 : 0);
}

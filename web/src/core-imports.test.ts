import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The portal imports pure rules from the core (STYLE.md), and a browser cannot load Node's
 * modules: every module of @wangge/core the portal imports as a value must reach no `node:`
 * module and no server-side package, however deep. (A unit test under happy-dom would not see
 * it; the built portal would fail on the page that loads the chunk.)
 */
const web = resolve(import.meta.dirname, ".");
const core = resolve(import.meta.dirname, "../../packages/core/src");
const ServerOnly = /^(node:|@aws-sdk\/|electrodb$|exceljs$|rate-limiter-flexible$|image-size$|ulid$)/;

function sources(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

/** The value imports of a file (not `import type`, not `export type`). */
function valueImports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/^(?:import|export)\s+(?!type\b)(?:[^'"]*?\sfrom\s+)?["']([^"']+)["']/gm)].map((match) => match[1]);
}

function serverOnlyReach(entry: string, seen = new Set<string>()): string[] {
  if (seen.has(entry)) return [];
  seen.add(entry);
  return valueImports(entry).flatMap((specifier) => {
    if (ServerOnly.test(specifier)) return [`${entry.replace(`${core}/`, "")} → ${specifier}`];
    if (!specifier.startsWith(".")) return [];
    return serverOnlyReach(resolve(dirname(entry), specifier), seen);
  });
}

describe("the portal's imports from the core", () => {
  it("reach only modules a browser can load", () => {
    const entries = new Set(
      sources(web)
        .flatMap(valueImports)
        .filter((specifier) => specifier.startsWith("@wangge/core/"))
        .map((specifier) => join(core, `${specifier.slice("@wangge/core/".length)}.ts`)),
    );
    expect(entries.size).toBeGreaterThanOrEqual(2);
    expect([...entries].flatMap((entry) => serverOnlyReach(entry))).toEqual([]);
    // The check sees through a module's imports: the settings' schemas reach the actor's AsyncLocalStorage.
    expect(serverOnlyReach(join(core, "config/settings.ts"))).toContain("actor.ts → node:async_hooks");
  });
});

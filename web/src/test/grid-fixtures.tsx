import { render } from "@solidjs/testing-library";
import type { JSX } from "solid-js";
import { createApi } from "../data/api.ts";
import { createGridWorkspace, type GridWorkspace } from "../data/grid-workspace.ts";
import { gridsApi, type Assignment, type Grid } from "../data/grids.ts";
import type { DistrictConfig } from "../data/types.ts";
import { LocaleProvider } from "../providers/locale.tsx";
import { jianyangConfig } from "./fixtures.ts";

/** A square grid boundary of `size` degrees at (lon, lat). */
export function square(lon: number, lat: number, size: number) {
  return {
    type: "Polygon" as const,
    coordinates: [
      [
        [lon, lat],
        [lon + size, lat],
        [lon + size, lat + size],
        [lon, lat + size],
        [lon, lat],
      ],
    ],
  };
}

/** A grid shaped like the API's (`GET /grids` items), with its path of ancestor IDs. */
export function grid(code: string, fields: Partial<Grid> & { path?: string[] } = {}): Grid {
  const depth = code.split("-").length - 1;
  const boundary = fields.boundary ?? square(118 + depth * 0.01, 27.3, 0.01);
  const [ring] = boundary.type === "Polygon" ? boundary.coordinates : boundary.coordinates[0];
  const lons = ring.map((position) => position[0]);
  const lats = ring.map((position) => position[1]);
  return {
    gridID: `grid_${code}`,
    code,
    name: `网格 ${code}`,
    tier: depth,
    dedicatedKind: null,
    parentID: null,
    path: [],
    bbox: [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)],
    areaM2: 1_980_000,
    households: 563,
    population: 1592,
    status: "active",
    version: 1,
    change: "import",
    note: null,
    updatedAt: "2025-01-15T08:00:00.000Z",
    updatedBy: "admin",
    ...fields,
    boundary,
  };
}

export function assignment(name: string, roleKey: string, fields: Partial<Assignment> = {}): Assignment {
  return {
    assignmentID: `assignment_${name}`,
    personID: `person_${name}`,
    name,
    phone: "13912345678",
    homeUnit: null,
    gridID: "grid_JY-01-01",
    gridCode: "JY-01-01",
    gridName: "网格 JY-01-01",
    roleKey,
    from: "2022-03-01",
    to: null,
    active: true,
    ...fields,
  };
}

/**
 * Renders `ui` with a grid workspace over the stubbed `fetch` (see `fakeApi`), in the
 * given language; the map layers do not load unless asked.
 */
export function renderWithWorkspace(
  ui: (workspace: GridWorkspace) => JSX.Element,
  options: { config?: DistrictConfig; autoLoad?: boolean; language?: "zh-CN" | "en" } = {},
) {
  let workspace!: GridWorkspace;
  function Harness() {
    const api = createApi({ token: () => "token-1", onUnauthorized: () => {} });
    workspace = createGridWorkspace({
      grids: gridsApi(api),
      config: options.config ?? jianyangConfig,
      autoLoad: options.autoLoad ?? false,
    });
    return ui(workspace);
  }
  const result = render(() => (
    <LocaleProvider language={options.language}>
      <Harness />
    </LocaleProvider>
  ));
  return { ...result, workspace: () => workspace };
}

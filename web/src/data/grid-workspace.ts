/**
 * The state of the grid map page, shared by its tree, map and panel: the tiers loaded for
 * the map (page by page), the tree's branches (loaded when opened), the selected grid, the
 * coverage report and the located point. Plain signals; boundaries are never put in stores
 * (proxies over thousands of coordinates would be slow).
 */
import { batch, createEffect, createSignal, on, onCleanup, type Accessor } from "solid-js";
import type { DistrictConfig } from "./types.ts";
import { ApiError } from "./api.ts";
import { bboxOf, containsPoint, inBBox } from "./geo.ts";
import type { Assignment, BBox, Coverage, Grid, GridDetail, GridsApi, Location } from "./grids.ts";
import { createQuery, type Query } from "./query.ts";

export type LoadState = "idle" | "loading" | "done" | "error";

/** A map layer: one tier (`"1"`, `"2"`…) or every dedicated grid (`"dedicated"`). */
export interface TierLayer {
  key: string;
  /** The tier's level; null for dedicated grids. */
  level: number | null;
  items: Accessor<Grid[]>;
  state: Accessor<LoadState>;
  error: Accessor<unknown>;
  visible: Accessor<boolean>;
  setVisible: (visible: boolean) => void;
}

/** The children of one grid in the tree (`root`: the first tier). */
export interface Branch {
  items: Accessor<Grid[]>;
  state: Accessor<LoadState>;
  error: Accessor<unknown>;
}

export type SelectSource = "tree" | "map" | "panel" | "search" | "locate";

export interface CoverageState {
  /** A gridID, or `root` for the first tier. */
  target: string;
  state: "loading" | "done" | "error";
  report?: Coverage;
  error?: unknown;
}

export interface LocateState {
  lon: number;
  lat: number;
  state: "loading" | "found" | "outside" | "error";
  result?: Location;
  error?: unknown;
}

export const ROOT = "root";

export interface GridWorkspace {
  config: DistrictConfig;
  layers: TierLayer[];
  /** Starts (or resumes) loading the visible layers, one tier after the other. */
  loadLayers: () => void;
  /** Every grid loaded so far (map layers and tree), by ID; `loadedCount` changes when it grows. */
  lookup: (gridID: string) => Grid | undefined;
  loadedCount: Accessor<number>;
  search: (text: string, limit: number) => { items: Grid[]; total: number };
  /** The finest visible grid at a point among those loaded for the map. */
  gridAt: (lon: number, lat: number) => Grid | undefined;

  branch: (parentID: string) => Branch;
  loadChildren: (parentID: string) => Promise<void>;
  isExpanded: (gridID: string) => boolean;
  setExpanded: (gridID: string, expanded: boolean) => void;

  selectedID: Accessor<string | null>;
  select: (gridID: string | null, source: SelectSource) => void;
  /** The selected grid's reply (`GET /grids/{id}`: with boundary and ancestors). */
  detail: Query<GridDetail>;
  /** The people of the selected grid with their roles. */
  people: Query<Assignment[]>;
  /** The selected grid: its full reply once loaded, else what a list said of it. */
  selectedGrid: Accessor<Grid | undefined>;
  /** Where the map should look next (a new object each time, even for the same box). */
  focus: Accessor<{ bbox: BBox } | null>;
  focusOn: (geometryOrBBox: unknown) => void;

  coverage: Accessor<CoverageState | null>;
  checkCoverage: (target: string) => Promise<void>;
  clearCoverage: () => void;

  locateState: Accessor<LocateState | null>;
  locate: (lon: number, lat: number, options?: { focus?: boolean }) => Promise<void>;
  clearLocate: () => void;
  /** The next map click locates a point instead of selecting a grid. */
  pickMode: Accessor<boolean>;
  setPickMode: (on: boolean) => void;
}

/** Must be called inside a component (it owns queries and effects). */
export function createGridWorkspace(options: { grids: GridsApi; config: DistrictConfig; autoLoad?: boolean }): GridWorkspace {
  const { grids, config } = options;
  let disposed = false;
  onCleanup(() => {
    disposed = true;
  });

  // ─── everything loaded, by ID ────────────────────────────────────────────
  const index = new Map<string, Grid>();
  const [loadedCount, setLoadedCount] = createSignal(0);
  function remember(items: Grid[]) {
    for (const grid of items) {
      const known = index.get(grid.gridID);
      // Keep the copy that has a boundary.
      if (!known || (!known.boundary && grid.boundary)) index.set(grid.gridID, grid);
    }
    setLoadedCount(index.size);
  }

  // ─── map layers, tier by tier ────────────────────────────────────────────
  const levels: Array<number | null> = [...config.tiers.map((tier) => tier.level).sort((a, b) => a - b)];
  if (config.dedicatedKinds.length) levels.push(null);
  type Writable<T> = T & { setItems: (items: Grid[]) => void; setState: (state: LoadState) => void; setError: (error: unknown) => void };
  const layers: Writable<TierLayer>[] = levels.map((level) => {
    const [items, setItems] = createSignal<Grid[]>([]);
    const [state, setState] = createSignal<LoadState>("idle");
    const [error, setError] = createSignal<unknown>();
    const [visible, setVisibleSignal] = createSignal(true);
    return {
      key: level === null ? "dedicated" : String(level),
      level,
      items,
      state,
      error,
      visible,
      setVisible: (next: boolean) => {
        setVisibleSignal(next);
        if (next) loadLayers();
      },
      setItems,
      setState,
      setError,
    };
  });

  let pumping = false;
  async function loadLayers() {
    if (pumping || disposed) return;
    pumping = true;
    try {
      for (;;) {
        const layer = layers.find((candidate) => candidate.visible() && candidate.state() === "idle");
        if (!layer || disposed) break;
        layer.setState("loading");
        layer.setError(undefined);
        let cursor: string | null = null;
        let loaded: Grid[] = [];
        try {
          do {
            const page = await grids.tierPage(layer.level ?? "dedicated", cursor);
            if (disposed) return;
            loaded = [...loaded, ...page.items];
            remember(page.items);
            layer.setItems(loaded);
            cursor = page.cursor;
          } while (cursor);
          layer.setState("done");
        } catch (failure) {
          if (disposed) return;
          // Keep what arrived; a retry starts the tier again.
          batch(() => {
            layer.setError(() => failure);
            layer.setState("error");
          });
          break;
        }
      }
    } finally {
      pumping = false;
    }
  }
  /** A failed tier is tried again when loading is asked for again. */
  function retryFailed() {
    for (const layer of layers)
      if (layer.state() === "error") {
        layer.setItems([]);
        layer.setState("idle");
      }
  }

  function gridAt(lon: number, lat: number): Grid | undefined {
    // Dedicated grids lie on top, then the finest visible tier, then coarser ones.
    const order = [...layers].filter((layer) => layer.visible()).sort((a, b) => (b.level ?? 99) - (a.level ?? 99));
    for (const layer of order)
      for (const grid of layer.items())
        if (inBBox(grid.bbox, lon, lat) && grid.boundary && containsPoint(grid.boundary, lon, lat)) return grid;
    return undefined;
  }

  function search(text: string, limit: number) {
    loadedCount();
    const needle = text.trim().toLowerCase();
    if (!needle) return { items: [], total: 0 };
    const matches: Grid[] = [];
    for (const grid of index.values())
      if (grid.code.toLowerCase().includes(needle) || grid.name.toLowerCase().includes(needle)) matches.push(grid);
    // Exact and prefix matches of the code first, then by code.
    const rank = (grid: Grid) => {
      const code = grid.code.toLowerCase();
      return code === needle ? 0 : code.startsWith(needle) ? 1 : 2;
    };
    matches.sort((a, b) => rank(a) - rank(b) || a.code.localeCompare(b.code, "en", { numeric: true }));
    return { items: matches.slice(0, limit), total: matches.length };
  }

  // ─── tree branches ───────────────────────────────────────────────────────
  const branches = new Map<string, Writable<Branch> & { pending?: Promise<void> }>();
  function branch(parentID: string) {
    let found = branches.get(parentID);
    if (!found) {
      const [items, setItems] = createSignal<Grid[]>([]);
      const [state, setState] = createSignal<LoadState>("idle");
      const [error, setError] = createSignal<unknown>();
      found = { items, state, error, setItems, setState, setError };
      branches.set(parentID, found);
    }
    return found;
  }
  function loadChildren(parentID: string): Promise<void> {
    const target = branch(parentID);
    if (target.state() === "done") return Promise.resolve();
    if (target.pending) return target.pending;
    target.setState("loading");
    target.pending = grids
      .children(parentID)
      .then(
        (items) => {
          const sorted = [...items].sort(
            (a, b) => (a.tier === null ? 1 : 0) - (b.tier === null ? 1 : 0) || a.code.localeCompare(b.code, "en", { numeric: true }),
          );
          remember(sorted);
          batch(() => {
            target.setItems(sorted);
            target.setState("done");
          });
        },
        (failure: unknown) => {
          batch(() => {
            target.setError(() => failure);
            target.setState("error");
          });
        },
      )
      .finally(() => {
        target.pending = undefined;
      });
    return target.pending;
  }

  const [expanded, setExpandedSet] = createSignal<ReadonlySet<string>>(new Set());
  function setExpanded(gridID: string, open: boolean) {
    if (open) void loadChildren(gridID);
    setExpandedSet((current) => {
      if (current.has(gridID) === open) return current;
      const next = new Set(current);
      if (open) next.add(gridID);
      else next.delete(gridID);
      return next;
    });
  }

  // ─── selection ───────────────────────────────────────────────────────────
  const [selectedID, setSelectedID] = createSignal<string | null>(null);
  const [focus, setFocus] = createSignal<{ bbox: BBox } | null>(null, { equals: false });
  const detail = createQuery(selectedID, (gridID) => grids.grid(gridID));
  const people = createQuery(selectedID, (gridID) => grids.people(gridID));
  /** Set when a grid was selected before any list had shown it: its reply reveals it. */
  let pending: { gridID: string; fit: boolean } | null = null;

  function focusOn(shape: unknown) {
    const box = Array.isArray(shape) && shape.length === 4 ? (shape as BBox) : bboxOf(shape);
    if (box) setFocus({ bbox: box });
  }

  /** Opens the tree down to a grid (its ancestors' IDs, top-down). */
  function reveal(path: string[]) {
    for (const ancestor of path) setExpanded(ancestor, true);
  }

  function select(gridID: string | null, source: SelectSource) {
    setSelectedID(gridID);
    pending = null;
    if (!gridID) return;
    const known = index.get(gridID);
    // Chosen from a list: the map goes there. Chosen on the map: the tree opens to it.
    const fit = source === "tree" || source === "search" || source === "panel";
    if (fit && known?.bbox?.length === 4) focusOn(known.bbox);
    if (source === "tree") setExpanded(gridID, true);
    else if (known) reveal(known.path);
    if (!known) pending = { gridID, fit };
  }

  createEffect(
    on(detail.data, (loaded) => {
      if (!loaded || loaded.grid.gridID !== selectedID()) return;
      remember([loaded.grid]);
      if (pending?.gridID === loaded.grid.gridID) {
        if (pending.fit && loaded.grid.bbox?.length === 4) focusOn(loaded.grid.bbox);
        pending = null;
        reveal(loaded.grid.path);
      }
    }),
  );

  const selectedGrid = () => {
    const id = selectedID();
    if (!id) return undefined;
    const loaded = detail.data();
    if (loaded && loaded.grid.gridID === id) return loaded.grid;
    loadedCount();
    return index.get(id);
  };

  // ─── coverage ────────────────────────────────────────────────────────────
  const [coverage, setCoverage] = createSignal<CoverageState | null>(null);
  async function checkCoverage(target: string) {
    setCoverage({ target, state: "loading" });
    try {
      const report = await grids.coverage(target);
      if (disposed || coverage()?.target !== target) return;
      setCoverage({ target, state: "done", report });
    } catch (failure) {
      if (disposed || coverage()?.target !== target) return;
      setCoverage({ target, state: "error", error: failure });
    }
  }

  // ─── locate ──────────────────────────────────────────────────────────────
  const [locateState, setLocateState] = createSignal<LocateState | null>(null);
  const [pickMode, setPickMode] = createSignal(false);
  let locateSeq = 0;
  async function locate(lon: number, lat: number, locateOptions: { focus?: boolean } = {}) {
    const seq = ++locateSeq;
    setPickMode(false);
    setLocateState({ lon, lat, state: "loading" });
    try {
      const result = await grids.locate(lon, lat);
      if (disposed || seq !== locateSeq) return;
      setLocateState({ lon, lat, state: "found", result });
      select(result.grid.gridID, "locate");
      reveal(result.ancestors.map((ancestor) => ancestor.gridID));
      if (locateOptions.focus) focusOn([lon - 0.01, lat - 0.01, lon + 0.01, lat + 0.01]);
    } catch (failure) {
      if (disposed || seq !== locateSeq) return;
      const outside = failure instanceof ApiError && failure.code === "grid.outside_district";
      setLocateState({ lon, lat, state: outside ? "outside" : "error", error: failure });
      if (locateOptions.focus) focusOn([lon - 0.01, lat - 0.01, lon + 0.01, lat + 0.01]);
    }
  }

  const workspace: GridWorkspace = {
    config,
    layers,
    loadLayers: () => {
      retryFailed();
      void loadLayers();
    },
    lookup: (gridID) => {
      loadedCount();
      return index.get(gridID);
    },
    loadedCount,
    search,
    gridAt,
    branch,
    loadChildren,
    isExpanded: (gridID) => expanded().has(gridID),
    setExpanded,
    selectedID,
    select,
    detail,
    people,
    selectedGrid,
    focus,
    focusOn,
    coverage,
    checkCoverage,
    clearCoverage: () => setCoverage(null),
    locateState,
    locate,
    clearLocate: () => setLocateState(null),
    pickMode,
    setPickMode,
  };
  if (options.autoLoad !== false) void loadLayers();
  return workspace;
}

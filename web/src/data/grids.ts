/**
 * The grid API as the portal's grid pages use it. Types come from core as types only;
 * requests go through the session's API client (base URL, bearer token, problem+json).
 */
import type { Grid, GridRef } from "@wangge/core/grid/model";
import type { Assignment } from "@wangge/core/person/index";
import { allPages, compact, ok, type Api, type Reply, type Schema } from "./api.ts";
import type { Page } from "./types.ts";

export type { Assignment, Grid, GridRef };

/** A GeoJSON Polygon or MultiPolygon, [longitude, latitude]. */
export type Boundary = NonNullable<Grid["boundary"]>;

/** `[minLon, minLat, maxLon, maxLat]`. */
export type BBox = [number, number, number, number];

/** A grid's reply: the grid (with its boundary) and its ancestors, top-down. */
export type GridDetail = Omit<Reply<"/grids/{gridID}", "get">, "grid"> & { grid: Grid };

/** What a coverage report calls a grid. */
export interface CodeRef {
  gridID: string;
  code: string;
}

/** The coverage report (无缝覆盖) of a grid's children, or of the first tier (`root`). */
export interface Coverage {
  grid: GridRef | null;
  children: number;
  ok: boolean;
  parentAreaM2: number;
  childrenAreaM2: number;
  outside: Array<CodeRef & { areaM2: number; geometry?: unknown }>;
  overlaps: Array<{ a: CodeRef; b: CodeRef; areaM2: number; geometry?: unknown }>;
  gaps: Array<{ areaM2: number; geometry?: unknown }>;
}
export type Location = Reply<"/grids/locate", "get">;
export type Upload = Reply<"/grids/imports/uploads", "post">;
/** An import as the worker runs it in the background: queued, validating, writing, then done or failed. */
export type ImportJob = Reply<"/grids/imports/{importID}", "get">;
/** An export the worker writes in the background; `url` (an hour) once it is done. */
export type ExportJob = Reply<"/grids/exports/{exportID}", "get">;

/** The page size of grid and people lists (the API's maximum). */
export const GRID_PAGE = 200;

/** The document leaves a grid's GeoJSON open (`boundary: unknown`); core's model names its shape. */
export function withBoundaries(page: Page<Schema<"Grid">>): Page<Grid> {
  return page as Page<Grid>;
}

export function gridsApi(api: Api) {
  const { client } = api;
  const gridPath = (gridID: string) => ({ params: { path: { gridID } } });
  return {
    /** The children of a grid (`root`: the first tier), without boundaries. */
    children: (parentID: string) =>
      allPages((cursor) =>
        ok(client.GET("/grids", { params: { query: compact({ parentID, limit: GRID_PAGE, cursor }) } })).then(withBoundaries),
      ),
    /** One page of a whole tier (a level, or `dedicated`) with boundaries, for the map. */
    tierPage: (tier: number | "dedicated", cursor: string | null) =>
      ok(client.GET("/grids", { params: { query: compact({ tier: String(tier), boundary: true, limit: GRID_PAGE, cursor }) } })).then(
        withBoundaries,
      ),
    grid: (gridID: string): Promise<GridDetail> => ok(client.GET("/grids/{gridID}", gridPath(gridID))) as Promise<GridDetail>,
    people: (gridID: string) =>
      allPages((cursor) => ok(client.GET("/people", { params: { query: compact({ gridID, limit: GRID_PAGE, cursor }) } }))),
    // openapi-typescript reads the nullable `grid` as `GridRef & (Record<string, never> | null)`: the report's own type.
    coverage: (gridID: string) => ok(client.GET("/grids/{gridID}/coverage", gridPath(gridID))).then((report) => report as Coverage),
    locate: (lon: number, lat: number) => ok(client.GET("/grids/locate", { params: { query: { lon, lat } } })),
    /** The district's grids whose code starts with, or whose name holds, `q`: best first. */
    search: (q: string, options: { tier?: number; limit?: number } = {}) =>
      ok(client.GET("/grids/search", { params: { query: compact({ q, tier: options.tier, limit: options.limit }) } })),
    createUpload: () => ok(client.POST("/grids/imports/uploads")),
    /** Queues the import of an upload: answers at once, the import still to run (`followImport`). */
    importUpload: (uploadKey: string): Promise<ImportJob> => ok(client.POST("/grids/imports", { body: { uploadKey } })),
    importStatus: (importID: string): Promise<ImportJob> => ok(client.GET("/grids/imports/{importID}", { params: { path: { importID } } })),
    /** Queues an export of every active grid: answers at once, the file still to write (`follow`). */
    startExport: (): Promise<ExportJob> => ok(client.POST("/grids/exports")),
    exportStatus: (exportID: string): Promise<ExportJob> => ok(client.GET("/grids/exports/{exportID}", { params: { path: { exportID } } })),
  };
}

export type GridsApi = ReturnType<typeof gridsApi>;

/** Waits before each look at a running import or export: soon at first, then every 2 s. */
export const POLL_MS = [250, 500, 1000, 2000];

/**
 * Follows background work (an import, an export) by reading it again with `read`, reporting each
 * state, until it is over (done or failed); answers its last state.
 */
export async function follow<Job extends { status: string }>(
  job: Job,
  read: () => Promise<Job>,
  onUpdate?: (job: Job) => void,
): Promise<Job> {
  let current = job;
  for (let polls = 0; current.status !== "done" && current.status !== "failed"; polls++) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS[Math.min(polls, POLL_MS.length - 1)]));
    current = await read();
    onUpdate?.(current);
  }
  return current;
}

/** A presigned upload answered with an error status. */
export class UploadError extends Error {
  constructor(readonly status: number) {
    super(status ? `upload failed: HTTP ${status}` : "upload failed: network");
    this.name = "UploadError";
  }
}

/**
 * PUTs `file` to a presigned URL with XMLHttpRequest (fetch has no upload progress), with no
 * authorization header: the URL carries its own signature. `headers` are those the signature
 * was made for (a photo's `content-type`); `signal` cancels the upload.
 */
export function putFile(
  url: string,
  file: Blob,
  onProgress: (loaded: number, total: number) => void,
  options: { headers?: Record<string, string>; signal?: AbortSignal } = {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("PUT", url);
    for (const [name, value] of Object.entries(options.headers ?? {})) request.setRequestHeader(name, value);
    if (options.signal) {
      if (options.signal.aborted) {
        reject(new UploadError(0));
        return;
      }
      options.signal.addEventListener("abort", () => request.abort(), { once: true });
    }
    request.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    request.onload = () => {
      if (request.status >= 200 && request.status < 300) {
        onProgress(file.size, file.size);
        resolve();
      } else reject(new UploadError(request.status));
    };
    request.onerror = () => reject(new UploadError(0));
    request.onabort = () => reject(new UploadError(0));
    request.send(file);
  });
}

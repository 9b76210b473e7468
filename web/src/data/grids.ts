/**
 * The grid API as the portal's grid pages use it. Types come from core as types only;
 * requests go through the session's API client (base URL, bearer token, problem+json).
 */
import type { Grid, GridRef } from "@wangge/core/grid/model";
import type { Assignment } from "@wangge/core/person/index";
import type { Api } from "./api.ts";
import type { Page } from "./types.ts";

export type { Assignment, Grid, GridRef };

/** A GeoJSON Polygon or MultiPolygon, [longitude, latitude]. */
export type Boundary = NonNullable<Grid["boundary"]>;

/** `[minLon, minLat, maxLon, maxLat]`. */
export type BBox = [number, number, number, number];

/** A grid's reply: the grid (with its boundary) and its ancestors, top-down. */
export interface GridDetail {
  grid: Grid;
  ancestors: GridRef[];
}

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
  outside: Array<CodeRef & { areaM2: number; geometry: unknown }>;
  overlaps: Array<{ a: CodeRef; b: CodeRef; areaM2: number; geometry: unknown }>;
  gaps: Array<{ areaM2: number; geometry: unknown }>;
}

export interface Location {
  grid: GridRef;
  ancestors: GridRef[];
  dedicated: GridRef[];
}

export interface Upload {
  uploadKey: string;
  url: string;
  method: "PUT";
  maxBytes: number;
  expiresAt: string;
}

export interface ImportResult {
  importID: string;
  status: "validating" | "writing" | "done" | "failed";
  total: number;
  written: number;
}

export interface ExportFile {
  url: string;
  count: number;
  bytes: number;
}

/** The page size of grid and people lists (the API's maximum). */
export const GRID_PAGE = 200;
/** A safety stop when following cursors of a list that should be short. */
const MAX_PAGES = 50;

function query(params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null) search.set(key, String(value));
  return search.toString();
}

export function gridsApi(api: Api) {
  /** Every item of a cursor-paginated list. */
  async function everyPage<T>(path: string, params: Record<string, string | number | boolean | undefined>): Promise<T[]> {
    const all: T[] = [];
    let cursor: string | null = null;
    for (let index = 0; index < MAX_PAGES; index++) {
      const page: Page<T> = await api.request<Page<T>>("GET", `${path}?${query({ ...params, limit: GRID_PAGE, cursor })}`);
      all.push(...page.items);
      cursor = page.cursor;
      if (!cursor) break;
    }
    return all;
  }

  return {
    /** The children of a grid (`root`: the first tier), without boundaries. */
    children: (parentID: string) => everyPage<Grid>("/grids", { parentID }),
    /** One page of a whole tier (a level, or `dedicated`) with boundaries, for the map. */
    tierPage: (tier: number | "dedicated", cursor: string | null) =>
      api.request<Page<Grid>>("GET", `/grids?${query({ tier, boundary: true, limit: GRID_PAGE, cursor })}`),
    grid: (gridID: string) => api.request<GridDetail>("GET", `/grids/${encodeURIComponent(gridID)}`),
    people: (gridID: string) => everyPage<Assignment>("/people", { gridID }),
    coverage: (gridID: string) => api.request<Coverage>("GET", `/grids/${encodeURIComponent(gridID)}/coverage`),
    locate: (lon: number, lat: number) => api.request<Location>("GET", `/grids/locate?${query({ lon, lat })}`),
    createUpload: () => api.request<Upload>("POST", "/grids/imports/uploads"),
    importUpload: (uploadKey: string) => api.request<ImportResult>("POST", "/grids/imports", { uploadKey }),
    exportFile: () => api.request<ExportFile>("GET", "/grids/export"),
  };
}

export type GridsApi = ReturnType<typeof gridsApi>;

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

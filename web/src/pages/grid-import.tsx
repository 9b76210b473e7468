import { A, useParams } from "@solidjs/router";
import type { ColumnMap, GridColumn, GridTable, RowProblem } from "@wangge/core/grid/rows";
import { createEffect, createSignal, For, Match, Show, Switch } from "solid-js";
import { ApiError, type FieldError } from "../data/api.ts";
import { GridFileAccept, gridFileKindOf, type GridFileKind } from "../data/grid-file-kind.ts";
import { sampleCsv, sampleGeoJson, sampleHref } from "../data/grid-samples.ts";
import { follow, gridsApi, putFile, UploadError, type ExportJob, type GridsApi, type ImportJob } from "../data/grids.ts";
import { useGridImportLocale } from "../i18n/grid-files.ts";
import { useGridLocale } from "../i18n/grids.ts";
import { isDistrictAdmin, useSession } from "../providers/session.tsx";
import { errorMessage } from "../ui/errors.ts";
import { DownloadIcon, FileIcon, UploadIcon } from "../ui/grid-icons.tsx";
import { AlertIcon, CheckIcon, ChevronRightIcon } from "../ui/icons.tsx";
import { EmptyState, Skeleton } from "../ui/states.tsx";
import { usePageTitle } from "../ui/title.ts";
import "./grids.css";
import "./grid-files.css";

/** The file readers and row rules, loaded when a spreadsheet or shapefile is chosen. */
type GridFiles = typeof import("../data/grid-files.ts");

/** `/d/:slug/grids/import`: import grids from GeoJSON, a spreadsheet or a zipped shapefile, or export them all (district admins). */
export function GridImportPage() {
  const params = useParams<{ slug: string }>();
  const session = useSession();
  const { t } = useGridLocale();
  usePageTitle(() => t("gridImport.title"));
  const grids = gridsApi(session.api);
  return (
    <div class="import-page">
      <div class="page-head">
        <A href={`/d/${params.slug}/grids`} class="back-link">
          <ChevronRightIcon size={14} class="back-icon" />
          {t("gridImport.back")}
        </A>
        <h1 class="page-title">{t("gridImport.title")}</h1>
        <p class="page-subtitle">{t("gridImport.subtitle")}</p>
      </div>
      <Switch>
        <Match when={session.me.data() && isDistrictAdmin(session.me.data(), params.slug)}>
          <div class="import-layout">
            <GridImportForm grids={grids} slug={params.slug} />
            <GridExport grids={grids} />
          </div>
        </Match>
        <Match when={session.me.data() || session.me.error()}>
          <EmptyState title={t("gridImport.adminOnlyTitle")} body={t("gridImport.adminOnlyBody")} />
        </Match>
        <Match when={true}>
          <Skeleton class="card" lines={4} />
        </Match>
      </Switch>
    </div>
  );
}

type Step =
  | { kind: "idle" }
  /** A spreadsheet or shapefile being read in the browser. */
  | { kind: "reading" }
  /** Rows of the table that cannot be grids: nothing was uploaded. */
  | { kind: "rows"; problems: RowProblem[]; shapes: boolean }
  | { kind: "preparing" }
  | { kind: "uploading"; loaded: number; total: number }
  /** The import runs in the background; `job` is its last state read (none yet before the API answered). */
  | { kind: "importing"; job: ImportJob | null }
  | { kind: "done"; result: ImportJob }
  | { kind: "refused"; message: string }
  | { kind: "invalid"; detail: string; problems: FieldError[] }
  | { kind: "failed"; message: string };

/** A spreadsheet or shapefile read in the browser, with the columns chosen for each field. */
interface ReadTable {
  files: GridFiles;
  table: GridTable & { reprojectedFrom?: string };
  columns: ColumnMap;
}

/**
 * Pick a file → (a spreadsheet or shapefile: read here, columns mapped, every row checked, then
 * turned into the GeoJSON the import takes) → presigned upload slot → PUT with progress →
 * import, queued and run in the background (validated as a whole, then written): its progress
 * is polled until it is over. The import's problems about a table's features are told by row.
 */
export function GridImportForm(props: { grids: GridsApi; slug: string }) {
  const { t, formatBytes, formatNumber } = useGridImportLocale();
  const [file, setFile] = createSignal<File | null>(null);
  const [kind, setKind] = createSignal<GridFileKind | null>(null);
  const [table, setTable] = createSignal<ReadTable | null>(null);
  /** The row of each uploaded feature, when the upload was made from a table. */
  const [rowOf, setRowOf] = createSignal<{ rows: number[]; shapes: boolean } | null>(null);
  const [step, setStep] = createSignal<Step>({ kind: "idle" });
  const [dragging, setDragging] = createSignal(false);
  const busy = () => ["reading", "preparing", "uploading", "importing"].includes(step().kind);
  const where = (row: number, shapes: boolean) => t(shapes ? "gridFiles.record" : "gridFiles.row", { row: formatNumber(row) });
  const missing = () => {
    const read = table();
    return read ? read.files.missingColumns(read.columns, Boolean(read.table.shapes)) : [];
  };
  /** The current step if it is of `kind`. */
  const at = <K extends Step["kind"]>(...kinds: K[]) => {
    const current = step();
    return (kinds as string[]).includes(current.kind) ? (current as Extract<Step, { kind: K }>) : undefined;
  };

  async function choose(chosen: File | null | undefined) {
    if (busy()) return;
    setFile(chosen ?? null);
    setTable(null);
    setRowOf(null);
    const chosenKind = chosen ? gridFileKindOf(chosen.name) : null;
    setKind(chosenKind);
    setStep({ kind: "idle" });
    if (!chosen) return;
    if (!chosenKind) {
      setStep({ kind: "refused", message: t("gridFiles.unknownKind") });
      return;
    }
    if (chosen.size === 0) {
      setStep({ kind: "refused", message: t("gridImport.emptyFile") });
      return;
    }
    if (chosenKind === "geojson") return;
    setStep({ kind: "reading" });
    try {
      const files: GridFiles = await import("../data/grid-files.ts");
      const read = await files.readGridTable(chosen, chosenKind);
      if (file() !== chosen) return;
      setTable({ files, table: read, columns: files.guessColumns(read.headers) });
      setStep({ kind: "idle" });
    } catch (failure) {
      if (file() !== chosen) return;
      const code = (failure as { code?: unknown }).code;
      const params = (failure as { params?: Record<string, string | number> }).params;
      setStep({
        kind: "refused",
        message: typeof code === "string" ? t(`gridFiles.read.${code}` as never, params) : errorMessage(failure, t),
      });
    }
  }

  function mapColumn(column: GridColumn, value: string) {
    const read = table();
    if (!read) return;
    const columns = { ...read.columns };
    if (value === "") delete columns[column];
    else columns[column] = Number(value);
    setTable({ ...read, columns });
    setStep({ kind: "idle" });
  }

  /** The file to upload: the chosen GeoJSON, or the table's rows as GeoJSON (undefined when a row is wrong). */
  function uploadOf(chosen: File): File | undefined {
    const read = table();
    if (kind() === "geojson" || !read) return chosen;
    const result = read.files.rowsToCollection(read.table, read.columns);
    if (!result.ok) {
      setStep({ kind: "rows", problems: result.problems, shapes: Boolean(read.table.shapes) });
      return undefined;
    }
    setRowOf({ rows: result.rowOf, shapes: Boolean(read.table.shapes) });
    const name = `${chosen.name.replace(/\.[^.]+$/, "")}.geojson`;
    return new File([JSON.stringify(result.collection)], name, { type: "application/geo+json" });
  }

  /** Where a problem of the import is: its row when the upload came from a table. */
  function placeOf(problem: FieldError): string {
    const rows = rowOf();
    const row = rows && table() ? table()!.files.rowOfPath(problem.path, rows.rows) : undefined;
    return row === undefined ? problem.path || "—" : where(row, rows!.shapes);
  }

  async function start(event: Event) {
    event.preventDefault();
    const picked = file();
    if (!picked || busy()) return;
    if (picked.size === 0) {
      setStep({ kind: "refused", message: t("gridImport.emptyFile") });
      return;
    }
    if (missing().length) return;
    const chosen = uploadOf(picked);
    if (!chosen) return;
    setStep({ kind: "preparing" });
    try {
      const upload = await props.grids.createUpload();
      if (chosen.size > upload.maxBytes) {
        setStep({
          kind: "refused",
          message: t("gridImport.tooLarge", { size: formatBytes(chosen.size), max: formatBytes(upload.maxBytes) }),
        });
        return;
      }
      setStep({ kind: "uploading", loaded: 0, total: chosen.size });
      await putFile(upload.url, chosen, (loaded, total) => setStep({ kind: "uploading", loaded, total: total || chosen.size }));
      setStep({ kind: "importing", job: null });
      const queued = await props.grids.importUpload(upload.uploadKey);
      setStep({ kind: "importing", job: queued });
      const result = await follow(
        queued,
        () => props.grids.importStatus(queued.importID),
        (job) => setStep({ kind: "importing", job }),
      );
      if (result.status === "done") setStep({ kind: "done", result });
      else if (result.failure?.code === "import.invalid")
        setStep({ kind: "invalid", detail: result.failure.message, problems: result.problems });
      else setStep({ kind: "failed", message: result.failure?.message ?? t("common.unknownError") });
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === "import.invalid")
        setStep({ kind: "invalid", detail: errorMessage(failure, t), problems: failure.fieldErrors });
      else if (failure instanceof UploadError)
        setStep({
          kind: "failed",
          message: failure.status ? t("gridImport.uploadFailed", { status: failure.status }) : t("gridImport.uploadNetwork"),
        });
      else setStep({ kind: "failed", message: errorMessage(failure, t) });
    }
  }

  const percent = (loaded: number, total: number) => (total ? Math.min(100, Math.round((loaded / total) * 100)) : 0);

  return (
    <section class="card import-card" aria-labelledby="import-title">
      <h2 class="section-title" id="import-title">
        {t("gridImport.importTitle")}
      </h2>
      <p class="section-hint">{t("gridImport.formatHint")}</p>
      <GridSamples />
      <form class="form" onSubmit={start}>
        <label
          class="dropzone"
          classList={{ "is-dragging": dragging(), "has-file": Boolean(file()), "is-disabled": busy() }}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(event) => {
            event.preventDefault();
            setDragging(false);
            choose(event.dataTransfer?.files?.[0]);
          }}
        >
          <input
            class="visually-hidden"
            type="file"
            accept={GridFileAccept}
            data-testid="import-file"
            disabled={busy()}
            onChange={(event) => choose(event.currentTarget.files?.[0])}
          />
          <span class="dropzone-icon" aria-hidden="true">
            <Show when={file()} fallback={<UploadIcon size={22} />}>
              <FileIcon size={22} />
            </Show>
          </span>
          <span class="dropzone-text">
            <span class="dropzone-title">
              {file() ? t("gridImport.fileChosen", { name: file()!.name, size: formatBytes(file()!.size) }) : t("gridImport.file")}
            </span>
            <span class="dropzone-hint">{t("gridImport.fileHint")}</span>
          </span>
        </label>
        <Show when={table()}>
          {(read) => (
            <fieldset class="column-map" data-testid="column-map">
              <legend class="column-map-title">{t("gridFiles.mappingTitle")}</legend>
              <p class="section-hint">
                {read().table.shapes
                  ? t("gridFiles.mappingShapes", { count: formatNumber(read().table.rows.length) })
                  : t("gridFiles.mappingRows", { count: formatNumber(read().table.rows.length) })}
                {" · "}
                {t("gridFiles.mappingHint")}
              </p>
              <Show when={read().table.reprojectedFrom}>
                {(name) => (
                  <p class="section-hint" data-testid="reprojected">
                    {t("gridFiles.reprojected", { name: name() })}
                  </p>
                )}
              </Show>
              <div class="column-map-fields">
                <For each={read().files.GridColumns.filter((column) => !(read().table.shapes && column === "boundary"))}>
                  {(column) => {
                    const required = column === "code" || column === "name" || column === "boundary";
                    return (
                      <label class="field column-map-field">
                        <span class="field-label">
                          {t(`gridFiles.column.${column}`)}
                          {required ? " *" : ""}
                        </span>
                        <select
                          class="input"
                          data-testid={`column-${column}`}
                          disabled={busy()}
                          onChange={(event) => mapColumn(column, event.currentTarget.value)}
                          // Set once the options are there (a select's value before them is lost).
                          ref={(select) => createEffect(() => (select.value = String(read().columns[column] ?? "")))}
                        >
                          <option value="">{t("gridFiles.notMapped")}</option>
                          <For each={read().table.headers}>
                            {(header, index) => <option value={index()}>{header || `#${index() + 1}`}</option>}
                          </For>
                        </select>
                      </label>
                    );
                  }}
                </For>
              </div>
              <Show when={missing().length}>
                <p class="notice notice-error" data-testid="columns-missing">
                  <AlertIcon size={16} />
                  <span>
                    {t("gridFiles.missing", {
                      columns: missing()
                        .map((column) => t(`gridFiles.column.${column}`))
                        .join("、"),
                    })}
                  </span>
                </p>
              </Show>
            </fieldset>
          )}
        </Show>
        <div class="import-actions">
          <button
            type="submit"
            class="button button-primary"
            disabled={!file() || busy() || !kind() || (kind() !== "geojson" && !table()) || missing().length > 0}
            data-testid="import-submit"
          >
            <Show when={busy()} fallback={<UploadIcon size={16} />}>
              <span class="spinner" aria-hidden="true" />
            </Show>
            {t("gridImport.submit")}
          </button>
          <span class="import-rules">{t("gridImport.rules")}</span>
        </div>
      </form>

      <Show when={step().kind !== "idle"}>
        <div class="import-status" data-testid="import-status" data-step={step().kind} role="status" aria-live="polite">
          <Switch>
            <Match when={at("reading")}>
              <p class="import-line">
                <span class="spinner" aria-hidden="true" />
                {t("gridFiles.reading")}
              </p>
            </Match>
            <Match when={at("rows")}>
              {(rows) => (
                <div class="import-invalid" data-testid="import-problems">
                  <p class="notice notice-error">
                    <AlertIcon size={16} />
                    <strong>
                      {t("gridFiles.rowsTitle", { count: formatNumber(new Set(rows().problems.map((problem) => problem.row)).size) })}
                    </strong>
                  </p>
                  <div class="problem-table-wrap" tabindex="0">
                    <table class="problem-table">
                      <thead>
                        <tr>
                          <th scope="col">{t("gridImport.colPath")}</th>
                          <th scope="col">{t("gridImport.colMessage")}</th>
                        </tr>
                      </thead>
                      <tbody>
                        <For each={rows().problems}>
                          {(problem) => (
                            <tr data-testid="import-problem">
                              <td>
                                {t("gridFiles.rowColumn", {
                                  where: where(problem.row, rows().shapes),
                                  column: t(`gridFiles.column.${problem.column}`),
                                })}
                              </td>
                              <td>
                                {t(`gridFiles.issue.${problem.issue}`, {
                                  value: problem.value ?? "",
                                  other: problem.other === undefined ? "" : formatNumber(problem.other),
                                })}
                              </td>
                            </tr>
                          )}
                        </For>
                      </tbody>
                    </table>
                  </div>
                </div>
              )}
            </Match>
            <Match when={at("preparing")}>
              <p class="import-line">
                <span class="spinner" aria-hidden="true" />
                {t("gridImport.preparing")}
              </p>
            </Match>
            <Match when={at("uploading")}>
              {(uploading) => (
                <ImportProgress
                  percent={percent(uploading().loaded, uploading().total)}
                  line={t("gridImport.uploading", {
                    percent: percent(uploading().loaded, uploading().total),
                    loaded: formatBytes(uploading().loaded),
                    total: formatBytes(uploading().total),
                  })}
                />
              )}
            </Match>
            <Match when={at("importing")?.job?.status === "writing" && at("importing")?.job}>
              {(job) => (
                <ImportProgress
                  percent={percent(job().written, job().total)}
                  line={t("gridImport.writing", { written: formatNumber(job().written), total: formatNumber(job().total) })}
                />
              )}
            </Match>
            <Match when={at("importing")}>
              <div class="import-progress">
                <p class="import-line">
                  <span class="spinner" aria-hidden="true" />
                  {t("gridImport.validating")}
                </p>
                <div class="progress is-indeterminate" role="progressbar" aria-valuetext={t("gridImport.validating")}>
                  <div class="progress-bar" />
                </div>
              </div>
            </Match>
            <Match when={at("done")}>
              {(done) => (
                <div class="success" data-testid="import-done">
                  <span class="success-icon">
                    <CheckIcon size={18} />
                  </span>
                  <p class="success-title">{t("gridImport.doneTitle")}</p>
                  <p class="success-body">
                    {t("gridImport.doneBody", { written: formatNumber(done().result.written), total: formatNumber(done().result.total) })}
                  </p>
                  <div class="success-actions">
                    <A href={`/d/${props.slug}/grids`} class="button button-primary">
                      {t("gridImport.openMap")}
                    </A>
                  </div>
                </div>
              )}
            </Match>
            <Match when={at("invalid")}>
              {(invalid) => (
                <div class="import-invalid" data-testid="import-problems">
                  <p class="notice notice-error">
                    <AlertIcon size={16} />
                    <span>
                      <strong>{t("gridImport.invalidTitle", { count: formatNumber(invalid().problems.length) })}</strong>
                      <Show when={invalid().detail}>
                        <span class="import-detail">{invalid().detail}</span>
                      </Show>
                    </span>
                  </p>
                  <div class="problem-table-wrap" tabindex="0">
                    <table class="problem-table">
                      <thead>
                        <tr>
                          <th scope="col">#</th>
                          <th scope="col">{t("gridImport.colPath")}</th>
                          <th scope="col">{t("gridImport.colMessage")}</th>
                        </tr>
                      </thead>
                      <tbody>
                        <For each={invalid().problems}>
                          {(problem, index) => (
                            <tr data-testid="import-problem">
                              <td class="problem-index">{index() + 1}</td>
                              <td>
                                <code>{placeOf(problem)}</code>
                              </td>
                              <td>{problem.message}</td>
                            </tr>
                          )}
                        </For>
                      </tbody>
                    </table>
                  </div>
                </div>
              )}
            </Match>
            <Match when={at("refused", "failed")}>
              {(failed) => (
                <p class="notice notice-error" role="alert">
                  <AlertIcon size={16} />
                  <span>
                    <Show when={failed().kind === "failed"}>
                      <strong>{t("gridImport.failedTitle")}: </strong>
                    </Show>
                    {failed().message}
                  </span>
                </p>
              )}
            </Match>
          </Switch>
        </div>
      </Show>
    </section>
  );
}

/** The sample files to start from (GeoJSON and a spreadsheet), built here: nothing to fetch. */
function GridSamples() {
  const { t } = useGridImportLocale();
  return (
    <div class="import-samples" data-testid="import-samples">
      <p class="import-samples-title">{t("gridFiles.samplesTitle")}</p>
      <p class="section-hint">{t("gridFiles.samplesHint")}</p>
      <div class="import-samples-links">
        <a
          class="button button-secondary"
          href={sampleHref(sampleGeoJson(), "application/geo+json")}
          download="网格示例.geojson"
          data-testid="sample-geojson"
        >
          <DownloadIcon size={16} />
          {t("gridFiles.sampleGeoJson")}
        </a>
        <a class="button button-secondary" href={sampleHref(sampleCsv(), "text/csv")} download="网格示例.csv" data-testid="sample-csv">
          <DownloadIcon size={16} />
          {t("gridFiles.sampleCsv")}
        </a>
      </div>
    </div>
  );
}

/** Export every active grid to a GeoJSON file and offer the (short-lived) download link. */
export function GridExport(props: { grids: GridsApi }) {
  const { t, formatBytes, formatNumber } = useGridLocale();
  type State =
    | { kind: "idle" }
    | { kind: "working" }
    | { kind: "ready"; file: ExportJob & { url: string } }
    | { kind: "failed"; error: unknown }
    | { kind: "stopped"; message: string };
  const [state, setState] = createSignal<State>({ kind: "idle" });
  const at = <K extends State["kind"]>(kind: K) => {
    const current = state();
    return current.kind === kind ? (current as Extract<State, { kind: K }>) : undefined;
  };

  async function run() {
    setState({ kind: "working" });
    try {
      // Written in the background: the link comes once the file is there.
      const queued = await props.grids.startExport();
      const file = await follow(queued, () => props.grids.exportStatus(queued.exportID));
      if (file.status === "done" && file.url) setState({ kind: "ready", file: { ...file, url: file.url } });
      else setState({ kind: "stopped", message: file.failure?.message ?? t("common.unknownError") });
    } catch (error) {
      setState({ kind: "failed", error });
    }
  }

  return (
    <section class="card export-card" aria-labelledby="export-title">
      <h2 class="section-title" id="export-title">
        {t("gridImport.exportTitle")}
      </h2>
      <p class="section-hint">{t("gridImport.exportHint")}</p>
      <button type="button" class="button button-secondary" disabled={state().kind === "working"} onClick={run} data-testid="export-button">
        <Show when={state().kind === "working"} fallback={<DownloadIcon size={16} />}>
          <span class="spinner" aria-hidden="true" />
        </Show>
        {state().kind === "working" ? t("gridImport.exporting") : t("gridImport.export")}
      </button>
      <Switch>
        <Match when={at("ready")?.file}>
          {(file) => (
            <div class="export-ready" role="status">
              <p>{t("gridImport.exportReady", { count: formatNumber(file().count ?? 0), size: formatBytes(file().bytes ?? 0) })}</p>
              <a class="button button-primary" href={file().url} download="" data-testid="export-link">
                <DownloadIcon size={16} />
                {t("gridImport.download")}
              </a>
              <p class="export-note">{t("gridImport.exportExpires")}</p>
            </div>
          )}
        </Match>
        <Match when={at("failed")}>
          {(failed) => (
            <p class="notice notice-error" role="alert">
              <AlertIcon size={16} />
              <span>{errorMessage(failed().error, t)}</span>
            </p>
          )}
        </Match>
        <Match when={at("stopped")}>
          {(stopped) => (
            <p class="notice notice-error" role="alert">
              <AlertIcon size={16} />
              <span>{stopped().message}</span>
            </p>
          )}
        </Match>
      </Switch>
    </section>
  );
}

/** A line saying how far a step is, over its bar (uploading the file, writing the grids). */
function ImportProgress(props: { line: string; percent: number }) {
  return (
    <div class="import-progress">
      <p class="import-line">{props.line}</p>
      <div class="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={props.percent}>
        <div class="progress-bar" style={{ width: `${props.percent}%` }} />
      </div>
    </div>
  );
}

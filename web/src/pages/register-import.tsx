import { A, useParams } from "@solidjs/router";
import { createSignal, For, Match, Show, Switch } from "solid-js";
import { follow, putFile } from "../data/grids.ts";
import {
  type RegisterExport,
  type RegisterImport,
  type RegisterImportField,
  RegisterImportFields,
  type RegisterImportMapping,
  registerImportApi,
  RequiredRegisterFields,
} from "../data/register-import.ts";
import { useRegisterImportLocale } from "../i18n/register-import.ts";
import { useSession } from "../providers/session.tsx";
import { errorMessage } from "../ui/errors.ts";
import { usePageTitle } from "../ui/title.ts";

type Step =
  | { kind: "idle" }
  | { kind: "uploading"; percent: number }
  | { kind: "importing"; job: RegisterImport | null }
  | { kind: "over"; job: RegisterImport }
  | { kind: "error"; message: string };

type ExportStep = { kind: "idle" } | { kind: "running"; job: RegisterExport } | { kind: "error"; message: string };

/**
 * `/d/:slug/register/import`: a spreadsheet of people → presigned upload → the import runs in
 * the background (every row checked, then written; all or nothing), its progress polled; the
 * rejected rows shown with a report to download; a mapping step when the headers are not
 * recognised (saved for the district). And the masked export of the caller's grid.
 */
export function RegisterImportPage() {
  const params = useParams<{ slug: string }>();
  const session = useSession();
  const { t, formatNumber } = useRegisterImportLocale();
  usePageTitle(() => t("registerImport.title"));
  const api = registerImportApi(session.api);
  const [file, setFile] = createSignal<File | null>(null);
  const [step, setStep] = createSignal<Step>({ kind: "idle" });
  const [mapping, setMapping] = createSignal<RegisterImportMapping>({});
  const busy = () => step().kind === "uploading" || step().kind === "importing";
  const over = () => {
    const current = step();
    return current.kind === "over" ? current.job : null;
  };

  async function run(chosen: File, withMapping?: RegisterImportMapping) {
    try {
      setStep({ kind: "uploading", percent: 0 });
      const slot = await api.createUpload();
      await putFile(slot.url, chosen, (loaded, total) =>
        setStep({ kind: "uploading", percent: Math.round((loaded / Math.max(total, 1)) * 100) }),
      );
      const started = await api.start(slot.uploadKey, withMapping);
      setStep({ kind: "importing", job: started });
      const job = await follow(
        started,
        () => api.status(started.importID),
        (latest) => setStep({ kind: "importing", job: latest }),
      );
      if (job.failure?.code === "register.import_mapping") setMapping((job.mapping ?? {}) as RegisterImportMapping);
      setStep({ kind: "over", job });
    } catch (failure) {
      setStep({ kind: "error", message: errorMessage(failure, t) });
    }
  }

  const [exporting, setExporting] = createSignal<ExportStep>({ kind: "idle" });
  async function startExport(format: "csv" | "xlsx") {
    try {
      const started = await api.startExport(format);
      setExporting({ kind: "running", job: started });
      const job = await follow(
        started,
        () => api.exportStatus(started.exportID),
        (latest) => setExporting({ kind: "running", job: latest }),
      );
      setExporting(
        job.status === "done"
          ? { kind: "running", job }
          : { kind: "error", message: job.failure?.message ?? t("registerImport.exportFailed") },
      );
    } catch (failure) {
      setExporting({ kind: "error", message: errorMessage(failure, t) });
    }
  }
  const exportJob = () => {
    const current = exporting();
    return current.kind === "running" ? current.job : null;
  };

  const progress = (job: RegisterImport | null) =>
    !job || job.status === "queued"
      ? t("registerImport.queued")
      : job.status === "validating"
        ? t("registerImport.validating", { checked: formatNumber(job.checked) })
        : t("registerImport.writing", { written: formatNumber(job.written), total: formatNumber(job.total) });

  return (
    <div class="import-page">
      <div class="page-head">
        <A href={`/d/${params.slug}`} class="back-link">
          {t("registerImport.back")}
        </A>
        <h1 class="page-title">{t("registerImport.title")}</h1>
        <p class="page-subtitle">{t("registerImport.subtitle")}</p>
      </div>
      <section class="card">
        <label class="field">
          <span>{t("registerImport.choose")}</span>
          <input
            type="file"
            accept=".xlsx,.csv,text/csv"
            disabled={busy()}
            onChange={(event) => {
              setFile(event.currentTarget.files?.[0] ?? null);
              setStep({ kind: "idle" });
            }}
          />
        </label>
        <button type="button" class="button primary" disabled={!file() || busy()} onClick={() => run(file()!)}>
          {t("registerImport.start")}
        </button>
        <Switch>
          <Match when={step().kind === "uploading"}>
            <p role="status">{t("registerImport.uploading", { percent: (step() as { percent: number }).percent })}</p>
          </Match>
          <Match when={step().kind === "importing"}>
            <p role="status">{progress((step() as { job: RegisterImport | null }).job)}</p>
          </Match>
          <Match when={step().kind === "error"}>
            <p role="alert" class="error">
              {(step() as { message: string }).message}
            </p>
          </Match>
          <Match when={over()?.status === "done"}>
            <p role="status">{t("registerImport.done", { written: formatNumber(over()!.written) })}</p>
          </Match>
          <Match when={over()?.failure?.code === "register.import_rejected"}>
            <div role="alert">
              <p>{t("registerImport.rejected", { count: formatNumber(over()!.rejectedCount) })}</p>
              <Show when={over()!.reportUrl}>
                <a href={over()!.reportUrl!} download="">
                  {t("registerImport.report")}
                </a>
              </Show>
              <table class="table">
                <thead>
                  <tr>
                    <th>{t("registerImport.row")}</th>
                    <th>{t("registerImport.column")}</th>
                    <th>{t("registerImport.reason")}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={over()!.rejected}>
                    {(rejected) => (
                      <tr>
                        <td>{rejected.row}</td>
                        <td>{rejected.column}</td>
                        <td>{rejected.reasonZh}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          </Match>
          <Match when={over()?.failure?.code === "register.import_mapping"}>
            <fieldset>
              <legend>{t("registerImport.mappingTitle")}</legend>
              <p>{t("registerImport.mappingBody")}</p>
              <For each={RegisterImportFields as readonly RegisterImportField[]}>
                {(field) => (
                  <label class="field">
                    <span>
                      {t(`registerImport.field.${field}`)}
                      {RequiredRegisterFields.includes(field) ? " *" : ""}
                    </span>
                    <select
                      value={mapping()[field] ?? ""}
                      onChange={(event) => setMapping({ ...mapping(), [field]: event.currentTarget.value || undefined })}
                    >
                      <option value="">{t("registerImport.mappingNone")}</option>
                      <For each={over()!.headers}>{(header) => <option value={header}>{header}</option>}</For>
                    </select>
                  </label>
                )}
              </For>
              <button
                type="button"
                class="button primary"
                disabled={!file() || RequiredRegisterFields.some((field) => !mapping()[field])}
                onClick={() => run(file()!, mapping())}
              >
                {t("registerImport.mappingApply")}
              </button>
            </fieldset>
          </Match>
          <Match when={over()?.failure}>
            <p role="alert" class="error">
              {t("registerImport.failed", { message: over()!.failure!.message })}
            </p>
          </Match>
        </Switch>
      </section>
      <section class="card">
        <h2>{t("registerImport.exportTitle")}</h2>
        <p>{t("registerImport.exportBody")}</p>
        <button
          type="button"
          class="button"
          disabled={exportJob()?.status === "queued" || exportJob()?.status === "writing"}
          onClick={() => startExport("csv")}
        >
          {t("registerImport.exportCsv")}
        </button>
        <button
          type="button"
          class="button"
          disabled={exportJob()?.status === "queued" || exportJob()?.status === "writing"}
          onClick={() => startExport("xlsx")}
        >
          {t("registerImport.exportXlsx")}
        </button>
        <Switch>
          <Match when={exportJob()?.status === "done"}>
            <p role="status">
              {t("registerImport.exportDone", { written: formatNumber(exportJob()!.written) })}{" "}
              <a href={exportJob()!.url!} download="">
                {t("registerImport.exportDownload")}
              </a>
            </p>
          </Match>
          <Match when={exportJob()}>
            <p role="status">{t("registerImport.exportWriting", { written: formatNumber(exportJob()!.written) })}</p>
          </Match>
          <Match when={exporting().kind === "error"}>
            <p role="alert" class="error">
              {(exporting() as { message: string }).message}
            </p>
          </Match>
        </Switch>
      </section>
    </div>
  );
}

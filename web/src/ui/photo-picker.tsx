import { createSignal, For, Match, Show, Switch } from "solid-js";
import type { PhotoProblem, PhotoUpload, PhotoUploads } from "../data/photo-uploads.ts";
import { useTicketLocale } from "../i18n/tickets.ts";
import { CloseIcon } from "./grid-icons.tsx";
import { AlertIcon, CameraIcon } from "./icons.tsx";
import { ImageIcon, RefreshIcon } from "./ticket-icons.tsx";

/** Up to six photos: thumbnails with their upload progress, remove, and retry on failure. */
export function PhotoPicker(props: { uploads: PhotoUploads; id: string; label: string; hint?: string; testID?: string; error?: string }) {
  const { t } = useTicketLocale();
  const [overflow, setOverflow] = createSignal(0);
  const full = () => props.uploads.items.length >= props.uploads.max;
  let input!: HTMLInputElement;

  function choose(files: FileList | null | undefined) {
    if (!files?.length) return;
    setOverflow(props.uploads.add(files));
    // The same file may be chosen again after being removed.
    input.value = "";
  }

  return (
    <div class="field photo-field" classList={{ "is-invalid": Boolean(props.error) }}>
      <span class="field-label" id={`${props.id}-label`}>
        {props.label}
        <span class="field-count">{t("photos.count", { count: props.uploads.items.length, max: props.uploads.max })}</span>
      </span>
      <ul class="photo-grid" aria-labelledby={`${props.id}-label`}>
        <For each={props.uploads.items}>{(item, index) => <PhotoTile item={item} index={index()} uploads={props.uploads} />}</For>
        <Show when={!full()}>
          <li>
            <label class="photo-add" for={props.id}>
              <CameraIcon size={24} />
              <span>{props.uploads.items.length ? t("photos.addMore") : t("photos.add")}</span>
            </label>
          </li>
        </Show>
      </ul>
      <input
        ref={input}
        id={props.id}
        class="visually-hidden"
        type="file"
        accept="image/jpeg,image/png,image/webp,image/heic,image/heif,.heic,.heif,image/*"
        multiple
        disabled={full()}
        data-testid={props.testID}
        aria-describedby={props.hint ? `${props.id}-hint` : undefined}
        onChange={(event) => choose(event.currentTarget.files)}
      />
      <Show when={props.error}>
        <p class="field-error">{props.error}</p>
      </Show>
      <Show when={overflow()}>
        <p class="field-error" role="alert">
          {t("photos.overLimit", { count: overflow(), max: props.uploads.max })}
        </p>
      </Show>
      <Show when={props.hint && !props.error}>
        <p class="field-hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      </Show>
    </div>
  );
}

function PhotoTile(props: { item: PhotoUpload; index: number; uploads: PhotoUploads }) {
  const { t } = useTicketLocale();
  // HEIC and the like upload fine but most browsers cannot draw them: show a placeholder.
  const [broken, setBroken] = createSignal(false);
  const percent = () => (props.item.total ? Math.min(100, Math.round((props.item.loaded / props.item.total) * 100)) : 0);
  return (
    <li
      class="photo-tile"
      classList={{ [`is-${props.item.state}`]: true }}
      data-testid="photo-tile"
      data-state={props.item.state}
      title={props.item.name}
    >
      <Show
        when={!broken() && props.item.preview}
        fallback={
          <span class="photo-placeholder" role="img" aria-label={t("photos.preview", { index: props.index + 1 })}>
            <ImageIcon size={26} />
            <span class="photo-name">{props.item.name}</span>
          </span>
        }
      >
        {(preview) => <img src={preview()} alt={t("photos.preview", { index: props.index + 1 })} onError={() => setBroken(true)} />}
      </Show>
      <Switch>
        <Match when={props.item.state === "preparing"}>
          <span class="photo-status" role="status">
            <span class="spinner" aria-hidden="true" />
            <span class="visually-hidden">{t("photos.preparing")}</span>
          </span>
        </Match>
        <Match when={props.item.state === "uploading"}>
          <span class="photo-status" role="status">
            <span class="photo-percent">{percent()}%</span>
            <span
              class="photo-progress"
              role="progressbar"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percent()}
              aria-label={t("photos.uploading")}
            >
              <span style={{ width: `${percent()}%` }} />
            </span>
          </span>
        </Match>
        <Match when={props.item.state === "failed"}>
          <span class="photo-status is-failed">
            <AlertIcon size={16} />
            <span class="photo-problem">{problemText(props.item.problem, t)}</span>
            <Show when={props.item.problem?.code !== "type" && props.item.problem?.code !== "too_large"}>
              <button type="button" class="photo-retry" onClick={() => props.uploads.retry(props.item.id)}>
                <RefreshIcon size={13} />
                {t("photos.retry")}
              </button>
            </Show>
          </span>
        </Match>
      </Switch>
      <button
        type="button"
        class="photo-remove"
        aria-label={t("photos.remove", { index: props.index + 1 })}
        onClick={() => props.uploads.remove(props.item.id)}
      >
        <CloseIcon size={14} />
      </button>
    </li>
  );
}

/** A photo's problem in words. */
export function problemText(problem: PhotoProblem | null, t: ReturnType<typeof useTicketLocale>["t"]): string {
  if (!problem) return "";
  switch (problem.code) {
    case "type":
      return t("photos.errorType");
    case "too_large":
      return t("photos.errorTooLarge", { max: Math.round(problem.max / 1048576) });
    case "upload":
      return t("photos.errorUpload", { status: problem.status });
    case "network":
      return t("photos.errorNetwork");
    case "api":
      switch (problem.apiCode) {
        case "photo.too_large":
          return t("photos.errorTooLarge", { max: 10 });
        case "photo.not_an_image":
          return t("photos.errorNotImage");
        case "photo.type":
        case "photo.type_mismatch":
          return t("photos.errorType");
        case "photo.missing":
          return t("photos.errorMissing");
        default:
          return problem.detail;
      }
  }
}

import { For, Match, Show, Switch, type Accessor, type JSX } from "solid-js";
import { ApiError } from "../data/api.ts";
import type { Query } from "../data/query.ts";
import { useLocale } from "../providers/locale.tsx";
import { errorMessage } from "./errors.ts";
import { AlertIcon } from "./icons.tsx";

/** Placeholder blocks while something loads; screen readers hear the loading message. */
export function Skeleton(props: { lines?: number; class?: string }) {
  const { t } = useLocale();
  return (
    <div class={`skeleton-block ${props.class ?? ""}`} role="status" aria-live="polite">
      <span class="visually-hidden">{t("common.loading")}</span>
      <For each={Array.from({ length: props.lines ?? 3 })}>
        {(_, index) => <div class="skeleton" style={{ width: `${index() === 0 ? 45 : 100 - index() * 12}%` }} />}
      </For>
    </div>
  );
}

export function LoadingText(props: { message?: string }) {
  const { t } = useLocale();
  return (
    <p class="loading-text" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" />
      {props.message ?? t("common.loading")}
    </p>
  );
}

export function ErrorState(props: { error: unknown; title?: string; onRetry?: () => void }) {
  const { t } = useLocale();
  return (
    <div class="state state-error" role="alert">
      <AlertIcon size={28} class="state-icon" />
      <h2 class="state-title">{props.title ?? t("common.errorTitle")}</h2>
      <p class="state-body">{errorMessage(props.error, t)}</p>
      <Show when={props.onRetry}>
        {(retry) => (
          <button type="button" class="button button-secondary" onClick={() => retry()()}>
            {t("common.retry")}
          </button>
        )}
      </Show>
    </div>
  );
}

/** A failed load: for a refusal (403) the page's word on why, as an empty state; otherwise the error with a retry. */
export function RefusalOrError(props: { error: unknown; refused: string; onRetry?: () => void }) {
  const { t } = useLocale();
  return (
    <Show
      when={props.error instanceof ApiError && props.error.status === 403}
      fallback={<ErrorState error={props.error} onRetry={props.onRetry} />}
    >
      <EmptyState title={t("common.errorTitle")} body={props.refused} />
    </Show>
  );
}

export function EmptyState(props: { title: string; body?: string; icon?: JSX.Element; children?: JSX.Element }) {
  return (
    <div class="state state-empty">
      {props.icon}
      <h2 class="state-title">{props.title}</h2>
      <Show when={props.body}>
        <p class="state-body">{props.body}</p>
      </Show>
      {props.children}
    </div>
  );
}

/**
 * What a query shows: its data once loaded, its failure with a retry, or placeholders while it loads.
 * A failed reload leaves the data on screen, unless `failureFirst` (then the failure replaces it).
 */
export function QueryView<T>(props: {
  query: Query<T>;
  lines?: number;
  skeletonClass?: string;
  failureFirst?: boolean;
  children: (data: Accessor<T>) => JSX.Element;
}) {
  return (
    <Switch>
      <Match when={(props.failureFirst || !props.query.data()) && props.query.error()}>
        {(error) => <ErrorState error={error()} onRetry={props.query.reload} />}
      </Match>
      <Match when={props.query.data()}>{(data) => props.children(data as Accessor<T>)}</Match>
      <Match when={true}>
        <Skeleton lines={props.lines} class={props.skeletonClass} />
      </Match>
    </Switch>
  );
}

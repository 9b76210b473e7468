import { useParams } from "@solidjs/router";
import { createSignal, createUniqueId, For, Match, Show, Switch, type Accessor, type JSX } from "solid-js";
import type { Query } from "../data/query.ts";
import type { DistrictConfig, MechanismKey, SignedInActor } from "../data/types.ts";
import { useMenuLocale, type MenuMessageKey } from "../i18n/menu.ts";
import { DistrictGate } from "../ui/district-gate.tsx";
import { GridSelect } from "../ui/grid-select.tsx";
import { useDistrict } from "../providers/district.tsx";
import { FailureNotice } from "../ui/failure-notice.tsx";
import { useMechanismTitle } from "../ui/terms.ts";
import { usePageTitle } from "../ui/title.ts";
import { EmptyState, ErrorState, Skeleton } from "../ui/states.tsx";
import "./wishes.css";

/**
 * The frame of the wishes, needs and meetings pages: the title, then the district's gate for the
 * page's mechanism, with the signed-in actor.
 */
export function MenuPage(props: {
  page: "wishes" | "needs" | "meetings";
  mechanism: MechanismKey;
  children: (config: DistrictConfig, actor: SignedInActor) => JSX.Element;
}) {
  const params = useParams<{ slug: string }>();
  const { t } = useMenuLocale();
  const title = useMechanismTitle(
    () => params.slug,
    props.mechanism,
    () => t(`${props.page}.title`),
  );
  usePageTitle(title);
  return (
    <div class="menu-page">
      <div class="page-head">
        <h1 class="page-title">{title()}</h1>
        <p class="page-subtitle">{t(`${props.page}.subtitle`)}</p>
      </div>
      <DistrictGate
        slug={params.slug}
        mechanism={props.mechanism}
        actor
        skeletonLines={4}
        off={{ title: t("menu.offTitle"), body: t("menu.offBody") }}
        notFound={{ title: t("district.notFoundTitle"), body: t("district.notFoundBody") }}
      >
        {(config, _district, actor) => props.children(config, actor)}
      </DistrictGate>
    </div>
  );
}

/** The grid a record goes on: one grid select (search by name or code, or tier by tier). */
export function GridPicker(props: {
  value: string | null;
  onChange: (gridID: string | null) => void;
  testID?: string;
  label?: MenuMessageKey;
}) {
  const { t } = useMenuLocale();
  const district = useDistrict();
  const id = createUniqueId();
  return (
    <div data-testid={`${props.testID ?? "grid-picker"}-field`}>
      <GridSelect
        id={`grid-${id}`}
        label={t(props.label ?? "menu.grid")}
        value={props.value ?? ""}
        onChange={(grid) => props.onChange(grid?.gridID ?? null)}
        tiers={district.config.tiers}
        testid={props.testID ?? "grid-picker"}
      />
    </div>
  );
}

/** Counts as a bar: each part a share of the whole, with its number. */
export function ProgressBar(props: { parts: { key: string; label: string; value: number }[]; testID?: string }) {
  const total = () => props.parts.reduce((sum, part) => sum + Math.max(0, part.value), 0);
  return (
    <div class="menu-progress" data-testid={props.testID}>
      <div class="menu-progress-bar" role="img" aria-label={props.parts.map((part) => `${part.label} ${part.value}`).join(", ")}>
        <For each={props.parts}>
          {(part) => (
            <span
              class={`menu-progress-part part-${part.key}`}
              style={{ width: `${total() ? (Math.max(0, part.value) / total()) * 100 : 0}%` }}
            />
          )}
        </For>
      </div>
      <ul class="menu-progress-legend">
        <For each={props.parts}>
          {(part) => (
            <li data-part={part.key}>
              <span class={`menu-progress-dot part-${part.key}`} aria-hidden="true" />
              {part.label} <strong>{part.value}</strong>
            </li>
          )}
        </For>
      </ul>
    </div>
  );
}

/** A step's button that runs `action`, disables itself meanwhile, and shows a failure. */
export function useStep() {
  const [busy, setBusy] = createSignal<string | null>(null);
  const [failure, setFailure] = createSignal<unknown>();
  async function run(key: string, action: () => Promise<unknown>) {
    setBusy(key);
    setFailure(undefined);
    try {
      await action();
      return true;
    } catch (error) {
      setFailure(() => error);
      return false;
    } finally {
      setBusy(null);
    }
  }
  return { busy, failure, run };
}

/** A step's failure, said in the page's language. */
export function StepError(props: { step: { failure: Accessor<unknown> } }) {
  return <FailureNotice error={props.step.failure()} />;
}

/** What the last step did, when there is something to say. */
export function Notice(props: { text: string | null; testID: string }) {
  return (
    <Show when={props.text}>
      <p class="notice notice-success" role="status" data-testid={props.testID}>
        {props.text}
      </p>
    </Show>
  );
}

/** A form's submit and cancel buttons. */
export function FormButtons(props: { label: string; disabled: boolean; testID: string; onCancel: () => void }) {
  const { t } = useMenuLocale();
  return (
    <div class="menu-row">
      <button type="submit" class="button button-primary" disabled={props.disabled} data-testid={props.testID}>
        {props.label}
      </button>
      <button type="button" class="button button-secondary" onClick={() => props.onCancel()}>
        {t("menu.cancel")}
      </button>
    </div>
  );
}

/**
 * A short text and its submit inside a card (认领单位, 办结说明, 实现说明): sent, trimmed, once it has two
 * characters or more; a `multiline` text is a two-row textarea.
 */
export function InlineTextForm(props: {
  id: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  multiline?: boolean;
  busy: boolean;
  testID: string;
  submitTestID: string;
  onSubmit: (text: string) => void;
}) {
  const { t } = useMenuLocale();
  const ready = () => props.value.trim().length >= 2;
  const onInput = (event: { currentTarget: { value: string } }) => props.onValue(event.currentTarget.value);
  return (
    <form
      class="menu-inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (ready()) props.onSubmit(props.value.trim());
      }}
    >
      <label class="field-label" for={props.id}>
        {props.label}
      </label>
      <Show
        when={props.multiline}
        fallback={<input id={props.id} class="input" value={props.value} onInput={onInput} data-testid={props.testID} />}
      >
        <textarea id={props.id} class="input textarea" rows={2} value={props.value} onInput={onInput} data-testid={props.testID} />
      </Show>
      <button type="submit" class="button button-primary button-small" disabled={props.busy || !ready()} data-testid={props.submitTestID}>
        {t("menu.submit")}
      </button>
    </form>
  );
}

/** A loaded list of cards: its error, loading and empty states, then one item a row. */
export function CardList<T>(props: {
  list: Query<{ items: T[] }>;
  empty: { title: string; body: string };
  testID: string;
  children: (item: T) => JSX.Element;
}) {
  return (
    <Switch>
      <Match when={props.list.error()}>{(error) => <ErrorState error={error()} onRetry={props.list.reload} />}</Match>
      <Match when={!props.list.data()}>
        <Skeleton class="card" lines={4} />
      </Match>
      <Match when={props.list.data()!.items.length === 0}>
        <EmptyState title={props.empty.title} body={props.empty.body} />
      </Match>
      <Match when={true}>
        <ul class="menu-list" data-testid={props.testID}>
          <For each={props.list.data()!.items}>{(item) => <li>{props.children(item)}</li>}</For>
        </ul>
      </Match>
    </Switch>
  );
}

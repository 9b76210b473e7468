import { createMemo, createSignal, For, Show } from "solid-js";
import {
  mayCreateNeed,
  needActions,
  needKinds,
  needsApi,
  needStates,
  type NeedItem,
  type NeedKind,
  type NeedListQuery,
  type NeedsApi,
  type NeedState,
} from "../data/needs.ts";
import { createQuery } from "../data/query.ts";
import type { SignedInActor } from "../data/types.ts";
import { useMenuLocale } from "../i18n/menu.ts";
import { useSession } from "../providers/session.tsx";
import { CardList, FormButtons, GridPicker, InlineTextForm, MenuPage, Notice, ProgressBar, StepError, useStep } from "./wishes-common.tsx";

/** `/d/:slug/needs`: the problem and project lists (问题清单·项目清单) of a grid or community, with their progress. */
export function NeedsPage() {
  const session = useSession();
  const needs = needsApi(session.api);
  return (
    <MenuPage page="needs" mechanism="needsLists">
      {(_config, actor) => <NeedsBody actor={actor} needs={needs} />}
    </MenuPage>
  );
}

function NeedsBody(props: { actor: SignedInActor; needs: NeedsApi }) {
  const { t } = useMenuLocale();
  const [gridID, setGridID] = createSignal<string | null>(null);
  const [status, setStatus] = createSignal<NeedState | "">("");
  const [kind, setKind] = createSignal<NeedKind | "">("");
  const [version, setVersion] = createSignal(0);
  const [notice, setNotice] = createSignal<string | null>(null);
  const query = createMemo<NeedListQuery>(() => ({
    gridID: gridID() ?? undefined,
    status: status() || undefined,
    kind: kind() || undefined,
  }));
  const list = createQuery(
    () => `${JSON.stringify(query())}#${version()}`,
    () => props.needs.list(query()),
  );
  const progress = createQuery(
    () => `${gridID() ?? "district"}#${version()}`,
    () => props.needs.progress(gridID() ?? undefined),
  );
  const changed = (message: string) => {
    setNotice(message);
    setVersion((value) => value + 1);
  };
  return (
    <div class="menu-body">
      <section class="card menu-filters">
        <GridPicker value={gridID()} onChange={setGridID} testID="needs-grid" label="needs.scope" />
        <div class="menu-row">
          <select
            class="input select input-small"
            aria-label={t("needs.filterStatus")}
            data-testid="needs-status"
            onChange={(event) => setStatus(event.currentTarget.value as NeedState | "")}
          >
            <option value="">{t("needs.allStates")}</option>
            <For each={needStates}>{(state) => <option value={state}>{t(`needs.status.${state}`)}</option>}</For>
          </select>
          <select
            class="input select input-small"
            aria-label={t("needs.filterKind")}
            data-testid="needs-kind"
            onChange={(event) => setKind(event.currentTarget.value as NeedKind | "")}
          >
            <option value="">{t("needs.allKinds")}</option>
            <For each={needKinds}>{(candidate) => <option value={candidate}>{t(`needs.kind.${candidate}`)}</option>}</For>
          </select>
        </div>
        <Show when={progress.data()}>
          {(counts) => (
            <>
              <p class="menu-progress-title" data-testid="needs-progress-title">
                {t("needs.progressOf", { done: counts().closed, total: counts().created })}
              </p>
              <ProgressBar
                testID="needs-progress"
                parts={[
                  { key: "open", label: t("needs.status.open"), value: counts().open },
                  { key: "claimed", label: t("needs.status.claimed"), value: counts().inProgress },
                  { key: "closed", label: t("needs.status.closed"), value: counts().closed - counts().confirmed },
                  { key: "confirmed", label: t("needs.status.confirmed"), value: counts().confirmed },
                ]}
              />
            </>
          )}
        </Show>
      </section>
      <Show when={mayCreateNeed(props.actor)}>
        <NeedForm needs={props.needs} gridID={gridID()} onCreated={() => changed(t("needs.created"))} />
      </Show>
      <Notice text={notice()} testID="needs-notice" />
      <CardList list={list} empty={{ title: t("needs.emptyTitle"), body: t("needs.emptyBody") }} testID="needs-list">
        {(item) => <NeedCard item={item} actor={props.actor} needs={props.needs} onDone={changed} />}
      </CardList>
    </div>
  );
}

function NeedForm(props: { needs: NeedsApi; gridID: string | null; onCreated: () => void }) {
  const { t } = useMenuLocale();
  const [open, setOpen] = createSignal(false);
  const [kind, setKind] = createSignal<NeedKind>("problem");
  const [title, setTitle] = createSignal("");
  const step = useStep();
  return (
    <Show
      when={open()}
      fallback={
        <button type="button" class="button button-secondary" onClick={() => setOpen(true)} data-testid="needs-new">
          {t("needs.new")}
        </button>
      }
    >
      <form
        class="card menu-form"
        data-testid="needs-form"
        onSubmit={async (event) => {
          event.preventDefault();
          if (!props.gridID || title().trim().length < 2) return;
          const ok = await step.run("create", () => props.needs.create({ kind: kind(), title: title().trim(), gridID: props.gridID! }));
          if (ok) {
            setTitle("");
            setOpen(false);
            props.onCreated();
          }
        }}
      >
        <p class="field-hint">{props.gridID ? t("needs.form.onGrid") : t("needs.form.pickGrid")}</p>
        <div class="menu-row">
          <select
            class="input select"
            aria-label={t("needs.form.kind")}
            value={kind()}
            onChange={(event) => setKind(event.currentTarget.value as NeedKind)}
            data-testid="needs-form-kind"
          >
            <For each={needKinds}>{(candidate) => <option value={candidate}>{t(`needs.kind.${candidate}`)}</option>}</For>
          </select>
          <input
            class="input"
            aria-label={t("needs.form.title")}
            placeholder={t("needs.form.title")}
            maxLength={120}
            value={title()}
            onInput={(event) => setTitle(event.currentTarget.value)}
            data-testid="needs-form-title"
          />
        </div>
        <StepError step={step} />
        <FormButtons
          label={t("menu.submit")}
          disabled={!props.gridID || title().trim().length < 2 || step.busy() !== null}
          testID="needs-form-submit"
          onCancel={() => setOpen(false)}
        />
      </form>
    </Show>
  );
}

function NeedCard(props: { item: NeedItem; actor: SignedInActor; needs: NeedsApi; onDone: (message: string) => void }) {
  const { t, formatDateTime } = useMenuLocale();
  const step = useStep();
  const [form, setForm] = createSignal<"claimUnit" | "close" | null>(null);
  const [text, setText] = createSignal("");
  const actions = () => needActions(props.actor, props.item);
  const act = (action: "claim" | "claimUnit" | "close" | "confirm", run: () => Promise<unknown>) =>
    step.run(action, run).then((ok) => {
      if (!ok) return;
      setForm(null);
      props.onDone(t(`needs.done.${action}`));
    });
  return (
    <article class="card menu-card" data-testid="need-card" data-item={props.item.itemID} data-status={props.item.status}>
      <div class="menu-card-top">
        <span class={`badge menu-kind kind-${props.item.kind}`}>{t(`needs.kind.${props.item.kind}`)}</span>
        <h2 class="menu-card-title">{props.item.title}</h2>
        <span class={`badge menu-status status-${props.item.status}`} data-testid="need-status">
          {t(`needs.status.${props.item.status}`)}
        </span>
      </div>
      <p class="menu-card-meta">
        <span>{t(`needs.source.${props.item.source}`)}</span>
        <time dateTime={props.item.createdAt}>{formatDateTime(props.item.createdAt)}</time>
        <Show when={props.item.status !== "open" && (props.item.claimantUnit || props.item.claimantID)}>
          <span>{t("needs.claimant", { name: props.item.claimantUnit ?? props.item.claimantName ?? t("needs.claimantCadre") })}</span>
        </Show>
        <Show when={props.item.closeNote}>{(note) => <span>{t("needs.closeNoteShown", { note: note() })}</span>}</Show>
      </p>
      <div class="menu-actions">
        <For each={actions()}>
          {(action) => (
            <button
              type="button"
              class="button button-small"
              classList={{ "button-primary": action !== "claimUnit", "button-secondary": action === "claimUnit" }}
              disabled={step.busy() !== null}
              data-testid={`need-${action}`}
              onClick={() => {
                if (action === "claim") act("claim", () => props.needs.claim(props.item.itemID));
                else if (action === "confirm") act("confirm", () => props.needs.confirm(props.item.itemID));
                else {
                  setText("");
                  setForm(action);
                }
              }}
            >
              {t(`needs.action.${action}`)}
            </button>
          )}
        </For>
      </div>
      <Show when={form()}>
        {(which) => (
          <InlineTextForm
            id={`need-text-${props.item.itemID}`}
            label={which() === "claimUnit" ? t("needs.unit") : t("needs.closeNote")}
            value={text()}
            onValue={setText}
            busy={step.busy() !== null}
            testID="need-text"
            submitTestID="need-submit"
            onSubmit={(unitOrNote) => {
              if (which() === "claimUnit") act("claimUnit", () => props.needs.claim(props.item.itemID, unitOrNote));
              else act("close", () => props.needs.close(props.item.itemID, unitOrNote));
            }}
          />
        )}
      </Show>
      <StepError step={step} />
    </article>
  );
}

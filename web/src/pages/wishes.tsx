import { useSearchParams } from "@solidjs/router";
import { createMemo, createSignal, For, Match, Show, Switch } from "solid-js";
import { gridsApi } from "../data/grids.ts";
import { createQuery } from "../data/query.ts";
import type { SignedInActor } from "../data/types.ts";
import { mayClaimWish, mayPostWish, wishesApi, type Wish, type WishesApi, type WishListQuery } from "../data/wishes.ts";
import { useMenuLocale } from "../i18n/menu.ts";
import { useSession } from "../providers/session.tsx";
import { EmptyState } from "../ui/states.tsx";
import { CardList, GridPicker, InlineTextForm, MenuPage, Notice, StepError, useStep } from "./wishes-common.tsx";

type Tab = "post" | "mine" | "open" | "claimed";

/** The tabs a person sees: residents post and follow their wishes; cadres and grid workers claim and fulfil; admins and leaders watch. */
export function wishTabs(actor: SignedInActor | undefined): Tab[] {
  if (mayClaimWish(actor)) return ["open", "claimed"];
  if (mayPostWish(actor)) return ["post", "mine"];
  return actor?.type === "user" ? ["open"] : [];
}

/** `/d/:slug/wishes`: micro-wishes (微心愿), phone first. */
export function WishesPage() {
  const session = useSession();
  const wishes = wishesApi(session.api);
  return (
    <MenuPage page="wishes" mechanism="wishes">
      {(_config, actor) => <WishTabs actor={actor} wishes={wishes} />}
    </MenuPage>
  );
}

function WishTabs(props: { actor: SignedInActor; wishes: WishesApi }) {
  const { t } = useMenuLocale();
  const [search, setSearch] = useSearchParams<{ tab?: string }>();
  const tabs = createMemo(() => wishTabs(props.actor));
  const tab = createMemo(() => tabs().find((candidate) => candidate === search.tab) ?? tabs()[0]);
  const [notice, setNotice] = createSignal<string | null>(null);
  return (
    <Show when={tab()} fallback={<EmptyState title={t("wishes.noRoleTitle")} body={t("wishes.noRoleBody")} />}>
      {(current) => (
        <div class="menu-body">
          <Show when={tabs().length > 1}>
            <fieldset class="pill-tabs" aria-label={t("wishes.title")}>
              <For each={tabs()}>
                {(candidate) => (
                  <button
                    type="button"
                    class="pill-tab"
                    aria-pressed={candidate === current()}
                    data-testid={`wish-tab-${candidate}`}
                    onClick={() => setSearch({ tab: candidate }, { replace: true })}
                  >
                    {t(`wishes.tab.${candidate}`)}
                  </button>
                )}
              </For>
            </fieldset>
          </Show>
          <Notice text={notice()} testID="wish-notice" />
          <Switch>
            <Match when={current() === "post"}>
              <WishForm
                wishes={props.wishes}
                onPosted={() => {
                  setNotice(t("wishes.posted"));
                  setSearch({ tab: "mine" }, { replace: true });
                }}
              />
            </Match>
            <Match when={true}>
              <WishList actor={props.actor} wishes={props.wishes} tab={current() as Exclude<Tab, "post">} onNotice={setNotice} />
            </Match>
          </Switch>
        </div>
      )}
    </Show>
  );
}

/** Post a wish: what, and where — the device's position located to its grid, or a grid picked. */
function WishForm(props: { wishes: WishesApi; onPosted: (wish: Wish) => void }) {
  const session = useSession();
  const { t } = useMenuLocale();
  const [title, setTitle] = createSignal("");
  const [description, setDescription] = createSignal("");
  const [point, setPoint] = createSignal<{ lon: number; lat: number; grid: string } | null>(null);
  const [gridID, setGridID] = createSignal<string | null>(null);
  const [locating, setLocating] = createSignal<"idle" | "asking" | "failed">("idle");
  const [invalid, setInvalid] = createSignal(false);
  const step = useStep();
  const canGeolocate = typeof navigator !== "undefined" && "geolocation" in navigator;

  function useMyPosition() {
    setLocating("asking");
    navigator.geolocation.getCurrentPosition(
      async (position) => {
        const lon = Number(position.coords.longitude.toFixed(6));
        const lat = Number(position.coords.latitude.toFixed(6));
        try {
          const located = await gridsApi(session.api).locate(lon, lat);
          setPoint({ lon, lat, grid: `${located.grid.name} · ${located.grid.code}` });
          setLocating("idle");
        } catch {
          setPoint(null);
          setLocating("failed");
        }
      },
      () => setLocating("failed"),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 30_000 },
    );
  }

  async function submit(event: Event) {
    event.preventDefault();
    const where = point() ? { lon: point()!.lon, lat: point()!.lat } : gridID() ? { gridID: gridID()! } : null;
    if (title().trim().length < 2 || description().trim().length < 2 || !where) {
      setInvalid(true);
      return;
    }
    let posted: Wish | undefined;
    const ok = await step.run("post", async () => {
      posted = await props.wishes.create({ title: title().trim(), description: description().trim(), ...where });
    });
    if (ok && posted) props.onPosted(posted);
  }

  return (
    <form class="card menu-form" onSubmit={submit} novalidate data-testid="wish-form">
      <div class="field" classList={{ "is-invalid": invalid() && title().trim().length < 2 }}>
        <label class="field-label" for="wish-title">
          {t("wishes.form.title")}
        </label>
        <input
          id="wish-title"
          class="input"
          maxLength={60}
          placeholder={t("wishes.form.titlePlaceholder")}
          value={title()}
          onInput={(event) => setTitle(event.currentTarget.value)}
          data-testid="wish-title"
        />
      </div>
      <div class="field" classList={{ "is-invalid": invalid() && description().trim().length < 2 }}>
        <label class="field-label" for="wish-description">
          {t("wishes.form.description")}
        </label>
        <textarea
          id="wish-description"
          class="input textarea"
          rows={3}
          maxLength={1000}
          placeholder={t("wishes.form.descriptionPlaceholder")}
          value={description()}
          onInput={(event) => setDescription(event.currentTarget.value)}
          data-testid="wish-description"
        />
      </div>
      <div class="field" classList={{ "is-invalid": invalid() && !point() && !gridID() }}>
        <span class="field-label">{t("wishes.form.place")}</span>
        <Show when={canGeolocate}>
          <div class="menu-row">
            <button
              type="button"
              class="button button-secondary button-small"
              onClick={useMyPosition}
              disabled={locating() === "asking"}
              data-testid="wish-use-position"
            >
              <Show when={locating() === "asking"}>
                <span class="spinner" aria-hidden="true" />
              </Show>
              {locating() === "asking" ? t("menu.locating") : t("menu.useMyPosition")}
            </button>
          </div>
        </Show>
        <p class="menu-location" data-testid="wish-location" data-state={point() ? "found" : locating() === "failed" ? "failed" : "none"}>
          {point() ? t("menu.locatedIn", { grid: point()!.grid }) : locating() === "failed" ? t("menu.locateFailed") : t("menu.orPickGrid")}
        </p>
        <Show when={!point()}>
          <GridPicker value={gridID()} onChange={setGridID} testID="wish-grid" />
        </Show>
      </div>
      <Show when={invalid()}>
        <p class="field-error" role="alert">
          {t("wishes.form.incomplete")}
        </p>
      </Show>
      <StepError step={step} />
      <button
        type="submit"
        class="button button-primary button-large button-block"
        disabled={step.busy() !== null}
        data-testid="wish-submit"
      >
        {step.busy() ? t("menu.saving") : t("wishes.form.submit")}
      </button>
    </form>
  );
}

function WishList(props: {
  actor: SignedInActor;
  wishes: WishesApi;
  tab: Exclude<Tab, "post">;
  onNotice: (message: string | null) => void;
}) {
  const { t } = useMenuLocale();
  const query = createMemo<WishListQuery>(() =>
    props.tab === "mine" ? { view: "mine" } : props.tab === "claimed" ? { view: "claimed" } : { view: "grid", status: "open" },
  );
  const list = createQuery(
    () => JSON.stringify(query()),
    (key) => props.wishes.list(JSON.parse(key) as WishListQuery),
  );
  return (
    <CardList list={list} empty={{ title: t(`wishes.empty.${props.tab}`), body: t(`wishes.empty.${props.tab}.body`) }} testID="wish-list">
      {(wish) => (
        <WishCard
          wish={wish}
          actor={props.actor}
          wishes={props.wishes}
          onDone={(message) => {
            props.onNotice(message);
            list.reload();
          }}
        />
      )}
    </CardList>
  );
}

function WishCard(props: { wish: Wish; actor: SignedInActor; wishes: WishesApi; onDone: (message: string) => void }) {
  const { t, formatDateTime } = useMenuLocale();
  const me = () => (props.actor.type === "user" ? props.actor.userID : null);
  const step = useStep();
  const [fulfilling, setFulfilling] = createSignal(false);
  const [note, setNote] = createSignal("");
  const act = (action: "claim" | "release" | "confirm" | "cancel" | "fulfil", run: () => Promise<unknown>) =>
    step.run(action, run).then((ok) => ok && props.onDone(t(`wishes.done.${action}`)));
  const holder = () => props.wish.claimantID !== null && props.wish.claimantID === me();
  const poster = () => props.wish.posterID === me();
  return (
    <article class="card menu-card" data-testid="wish-card" data-wish={props.wish.wishID} data-status={props.wish.status}>
      <div class="menu-card-top">
        <h2 class="menu-card-title">{props.wish.title}</h2>
        <span class={`badge menu-status status-${props.wish.status}`} data-testid="wish-status">
          {t(`wishes.status.${props.wish.status}`)}
        </span>
      </div>
      <p class="menu-card-body">{props.wish.description}</p>
      <p class="menu-card-meta">
        <time dateTime={props.wish.createdAt}>{t("wishes.postedOn", { date: formatDateTime(props.wish.createdAt) })}</time>
        <Show when={props.wish.fulfilNote}>
          <span>{t("wishes.fulfilNoteShown", { note: props.wish.fulfilNote! })}</span>
        </Show>
      </p>
      <div class="menu-actions">
        <Show when={props.wish.status === "open" && mayClaimWish(props.actor)}>
          <button
            type="button"
            class="button button-primary button-small"
            disabled={step.busy() !== null}
            onClick={() => act("claim", () => props.wishes.claim(props.wish.wishID))}
            data-testid="wish-claim"
          >
            {t("wishes.action.claim")}
          </button>
        </Show>
        <Show when={props.wish.status === "claimed" && holder()}>
          <button type="button" class="button button-primary button-small" onClick={() => setFulfilling(true)} data-testid="wish-fulfil">
            {t("wishes.action.fulfil")}
          </button>
          <button
            type="button"
            class="button button-secondary button-small"
            disabled={step.busy() !== null}
            onClick={() => act("release", () => props.wishes.release(props.wish.wishID))}
            data-testid="wish-release"
          >
            {t("wishes.action.release")}
          </button>
        </Show>
        <Show when={props.wish.status === "fulfilled" && poster()}>
          <button
            type="button"
            class="button button-primary button-small"
            disabled={step.busy() !== null}
            onClick={() => act("confirm", () => props.wishes.confirm(props.wish.wishID))}
            data-testid="wish-confirm"
          >
            {t("wishes.action.confirm")}
          </button>
        </Show>
        <Show when={props.wish.status === "open" && poster()}>
          <button
            type="button"
            class="button button-secondary button-small"
            disabled={step.busy() !== null}
            onClick={() => act("cancel", () => props.wishes.cancel(props.wish.wishID))}
            data-testid="wish-cancel"
          >
            {t("wishes.action.cancel")}
          </button>
        </Show>
      </div>
      <Show when={fulfilling()}>
        <InlineTextForm
          id={`fulfil-${props.wish.wishID}`}
          label={t("wishes.fulfilNote")}
          value={note()}
          onValue={setNote}
          multiline
          busy={step.busy() !== null}
          testID="wish-fulfil-note"
          submitTestID="wish-fulfil-submit"
          onSubmit={(text) => act("fulfil", () => props.wishes.fulfil(props.wish.wishID, text))}
        />
      </Show>
      <StepError step={step} />
    </article>
  );
}

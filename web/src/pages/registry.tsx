import { A, useParams } from "@solidjs/router";
import { createMemo, createSignal, For, Match, Show, Switch, type JSX } from "solid-js";
import { createPagedList, type PagedList } from "../data/paged-list.ts";
import {
  mayReadAccessLog,
  registerApi,
  registerSettingsOf,
  type House,
  type Household,
  type Organisation,
  type RegisterApi,
  type ResidentRecord,
} from "../data/register.ts";
import type { DistrictConfig, SignedInActor } from "../data/types.ts";
import { useRegisterLocale } from "../i18n/register.ts";
import { useSession } from "../providers/session.tsx";
import { GridName } from "../ui/grid-name.tsx";
import { GridSelect } from "../ui/grid-select.tsx";
import { EmptyState, Skeleton } from "../ui/states.tsx";
import { EnterpriseForm, HouseForm, PersonForm } from "./registry-forms.tsx";
import { registerError, RegistryFrame, TagChips } from "./registry-parts.tsx";
import { MessageNotice } from "../ui/failure-notice.tsx";

export type RegistryTab = "people" | "households" | "houses" | "enterprises";
const tabs: RegistryTab[] = ["people", "households", "houses", "enterprises"];

/**
 * `/d/:slug/registry`: the grid register (数据平台) for grid workers, grid leaders and district
 * admins. Tabs for people, households, houses and organisations; a search (a name's start, or a
 * full ID number or phone), a grid and a special group to filter by; masked values only.
 */
export function RegistryPage() {
  const params = useParams<{ slug: string }>();
  const { t } = useRegisterLocale();
  const session = useSession();
  const actor = () => session.me.data()?.actor;
  return (
    <RegistryFrame
      title="registry.title"
      subtitle="registry.subtitle"
      testid="registry-page"
      actions={
        <>
          <A href={`/d/${params.slug}/command`} class="button button-secondary" data-testid="registry-open-map">
            {t("registry.commandMap")}
          </A>
          <Show when={mayReadAccessLog(actor())}>
            <A href={`/d/${params.slug}/registry/access-log`} class="button button-secondary" data-testid="registry-open-log">
              {t("registry.accessLog")}
            </A>
          </Show>
          <A href={`/d/${params.slug}/register-import`} class="button button-secondary" data-testid="registry-open-import">
            {t("registry.importExport")}
          </A>
        </>
      }
    >
      {(config, me) => <RegistryBody config={config} actor={me} register={registerApi(session.api)} />}
    </RegistryFrame>
  );
}

interface Filters {
  tab: RegistryTab;
  q: string;
  gridID: string;
  tag: string;
  version: number;
}

function RegistryBody(props: { config: DistrictConfig; actor: SignedInActor; register: RegisterApi }) {
  const params = useParams<{ slug: string }>();
  const { t, pick } = useRegisterLocale();
  const [tab, setTab] = createSignal<RegistryTab>("people");
  const [text, setText] = createSignal("");
  const [q, setQ] = createSignal("");
  const [gridID, setGridID] = createSignal("");
  const [tag, setTag] = createSignal("");
  const [version, setVersion] = createSignal(0);
  const [adding, setAdding] = createSignal(false);
  const [notice, setNotice] = createSignal<string | null>(null);
  const [failure, setFailure] = createSignal<string | null>(null);
  const openTags = () => registerSettingsOf(props.config).tags.filter((candidate) => !candidate.sensitive);
  const filters = createMemo<Filters>(() => ({ tab: tab(), q: q(), gridID: gridID(), tag: tag(), version: version() }));
  const grid = (value: string) => value || undefined;
  const people = createPagedList(
    () => filters(),
    (f, cursor) =>
      f.tab === "people"
        ? props.register.search({ q: f.q || undefined, gridID: grid(f.gridID), tag: f.tag || undefined, cursor, limit: 20 })
        : Promise.resolve({ items: [], cursor: null }),
  );
  const households = createPagedList(
    () => filters(),
    (f, cursor) =>
      f.tab === "households"
        ? props.register.households({ gridID: grid(f.gridID), cursor, limit: 20 })
        : Promise.resolve({ items: [], cursor: null }),
  );
  const houses = createPagedList(
    () => filters(),
    (f, cursor) =>
      f.tab === "houses"
        ? props.register.houses({ gridID: grid(f.gridID), cursor, limit: 20 })
        : Promise.resolve({ items: [], cursor: null }),
  );
  const enterprises = createPagedList(
    () => filters(),
    (f, cursor) =>
      f.tab === "enterprises"
        ? props.register.enterprises({ gridID: grid(f.gridID), cursor, limit: 20 })
        : Promise.resolve({ items: [], cursor: null }),
  );
  const saved = () => {
    setAdding(false);
    setNotice(t("registry.saved"));
    setVersion((value) => value + 1);
  };
  async function openHousehold(house: House) {
    setFailure(null);
    try {
      await props.register.createHousehold(house.houseID);
      setNotice(t("registry.saved"));
      setVersion((value) => value + 1);
    } catch (error) {
      setFailure(registerError(error, t));
    }
  }
  return (
    <div class="registry-body">
      <div class="pill-tabs registry-tabs">
        <For each={tabs}>
          {(key) => (
            <button
              type="button"
              class="pill-tab"
              aria-pressed={tab() === key}
              data-testid={`registry-tab-${key}`}
              onClick={() => {
                setTab(key);
                setAdding(false);
                setNotice(null);
              }}
            >
              {t(`registry.tab.${key}`)}
            </button>
          )}
        </For>
      </div>
      <section class="card registry-filters">
        <Show when={tab() === "people"}>
          <form
            class="registry-search"
            onSubmit={(event) => {
              event.preventDefault();
              setQ(text().trim());
            }}
          >
            <input
              class="input"
              type="search"
              value={text()}
              placeholder={t("registry.searchHint")}
              aria-label={t("registry.search")}
              data-testid="registry-search"
              onInput={(event) => setText(event.currentTarget.value)}
            />
            <button type="submit" class="button button-primary" data-testid="registry-search-submit">
              {t("registry.search")}
            </button>
          </form>
        </Show>
        <div class="registry-filter-row">
          <GridSelect
            id="registry-grid"
            label={t("registry.grid")}
            hint={t("registry.allGrids")}
            value={gridID()}
            tiers={props.config.tiers}
            onChange={(chosen) => setGridID(chosen?.gridID ?? "")}
            testid="registry-grid"
          />
          <Show when={tab() === "people" && openTags().length}>
            <label class="field registry-tag-filter">
              <span class="field-label">{t("registry.tag")}</span>
              <select class="input select" data-testid="registry-tag" onChange={(event) => setTag(event.currentTarget.value)}>
                <option value="">{t("registry.allTags")}</option>
                <For each={openTags()}>{(candidate) => <option value={candidate.key}>{pick(candidate)}</option>}</For>
              </select>
            </label>
          </Show>
        </div>
      </section>
      <div class="registry-toolbar">
        <Show when={tab() !== "households"}>
          <button
            type="button"
            class="button button-primary"
            data-testid={`registry-add-${tab()}`}
            onClick={() => {
              setAdding((value) => !value);
              setNotice(null);
            }}
          >
            {t(`registry.add.${tab() === "people" ? "person" : tab() === "houses" ? "house" : "enterprise"}`)}
          </button>
        </Show>
        <Show when={notice()}>
          <p class="notice notice-success registry-notice" role="status" data-testid="registry-notice">
            {notice()}
          </p>
        </Show>
        <MessageNotice text={failure()} testID="registry-failure" />
      </div>
      <Show when={adding()}>
        <Switch>
          <Match when={tab() === "houses"}>
            <HouseForm config={props.config} register={props.register} onSaved={saved} onCancel={() => setAdding(false)} />
          </Match>
          <Match when={tab() === "people"}>
            <PersonForm config={props.config} register={props.register} onSaved={saved} onCancel={() => setAdding(false)} />
          </Match>
          <Match when={tab() === "enterprises"}>
            <EnterpriseForm config={props.config} register={props.register} onSaved={saved} onCancel={() => setAdding(false)} />
          </Match>
        </Switch>
      </Show>
      <Switch>
        <Match when={tab() === "people"}>
          <RegistryList list={people} empty={t("registry.empty.people")} testid="registry-people">
            {(person: ResidentRecord) => (
              <li class="card registry-row" data-testid="registry-person">
                <div class="registry-row-main">
                  <A href={`/d/${params.slug}/registry/people/${person.recordID}`} class="registry-name" data-testid="registry-person-link">
                    {person.name}
                  </A>
                  <span class="muted">{t(`registry.gender.${person.gender}`)}</span>
                  <Show when={person.status === "moved_out"}>
                    <span class="badge">{t("registry.movedOut")}</span>
                  </Show>
                </div>
                <div class="registry-row-facts">
                  <span class="registry-mono" data-testid="registry-person-id">
                    {person.idMasked}
                  </span>
                  <Show when={person.phoneMasked}>
                    <span class="registry-mono" data-testid="registry-person-phone">
                      {person.phoneMasked}
                    </span>
                  </Show>
                  <span class="muted">
                    <GridName gridID={person.gridID} />
                  </span>
                </div>
                <div class="registry-row-facts">
                  <TagChips config={props.config} keys={person.tags} />
                  <Show when={person.sensitiveTagCount > 0}>
                    <span class="muted">{t("registry.sensitiveCount", { count: person.sensitiveTagCount })}</span>
                  </Show>
                </div>
              </li>
            )}
          </RegistryList>
        </Match>
        <Match when={tab() === "households"}>
          <RegistryList list={households} empty={t("registry.empty.households")} testid="registry-households">
            {(household: Household) => (
              <li class="card registry-row" data-testid="registry-household">
                <div class="registry-row-main">
                  <A href={`/d/${params.slug}/registry/households/${household.householdID}`} class="registry-name">
                    {household.address}
                  </A>
                  <span class="muted">{t("registry.members", { count: household.members })}</span>
                </div>
                <div class="registry-row-facts">
                  <span>{household.headName ? t("registry.head", { name: household.headName }) : t("registry.noHead")}</span>
                  <span class="muted">
                    <GridName gridID={household.gridID} />
                  </span>
                </div>
              </li>
            )}
          </RegistryList>
        </Match>
        <Match when={tab() === "houses"}>
          <RegistryList list={houses} empty={t("registry.empty.houses")} testid="registry-houses">
            {(house: House) => (
              <li class="card registry-row" data-testid="registry-house">
                <div class="registry-row-main">
                  <span class="registry-name">{house.address}</span>
                  <span class="badge">{t(`registry.houseKind.${house.kind}`)}</span>
                  <span class="muted">{t("registry.households", { count: house.households })}</span>
                </div>
                <div class="registry-row-facts">
                  <span class="muted">
                    <GridName gridID={house.gridID} />
                  </span>
                  <button
                    type="button"
                    class="button button-secondary button-small"
                    data-testid="registry-open-household"
                    onClick={() => void openHousehold(house)}
                  >
                    {t("registry.add.household")}
                  </button>
                </div>
              </li>
            )}
          </RegistryList>
        </Match>
        <Match when={tab() === "enterprises"}>
          <RegistryList list={enterprises} empty={t("registry.empty.enterprises")} testid="registry-enterprises">
            {(organisation: Organisation) => (
              <li class="card registry-row" data-testid="registry-enterprise">
                <div class="registry-row-main">
                  <span class="registry-name">{organisation.name}</span>
                  <span class="badge">{t(`registry.orgKind.${organisation.kind}`)}</span>
                </div>
                <div class="registry-row-facts">
                  <span>{organisation.address}</span>
                  <span class="muted">
                    <GridName gridID={organisation.gridID} />
                  </span>
                </div>
              </li>
            )}
          </RegistryList>
        </Match>
      </Switch>
    </div>
  );
}

/** A paged list of the register: its rows, an empty state, its failure in the reader's language, and 加载更多. */
export function RegistryList<T>(props: { list: PagedList<T>; empty: string; testid: string; children: (item: T) => JSX.Element }) {
  const { t } = useRegisterLocale();
  return (
    <div data-testid={props.testid}>
      <Switch>
        <Match when={props.list.error() && !props.list.loaded()}>
          <p class="notice notice-error" role="alert" data-testid={`${props.testid}-error`}>
            {registerError(props.list.error(), t)}
          </p>
        </Match>
        <Match when={!props.list.loaded()}>
          <Skeleton lines={4} class="card" />
        </Match>
        <Match when={props.list.items().length === 0}>
          <EmptyState title={props.empty} body={t("registry.emptyBody")} />
        </Match>
        <Match when={true}>
          <ul class="registry-list">
            <For each={props.list.items()}>{(item) => props.children(item)}</For>
          </ul>
        </Match>
      </Switch>
      <Show when={props.list.hasMore()}>
        <button type="button" class="button button-secondary load-more" disabled={props.list.loading()} onClick={() => props.list.more()}>
          {props.list.loading() ? t("common.loading") : t("common.loadMore")}
        </button>
      </Show>
    </div>
  );
}

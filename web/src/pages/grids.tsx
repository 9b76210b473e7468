import { A, useParams } from "@solidjs/router";
import { createEffect, createSignal, For, Match, on, Show, Switch } from "solid-js";
import { ApiError } from "../data/api.ts";
import { createGridWorkspace, type GridWorkspace } from "../data/grid-workspace.ts";
import { gridsApi, type GridsApi } from "../data/grids.ts";
import { createQuery } from "../data/query.ts";
import type { District, DistrictConfig } from "../data/types.ts";
import { useGridLocale } from "../i18n/grids.ts";
import { isDistrictAdmin, isVisitor, useSession } from "../providers/session.tsx";
import { VisitorNotice } from "../ui/district-gate.tsx";
import { errorMessage } from "../ui/errors.ts";
import { CloseIcon, CrosshairIcon, LocateIcon, SearchIcon, UploadIcon } from "../ui/grid-icons.tsx";
import { LayerLegend } from "../ui/grid-legend.tsx";
import { GridMap } from "../ui/grid-map.tsx";
import { GridPanel } from "../ui/grid-panel.tsx";
import { GridSearchResults, GridTree } from "../ui/grid-tree.tsx";
import { AlertIcon, ChevronRightIcon, GridMark } from "../ui/icons.tsx";
import { EmptyState, ErrorState, Skeleton } from "../ui/states.tsx";
import { usePageTitle } from "../ui/title.ts";
import "./grids.css";

/** `/d/:slug/grids`: the district's grids on a map, in a tree, and one grid in detail. */
export function GridsPage() {
  const params = useParams<{ slug: string }>();
  const session = useSession();
  const { t, pick } = useGridLocale();
  const detail = createQuery(
    // Visitors from the province or the platform see a notice instead; wait to know who this is.
    () => session.me.data() && !isVisitor(session.me.data()) && params.slug,
    (slug) => session.api.district(slug),
  );
  const admin = () => isDistrictAdmin(session.me.data(), params.slug);
  usePageTitle(() => (detail.data() ? `${t("grids.title")} · ${pick(detail.data()!.district)}` : t("grids.title")));
  const grids = gridsApi(session.api);
  const notFound = (error: unknown) => error instanceof ApiError && (error.status === 404 || error.status === 403);

  return (
    <Switch>
      <Match when={isVisitor(session.me.data()) && session.me.data()}>
        {(me) => (
          <div class="container page">
            <VisitorNotice me={me()} />
          </div>
        )}
      </Match>
      <Match when={detail.data()} keyed>
        {(loaded) => <GridWorkspaceView district={loaded.district} config={loaded.config} grids={grids} admin={admin()} />}
      </Match>
      <Match when={detail.error() && notFound(detail.error())}>
        <div class="container page">
          <EmptyState title={t("district.notFoundTitle")} body={t("district.notFoundBody")} />
        </div>
      </Match>
      <Match when={detail.error()}>
        {(error) => (
          <div class="container page">
            <ErrorState error={error()} onRetry={detail.reload} />
          </div>
        )}
      </Match>
      <Match when={true}>
        <div class="grid-workspace is-loading" aria-busy="true">
          <Skeleton class="gw-skeleton" lines={6} />
        </div>
      </Match>
    </Switch>
  );
}

export function GridWorkspaceView(props: { district: District; config: DistrictConfig; grids: GridsApi; admin: boolean }) {
  const { t, pick, formatNumber } = useGridLocale();
  const ws = createGridWorkspace({ grids: props.grids, config: props.config });
  const [view, setView] = createSignal<"tree" | "detail">("tree");
  const [query, setQuery] = createSignal("");
  const searching = () => query().trim().length > 0;
  // On a phone the tree and the panel share the space below the map: show the panel on a pick.
  createEffect(on(ws.selectedID, (id) => setView(id ? "detail" : "tree"), { defer: true }));

  const layerName = (level: number | null) => {
    if (level === null) return t("grids.dedicated");
    const tier = props.config.tiers.find((candidate) => candidate.level === level);
    return tier ? pick(tier) : String(level);
  };

  return (
    <div class="grid-workspace" data-view={view()}>
      <div class="gw-head">
        <div class="gw-titles">
          <p class="eyebrow">
            <A href={`/d/${props.district.tenantID}`} class="gw-district">
              {pick(props.district)}
            </A>
          </p>
          <h1 class="gw-title">{t("grids.title")}</h1>
        </div>
        <Show when={props.admin}>
          <A
            href={`/d/${props.district.tenantID}/grids/import`}
            class="button button-secondary button-small"
            data-testid="grids-import-link"
          >
            <UploadIcon size={16} />
            {t("grids.importLink")}
          </A>
        </Show>
      </div>

      <section class="gw-map">
        <div class="gw-toolbar">
          <LayerLegend workspace={ws} names={layerName} />
          <LoadProgress workspace={ws} names={layerName} />
        </div>
        <div class="gw-map-frame">
          <GridMap workspace={ws} />
          <MapTools workspace={ws} />
          <EmptyDistrict workspace={ws} admin={props.admin} slug={props.district.tenantID} />
        </div>
      </section>

      <fieldset class="gw-tabs" aria-label={t("grids.views")}>
        <button type="button" class="gw-tab" aria-pressed={view() === "tree"} onClick={() => setView("tree")}>
          {t("grids.tabTree")}
        </button>
        <button type="button" class="gw-tab" aria-pressed={view() === "detail"} onClick={() => setView("detail")}>
          {t("grids.tabDetail")}
          <Show when={ws.selectedGrid()}>{(grid) => <code class="gw-tab-code">{grid().code}</code>}</Show>
        </button>
      </fieldset>

      <aside class="gw-side" aria-label={t("grids.treeLabel")}>
        <div class="gw-search">
          <SearchIcon size={16} class="gw-search-icon" />
          <input
            class="input gw-search-input"
            type="search"
            value={query()}
            onInput={(event) => setQuery(event.currentTarget.value)}
            placeholder={t("grids.searchPlaceholder")}
            aria-label={t("grids.searchLabel")}
            data-testid="grid-search"
          />
          <Show when={searching()}>
            <button type="button" class="icon-button gw-search-clear" aria-label={t("grids.clearSearch")} onClick={() => setQuery("")}>
              <CloseIcon size={16} />
            </button>
          </Show>
        </div>
        <Show when={searching()}>
          <p class="gw-search-scope">{t("grids.searchScope", { count: formatNumber(ws.loadedCount()) })}</p>
          <GridSearchResults workspace={ws} query={query()} />
        </Show>
        <div class="gw-tree-wrap" hidden={searching()}>
          <GridTree workspace={ws} />
        </div>
      </aside>

      <aside class="gw-panel" aria-label={t("grids.tabDetail")}>
        <GridPanel workspace={ws} />
      </aside>
    </div>
  );
}

/** "Loading tier 3: 1,200 so far", then the total; a failed tier can be tried again. */
function LoadProgress(props: { workspace: GridWorkspace; names: (level: number | null) => string }) {
  const { t, formatNumber } = useGridLocale();
  const loading = () => props.workspace.layers.find((layer) => layer.state() === "loading");
  const failed = () => props.workspace.layers.find((layer) => layer.state() === "error");
  const total = () => props.workspace.layers.reduce((sum, layer) => sum + layer.items().length, 0);
  return (
    <p class="gw-progress" role="status" aria-live="polite" data-testid="grid-load-progress">
      <Switch>
        <Match when={loading()}>
          {(layer) => (
            <>
              <span class="spinner" aria-hidden="true" />
              {t("grids.loadingTier", { name: props.names(layer().level), count: formatNumber(layer().items().length) })}
            </>
          )}
        </Match>
        <Match when={failed()}>
          {(layer) => (
            <span class="gw-progress-error">
              <AlertIcon size={14} />
              {t("grids.loadFailed", { name: props.names(layer().level) })}
              <button type="button" class="link-button" onClick={props.workspace.loadLayers}>
                {t("common.retry")}
              </button>
            </span>
          )}
        </Match>
        <Match when={true}>{t("grids.loadedAll", { count: formatNumber(total()) })}</Match>
      </Switch>
    </p>
  );
}

/** Locate a point: pick it on the map, or use the device's position; the answer over the map. */
function MapTools(props: { workspace: GridWorkspace }) {
  const { t } = useGridLocale();
  const ws = props.workspace;
  const [geoError, setGeoError] = createSignal(false);
  const canGeolocate = typeof navigator !== "undefined" && "geolocation" in navigator;

  function whereAmI() {
    setGeoError(false);
    navigator.geolocation.getCurrentPosition(
      (position) => void ws.locate(position.coords.longitude, position.coords.latitude, { focus: true }),
      () => setGeoError(true),
      { enableHighAccuracy: true, timeout: 10_000, maximumAge: 60_000 },
    );
  }

  const located = () => ws.locateState();
  return (
    <>
      <div class="map-tools">
        <button
          type="button"
          class="map-tool"
          classList={{ "is-active": ws.pickMode() }}
          aria-pressed={ws.pickMode()}
          data-testid="pick-point"
          onClick={() => ws.setPickMode(!ws.pickMode())}
        >
          <CrosshairIcon size={16} />
          <span>{t("grids.pickPoint")}</span>
        </button>
        <Show when={canGeolocate}>
          <button type="button" class="map-tool" onClick={whereAmI} data-testid="where-am-i">
            <LocateIcon size={16} />
            <span>{t("grids.myLocation")}</span>
          </button>
        </Show>
      </div>
      <Show when={ws.pickMode()}>
        <div class="map-hint" role="status">
          <span>{t("grids.pickPointHint")}</span>
          <button type="button" class="link-button" onClick={() => ws.setPickMode(false)}>
            {t("grids.cancel")}
          </button>
        </div>
      </Show>
      <Show when={located() || geoError()}>
        <div class="locate-card" role="status" aria-live="polite" data-testid="locate-result">
          <button
            type="button"
            class="icon-button locate-close"
            aria-label={t("grids.closeLocate")}
            onClick={() => {
              ws.clearLocate();
              setGeoError(false);
            }}
          >
            <CloseIcon size={16} />
          </button>
          <Switch>
            <Match when={geoError() && !located()}>
              <p class="locate-message">{t("grids.geolocationFailed")}</p>
            </Match>
            <Match when={located()?.state === "loading"}>
              <p class="locate-message">
                <span class="spinner" aria-hidden="true" />
                {t("grids.locating")}
              </p>
            </Match>
            <Match when={located()?.state === "found" && located()!.result}>
              {(result) => (
                <div>
                  <p class="locate-title">{t("grids.locateTitle")}</p>
                  <p class="locate-path">
                    <For each={[...result().ancestors, result().grid]}>
                      {(ref, index) => (
                        <>
                          <Show when={index() > 0}>
                            <ChevronRightIcon size={12} class="crumb-sep" />
                          </Show>
                          <button type="button" class="crumb" title={ref.name} onClick={() => ws.select(ref.gridID, "panel")}>
                            {ref.code}
                          </button>
                        </>
                      )}
                    </For>
                  </p>
                  <p class="locate-name">{result().grid.name}</p>
                  <Show when={result().dedicated.length}>
                    <p class="locate-extra">
                      {t("grids.locateDedicated", {
                        names: result()
                          .dedicated.map((ref) => `${ref.code} ${ref.name}`)
                          .join(t("grids.listSeparator")),
                      })}
                    </p>
                  </Show>
                  <p class="locate-coords">
                    {located()!.lat.toFixed(5)}, {located()!.lon.toFixed(5)}
                  </p>
                </div>
              )}
            </Match>
            <Match when={located()?.state === "outside"}>
              <p class="locate-message is-warning">
                <AlertIcon size={14} />
                {t("grids.locateOutside")}
              </p>
            </Match>
            <Match when={located()?.state === "error"}>
              <p class="locate-message is-warning">
                <AlertIcon size={14} />
                {t("grids.locateFailed")}: {errorMessage(located()!.error, t)}
              </p>
            </Match>
          </Switch>
        </div>
      </Show>
    </>
  );
}

/** Over the map when the district has no grids at all. */
function EmptyDistrict(props: { workspace: GridWorkspace; admin: boolean; slug: string }) {
  const { t } = useGridLocale();
  const first = () => props.workspace.layers.find((layer) => layer.level !== null);
  const empty = () => first()?.state() === "done" && first()!.items().length === 0;
  return (
    <Show when={empty()}>
      <div class="map-empty">
        <EmptyState
          icon={<GridMark size={32} class="state-icon" />}
          title={t("grids.emptyTitle")}
          body={props.admin ? t("grids.emptyAdmin") : t("grids.emptyOther")}
        >
          <Show when={props.admin}>
            <A href={`/d/${props.slug}/grids/import`} class="button button-primary">
              <UploadIcon size={16} />
              {t("grids.importLink")}
            </A>
          </Show>
        </EmptyState>
      </div>
    </Show>
  );
}

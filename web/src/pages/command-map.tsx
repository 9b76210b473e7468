import type * as Leaflet from "leaflet";
import { A, useParams } from "@solidjs/router";
import { createEffect, createMemo, createSignal, For, on, Show } from "solid-js";
import { clusterPoints, type ClusterIndex, type MapPoint } from "../data/clusters.ts";
import {
  commandApi,
  measureOf,
  openNeeds,
  roundColour,
  roundPartOf,
  shadeOf,
  type CommandApi,
  type GridDuty,
  type Measure,
  type RoundPart,
} from "../data/command.ts";
import { unionBBox } from "../data/geo.ts";
import type { BBox, Grid } from "../data/grids.ts";
import { metricsApi, type MetricsApi } from "../data/metrics.ts";
import { createQuery } from "../data/query.ts";
import { registerApi, registerSettingsOf, type House, type RegisterApi } from "../data/register.ts";
import { ticketsApi, type TicketsApi } from "../data/tickets.ts";
import { wishesApi, type WishesApi } from "../data/wishes.ts";
import type { DistrictConfig, SignedInActor } from "../data/types.ts";
import { useRegisterLocale } from "../i18n/register.ts";
import { useSession } from "../providers/session.tsx";
import { addBaseMap, addGridLabels, createLeafletMap, latLngsOf } from "../ui/leaflet.ts";
import { GridCrumbs } from "../ui/crumbs.tsx";
import { mapBackground } from "../ui/grid-style.ts";
import { registerError, RegistryFrame } from "./registry-parts.tsx";

type L = typeof Leaflet;

/** The states of a ticket not yet closed: the tickets layer's queues. */
const openStates = ["collected", "accepted", "dispatched", "handled"] as const;

/** The staff who dispatch from the map: district admins, grid leaders, and grid workers on their grid. */
const mayCommand = (actor: SignedInActor) =>
  actor.type === "user" && actor.roles.some((role) => role === "grid_worker" || role === "grid_leader" || role === "district_admin");

/** The most count badges on the map at once (the side panel lists every grid). */
const MAX_BADGES = 80;
/** Rows the side panel lists before 显示全部 (a first tier may hold hundreds of grids: a phone scrolls far enough). */
const PANEL_ROWS = 20;

/**
 * `/d/:slug/command`: 一张网, the command map. The grids of one tier (the caller's grid's children;
 * the first tier for a district admin) shaded by the chosen measure (人口, 住户, 房屋, 单位 or a
 * special group) with the count on each; a click on a grid, or on its row, goes one tier down and
 * the breadcrumb goes back up. Layers over them, each toggled in the legend: houses and
 * organisations as clustered points, open tickets (overdue in red), open micro-wishes, the open
 * needs items per grid, the people on duty per grid (names in the side panel), and while a round
 * runs in emergency mode, each grid's part of it (done, begun, not begun).
 */
export function CommandMapPage() {
  const session = useSession();
  return (
    <RegistryFrame title="command.title" subtitle="command.subtitle" testid="command-page" allow={mayCommand}>
      {(config) => (
        <CommandBody
          config={config}
          register={registerApi(session.api)}
          tickets={ticketsApi(session.api)}
          wishes={wishesApi(session.api)}
          metrics={metricsApi(session.api)}
          command={commandApi(session.api)}
        />
      )}
    </RegistryFrame>
  );
}

interface Layers {
  points: boolean;
  tickets: boolean;
  wishes: boolean;
  needs: boolean;
  duty: boolean;
  emergency: boolean;
}

interface Step {
  gridID: string;
  name: string;
}

/** One child grid as the map and the side panel show it. */
interface GridRow {
  gridID: string;
  code: string;
  name: string;
  value: number;
  households: number;
  people: number;
  needs: number | null;
  duty: GridDuty | null;
  round: RoundPart | null;
  shape: Grid | null;
}

function CommandBody(props: {
  config: DistrictConfig;
  register: RegisterApi;
  tickets: TicketsApi;
  wishes: WishesApi;
  metrics: MetricsApi;
  command: CommandApi;
}) {
  const params = useParams<{ slug: string }>();
  const { t, pick } = useRegisterLocale();
  const mechanisms = props.config.mechanisms;
  const [layers, setLayers] = createSignal<Layers>({
    points: true,
    tickets: Boolean(mechanisms.tickets),
    wishes: Boolean(mechanisms.wishes),
    needs: Boolean(mechanisms.needsLists),
    duty: true,
    emergency: Boolean(mechanisms.emergencyMode),
  });
  const [measure, setMeasure] = createSignal<Measure>("people");
  const [path, setPath] = createSignal<Step[]>([]);
  const [selected, setSelected] = createSignal<House | null>(null);
  const [showAll, setShowAll] = createSignal(false);
  createEffect(on(path, () => setShowAll(false), { defer: true }));
  /** The grid whose children are shown: the last step, else the caller's default (their grid; the first tier for an admin). */
  const current = () => path().at(-1)?.gridID ?? "";
  const deepest = () => Math.max(0, ...props.config.tiers.map((tier) => tier.level));

  const points = createQuery(
    () => true,
    () => props.register.points(),
  );
  const counts = createQuery(current, (gridID) => props.register.counts(gridID || undefined));
  /** The parent of the grids shown (`root`: the first tier), once the counts say where the caller starts. */
  const level = () => {
    const data = counts.data();
    return data ? (data.gridID ?? "root") : undefined;
  };
  const shapes = createQuery(level, (parentID) => props.metrics.boundaries(parentID).catch(() => [] as Grid[]));
  const figures = createQuery(
    () => layers().needs && mechanisms.needsLists && level(),
    (parentID) => props.metrics.grid(parentID, "all"),
  );
  const duty = createQuery(
    () => layers().duty && (current() || "mine"),
    (gridID) => props.command.onDuty(gridID === "mine" ? undefined : gridID),
  );
  const round = createQuery(
    () => Boolean(mechanisms.emergencyMode),
    () => props.command.currentRound().catch(() => null),
  );
  const tickets = createQuery(
    () => layers().tickets && mechanisms.tickets,
    // One queue per open state (the API lists tickets by state), the first 50 of each.
    () =>
      Promise.all(openStates.map((state) => props.tickets.list({ state, limit: 50 }))).then((pages) => pages.flatMap((page) => page.items)),
  );
  // Open micro-wishes of the caller's grids that carry a place.
  const wishes = createQuery(
    () => layers().wishes && mechanisms.wishes,
    () =>
      props.wishes
        .list({ view: "grid", status: "open", limit: 50 })
        .then((page) => page.items.filter((wish) => wish.lon !== null && wish.lat !== null)),
  );
  const households = createQuery(
    () => selected()?.houseID,
    (houseID) => props.register.households({ houseID, limit: 50 }),
  );
  const roundOn = () => layers().emergency && Boolean(round.data());

  /** The children of the grid shown, with every layer's figure. */
  const rows = createMemo<GridRow[]>(() => {
    const data = counts.data();
    if (!data) return [];
    const shapeOf = new Map((shapes.data() ?? []).map((grid) => [grid.gridID, grid]));
    const needsOf = new Map((figures.data()?.children ?? []).map((child) => [child.gridID, child.values]));
    const dutyOf = new Map((duty.data()?.children ?? []).map((child) => [child.gridID, child]));
    const board = round.data();
    return data.children.map((child) => {
      const shape = shapeOf.get(child.gridID) ?? null;
      return {
        gridID: child.gridID,
        code: child.code,
        name: child.name,
        value: measureOf(child.counts, measure()),
        households: child.counts.households,
        people: child.counts.people,
        needs: figures.data() ? openNeeds(needsOf.get(child.gridID)) : null,
        duty: dutyOf.get(child.gridID) ?? null,
        round: roundPartOf(board, child.gridID, shape?.path ?? path().map((step) => step.gridID)),
        shape,
      };
    });
  });
  /** The grid shown's own part of the round (a district-wide round is reported by the first tier). */
  const ownRound = () => {
    const data = counts.data();
    if (!data?.gridID) return null;
    return roundPartOf(
      round.data(),
      data.gridID,
      path().map((step) => step.gridID),
    );
  };
  const mayDrill = (row: GridRow) => {
    const tier = row.shape?.tier;
    return tier === undefined || (tier !== null && tier < deepest());
  };
  function drill(row: GridRow) {
    if (!mayDrill(row)) return;
    setSelected(null);
    setPath((steps) => [...steps, { gridID: row.gridID, name: row.name }]);
  }

  const index = createMemo<ClusterIndex | null>(() => {
    const data = points.data();
    if (!data) return null;
    const marks: MapPoint[] = [
      ...data.houses.map((house) => ({
        id: house.houseID,
        kind: "house" as const,
        lon: house.lon,
        lat: house.lat,
        label: house.address,
        gridID: house.gridID,
      })),
      ...data.organisations.map((organisation) => ({
        id: organisation.organisationID,
        kind: "organisation" as const,
        lon: organisation.lon,
        lat: organisation.lat,
        label: organisation.name,
        gridID: organisation.gridID,
      })),
    ];
    return clusterPoints(marks);
  });
  const houseOf = (houseID: string): House | null => {
    const found = points.data()?.houses.find((house) => house.houseID === houseID);
    return found ? ({ ...found, gridPath: [], createdAt: "", updatedAt: "" } as House) : null;
  };
  const tags = () => registerSettingsOf(props.config).tags;
  const measureName = (value: Measure) => {
    if (value.startsWith("tag:")) {
      const key = value.slice(4);
      const tag = tags().find((candidate) => candidate.key === key);
      return tag ? pick(tag) : key;
    }
    return t(`command.${value as "people" | "households" | "houses" | "organisations"}`);
  };
  const roleName = (roleKey: string) => {
    const role = props.config.roles.find((candidate) => candidate.key === roleKey);
    return role ? pick(role) : roleKey;
  };
  const roundText = (part: RoundPart) =>
    part.status === "done" ? t("command.round.done") : t("command.round.progress", { ticked: part.ticked, items: part.items });

  let container!: HTMLDivElement;
  const { status } = createLeafletMap(() => container, draw);

  function draw(L: L): Leaflet.Map {
    const settings = props.config.map;
    const map = L.map(container, { zoomSnap: 1, minZoom: 3, maxZoom: 19, attributionControl: Boolean(settings?.tileUrl) });
    addBaseMap(L, map, settings);
    if (settings?.center) map.setView([settings.center[1], settings.center[0]], settings.zoom);
    else map.setView([35, 105], 4);
    if (!settings?.tileUrl) container.style.background = mapBackground;
    const renderer = L.canvas({ padding: 0.3 });
    const gridLayer = L.layerGroup().addTo(map);
    map.createPane("command-badges").style.zIndex = "580";
    const badgeLayer = L.layerGroup().addTo(map);
    const marks = L.layerGroup().addTo(map);
    const ticketLayer = L.layerGroup().addTo(map);
    const wishLayer = L.layerGroup().addTo(map);
    const labels = addGridLabels(L, map, () => shapes.data() ?? []);

    /** The grids shown: shaded by the measure, or by their part of the round while that layer is on. */
    function drawGrids() {
      gridLayer.clearLayers();
      const all = rows();
      const values = all.map((row) => row.value);
      for (const row of all) {
        const rings = row.shape && latLngsOf(L, row.shape.boundary);
        if (!rings) continue;
        const fill = roundOn() ? (row.round ? roundColour(row.round) : null) : shadeOf(row.value, values);
        // SVG (the map's default renderer): a tier's grids are a few hundred shapes at most, each one clickable.
        L.polygon(rings, {
          color: "#2f4f86",
          weight: 1.2,
          opacity: 0.8,
          fillColor: fill ?? "#2f4f86",
          fillOpacity: fill ? 0.45 : 0.04,
        })
          .on("click", () => drill(row))
          .addTo(gridLayer);
      }
      labels.refresh();
      placeBadges();
    }

    /** A badge at each grid's centre with its count (and the layers' figures), as many as fit without overlapping. */
    function placeBadges() {
      badgeLayer.clearLayers();
      if (!(map as unknown as { _loaded?: boolean })._loaded) return;
      const view = map.getBounds();
      const placed: Array<{ x: number; y: number; width: number }> = [];
      for (const row of rows()) {
        if (placed.length >= MAX_BADGES) break;
        const box = row.shape?.bbox;
        if (box?.length !== 4) continue;
        const [west, south, east, north] = box;
        const inView = {
          west: Math.max(west, view.getWest()),
          east: Math.min(east, view.getEast()),
          south: Math.max(south, view.getSouth()),
          north: Math.min(north, view.getNorth()),
        };
        if (inView.west >= inView.east || inView.south >= inView.north) continue;
        const centre = map.latLngToContainerPoint([(inView.south + inView.north) / 2, (inView.west + inView.east) / 2]);
        // Below the grid's name (which sits at the centre).
        const badge = badgeOf(row);
        // About 7 pixels a character at 12px, and the badge's padding: badges that would overlap are left out.
        const point = { x: centre.x, y: centre.y + 18, width: (badge.textContent ?? "").length * 7 + 24 };
        if (placed.some((other) => Math.abs(other.x - point.x) < (other.width + point.width) / 2 + 4 && Math.abs(other.y - point.y) < 26))
          continue;
        placed.push(point);
        L.marker(map.containerPointToLatLng([point.x, point.y]), {
          pane: "command-badges",
          keyboard: false,
          title: row.name,
          icon: L.divIcon({ className: "command-badge-icon", html: badge, iconSize: [0, 0] }),
        })
          .on("click", () => drill(row))
          .addTo(badgeLayer);
      }
    }

    function badgeOf(row: GridRow): HTMLElement {
      const badge = document.createElement("span");
      badge.className = "command-badge";
      badge.dataset.testid = "command-grid-badge";
      badge.dataset.grid = row.gridID;
      const value = document.createElement("b");
      value.textContent = String(row.value);
      badge.append(value);
      const extra = (text: string, kind: string) => {
        const span = document.createElement("span");
        span.className = `command-badge-extra command-badge-${kind}`;
        span.textContent = text;
        badge.append(span);
      };
      if (layers().needs && row.needs !== null) extra(t("command.badge.needs", { count: row.needs }), "needs");
      if (layers().duty && row.duty) extra(t("command.badge.duty", { count: row.duty.count }), "duty");
      if (roundOn() && row.round) extra(row.round.status === "done" ? "✓" : `${row.round.ticked}/${row.round.items}`, "round");
      return badge;
    }

    map.on("moveend zoomend", placeBadges);
    createEffect(on([rows, layers, round.data], drawGrids));
    // A new tier's grids: the view fits them.
    createEffect(
      on(shapes.data, (grids) => {
        const box = unionBBox((grids ?? []).filter((grid) => grid.bbox.length === 4).map((grid) => grid.bbox as BBox));
        if (box)
          map.fitBounds(
            [
              [box[1], box[0]],
              [box[3], box[2]],
            ],
            { padding: [8, 8] },
          );
      }),
    );

    function redraw() {
      marks.clearLayers();
      const clusters = index();
      if (!clusters || !layers().points) return;
      const view = map.getBounds();
      const bbox: [number, number, number, number] = [view.getWest(), view.getSouth(), view.getEast(), view.getNorth()];
      for (const mark of clusters.at(bbox, map.getZoom())) {
        if (mark.type === "cluster") {
          const size = mark.count < 10 ? 28 : mark.count < 100 ? 34 : mark.count < 1000 ? 40 : 48;
          L.marker([mark.lat, mark.lon], {
            icon: L.divIcon({
              className: "command-cluster",
              html: `<span data-testid="command-cluster">${mark.count}</span>`,
              iconSize: [size, size],
            }),
            title: String(mark.count),
          })
            .on("click", () => map.setView([mark.lat, mark.lon], Math.min(mark.expansionZoom, 19)))
            .addTo(marks);
        } else {
          const point = mark.point;
          L.marker([point.lat, point.lon], {
            icon: L.divIcon({ className: `command-point command-point-${point.kind}`, iconSize: [12, 12] }),
            title: point.label,
            keyboard: true,
          })
            .on("click", () => (point.kind === "house" ? setSelected(houseOf(point.id)) : setSelected(null)))
            .addTo(marks);
        }
      }
    }
    map.on("moveend", redraw);
    // The first points are drawn once they arrive (the view follows the grids shown).
    createEffect(on(index, redraw));
    createEffect(on(layers, redraw, { defer: true }));
    createEffect(() => {
      ticketLayer.clearLayers();
      if (!layers().tickets) return;
      for (const ticket of tickets.data() ?? [])
        L.circleMarker([ticket.lat, ticket.lon], {
          renderer,
          radius: 6,
          color: "#fff",
          weight: 1.5,
          fillColor: ticket.overdue ? "#a61d24" : "#9a5b00",
          fillOpacity: 0.95,
        })
          .bindTooltip(ticket.description.slice(0, 60))
          .addTo(ticketLayer);
    });
    createEffect(() => {
      wishLayer.clearLayers();
      if (!layers().wishes) return;
      for (const wish of wishes.data() ?? [])
        L.circleMarker([wish.lat!, wish.lon!], { renderer, radius: 6, color: "#fff", weight: 1.5, fillColor: "#1c7a4b", fillOpacity: 0.95 })
          .bindTooltip(wish.title)
          .addTo(wishLayer);
    });
    return map;
  }

  const toggle = (key: keyof Layers, on: boolean) => setLayers((current) => ({ ...current, [key]: on }));
  const LayerToggle = (toggleProps: { key: keyof Layers; label: string; swatch: string }) => (
    <li>
      <label class="registry-tag-option">
        <input
          type="checkbox"
          checked={layers()[toggleProps.key]}
          data-testid={`command-layer-${toggleProps.key}`}
          onChange={(event) => toggle(toggleProps.key, event.currentTarget.checked)}
        />
        <span class={`command-swatch command-swatch-${toggleProps.swatch}`} />
        {toggleProps.label}
      </label>
    </li>
  );
  const measures = (): Measure[] => ["people", "households", "houses", "organisations", ...tags().map((tag) => `tag:${tag.key}` as const)];
  const showMeasureColumn = () => measure() !== "people" && measure() !== "households";

  return (
    <div class="command-layout">
      <div class="command-map-wrap">
        <GridCrumbs
          class="command-crumbs"
          label={t("command.path")}
          top={t("command.top")}
          path={path()}
          onTop={() => {
            setSelected(null);
            setPath([]);
          }}
          onStep={(index) => setPath((steps) => steps.slice(0, index + 1))}
          separator={<span aria-hidden="true">›</span>}
          testIDs={{ nav: "command-crumbs", top: "command-crumb-top", step: "command-crumb" }}
        />
        <div ref={container} class="command-map" data-testid="command-map" data-status={status()} />
        <Show when={points.data()?.truncated}>
          <p class="notice notice-warning">{t("command.truncated")}</p>
        </Show>
        <Show when={points.error() ?? counts.error()}>
          {(error) => (
            <p class="notice notice-error" role="alert">
              {registerError(error(), t)}
            </p>
          )}
        </Show>
      </div>
      <aside class="command-side">
        <Show when={round.data() && layers().emergency}>
          <section class="card command-round" data-testid="command-round">
            <h2 class="section-title">{t("command.round.title", { title: round.data()!.task.title })}</h2>
            <p>
              {t("command.round.summary", {
                done: round.data()!.done,
                total: round.data()!.total,
                percentage: round.data()!.percentage,
              })}
            </p>
            <Show when={ownRound()}>
              {(part) => (
                <p class="muted" data-testid="command-round-own">
                  {part().via ? t("command.round.via", { name: part().via! }) : t("command.round.own")}
                  {roundText(part())}
                </p>
              )}
            </Show>
          </section>
        </Show>
        <Show when={selected()}>
          {(house) => (
            <section class="card" data-testid="command-house">
              <h2 class="section-title">{house().address}</h2>
              <p class="muted">{t("command.houseHouseholds")}</p>
              <ul class="registry-list">
                <For each={households.data()?.items ?? []}>
                  {(household) => (
                    <li class="registry-row-plain">
                      <A href={`/d/${params.slug}/registry/households/${household.householdID}`} data-testid="command-household">
                        {household.headName ? t("registry.head", { name: household.headName }) : t("registry.noHead")}
                      </A>
                      <span class="muted">{t("registry.members", { count: household.members })}</span>
                    </li>
                  )}
                </For>
              </ul>
            </section>
          )}
        </Show>
        <section class="card command-counts" data-testid="command-counts">
          <h2 class="section-title">{t("command.counts")}</h2>
          <label class="field">
            <span class="field-label">{t("command.measure")}</span>
            <select
              class="input select"
              data-testid="command-measure"
              value={measure()}
              onChange={(event) => setMeasure(event.currentTarget.value as Measure)}
            >
              <For each={measures()}>{(value) => <option value={value}>{measureName(value)}</option>}</For>
            </select>
          </label>
          <Show when={counts.data()}>
            {(data) => (
              <div class="command-table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th>{t("registry.grid")}</th>
                      <th class="num">{t("command.households")}</th>
                      <th class="num">{t("command.people")}</th>
                      <Show when={showMeasureColumn()}>
                        <th class="num">{measureName(measure())}</th>
                      </Show>
                      <Show when={layers().needs && figures.data()}>
                        <th class="num">{t("command.needs")}</th>
                      </Show>
                      <Show when={layers().duty && duty.data()}>
                        <th class="num">{t("command.duty")}</th>
                      </Show>
                      <Show when={roundOn()}>
                        <th>{t("command.round.column")}</th>
                      </Show>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={showAll() ? rows() : rows().slice(0, PANEL_ROWS)}>
                      {(row) => (
                        <tr data-testid="command-count-row" data-grid={row.gridID}>
                          <td>
                            <Show when={mayDrill(row)} fallback={row.name}>
                              <button type="button" class="link-button" data-testid="command-drill" onClick={() => drill(row)}>
                                {row.name}
                              </button>
                            </Show>
                          </td>
                          <td class="num">{row.households}</td>
                          <td class="num">{row.people}</td>
                          <Show when={showMeasureColumn()}>
                            <td class="num" data-testid="command-measure-value">
                              {row.value}
                            </td>
                          </Show>
                          <Show when={layers().needs && figures.data()}>
                            <td class="num" data-testid="command-needs-value">
                              {row.needs ?? 0}
                            </td>
                          </Show>
                          <Show when={layers().duty && duty.data()}>
                            <td class="num" data-testid="command-duty-value">
                              {row.duty?.count ?? 0}
                            </td>
                          </Show>
                          <Show when={roundOn()}>
                            <td data-testid="command-round-value">
                              <Show when={row.round} fallback={<span class="muted">—</span>}>
                                {(part) => (
                                  <span
                                    class="command-round-chip"
                                    style={{ "border-color": roundColour(part()) }}
                                    title={part().via ? t("command.round.via", { name: part().via! }) + roundText(part()) : undefined}
                                  >
                                    {roundText(part())}
                                  </span>
                                )}
                              </Show>
                            </td>
                          </Show>
                        </tr>
                      )}
                    </For>
                    <tr>
                      <th>{path().length ? path().at(-1)!.name : t("registry.allGrids")}</th>
                      <th class="num">{data().counts.households}</th>
                      <th class="num">{data().counts.people}</th>
                      <Show when={showMeasureColumn()}>
                        <th class="num">{measureOf(data().counts, measure())}</th>
                      </Show>
                      <Show when={layers().needs && figures.data()}>
                        <th class="num">{openNeeds(figures.data()?.values)}</th>
                      </Show>
                      <Show when={layers().duty && duty.data()}>
                        <th class="num">{duty.data()?.count ?? 0}</th>
                      </Show>
                      <Show when={roundOn()}>
                        <th />
                      </Show>
                    </tr>
                  </tbody>
                </table>
                <Show when={!showAll() && rows().length > PANEL_ROWS}>
                  <button
                    type="button"
                    class="button button-secondary button-small"
                    data-testid="command-show-all"
                    onClick={() => setShowAll(true)}
                  >
                    {t("command.showAll", { count: rows().length })}
                  </button>
                </Show>
              </div>
            )}
          </Show>
        </section>
        <Show when={layers().duty && duty.data()}>
          {(roster) => (
            <section class="card command-duty" data-testid="command-duty">
              <h2 class="section-title">{t("command.dutyTitle")}</h2>
              <ul class="command-duty-list">
                <Show when={roster().people.length}>
                  <li data-testid="command-duty-own">
                    <b>{path().at(-1)?.name ?? t("command.ownGrid")}</b>
                    <span>
                      {roster()
                        .people.map((person) => `${person.name}（${roleName(person.roleKey)}）`)
                        .join("、")}
                    </span>
                  </li>
                </Show>
                <For each={showAll() ? roster().children : roster().children.slice(0, PANEL_ROWS)}>
                  {(child) => (
                    <li data-testid="command-duty-grid">
                      <b>{child.name}</b>
                      <Show when={child.people.length} fallback={<span class="muted">{t("command.nobodyOnDuty")}</span>}>
                        <span>{child.people.map((person) => `${person.name}（${roleName(person.roleKey)}）`).join("、")}</span>
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
            </section>
          )}
        </Show>
        <section class="card command-legend" data-testid="command-legend">
          <h2 class="section-title">{t("command.legend")}</h2>
          <ul>
            <LayerToggle key="points" label={t("command.layer.points")} swatch="house" />
            <Show when={mechanisms.tickets}>
              <LayerToggle key="tickets" label={t("command.layer.tickets")} swatch="ticket" />
            </Show>
            <Show when={mechanisms.wishes}>
              <LayerToggle key="wishes" label={t("command.layer.wishes")} swatch="wish" />
            </Show>
            <Show when={mechanisms.needsLists}>
              <LayerToggle key="needs" label={t("command.layer.needs")} swatch="needs" />
            </Show>
            <LayerToggle key="duty" label={t("command.layer.duty")} swatch="duty" />
            <Show when={round.data()}>
              <LayerToggle key="emergency" label={t("command.layer.emergency")} swatch="round" />
            </Show>
          </ul>
          <ul class="command-legend-keys">
            <li>
              <span class="command-swatch command-swatch-cluster" />
              {t("command.cluster")}
            </li>
            <li>
              <span class="command-swatch command-swatch-organisation" />
              {t("command.organisation")}
            </li>
            <Show when={mechanisms.tickets}>
              <li>
                <span class="command-swatch command-swatch-overdue" />
                {t("command.layer.overdue")}
              </li>
            </Show>
            <Show
              when={roundOn()}
              fallback={
                <li>
                  <span class="command-swatch command-swatch-shade" />
                  {t("command.shadeKey", { measure: measureName(measure()) })}
                </li>
              }
            >
              <li>
                <span class="command-swatch command-swatch-round-done" />
                {t("command.round.done")}
              </li>
              <li>
                <span class="command-swatch command-swatch-round-begun" />
                {t("command.round.begun")}
              </li>
              <li>
                <span class="command-swatch command-swatch-round-none" />
                {t("command.round.none")}
              </li>
            </Show>
          </ul>
        </section>
      </aside>
    </div>
  );
}

import type * as Leaflet from "leaflet";
import { A, useParams } from "@solidjs/router";
import { createEffect, createMemo, createSignal, For, on, Show } from "solid-js";
import { clusterPoints, type ClusterIndex, type MapPoint } from "../data/clusters.ts";
import { unionBBox } from "../data/geo.ts";
import type { BBox } from "../data/grids.ts";
import { createQuery } from "../data/query.ts";
import { registerApi, registerSettingsOf, type House, type RegisterApi } from "../data/register.ts";
import { ticketsApi, type TicketsApi } from "../data/tickets.ts";
import { wishesApi, type WishesApi } from "../data/wishes.ts";
import type { DistrictConfig, SignedInActor } from "../data/types.ts";
import { useRegisterLocale } from "../i18n/register.ts";
import { useSession } from "../providers/session.tsx";
import { addBaseMap, addGridLabels, createLeafletMap, latLngsOf } from "../ui/leaflet.ts";
import { mapBackground } from "../ui/grid-style.ts";
import { registerError, RegistryFrame } from "./registry-parts.tsx";

type L = typeof Leaflet;

/** The states of a ticket not yet closed: the tickets layer's queues. */
const openStates = ["collected", "accepted", "dispatched", "handled"] as const;

/** The staff who dispatch from the map: district admins, grid leaders, and grid workers on their grid. */
const mayCommand = (actor: SignedInActor) =>
  actor.type === "user" && actor.roles.some((role) => role === "grid_worker" || role === "grid_leader" || role === "district_admin");

/**
 * `/d/:slug/command`: 一张网, the command map. Houses and organisations of the caller's grids as
 * points clustered with supercluster (bubbles with counts that open on a click or a zoom), over
 * the grids; counts per grid in the side panel (with a special group to count); open tickets as a
 * layer (overdue in red); a click on a house lists its households, each linking to its members.
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
        />
      )}
    </RegistryFrame>
  );
}

interface Layers {
  points: boolean;
  tickets: boolean;
  wishes: boolean;
}

function CommandBody(props: { config: DistrictConfig; register: RegisterApi; tickets: TicketsApi; wishes: WishesApi }) {
  const params = useParams<{ slug: string }>();
  const { t, pick } = useRegisterLocale();
  const [layers, setLayers] = createSignal<Layers>({
    points: true,
    tickets: Boolean(props.config.mechanisms.tickets),
    wishes: Boolean(props.config.mechanisms.wishes),
  });
  const [tag, setTag] = createSignal("");
  const [selected, setSelected] = createSignal<House | null>(null);
  const points = createQuery(
    () => true,
    () => props.register.points(),
  );
  const counts = createQuery(
    () => true,
    () => props.register.counts(),
  );
  const tickets = createQuery(
    () => layers().tickets && props.config.mechanisms.tickets,
    // One queue per open state (the API lists tickets by state), the first 50 of each.
    () =>
      Promise.all(openStates.map((state) => props.tickets.list({ state, limit: 50 }))).then((pages) => pages.flatMap((page) => page.items)),
  );
  // Open micro-wishes of the caller's grids that carry a place.
  const wishes = createQuery(
    () => layers().wishes && props.config.mechanisms.wishes,
    () =>
      props.wishes
        .list({ view: "grid", status: "open", limit: 50 })
        .then((page) => page.items.filter((wish) => wish.lon !== null && wish.lat !== null)),
  );
  const households = createQuery(
    () => selected()?.houseID,
    (houseID) => props.register.households({ houseID, limit: 50 }),
  );
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
  const tagCount = (values: { tags: Record<string, number> }) => values.tags[tag()] ?? 0;

  let container!: HTMLDivElement;
  const { status } = createLeafletMap(() => container, draw);

  function draw(L: L): Leaflet.Map {
    const settings = props.config.map;
    const map = L.map(container, { zoomSnap: 1, minZoom: 3, maxZoom: 19, attributionControl: Boolean(settings?.tileUrl) });
    addBaseMap(L, map, settings);
    if (settings?.center) map.setView([settings.center[1], settings.center[0]], settings.zoom);
    else map.setView([35, 105], 4);
    if (!settings?.tileUrl) container.style.background = mapBackground;
    const marks = L.layerGroup().addTo(map);
    const ticketLayer = L.layerGroup().addTo(map);
    const wishLayer = L.layerGroup().addTo(map);
    const renderer = L.canvas({ padding: 0.3 });

    void props.tickets
      .firstTier()
      .then((grids) => {
        for (const grid of grids) {
          const rings = latLngsOf(L, grid.boundary);
          if (rings)
            L.polygon(rings, { renderer, interactive: false, color: "#2f4f86", weight: 1.2, opacity: 0.7, fillOpacity: 0.04 }).addTo(map);
        }
        addGridLabels(L, map, () => grids).refresh();
        if (!settings?.center && !points.data()?.houses.length) {
          const box = unionBBox(grids.map((grid) => grid.bbox as BBox));
          if (box)
            map.fitBounds(
              [
                [box[1], box[0]],
                [box[3], box[2]],
              ],
              { padding: [8, 8] },
            );
        }
      })
      .catch(() => {});

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
    // The first points: the view fits them, then they are drawn.
    createEffect(
      on(index, (clusters) => {
        const data = points.data();
        if (clusters && data && data.houses.length + data.organisations.length > 0) {
          const all = [...data.houses, ...data.organisations];
          const box = unionBBox(all.map((point) => [point.lon, point.lat, point.lon, point.lat] as BBox));
          if (box)
            map.fitBounds(
              [
                [box[1], box[0]],
                [box[3], box[2]],
              ],
              { padding: [24, 24], maxZoom: 17 },
            );
        }
        redraw();
      }),
    );
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

  return (
    <div class="command-layout">
      <div class="command-map-wrap">
        <div ref={container} class="command-map" data-testid="command-map" data-status={status()} />
        <Show when={points.data()?.truncated}>
          <p class="notice notice-warning">{t("command.truncated")}</p>
        </Show>
        <Show when={points.error()}>
          <p class="notice notice-error" role="alert">
            {registerError(points.error(), t)}
          </p>
        </Show>
      </div>
      <aside class="command-side">
        <section class="card command-layers">
          <h2 class="section-title">{t("command.layers")}</h2>
          <label class="registry-tag-option">
            <input
              type="checkbox"
              checked={layers().points}
              data-testid="command-layer-points"
              onChange={(event) => toggle("points", event.currentTarget.checked)}
            />
            {t("command.layer.points")}
          </label>
          <Show when={props.config.mechanisms.tickets}>
            <label class="registry-tag-option">
              <input
                type="checkbox"
                checked={layers().tickets}
                data-testid="command-layer-tickets"
                onChange={(event) => toggle("tickets", event.currentTarget.checked)}
              />
              {t("command.layer.tickets")}
            </label>
          </Show>
          <Show when={props.config.mechanisms.wishes}>
            <label class="registry-tag-option">
              <input
                type="checkbox"
                checked={layers().wishes}
                data-testid="command-layer-wishes"
                onChange={(event) => toggle("wishes", event.currentTarget.checked)}
              />
              {t("command.layer.wishes")}
            </label>
          </Show>
        </section>
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
          <select
            class="input select"
            aria-label={t("registry.tag")}
            data-testid="command-tag"
            onChange={(event) => setTag(event.currentTarget.value)}
          >
            <option value="">{t("registry.allTags")}</option>
            <For each={tags()}>{(candidate) => <option value={candidate.key}>{pick(candidate)}</option>}</For>
          </select>
          <Show when={counts.data()}>
            {(data) => (
              <table>
                <thead>
                  <tr>
                    <th>{t("registry.grid")}</th>
                    <th class="num">{t("command.households")}</th>
                    <th class="num">{t("command.people")}</th>
                    <Show when={tag()}>
                      <th class="num">{pick(tags().find((candidate) => candidate.key === tag()) ?? { nameZh: tag(), nameEn: tag() })}</th>
                    </Show>
                  </tr>
                </thead>
                <tbody>
                  <For each={data().children}>
                    {(child) => (
                      <tr data-testid="command-count-row">
                        <td>{child.name}</td>
                        <td class="num">{child.counts.households}</td>
                        <td class="num">{child.counts.people}</td>
                        <Show when={tag()}>
                          <td class="num">{tagCount(child.counts)}</td>
                        </Show>
                      </tr>
                    )}
                  </For>
                  <tr>
                    <th>{t("registry.allGrids")}</th>
                    <th class="num">{data().counts.households}</th>
                    <th class="num">{data().counts.people}</th>
                    <Show when={tag()}>
                      <th class="num">{tagCount(data().counts)}</th>
                    </Show>
                  </tr>
                </tbody>
              </table>
            )}
          </Show>
        </section>
        <section class="card command-legend" data-testid="command-legend">
          <h2 class="section-title">{t("command.legend")}</h2>
          <ul>
            <li>
              <span class="command-swatch command-swatch-cluster" />
              {t("command.cluster")}
            </li>
            <li>
              <span class="command-swatch command-swatch-house" />
              {t("command.house")}
            </li>
            <li>
              <span class="command-swatch command-swatch-organisation" />
              {t("command.organisation")}
            </li>
            <Show when={props.config.mechanisms.tickets}>
              <li>
                <span class="command-swatch command-swatch-ticket" />
                {t("command.layer.tickets")}
              </li>
              <li>
                <span class="command-swatch command-swatch-overdue" />
                {t("command.layer.overdue")}
              </li>
            </Show>
            <Show when={props.config.mechanisms.wishes}>
              <li>
                <span class="command-swatch command-swatch-wish" />
                {t("command.layer.wishes")}
              </li>
            </Show>
          </ul>
        </section>
      </aside>
    </div>
  );
}

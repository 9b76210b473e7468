/**
 * Where the problem is: a Leaflet map (imported when it mounts) on the district's tiles, or on a
 * plain background with the first-tier grids drawn as outlines when the district has none. A tap
 * drops the pin (which can be dragged); "use my position" asks the device.
 */
import type * as Leaflet from "leaflet";
import { addBaseMap, addGridLabels, createLeafletMap, latLngsOf } from "./leaflet.ts";
import { createEffect, createSignal, onCleanup, Show } from "solid-js";
import { unionBBox } from "../data/geo.ts";
import type { BBox, Grid } from "../data/grids.ts";
import type { NearbyTicket, TicketsApi } from "../data/tickets.ts";
import type { DistrictConfig } from "../data/types.ts";
import { useTicketLocale } from "../i18n/tickets.ts";
import { LocateIcon } from "./grid-icons.tsx";
import { mapBackground } from "./grid-style.ts";

type L = typeof Leaflet;

export interface Point {
  lon: number;
  lat: number;
}

const PIN = `<svg width="30" height="40" viewBox="0 0 30 40" aria-hidden="true"><path d="M15 39S2 24.6 2 14.5a13 13 0 0 1 26 0C28 24.6 15 39 15 39z" fill="currentColor" stroke="#fff" stroke-width="2.5"/><circle cx="15" cy="14.5" r="5" fill="#fff"/></svg>`;

export function LocationPicker(props: {
  config: DistrictConfig;
  tickets: TicketsApi;
  value: Point | null;
  onPick: (point: Point, source: "map" | "device") => void;
  /** The pin turns red when the point is outside the district. */
  outside?: boolean;
  /** Open reports near the pin: numbered markers, in the order of the list beside the map. */
  nearby?: NearbyTicket[];
  nearbyLabel?: (item: NearbyTicket) => string;
  onOpenNearby?: (ticketID: string) => void;
  invalid?: boolean;
  describedBy?: string;
}) {
  const { t } = useTicketLocale();
  const [geo, setGeo] = createSignal<"idle" | "asking" | "failed">("idle");
  let container!: HTMLDivElement;
  const canGeolocate = typeof navigator !== "undefined" && "geolocation" in navigator;
  const { status, disposed, map } = createLeafletMap(() => container, draw);

  function draw(L: L): Leaflet.Map {
    const settings = props.config.map;
    const instance = L.map(container, {
      zoomSnap: 0.5,
      minZoom: 3,
      maxZoom: 19,
      attributionControl: Boolean(settings?.tileUrl),
      // One finger scrolls the page on a phone only outside the map: keep the map small.
      scrollWheelZoom: "center",
    });
    addBaseMap(L, instance, settings);
    if (props.value) instance.setView([props.value.lat, props.value.lon], 16);
    else if (settings?.center) instance.setView([settings.center[1], settings.center[0]], settings.zoom);
    else instance.setView([35, 105], 4);

    // Without a base map, the first-tier grids give the place its shape, and their names.
    if (!settings?.tileUrl)
      void props.tickets
        .firstTier()
        .then((grids) => {
          if (disposed()) return;
          outline(L, instance, grids);
          // The offline base map's place names: the first tier's names.
          addGridLabels(L, instance, () => grids).refresh();
          if (!settings?.center && !props.value) {
            const box = unionBBox(grids.map((grid) => grid.bbox as BBox));
            if (box)
              instance.fitBounds(
                [
                  [box[1], box[0]],
                  [box[3], box[2]],
                ],
                { padding: [8, 8] },
              );
          }
        })
        .catch(() => {});

    const icon = (outside: boolean) =>
      L.divIcon({ className: `ticket-pin${outside ? " is-outside" : ""}`, html: PIN, iconSize: [30, 40], iconAnchor: [15, 39] });
    let marker: Leaflet.Marker | undefined;
    createEffect(() => {
      const point = props.value;
      const outside = Boolean(props.outside);
      if (!point) {
        marker?.remove();
        marker = undefined;
        return;
      }
      if (!marker) {
        marker = L.marker([point.lat, point.lon], {
          icon: icon(outside),
          draggable: true,
          keyboard: false,
          title: t("location.pin"),
        }).addTo(instance);
        marker.on("dragend", () => {
          const spot = marker!.getLatLng();
          props.onPick({ lon: round(spot.lng), lat: round(spot.lat) }, "map");
        });
      } else {
        marker.setLatLng([point.lat, point.lon]);
        marker.setIcon(icon(outside));
      }
    });

    // The open reports near the pin, numbered as in the list; a tap opens one.
    const nearbyLayer = L.layerGroup().addTo(instance);
    createEffect(() => {
      nearbyLayer.clearLayers();
      (props.nearby ?? []).forEach((item, index) => {
        const label = props.nearbyLabel?.(item) ?? item.categoryKey;
        L.marker([item.lat, item.lon], {
          icon: L.divIcon({
            className: "nearby-marker-icon",
            html: `<span class="nearby-marker" data-testid="nearby-marker" data-ticket="${item.ticketID}">${index + 1}</span>`,
            iconSize: [22, 22],
            iconAnchor: [11, 11],
          }),
          title: label,
          alt: label,
          keyboard: true,
          zIndexOffset: -100,
        })
          .on("click", () => props.onOpenNearby?.(item.ticketID))
          .addTo(nearbyLayer);
      });
    });

    instance.on("click", (event: Leaflet.LeafletMouseEvent) =>
      props.onPick({ lon: round(event.latlng.lng), lat: round(event.latlng.lat) }, "map"),
    );
    // From the keyboard: arrows pan (Leaflet), Enter or Space drops the pin at the centre.
    const onKey = (event: KeyboardEvent) => {
      if (event.target !== container || (event.key !== "Enter" && event.key !== " ")) return;
      event.preventDefault();
      const centre = instance.getCenter();
      props.onPick({ lon: round(centre.lng), lat: round(centre.lat) }, "map");
    };
    container.addEventListener("keydown", onKey);
    onCleanup(() => container.removeEventListener("keydown", onKey));

    if (typeof ResizeObserver !== "undefined") {
      const observer = new ResizeObserver(() => instance.invalidateSize({ pan: false }));
      observer.observe(container);
      onCleanup(() => observer.disconnect());
    }
    return instance;
  }

  function useMyPosition() {
    setGeo("asking");
    navigator.geolocation.getCurrentPosition(
      (position) => {
        if (disposed()) return;
        setGeo("idle");
        const point = { lon: round(position.coords.longitude), lat: round(position.coords.latitude) };
        props.onPick(point, "device");
        // No animation: the reporter may send the form at once, and the page (and map) go.
        const shown = map();
        shown?.setView([point.lat, point.lon], Math.max(shown.getZoom(), 15), { animate: false });
      },
      () => !disposed() && setGeo("failed"),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 30_000 },
    );
  }

  return (
    <div class="location-picker">
      <div class="location-map-frame" classList={{ "is-invalid": Boolean(props.invalid) }}>
        <div
          ref={container}
          class="location-map"
          data-testid="ticket-map"
          data-state={status()}
          data-lon={props.value?.lon}
          data-lat={props.value?.lat}
          role="application"
          aria-label={t("location.mapLabel")}
          aria-describedby={props.describedBy}
          style={{ background: props.config.map?.tileUrl ? undefined : mapBackground }}
        />
        <Show when={status() !== "ready"}>
          <div class="map-veil" role="status">
            <Show when={status() === "loading"}>
              <span class="spinner" aria-hidden="true" />
            </Show>
            {status() === "error" ? t("location.mapFailed") : t("location.mapLoading")}
          </div>
        </Show>
        <Show when={status() === "ready" && !props.value}>
          <p class="location-hint" aria-hidden="true">
            {t("location.tapHint")}
          </p>
        </Show>
      </div>
      <Show when={canGeolocate}>
        <div class="location-tools">
          <button
            type="button"
            class="button button-secondary button-small"
            onClick={useMyPosition}
            disabled={geo() === "asking"}
            data-testid="use-my-position"
          >
            <Show when={geo() === "asking"} fallback={<LocateIcon size={16} />}>
              <span class="spinner" aria-hidden="true" />
            </Show>
            {geo() === "asking" ? t("location.locating") : t("location.useMine")}
          </button>
          <Show when={geo() === "failed"}>
            <span class="location-geo-error" role="alert">
              {t("location.geoFailed")}
            </span>
          </Show>
        </div>
      </Show>
    </div>
  );
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;

function outline(L: L, map: Leaflet.Map, grids: Grid[]) {
  const withShape = grids.filter((grid) => grid.boundary);
  if (!withShape.length) return;
  const renderer = L.canvas({ padding: 0.3 });
  for (const grid of withShape) {
    const rings = latLngsOf(L, grid.boundary);
    if (!rings) continue;
    L.polygon(rings, {
      renderer,
      interactive: false,
      color: "#2f4f86",
      weight: 1.2,
      opacity: 0.7,
      fill: true,
      fillColor: "#2f4f86",
      fillOpacity: 0.04,
    }).addTo(map);
  }
}

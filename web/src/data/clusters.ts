/**
 * Map points gathered into clusters for the command map (一张网): thousands of houses and
 * organisations drawn as a few bubbles with counts at a low zoom, single points when zoomed in.
 * Pure (supercluster over plain points), so it is tested alone.
 */
import Supercluster from "supercluster";

/** One point of the command map: a house, an organisation, or a ticket. */
export interface MapPoint {
  id: string;
  kind: "house" | "organisation";
  lon: number;
  lat: number;
  label: string;
  gridID: string;
}

/** What the map draws at a zoom: a cluster of `count` points (expands at `expansionZoom`), or one point. */
export type MapMark =
  | { type: "cluster"; clusterID: number; lon: number; lat: number; count: number; expansionZoom: number }
  | { type: "point"; point: MapPoint };

/** Bounding box [west, south, east, north]. */
export type BBox = [number, number, number, number];

export interface ClusterIndex {
  /** The marks within `bbox` at `zoom` (whole zoom levels; fractions are rounded down). */
  at: (bbox: BBox, zoom: number) => MapMark[];
  /** The points of one cluster (for a list beside the map). */
  leaves: (clusterID: number, limit?: number) => MapPoint[];
}

/** Points closer than `radius` pixels at a zoom are one cluster; from `maxZoom` + 1 every point is its own. */
export function clusterPoints(points: MapPoint[], options: { radius?: number; maxZoom?: number } = {}): ClusterIndex {
  const index = new Supercluster<MapPoint, Record<string, never>>({ radius: options.radius ?? 60, maxZoom: options.maxZoom ?? 17 });
  index.load(
    points.map((point) => ({
      type: "Feature" as const,
      geometry: { type: "Point" as const, coordinates: [point.lon, point.lat] },
      properties: point,
    })),
  );
  return {
    at(bbox, zoom) {
      return index.getClusters(bbox, Math.floor(zoom)).map((feature): MapMark => {
        const [lon, lat] = feature.geometry.coordinates;
        const properties = feature.properties as Partial<Supercluster.ClusterProperties> & Partial<MapPoint>;
        if (properties.cluster) {
          const clusterID = properties.cluster_id as number;
          return {
            type: "cluster",
            clusterID,
            lon,
            lat,
            count: properties.point_count as number,
            expansionZoom: index.getClusterExpansionZoom(clusterID),
          };
        }
        return { type: "point", point: feature.properties as MapPoint };
      });
    },
    leaves: (clusterID, limit = 50) => index.getLeaves(clusterID, limit).map((feature) => feature.properties),
  };
}

import { describe, expect, it } from "vitest";
import { leafletTiles, tiandituKeyOf, tiandituMap, tileUrlProblem } from "./base-map.ts";
import { ConfigChanges } from "./index.ts";

const map = (fields: Record<string, unknown>) => ({ tileUrl: null, tileAttribution: null, center: null, zoom: 11, ...fields });

describe("a district's base map", () => {
  it("offers 天地图 with the district's key, vector or imagery, each with its label layer", () => {
    const vec = tiandituMap("vec", "abc123");
    expect(vec.tileUrl).toContain("https://t{s}.tianditu.gov.cn/vec_w/wmts?");
    expect(vec.tileUrl).toContain("TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=abc123");
    expect(vec.tileAnnotationUrl).toContain("/cva_w/wmts?");
    expect(tiandituMap("img", "k").tileAnnotationUrl).toContain("/cia_w/wmts?");
    expect(tiandituKeyOf(vec.tileUrl)).toEqual({ layer: "vec", tk: "abc123" });
    expect(tiandituKeyOf("https://tiles.example/{z}/{x}/{y}.png")).toBeNull();
    for (const url of [vec.tileUrl, vec.tileAnnotationUrl]) expect(tileUrlProblem(url)).toBeNull();
    expect(leafletTiles(vec.tileUrl).subdomains).toBe("01234567");
  });

  it("takes https XYZ and WMTS templates, and refuses http, missing tile numbers, unknown placeholders and shifted-coordinate services", () => {
    expect(tileUrlProblem("https://tiles.example/{z}/{x}/{y}.png")).toBeNull();
    expect(tileUrlProblem("https://{s}.tiles.example/{z}/{x}/{-y}.png")).toBeNull();
    expect(tileUrlProblem("https://gis.example/wmts/roads/{TileMatrix}/{TileRow}/{TileCol}.png")).toBeNull();
    expect(leafletTiles("https://gis.example/{TileMatrix}/{TileRow}/{TileCol}.png").url).toBe("https://gis.example/{z}/{y}/{x}.png");
    expect(tileUrlProblem("http://tiles.example/{z}/{x}/{y}.png")).toMatch(/https/);
    expect(tileUrlProblem("https://tiles.example/{z}/{x}.png")).toMatch(/\{z\}, \{x\} and \{y\}/);
    expect(tileUrlProblem("https://tiles.example/{z}/{x}/{y}.png?key={apikey}")).toMatch(/unknown placeholder \{apikey\}/);
    expect(tileUrlProblem("https://webrd0{s}.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}&style=8")).toMatch(/GCJ-02/);
    expect(tileUrlProblem("https://maponline0.bdimg.com/tile/?qt=vtile&x={x}&y={y}&z={z}")).toMatch(/BD-09/);
    expect(tileUrlProblem("not a url")).toBe("not a URL");
  });

  it("checks tile URLs when the configuration is changed, naming the field", () => {
    expect(ConfigChanges.safeParse({ map: map({ tileUrl: "https://tiles.example/{z}/{x}/{y}.png" }) }).success).toBe(true);
    expect(ConfigChanges.safeParse({ map: map({}) }).success).toBe(true);
    const refused = ConfigChanges.safeParse({ map: map({ tileUrl: "https://webrd01.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}" }) });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((issue) => issue.path.join("."))).toEqual(["map.tileUrl"]);
    const labelsAlone = ConfigChanges.safeParse({ map: map({ tileAnnotationUrl: "https://tiles.example/{z}/{x}/{y}.png" }) });
    expect(labelsAlone.error?.issues.map((issue) => issue.path.join("."))).toEqual(["map.tileAnnotationUrl"]);
  });
});

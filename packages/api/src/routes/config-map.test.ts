import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { As, startTestApi } from "../../../../scripts/test/api.ts";

let api: Awaited<ReturnType<typeof startTestApi>>;
const admin = { as: As.jianyangAdmin };

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const change = async (map: Record<string, unknown>) => {
  const config = (await api.call("GET", "/config", admin)).body;
  return api.call("PATCH", "/config", { ...admin, body: { expectedVersion: config.version, changes: { map: { ...config.map, ...map } } } });
};

describe("the base map in the district's settings", () => {
  it("refuses a map service in shifted coordinates and a template without tile numbers with a 400 naming the field", async () => {
    const amap = await change({ tileUrl: "https://webrd0{s}.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}&style=8" });
    expect(amap.status).toBe(400);
    expect(amap.type).toBe("application/problem+json; charset=utf-8");
    expect(amap.body.errors).toEqual([
      expect.objectContaining({ path: "changes.map.tileUrl", message: expect.stringContaining("GCJ-02") }),
    ]);
    const noTiles = await change({ tileUrl: "https://tiles.example/base.png" });
    expect([noTiles.status, noTiles.body.errors?.[0]?.path]).toEqual([400, "changes.map.tileUrl"]);
    const plain = await change({ tileUrl: "http://tiles.example/{z}/{x}/{y}.png" });
    expect(plain.status).toBe(400);
  });

  it("keeps a 天地图 base map with its label layer", async () => {
    const tk = "0123456789abcdef0123456789abcdef";
    const tileUrl = `https://t{s}.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${tk}`;
    const saved = await change({ tileUrl, tileAnnotationUrl: tileUrl.replaceAll("vec", "cva"), tileAttribution: "© 天地图" });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const config = (await api.call("GET", "/config", admin)).body;
    expect(config.map).toMatchObject({ tileUrl, tileAnnotationUrl: tileUrl.replaceAll("vec", "cva") });
  });
});

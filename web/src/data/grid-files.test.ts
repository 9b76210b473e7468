import { describe, expect, it } from "vitest";
import { gbk, zip } from "../test/shapefile.ts";
import { decodeText, GridFileError, readGridTable } from "./grid-files.ts";

const ascii = (text: string) => new TextEncoder().encode(text);
const joined = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

describe("reading grid files in the browser", () => {
  it("reads a CSV saved by Excel or WPS as GBK, and one in UTF-8 with its BOM", async () => {
    const square = '"POLYGON((118.1 27.3, 118.2 27.3, 118.2 27.4, 118.1 27.3))"';
    const gbkFile = new File([joined(ascii("code,name,wkt\r\nA1,"), gbk.网格一号, ascii(`,${square}\r\n`))], "a.csv");
    const table = await readGridTable(gbkFile, "csv");
    expect(table.headers).toEqual(["code", "name", "wkt"]);
    expect(table.rows[0]).toEqual({ number: 2, cells: ["A1", "网格一号", square.slice(1, -1)] });
    expect(decodeText(ascii("\uFEFF网格编码,网格名称"))).toBe("网格编码,网格名称");
  });

  it("says what is wrong with a zip without a shapefile, and with a file that is no zip", async () => {
    const noShp = new File([zip({ "readme.txt": ascii("hello") })], "a.zip");
    await expect(readGridTable(noShp, "shapefile")).rejects.toMatchObject({ code: "zip_no_shp" });
    const notZip = new File([ascii("not a zip at all")], "b.zip");
    await expect(readGridTable(notZip, "shapefile")).rejects.toBeInstanceOf(GridFileError);
  });
});

/**
 * A tiny writer of zipped shapefiles for tests: polygons (.shp), text attributes (.dbf, in bytes
 * the test gives, so that GBK names can be written), an optional .prj and .cpg, stored (not
 * deflated) in a .zip. Enough of the formats for a reader, nothing more.
 */

/** A field's value as raw bytes (e.g. GBK), or ASCII text. */
export type DbfValue = string | Uint8Array;

export interface ShapeRecord {
  /** One ring of [x, y], closed, clockwise (a shapefile's outer ring). */
  ring: [number, number][];
  attributes: Record<string, DbfValue>;
}

const ascii = (text: string) => new Uint8Array([...text].map((char) => char.charCodeAt(0)));
const bytesOf = (value: DbfValue) => (typeof value === "string" ? ascii(value) : value);

function shp(records: ShapeRecord[]): Uint8Array {
  const contents = records.map(({ ring }) => {
    const content = new DataView(new ArrayBuffer(44 + 4 + ring.length * 16));
    const xs = ring.map(([x]) => x);
    const ys = ring.map(([, y]) => y);
    content.setInt32(0, 5, true);
    for (const [index, value] of [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].entries())
      content.setFloat64(4 + index * 8, value, true);
    content.setInt32(36, 1, true);
    content.setInt32(40, ring.length, true);
    content.setInt32(44, 0, true);
    ring.forEach(([x, y], index) => {
      content.setFloat64(48 + index * 16, x, true);
      content.setFloat64(56 + index * 16, y, true);
    });
    return new Uint8Array(content.buffer);
  });
  const length = 100 + contents.reduce((sum, content) => sum + 8 + content.length, 0);
  const file = new Uint8Array(length);
  const view = new DataView(file.buffer);
  view.setInt32(0, 9994, false);
  view.setInt32(24, length / 2, false);
  view.setInt32(28, 1000, true);
  view.setInt32(32, 5, true);
  const all = records.flatMap(({ ring }) => ring);
  const box = [
    Math.min(...all.map(([x]) => x)),
    Math.min(...all.map(([, y]) => y)),
    Math.max(...all.map(([x]) => x)),
    Math.max(...all.map(([, y]) => y)),
  ];
  box.forEach((value, index) => {
    view.setFloat64(36 + index * 8, value, true);
  });
  let offset = 100;
  contents.forEach((content, index) => {
    view.setInt32(offset, index + 1, false);
    view.setInt32(offset + 4, content.length / 2, false);
    file.set(content, offset + 8);
    offset += 8 + content.length;
  });
  return file;
}

function dbf(records: ShapeRecord[], languageDriver = 0): Uint8Array {
  const names = Object.keys(records[0]?.attributes ?? {});
  const widths = names.map((name) => Math.max(1, ...records.map((record) => bytesOf(record.attributes[name] ?? "").length)));
  const headerLength = 32 + 32 * names.length + 1;
  const recordLength = 1 + widths.reduce((sum, width) => sum + width, 0);
  const file = new Uint8Array(headerLength + recordLength * records.length + 1);
  const view = new DataView(file.buffer);
  file[0] = 0x03;
  file.set([126, 1, 1], 1);
  view.setUint32(4, records.length, true);
  view.setUint16(8, headerLength, true);
  view.setUint16(10, recordLength, true);
  file[29] = languageDriver;
  names.forEach((name, index) => {
    const at = 32 + index * 32;
    file.set(ascii(name.slice(0, 10)), at);
    file[at + 11] = "C".charCodeAt(0);
    file[at + 16] = widths[index];
  });
  file[headerLength - 1] = 0x0d;
  records.forEach((record, row) => {
    let at = headerLength + row * recordLength;
    file[at++] = 0x20;
    names.forEach((name, index) => {
      const value = bytesOf(record.attributes[name] ?? "");
      file.fill(0x20, at, at + widths[index]);
      file.set(value, at);
      at += widths[index];
    });
  });
  file[file.length - 1] = 0x1a;
  return file;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Uint8Array) => {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
};

/** A .zip of `files`, stored without compression. */
export function zip(files: Record<string, Uint8Array>): Uint8Array<ArrayBuffer> {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const [name, data] of Object.entries(files)) {
    const nameBytes = ascii(name);
    const crc = crc32(data);
    const local = new Uint8Array(30 + nameBytes.length + data.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, data.length, true);
    lv.setUint32(22, data.length, true);
    lv.setUint16(26, nameBytes.length, true);
    local.set(nameBytes, 30);
    local.set(data, 30 + nameBytes.length);
    const central = new Uint8Array(46 + nameBytes.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, data.length, true);
    cv.setUint32(24, data.length, true);
    cv.setUint16(28, nameBytes.length, true);
    cv.setUint32(42, offset, true);
    central.set(nameBytes, 46);
    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const centralSize = centrals.reduce((sum, central) => sum + central.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, centrals.length, true);
  ev.setUint16(10, centrals.length, true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + centralSize + 22);
  let at = 0;
  for (const part of [...locals, ...centrals, end]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** A zipped shapefile `name` of `records`, with a .prj and a .cpg when given. */
export function zippedShapefile(
  name: string,
  records: ShapeRecord[],
  options: { prj?: string; cpg?: string; languageDriver?: number } = {},
): Uint8Array<ArrayBuffer> {
  return zip({
    [`${name}.shp`]: shp(records),
    [`${name}.dbf`]: dbf(records, options.languageDriver),
    ...(options.prj ? { [`${name}.prj`]: ascii(options.prj) } : {}),
    ...(options.cpg ? { [`${name}.cpg`]: ascii(options.cpg) } : {}),
  });
}

/** The GBK bytes of a few grid names the tests use (TextEncoder writes only UTF-8). */
export const gbk = {
  网格一号: new Uint8Array([0xcd, 0xf8, 0xb8, 0xf1, 0xd2, 0xbb, 0xba, 0xc5]),
  二号: new Uint8Array([0xb6, 0xfe, 0xba, 0xc5]),
};

/** A clockwise rectangle ring of `[west, south, east, north]`. */
export const clockwise = ([w, s, e, n]: [number, number, number, number]): [number, number][] => [
  [w, s],
  [w, n],
  [e, n],
  [e, s],
  [w, s],
];

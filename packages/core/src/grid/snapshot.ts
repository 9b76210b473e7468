/**
 * A district's locate index, packed: one S3 object (`grid-index/<table>/<tenantID>.bin` in the
 * photo bucket) holding what a {@link GridIndex} is made of as typed arrays, and each grid's reference
 * and path, at one grid-set stamp. A cold process reads it (one GET) instead of querying every
 * grid of the district and indexing them again: the arrays are views on the object's bytes,
 * only the grids' names and codes are JSON.
 *
 * One object per district, overwritten: whoever builds the index from the grids for a stamp
 * the object does not hold writes it (grid/locate-cache.ts). The object says at which version of
 * the grid set (stamp and time of the last change) it was packed, and a reader takes it only at
 * that version; anything else (another version, another district, a torn or altered object: a CRC-32 covers every byte after the header) is no
 * snapshot, and the reader builds from the grids.
 *
 * Layout (little-endian): a 48-byte header, then each section from an 8-byte boundary:
 * levels, boxes, coords, cell frame (Float64), grid rings, ring starts, cell starts, cell grids
 * (Uint32), then the grids' JSON (UTF-8).
 */
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { crc32 } from "node:zlib";
import { bucketName, s3 } from "../storage/bucket.ts";
import { GridIndexPrefix } from "../storage/keys.ts";
import { tableName } from "../storage/table.ts";
import { GridIndex, type GridIndexParts } from "./locate.ts";
import type { GridRef } from "./model.ts";

/** A grid as locate and search answer it: its reference and its ancestors' IDs, top tier first. */
export type LocatedGrid = GridRef & { path: string[] };

/**
 * Which state of a district's grids: its grid set's stamp, and when it was last bumped. The stamp
 * alone starts again from 0 in a table made again (a local stack reset, a test's table) while
 * the bucket may keep a snapshot: with the time of the last change, two states do not meet.
 */
export interface GridSetVersion {
  stamp: number;
  /** The grid set's `updatedAt`; "" without a grid set (a district without grids). */
  updatedAt: string;
}

/** What a district's snapshot holds: the index and its grids (in the index's order), at one version of its grid set. */
export interface GridSnapshot extends GridSetVersion {
  tenantID: string;
  index: GridIndex;
  grids: Map<string, LocatedGrid>;
}

/** Where a district's snapshot lives in the bucket: under its table's name (stages, a test file's table). */
export const snapshotKey = (tenantID: string) => `${GridIndexPrefix}${tableName()}/${tenantID}.bin`;

const Magic = 0x58494757; // "WGIX"
const FormatVersion = 1;
const HeaderBytes = 48;
const littleEndian = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/** The grids' JSON: per grid, code, name, tier and path (an ancestor by its position in the list, else its ID). */
interface Meta {
  tenantID: string;
  updatedAt: string;
  gridIDs: string[];
  grids: [code: string, name: string, tier: number | null, path: (number | string)[]][];
}

const align = (offset: number) => (offset + 7) & ~7;

/** The snapshot as bytes. */
export function pack(snapshot: GridSnapshot): Uint8Array {
  const parts = snapshot.index.parts();
  const position = new Map(parts.gridIDs.map((gridID, i) => [gridID, i]));
  const meta: Meta = {
    tenantID: snapshot.tenantID,
    updatedAt: snapshot.updatedAt,
    gridIDs: parts.gridIDs,
    grids: parts.gridIDs.map((gridID) => {
      const grid = snapshot.grids.get(gridID);
      if (!grid) throw new Error(`Grid ${gridID} of the index is not among the snapshot's grids.`);
      return [grid.code, grid.name, grid.tier, grid.path.map((id) => position.get(id) ?? id)];
    }),
  };
  if (snapshot.grids.size !== parts.gridIDs.length) throw new Error("The snapshot's grids are not the index's.");
  const json = new TextEncoder().encode(JSON.stringify(meta));
  const sections = [
    parts.levels,
    parts.boxes,
    parts.coords,
    parts.cellFrame,
    parts.gridRings,
    parts.ringStarts,
    parts.cellStarts,
    parts.cellGrids,
  ] as const;
  let size = HeaderBytes;
  for (const section of sections) size = align(size) + section.byteLength;
  size = align(size) + json.byteLength;

  const bytes = new Uint8Array(size);
  let offset = HeaderBytes;
  for (const section of sections) {
    offset = align(offset);
    bytes.set(new Uint8Array(section.buffer, section.byteOffset, section.byteLength), offset);
    offset += section.byteLength;
  }
  offset = align(offset);
  bytes.set(json, offset);

  const header = new DataView(bytes.buffer);
  header.setUint32(0, Magic, true);
  header.setUint32(4, FormatVersion, true);
  header.setFloat64(8, snapshot.stamp, true);
  header.setUint32(16, parts.gridIDs.length, true);
  header.setUint32(20, parts.ringStarts.length - 1, true);
  header.setUint32(24, parts.coords.length / 2, true);
  header.setUint32(28, parts.cellStarts.length - 1, true);
  header.setUint32(32, parts.cellGrids.length, true);
  header.setUint32(36, json.byteLength, true);
  header.setUint32(40, crc32(bytes.subarray(HeaderBytes)), true);
  return bytes;
}

/**
 * The snapshot in these bytes if it is the district's at this stamp, else null (another stamp or
 * district, another format, bytes torn or altered). Its arrays are views on the bytes.
 */
export function unpack(input: Uint8Array, expected: GridSetVersion & { tenantID: string }): GridSnapshot | null {
  if (!littleEndian || input.byteLength < HeaderBytes) return null;
  // Views of Float64 need 8-byte alignment: a copy when the bytes do not start on it.
  const bytes = input.byteOffset % 8 === 0 ? input : input.slice();
  const header = new DataView(bytes.buffer, bytes.byteOffset, HeaderBytes);
  if (header.getUint32(0, true) !== Magic || header.getUint32(4, true) !== FormatVersion) return null;
  if (header.getFloat64(8, true) !== expected.stamp) return null;
  const n = header.getUint32(16, true);
  const rings = header.getUint32(20, true);
  const positions = header.getUint32(24, true);
  const cells = header.getUint32(28, true);
  const cellGridCount = header.getUint32(32, true);
  const jsonBytes = header.getUint32(36, true);
  if (crc32(bytes.subarray(HeaderBytes)) !== header.getUint32(40, true)) return null;

  let offset = HeaderBytes;
  const take = <T>(
    Type: { new (buffer: ArrayBufferLike, byteOffset: number, length: number): T; BYTES_PER_ELEMENT: number },
    length: number,
  ): T => {
    offset = align(offset);
    if (offset + length * Type.BYTES_PER_ELEMENT > bytes.byteLength) throw new RangeError("The snapshot is shorter than its header says.");
    const view = new Type(bytes.buffer, bytes.byteOffset + offset, length);
    offset += length * Type.BYTES_PER_ELEMENT;
    return view;
  };
  try {
    const levels = take(Float64Array, n);
    const boxes = take(Float64Array, 4 * n);
    const coords = take(Float64Array, 2 * positions);
    const cellFrame = take(Float64Array, 6);
    const gridRings = take(Uint32Array, n + 1);
    const ringStarts = take(Uint32Array, rings + 1);
    const cellStarts = take(Uint32Array, cells + 1);
    const cellGrids = take(Uint32Array, cellGridCount);
    const json = take(Uint8Array, jsonBytes);
    if (offset !== bytes.byteLength) return null;
    const meta = JSON.parse(new TextDecoder().decode(json)) as Meta;
    if (meta.tenantID !== expected.tenantID || meta.updatedAt !== expected.updatedAt) return null;
    if (meta.gridIDs.length !== n || meta.grids.length !== n) return null;
    const parts: GridIndexParts = { gridIDs: meta.gridIDs, levels, boxes, gridRings, ringStarts, coords, cellFrame, cellStarts, cellGrids };
    const index = GridIndex.fromParts(parts);
    const grids = new Map<string, LocatedGrid>();
    meta.grids.forEach(([code, name, tier, path], i) => {
      const gridID = meta.gridIDs[i];
      grids.set(gridID, {
        gridID,
        code,
        name,
        tier,
        path: path.map((ancestor) => (typeof ancestor === "number" ? meta.gridIDs[ancestor] : ancestor)),
      });
    });
    if (grids.size !== n) return null;
    return { tenantID: expected.tenantID, stamp: expected.stamp, updatedAt: expected.updatedAt, index, grids };
  } catch {
    return null;
  }
}

/**
 * The district's snapshot at this stamp, or null when the bucket has none at it (none at all,
 * an older one, one that does not unpack) or cannot be read: the caller builds from the grids.
 */
export async function readSnapshot(tenantID: string, version: GridSetVersion): Promise<GridSnapshot | null> {
  const bytes = await readSnapshotBytes(tenantID);
  return bytes ? unpack(bytes, { tenantID, ...version }) : null;
}

/**
 * The bytes of the district's snapshot, whatever its stamp, or null when there is none or the
 * bucket cannot be read (locate goes on without it).
 */
export async function readSnapshotBytes(tenantID: string): Promise<Uint8Array | null> {
  try {
    const object = await s3().send(new GetObjectCommand({ Bucket: bucketName(), Key: snapshotKey(tenantID) }));
    return (await object.Body?.transformToByteArray()) ?? null;
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name !== "NoSuchKey" && name !== "NotFound") console.warn(`The grid index snapshot of ${tenantID} could not be read: ${name}`);
    return null;
  }
}

/** Writes the district's snapshot over the one there. */
export async function writeSnapshot(snapshot: GridSnapshot): Promise<void> {
  await s3().send(
    new PutObjectCommand({
      Bucket: bucketName(),
      Key: snapshotKey(snapshot.tenantID),
      Body: pack(snapshot),
      ContentType: "application/octet-stream",
    }),
  );
}

/** Removes the district's snapshot: the next cold process builds from the grids (and writes it again). */
export async function deleteSnapshot(tenantID: string): Promise<void> {
  await s3().send(new DeleteObjectCommand({ Bucket: bucketName(), Key: snapshotKey(tenantID) }));
}

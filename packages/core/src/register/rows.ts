import { Readable } from "node:stream";
import type ExcelJS from "exceljs";

/**
 * The rows of a spreadsheet of the register, read as a stream: a .xlsx (exceljs's streaming
 * `WorkbookReader`, first worksheet) or a CSV in UTF-8 (with or without a BOM) or GBK (what Excel
 * writes on a Chinese Windows). Every cell comes out as text: a formula is its text (`=…`), never
 * its result, and a cell longer than `MaxCell` characters is cut there and flagged, so that one
 * 10 MB cell neither fills memory nor reaches a record.
 */

/** The longest cell kept (longer: cut and flagged `overlong`). */
export const MaxCell = 200;

export interface SheetRow {
  /** 1-based, as the spreadsheet numbers it (the header is row 1). */
  row: number;
  cells: string[];
  /** Indexes of cells longer than `MaxCell` (cut). */
  overlong: number[];
}

type Source = AsyncIterable<Uint8Array>;

const isZip = (head: Uint8Array) => head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;

/** The rows of a file, header first; the kind of file is told by its first bytes. */
export async function* readRows(source: Source): AsyncGenerator<SheetRow> {
  const iterator = source[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return;
  const rest: Source = {
    async *[Symbol.asyncIterator]() {
      yield first.value;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    },
  };
  if (isZip(first.value)) yield* xlsxRows(rest);
  else yield* csvRows(rest);
}

/** Whether bytes are UTF-8 (a cut sequence at the end is allowed: the next chunk completes it). */
function looksUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** CSV rows (RFC 4180: quotes, doubled quotes, line breaks inside quotes; CRLF or LF). */
export async function* csvRows(source: Source): AsyncGenerator<SheetRow> {
  let decoder: InstanceType<typeof TextDecoder> | undefined;
  let cells: string[] = [];
  let cell = "";
  let cellLength = 0;
  let overlong: number[] = [];
  let quoted = false;
  let quoteSeen = false;
  let rowNumber = 0;
  let started = false;
  const pending: SheetRow[] = [];
  const endCell = () => {
    if (cellLength > MaxCell) overlong.push(cells.length);
    cells.push(cell);
    cell = "";
    cellLength = 0;
  };
  const endRow = () => {
    endCell();
    rowNumber++;
    if (!(cells.length === 1 && cells[0] === "" && overlong.length === 0)) pending.push({ row: rowNumber, cells, overlong });
    cells = [];
    overlong = [];
    started = false;
  };
  const add = (char: string) => {
    cellLength++;
    if (cellLength <= MaxCell) cell += char;
  };
  const feed = (text: string) => {
    for (let index = 0; index < text.length; index++) {
      const char = text[index];
      if (quoted) {
        if (quoteSeen) {
          quoteSeen = false;
          if (char === '"') {
            add('"');
            continue;
          }
          quoted = false;
        } else if (char === '"') {
          quoteSeen = true;
          continue;
        } else {
          add(char);
          continue;
        }
      }
      started = true;
      if (char === '"' && cellLength === 0) quoted = true;
      else if (char === ",") endCell();
      else if (char === "\n") endRow();
      else if (char === "\r") {
        if (text[index + 1] !== "\n") endRow();
      } else add(char);
    }
  };
  for await (const chunk of source) {
    if (!decoder) {
      const bom = chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf;
      decoder = new TextDecoder(bom || looksUtf8(chunk.subarray(0, 65536)) ? "utf-8" : "gbk", { ignoreBOM: false });
    }
    feed(decoder.decode(chunk, { stream: true }));
    yield* pending.splice(0);
  }
  if (decoder) feed(decoder.decode());
  if (quoteSeen) quoted = false;
  if (started || cells.length || cell) endRow();
  yield* pending.splice(0);
}

/** Text of an exceljs cell value: a formula as `=formula` (its cached result ignored), dates as days. */
function textOf(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("formula" in value && value.formula) return `=${value.formula}`;
    if ("sharedFormula" in value && value.sharedFormula) return `=${value.sharedFormula}`;
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("text" in value) return String(value.text);
    if ("error" in value) return String(value.error);
  }
  return String(value);
}

/** The first worksheet's rows of an .xlsx, streamed. */
export async function* xlsxRows(source: Source): AsyncGenerator<SheetRow> {
  // Loaded only when an .xlsx is read (the API's cold start stays small).
  const { default: Excel } = await import("exceljs");
  const reader = new Excel.stream.xlsx.WorkbookReader(Readable.from(source), {
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "ignore",
    worksheets: "emit",
    entries: "emit",
  });
  // exceljs decodes each inflated chunk of XML on its own, so a character cut between two chunks
  // comes out garbled (地址 → ���址): its parts are given whole characters instead.
  const patched = reader as unknown as {
    _parseSharedStrings(entry: unknown): AsyncGenerator;
    _parseWorksheet(iterator: AsyncIterable<Uint8Array>, sheetNo: number): Generator;
  };
  const sharedStrings = patched._parseSharedStrings.bind(reader);
  const parseWorksheet = patched._parseWorksheet.bind(reader);
  patched._parseSharedStrings = (entry) => sharedStrings(Readable.from(wholeCharacters(entry as AsyncIterable<Uint8Array>)));
  patched._parseWorksheet = (iterator, sheetNo) => parseWorksheet(wholeCharacters(iterator), sheetNo);
  for await (const worksheet of reader) {
    for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
      const values = (row.values as ExcelJS.CellValue[]).slice(1);
      const overlong: number[] = [];
      const cells = Array.from(values, (value, index) => {
        const text = textOf(value).trim();
        if (text.length > MaxCell) {
          overlong.push(index);
          return text.slice(0, MaxCell);
        }
        return text;
      });
      if (cells.some((cell) => cell !== "") || overlong.length) yield { row: row.number, cells, overlong };
    }
    return;
  }
}

/** UTF-8 bytes re-cut so that no chunk ends inside a character. */
export async function* wholeCharacters(source: AsyncIterable<Uint8Array>): AsyncGenerator<Buffer> {
  let carry = Buffer.alloc(0);
  for await (const chunk of source) {
    const bytes = carry.length ? Buffer.concat([carry, chunk]) : Buffer.from(chunk);
    // Where the last character starts, and whether all its bytes are there.
    let start = bytes.length - 1;
    while (start > 0 && start > bytes.length - 4 && (bytes[start] & 0xc0) === 0x80) start--;
    const lead = bytes[start];
    const needs = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
    const end = start + needs > bytes.length ? start : bytes.length;
    carry = bytes.subarray(end);
    if (end > 0) yield bytes.subarray(0, end);
  }
  if (carry.length) yield carry;
}

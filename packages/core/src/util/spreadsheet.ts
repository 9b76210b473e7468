/**
 * Cells of the CSV and .xlsx files the product writes (comparisons, feedback reports). Text that
 * a spreadsheet would read as a formula — starting with `=`, `+`, `-`, `@`, a tab or a carriage
 * return — gets a leading `'`, so that a name or a comment typed as `=HYPERLINK(…)` stays text
 * (CSV injection). Numbers stay numbers (a negative figure is no formula).
 */

const FormulaStart = /^[=+\-@\t\r]/;

/** A cell's value as written: text defused, numbers and empties as they are. */
export function safeCell<T>(value: T): T | string {
  return typeof value === "string" && FormulaStart.test(value) ? `'${value}` : value;
}

/** One CSV field: defused, quoted when it holds a quote, comma or line break. */
function csvField(value: unknown): string {
  const text = value === null || value === undefined ? "" : String(safeCell(value));
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as CSV: UTF-8 with a BOM (so that Excel shows Chinese headings), CRLF line ends. */
export function toCsv(rows: readonly (readonly unknown[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvField).join(",")).join("\r\n")}\r\n`;
}

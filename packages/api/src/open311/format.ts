import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** GeoReport formats: XML is the spec's required one and the default; JSON by `.json`. */
export type Format = "xml" | "json";

/** The format a path asks for by its suffix (`/services.json`); no suffix means XML. */
export function formatOf(path: string): Format {
  return path.endsWith(".json") ? "json" : "xml";
}

/** A path segment without its format suffix: `ticket_01j….json` → `ticket_01j…`. */
export function stripFormat(segment: string): string {
  return segment.replace(/\.(xml|json)$/, "");
}

type Value = string | number | boolean | null | undefined | Value[] | { [key: string]: Value };

/** The element each list's items are wrapped in (`<services><service>…`), as the spec names them. */
const itemNames: Record<string, string> = {
  services: "service",
  service_requests: "request",
  errors: "error",
  endpoints: "endpoint",
  formats: "format",
  attributes: "attribute",
  values: "value",
};

/** Characters XML 1.0 cannot carry at all (C0 controls but tab/newline/return, lone surrogates, U+FFFE/F). */
const invalid = new RegExp(
  // biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 forbids these characters; this finds them to drop them.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
);

export function escapeXml(text: string): string {
  return text
    .replace(invalid, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** One element: objects become child elements, lists repeat their item element, null is empty. */
export function element(name: string, value: Value): string {
  if (value === undefined) return "";
  if (value === null) return `<${name}/>`;
  if (Array.isArray(value)) {
    const item = itemNames[name];
    if (!item) throw new Error(`No XML item element is known for the list ${name}`);
    return `<${name}>${value.map((entry) => element(item, entry)).join("")}</${name}>`;
  }
  if (typeof value === "object")
    return `<${name}>${Object.entries(value)
      .map(([key, entry]) => element(key, entry))
      .join("")}</${name}>`;
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

export function toXml(root: string, value: Value): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value)}`;
}

/** Replies in the asked format; `root` names the XML document element. */
export function reply(c: Context, format: Format, root: string, body: Value, status: ContentfulStatusCode = 200) {
  if (format === "json") return c.body(JSON.stringify(body), status, { "content-type": "application/json; charset=utf-8" });
  return c.body(toXml(root, body), status, { "content-type": "text/xml; charset=utf-8" });
}

/** A GeoReport error document: `[{code, description}]`, the code being the HTTP status. */
export function errorReply(c: Context, status: ContentfulStatusCode, description: string) {
  return reply(c, formatOf(c.req.path), "errors", [{ code: status, description }], status);
}

import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { apiSchemaPath, apiTypes } from "./api-types.ts";

describe("the portal's API types", () => {
  it("are the committed web/src/data/api-schema.d.ts, generated from the API's OpenAPI document", async () => {
    const committed = await readFile(apiSchemaPath, "utf8");
    expect(committed === (await apiTypes()), "the API changed: run `npm run types:api` and commit web/src/data/api-schema.d.ts").toBe(true);
  });
});

/** `npm run docs:permissions`: writes docs/permissions.md from the permissions table (one source). */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { permissionsDoc } from "../packages/api/src/permissions.ts";
import { root } from "./lib/env.ts";

const path = join(root, "docs", "permissions.md");
await writeFile(path, permissionsDoc());
console.log(`wrote ${path}`);

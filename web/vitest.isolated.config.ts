import { defineProject } from "vitest/config";
import { webProject } from "./vitest.config.ts";

/** The portal's test files that mock a module, each in a fresh module graph (see vitest.config.ts). */
export default defineProject(webProject("web-isolated", true));

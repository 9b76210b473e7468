/** `npm run seed`: seeds the demo districts into the stack the environment points at (default: the local one). */
import { localSettings } from "./lib/env.ts";

localSettings();
const { Storage } = await import("@wangge/core");
const Demo = await import("@wangge/core/demo/index");
await Storage.ensureTable();
const { created } = await Demo.seed();
console.log(created.length ? `Seeded: ${created.join(", ")}` : "The demo data is already there.");

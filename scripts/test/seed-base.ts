/**
 * Run by the test run's global setup (with tsx, in its own process): seeds the demo and
 * Jianyang's grids and people into the table that the environment names, on the DynamoDB Local
 * whose data folder becomes the seeded base.
 */
export {};

const { Storage } = await import("@wangge/core");
const Demo = await import("@wangge/core/demo/index");
await Storage.ensureTable();
await Demo.seed();
// The register of the test base: a smaller community register (`npm start` seeds the full one).
await Demo.seedJianyangGrids({ registerHouseholds: Demo.SmallRegisterHouseholds });

/**
 * Run by the test run's global setup (with tsx, in its own process): seeds the demo and
 * Jianyang's grids and people into the table that the environment names, on the DynamoDB Local
 * whose data folder becomes the seeded base.
 */
export {};

const { Demo, Storage } = await import("@wangge/core");
await Storage.ensureTable();
await Demo.seed();
await Demo.seedJianyangGrids();

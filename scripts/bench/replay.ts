/**
 * `npm run bench:replay`: replays the whole Jianyang year (5,632 tickets) through the core
 * transitions on a fresh in-memory DynamoDB Local, prints the district figures and recounts
 * every counter from the timelines (expected: 5,622 closed, 99.82%, no drift).
 */
import { startDynamo } from "../lib/local-stack.ts";
const dynamo = await startDynamo();
process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
process.env.TABLE_NAME = "replay";
try {
  const { Demo, Storage, withActor } = await import("@wangge/core");
  const { TicketCounterEntity } = await import("../../packages/core/src/metrics/counter.entity.ts");
  const { recountTickets } = await import("../../packages/core/src/metrics/recount.ts");
  await Storage.ensureTable();
  await Demo.seed();
  await Demo.seedJianyangGrids();
  const started = performance.now();
  const result = await Demo.seedJianyangTickets({ onProgress: (done, total) => done % 1000 === 0 && console.log(`${done}/${total} ${((performance.now() - started) / 1000).toFixed(0)} s`) });
  console.log(`replayed ${result.tickets} tickets in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  const all = (await TicketCounterEntity.get({ tenantID: "jianyang", scope: "district", period: "all" }).go()).data!;
  console.log(`collected ${all.collected}, closed ${all.closed} (${((all.closed / all.collected) * 100).toFixed(2)}%), solved ${all.solved}, on time ${all.onTime}, rated ${all.rated} avg ${(all.ratingSum / all.rated).toFixed(2)}`);
  const report = await withActor({ type: "system", tenantID: "jianyang" }, () => recountTickets());
  console.log(`recount: ${report.tickets} tickets, ${report.counters} counter items, drift ${report.drift.length}`);
} finally {
  await dynamo.stop();
}

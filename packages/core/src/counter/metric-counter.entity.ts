import { Entity } from "electrodb";
import { documentClient, tableName } from "../storage/table.ts";

/**
 * Counters of the governance mechanisms (cadres, ledger, wishes, needs, meetings, volunteers,
 * emergency rounds), pre-aggregated like the ticket counters: one item per scope (`district`,
 * `grid:<gridID>` for each grid of a record's path, or a mechanism's own scope such as
 * `unit:<unitID>`), period (`all`, `YYYY`, `YYYY-MM`, China Standard Time) and metric
 * (`wishes.fulfilled`, `ledger.hours` …). A record's write adds to them in its own
 * transaction; a dashboard reads one scope's period with one Query, whatever the number of
 * records. `count` counts records, `sum` adds a quantity (hours, people served).
 */
export const MetricCounterEntity = new Entity(
  {
    model: { entity: "metricCounter", version: "1", service: "wangge" },
    attributes: {
      tenantID: { type: "string", required: true, readOnly: true },
      scope: { type: "string", required: true, readOnly: true },
      period: { type: "string", required: true, readOnly: true },
      metric: { type: "string", required: true, readOnly: true },
      count: { type: "number", default: 0 },
      sum: { type: "number", default: 0 },
    },
    indexes: {
      primary: {
        pk: { field: "pk", composite: ["tenantID", "scope"] },
        sk: { field: "sk", composite: ["period", "metric"] },
      },
    },
  },
  { table: tableName(), client: documentClient() },
);

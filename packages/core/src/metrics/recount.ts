import { useTenant } from "../actor.ts";
import { Database } from "../storage/service.ts";
import { TicketEntity } from "../ticket/ticket.entity.ts";
import { bucketOf, HistogramBuckets, periodsOf, TicketCounterEntity, TicketCounterFields } from "./counter.entity.ts";

type Counts = Record<string, number>;

/**
 * Rebuilds every ticket counter of the district from the records (each ticket's timeline,
 * replayed) and compares them with the stored counters. Returns the drift, item by item;
 * with `repair`, writes the recounted values.
 */
export async function recountTickets(options: { repair?: boolean; concurrency?: number } = {}) {
  const tenantID = useTenant();
  const states = ["collected", "accepted", "dispatched", "handled", "closed"] as const;
  const tickets = (await Promise.all(states.map((state) => TicketEntity.query.byState({ tenantID, state }).go({ pages: "all" })))).flatMap((result) => result.data);
  const expected = new Map<string, Counts>();
  const add = (scopes: string[], at: string, adds: Counts) => {
    for (const scope of scopes)
      for (const period of periodsOf(at)) {
        const key = `${scope}|${period}`;
        const counts = expected.get(key) ?? {};
        for (const [field, value] of Object.entries(adds)) counts[field] = round((counts[field] ?? 0) + value);
        expected.set(key, counts);
      }
  };
  let next = 0;
  const worker = async () => {
    while (next < tickets.length) {
      const ticket = tickets[next++];
      const result = await Database.collections.ticket({ tenantID, ticketID: ticket.ticketID }).go({ pages: "all" });
      const timeline = result.data.timeline.sort((a, b) => a.seq - b.seq);
      let department: string | null = null;
      let closing: { at: string; closure: string; onTime: boolean; scopes: string[] } | null = null;
      let rating: number | null = null;
      const scopes = () => ["district", ...ticket.gridPath.map((id) => `grid:${id}`), `category:${ticket.categoryKey}`, ...(department ? [`department:${department}`] : [])];
      const closingAdds = (at: string, closure: string, onTime: boolean, sign: number): Counts => {
        const hours = Math.max(0, (new Date(at).getTime() - new Date(ticket.collectedAt).getTime()) / 3600_000);
        return { closed: sign, ...(closure === "solved" ? { solved: sign } : {}), ...(onTime ? { onTime: sign } : {}), durationHours: sign * Math.round(hours * 100) / 100, [bucketOf(hours)]: sign };
      };
      for (const entry of timeline) {
        switch (entry.action) {
          case "collect": add(scopes(), entry.at, { collected: 1 }); break;
          case "accept": add(scopes(), entry.at, { accepted: 1 }); break;
          case "dispatch": department = entry.departmentKey ?? null; add(scopes(), entry.at, { dispatched: 1 }); break;
          case "handle": add(scopes(), entry.at, { handled: 1 }); break;
          case "send_back": add(scopes(), entry.at, { sentBack: 1 }); break;
          case "approve_transfer": department = entry.departmentKey ?? department; break;
          case "approve_send_up": department = null; break;
          case "reject":
          case "approve_void":
          case "verify": {
            const closure = entry.closure ?? "solved";
            const onTime = typeof entry.onTime === "boolean" ? entry.onTime : entry.action === "reject" || !ticket.dueAt || ticket.dueAt === "9999" || entry.at <= ticket.dueAt;
            closing = { at: entry.at, closure, onTime, scopes: scopes() };
            add(scopes(), entry.at, closingAdds(entry.at, closure, onTime, 1));
            break;
          }
          case "rate": rating = entry.rating ?? 0; add(scopes(), entry.at, { rated: 1, ratingSum: rating }); break;
          case "reopen":
            add(scopes(), entry.at, { reopened: 1 });
            if (closing) add(closing.scopes, closing.at, { ...closingAdds(closing.at, closing.closure, closing.onTime, -1), ...(rating !== null ? { rated: -1, ratingSum: -rating } : {}) });
            closing = null;
            rating = null;
            break;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 8 }, worker));

  const stored = new Map<string, Counts>();
  const scopes = new Set([...expected.keys()].map((key) => key.split("|")[0]));
  // Stored counters of every scope seen, plus the district's.
  await Promise.all(
    [...scopes].map(async (scope) => {
      const result = await TicketCounterEntity.query.primary({ tenantID, scope }).go({ pages: "all" });
      for (const item of result.data) stored.set(`${scope}|${item.period}`, item as unknown as Counts);
    }),
  );
  const fields = [...TicketCounterFields, ...HistogramBuckets];
  const drift: { scope: string; period: string; field: string; stored: number; recounted: number }[] = [];
  for (const key of new Set([...expected.keys(), ...stored.keys()])) {
    const [scope, period] = key.split("|");
    for (const field of fields) {
      const want = round(expected.get(key)?.[field] ?? 0);
      const have = round(Number(stored.get(key)?.[field] ?? 0));
      if (Math.abs(want - have) > 0.011) drift.push({ scope, period, field, stored: have, recounted: want });
    }
  }
  if (options.repair && drift.length)
    for (const key of new Set(drift.map((entry) => `${entry.scope}|${entry.period}`))) {
      const [scope, period] = key.split("|");
      const values = Object.fromEntries(fields.map((field) => [field, round(expected.get(key)?.[field] ?? 0)]));
      await TicketCounterEntity.put({ tenantID, scope, period, ...values } as never).go();
    }
  return { tickets: tickets.length, counters: expected.size, drift };
}

const round = (value: number) => Math.round(value * 100) / 100;

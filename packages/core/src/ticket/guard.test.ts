import { beforeAll, describe, expect, it } from "vitest";
import { withActor, type Actor } from "../actor.ts";
import * as Config from "../config/index.ts";
import { DistrictConfigEntity } from "../config/config.entity.ts";
import * as Grid from "../grid/index.ts";
import { onboardTestDistrict, rect } from "../onboarding/test-district.test-support.ts";
import { documentClient } from "../storage/table.ts";
import { requestsOf } from "../storage/requests.test-support.ts";
import { rejection } from "../util/rejection.test-support.ts";
import * as Ticket from "./index.ts";

/**
 * Issue 19 (item 2): the warm write path of tickets is one round trip — the configuration and
 * the grid index as the process remembers them, checked in the write's own transaction — and a
 * change made elsewhere (another instance) is never decided on: the write runs once more afresh.
 */
const tenantID = "guardtown";
const user = (userID: string, roles: string[]): Actor => ({ type: "user", userID, tenantID, roles }) as Actor;
const resident = user("g-r1", ["resident"]);
const worker = user("g-w1", ["grid_worker"]);
const garbageAt = (lon = 118.015, lat = 27.015) => ({ categoryKey: "garbage", description: "楼道堆放杂物", lon, lat });
const grids: Record<string, Grid.Grid> = {};

/** Another instance changes the configuration: the stored version moves on, this process's copy does not. */
async function changeElsewhere(deadlineHours: number) {
  const stored = (await DistrictConfigEntity.get({ tenantID }).go()).data!;
  const tickets = {
    ...stored.tickets!,
    categories: stored.tickets!.categories.map((category: object) => ({ ...category, deadlineHours })),
  };
  await DistrictConfigEntity.patch({ tenantID })
    .set({ version: stored.version + 1, tickets })
    .go();
}

beforeAll(async () => {
  await onboardTestDistrict(tenantID, "guardprov");
  await withActor({ type: "system", tenantID }, async () => {
    grids.top = await Grid.create({ code: "G", name: "一格", tier: 1, boundary: rect(0, 0, 4, 4) });
    grids.west = await Grid.create({ code: "G-1", name: "西", tier: 2, parentID: grids.top.gridID, boundary: rect(0, 0, 2, 4) });
  });
  Object.assign(worker, { gridID: grids.top.gridID });
  // The process's first write reads and remembers the configuration and the grid index.
  await withActor(resident, () => Ticket.create(garbageAt()));
});

describe("the warm write path", () => {
  it("reports a ticket in one DynamoDB request, and accepts one in two (the ticket's read and the transaction)", async () => {
    const created = await requestsOf(() => withActor(resident, () => Ticket.create(garbageAt())));
    expect(created.requests).toEqual(["TransactWriteItems"]);
    const accepted = await requestsOf(() => withActor(worker, () => Ticket.accept({ ticketID: created.result.ticket.ticketID })));
    expect(accepted.requests).toEqual(["GetItem", "TransactWriteItems"]);
    expect(accepted.result.state).toBe("accepted");
  });

  it("decides again with the settings changed by another instance: the stale copy cancels the write, the retry reads afresh", async () => {
    const { ticket } = await withActor(resident, () => Ticket.create(garbageAt()));
    const before = await withActor(worker, () => Config.get());
    const garbage = before.tickets.categories.find((category) => category.key === "garbage")!;
    // Deadlines count in working hours; a much longer one lands on a later day whatever the clock.
    await changeElsewhere(garbage.deadlineHours + 200);
    const { result, requests } = await requestsOf(() => withActor(worker, () => Ticket.accept({ ticketID: ticket.ticketID })));
    // The remembered configuration failed its check; the retry read the configuration and wrote.
    expect(requests).toEqual(["GetItem", "TransactWriteItems", "GetItem", "GetItem", "TransactWriteItems"]);
    const expected = await withActor(worker, async () => {
      const config = await Config.get();
      return config.tickets.categories.find((category) => category.key === "garbage")!.deadlineHours;
    });
    expect(expected).toBe(garbage.deadlineHours + 200);
    // The deadline is the new one: as long as a ticket accepted now with the new settings.
    const fresh = await withActor(resident, () => Ticket.create(garbageAt()));
    const control = await withActor(worker, () => Ticket.accept({ ticketID: fresh.ticket.ticketID }));
    expect(result.dueAt).toBe(control.dueAt);
  });

  it("places a report in a grid added by another instance: the stale index cancels the write, the retry locates afresh", async () => {
    // Another instance adds a grid under G-1 (this process's index is not told: only the stamp moves).
    const added = await withActor({ type: "system", tenantID }, () =>
      Grid.create({ code: "G-1-1", name: "西一", tier: 3, parentID: grids.west.gridID, boundary: rect(0, 0, 1, 1) }),
    );
    const { result, requests } = await requestsOf(() => withActor(resident, () => Ticket.create(garbageAt(118.005, 27.005))));
    expect(result.ticket.gridID).toBe(added.gridID);
    expect(result.ticket.gridPath).toEqual([grids.top.gridID, grids.west.gridID, added.gridID]);
    expect(requests[0]).toBe("TransactWriteItems");
    expect(requests.at(-1)).toBe("TransactWriteItems");
    expect(requests.filter((name) => name === "TransactWriteItems")).toHaveLength(2);
  });

  it("answers 409 district.changed when the settings change again during the retry, writing nothing", async () => {
    const { ticket } = await withActor(resident, () => Ticket.create(garbageAt()));
    const client = documentClient();
    // Every transaction is preceded by another instance's change of the configuration.
    client.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === "TransactWriteItemsCommand") {
          const stored = (await DistrictConfigEntity.get({ tenantID }).go()).data!;
          await DistrictConfigEntity.patch({ tenantID })
            .set({ version: stored.version + 1 })
            .go();
        }
        return next(args);
      },
      { step: "initialize", name: "changeEveryTime" },
    );
    let error: Awaited<ReturnType<typeof rejection>>;
    try {
      error = await rejection(withActor(worker, () => Ticket.accept({ ticketID: ticket.ticketID })));
    } finally {
      client.middlewareStack.remove("changeEveryTime");
    }
    expect(error).toMatchObject({ kind: "conflict", code: "district.changed" });
    const stored = await withActor(worker, () => Ticket.get(ticket.ticketID));
    expect(stored.ticket.state).toBe("collected");
    expect(stored.timeline).toHaveLength(1);
  });

  it("still writes when only the ticket changed meanwhile: the loser gets ticket.changed, not a retry", async () => {
    const { ticket } = await withActor(resident, () => Ticket.create(garbageAt()));
    const other = user("g-w2", ["grid_worker"]);
    Object.assign(other, { gridID: grids.top.gridID });
    // Both read the ticket before either writes: each transaction waits at a barrier for the other.
    const client = documentClient();
    let arrived = 0;
    let release: () => void = () => {};
    const barrier = new Promise<void>((resolve) => {
      release = resolve;
    });
    client.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === "TransactWriteItemsCommand") {
          if (++arrived === 2) release();
          await barrier;
        }
        return next(args);
      },
      { step: "initialize", name: "bothRead" },
    );
    let results: PromiseSettledResult<unknown>[];
    try {
      results = await Promise.allSettled([
        withActor(worker, () => Ticket.accept({ ticketID: ticket.ticketID })),
        withActor(other, () => Ticket.accept({ ticketID: ticket.ticketID })),
      ]);
    } finally {
      client.middlewareStack.remove("bothRead");
    }
    expect(arrived).toBe(2);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const [lost] = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
    expect(lost.reason).toMatchObject({ kind: "conflict", code: "ticket.changed" });
  });
});

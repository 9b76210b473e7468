import { z } from "zod";
import { actorID, useTenant } from "../actor.ts";
import { fn } from "../util/fn.ts";
import { page, PageInput } from "../util/page.ts";
import { NotificationEntity } from "./ticket.entity.ts";

/** The caller's in-app notifications, newest first. */
export const notifications = fn(PageInput, async (input) => {
  const result = await page(NotificationEntity.query.primary({ tenantID: useTenant(), userID: actorID() }), input, "desc");
  return {
    items: result.items.map((item) => ({
      notificationID: item.notificationID,
      ticketID: item.ticketID ?? null,
      kind: item.kind,
      state: item.state ?? null,
      at: item.at,
      read: item.read,
    })),
    cursor: result.cursor,
  };
});

/** Marks the caller's notifications read (all, or the ones named). */
export const markNotificationsRead = fn(z.object({ notificationIDs: z.array(z.string()).max(200).optional() }), async (input) => {
  const tenantID = useTenant();
  const userID = actorID();
  const ids =
    input.notificationIDs ??
    (
      await NotificationEntity.query
        .primary({ tenantID, userID })
        .where((attr, op) => op.eq(attr.read, false))
        .go({ pages: "all", attributes: ["notificationID"] })
    ).data.map((item) => item.notificationID);
  await Promise.all(
    ids.map((notificationID) =>
      NotificationEntity.patch({ tenantID, userID, notificationID })
        .set({ read: true })
        .go()
        .catch((error: unknown) => {
          // Someone else's or an unknown notification: nothing to mark.
          if (!(error as Error).message?.includes("conditional")) throw error;
        }),
    ),
  );
  return { marked: ids.length };
});

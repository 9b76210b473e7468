import { z } from "zod";
import * as Audit from "../audit/index.ts";
import { useTenant } from "../actor.ts";
import { ForbiddenError, NotFoundError } from "../error.ts";
import { fn } from "../util/fn.ts";
import { maskPhone, UserEntity } from "../user/index.ts";
import { numberOf } from "./follow.ts";
import { canHandle, load } from "./shared.ts";

/**
 * The reporter's contact (上报人联系方式), for the staff handling a ticket: their name and a
 * masked phone to see at a glance; the whole number only on request, with the purpose stated,
 * and every such request written to the district's audit trail (who, which ticket, why).
 * Residents never see it, and neither does staff outside the ticket's grid or department.
 */
export const ReporterContact = z.object({
  /** The reporter's name as their account holds it; null when no account is behind the report (e.g. Open311). */
  name: z.string().nullable(),
  phoneMasked: z.string().nullable(),
});
export type ReporterContact = z.infer<typeof ReporterContact>;

export const RevealReporterInput = z.object({
  ticketID: z.string().max(64),
  /** Why the whole number is needed, as the audit trail will say it (e.g. "电话核实现场情况"). */
  purpose: z.string().trim().min(2, "say why the number is needed (at least 2 characters)").max(200),
});

/** The reporter of a ticket the caller handles (404 for one they cannot see, 403 for their own report as a non-handler). */
async function reporterOf(ticketID: string) {
  const ticket = await load(ticketID);
  if (!canHandle(ticket)) throw new ForbiddenError("ticket.not_handler", "Only staff handling this ticket see its reporter's contact.");
  const user = await UserEntity.get({ tenantID: useTenant(), userID: ticket.reporterID }).go();
  return { ticket, user: user.data };
}

/** The reporter's name and masked phone. */
export const reporterContact = fn(z.string().max(64), async (ticketID): Promise<ReporterContact> => {
  const { user } = await reporterOf(ticketID);
  return { name: user?.name ?? null, phoneMasked: user?.phone ? maskPhone(user.phone) : null };
});

/** The reporter's whole phone number, with the reading logged (`ticket.reporter_revealed`). */
export const revealReporterContact = fn(RevealReporterInput, async (input) => {
  const { ticket, user } = await reporterOf(input.ticketID);
  if (!user?.phone) throw new NotFoundError("ticket.reporter_unreachable", "This report came without a phone number to call.");
  await Audit.record({
    action: "ticket.reporter_revealed",
    subjectID: ticket.ticketID,
    summary: `Read the reporter's phone of ticket ${ticket.ticketID}: ${input.purpose}`,
    details: { reporterID: ticket.reporterID, ticketNumber: numberOf(ticket.ticketID), purpose: input.purpose },
  });
  return { name: user.name, phone: user.phone };
});

import { z } from "zod";
import { actorID, assertRole } from "../actor.ts";
import { TERRITORIAL } from "../config/index.ts";
import { ConflictError, ForbiddenError, InputError } from "../error.ts";
import { Tally } from "../counter/tally.ts";
import { fn } from "../util/fn.ts";
import { now } from "../util/clock.ts";
import { addWorkingHours } from "./deadline.ts";
import { caller, closingAdds, load, scopesOf, settings } from "./shared.ts";
import { guarded } from "./guard.ts";
import { Note, TransitionInput, apply } from "./transition.ts";
import { changeKinds, EXTEND_HOURS, mayAskForChange } from "./rules.ts";

// ─── changes that need an approval ──────────────────────────────────────────

export const ChangeKind = z.enum(changeKinds);

const RequestChangeFields = z.object({
  kind: ChangeKind,
  note: Note.min(2, "give the reason"),
  /** extend: how many more working hours. */
  hours: z.number().int().min(EXTEND_HOURS.min).max(EXTEND_HOURS.max).optional(),
  /** transfer: to which department. */
  departmentKey: z.string().max(40).optional(),
});
function requestRules<T extends z.ZodType<z.infer<typeof RequestChangeFields>>>(schema: T) {
  return schema
    .refine((input) => input.kind !== "extend" || input.hours !== undefined, { message: "say by how many working hours", path: ["hours"] })
    .refine((input) => input.kind !== "transfer" || input.departmentKey !== undefined, {
      message: "say to which department",
      path: ["departmentKey"],
    });
}
/** The request body (the ticket comes from the path). */
export const RequestChangeBody = requestRules(RequestChangeFields);
export const RequestChangeInput = requestRules(TransitionInput.extend(RequestChangeFields.shape));

/**
 * Asks for a change that needs an approval: extend the deadline (延期), send the ticket back up
 * to the dispatcher (回退), transfer it to another department (转办), or void it (作废).
 * The request is a timeline entry and waits on the ticket until decided.
 */
export const requestChange = fn(
  RequestChangeInput,
  guarded(async (input) => {
    const config = await settings();
    const ticket = await load(input.ticketID);
    if (!mayAskForChange(caller(), ticket))
      throw new ForbiddenError("ticket.request_forbidden", "Only the staff handling a ticket, or the grid's staff, may ask for a change.");
    if (ticket.pendingRequest)
      throw new ConflictError("ticket.request_pending", "A change is already waiting for approval on this ticket.");
    if (ticket.state === "closed") throw new ConflictError("ticket.state", "A closed ticket cannot change.");
    if ((input.kind === "send_up" || input.kind === "transfer") && ticket.state !== "dispatched")
      throw new ConflictError(
        "ticket.state",
        `Only a dispatched ticket can be ${input.kind === "send_up" ? "sent back up" : "transferred"}; this one is ${ticket.state}.`,
      );
    if (input.kind === "extend" && !ticket.dueAt)
      throw new ConflictError("ticket.state", "The ticket has no deadline yet: it is not accepted.");
    if (
      input.kind === "transfer" &&
      input.departmentKey !== TERRITORIAL &&
      !config.departments.some((department) => department.key === input.departmentKey)
    )
      throw new InputError("ticket.unknown_department", `There is no department "${input.departmentKey}" in this district.`, [
        { path: "departmentKey", message: "unknown" },
      ]);
    const pendingRequest = {
      seq: ticket.seq + 1,
      kind: input.kind,
      reason: input.note,
      hours: input.hours ?? null,
      departmentKey: input.departmentKey ?? null,
      by: actorID(),
      at: now().toISOString(),
    };
    return apply(
      ticket,
      {
        action: `request_${input.kind}`,
        to: ticket.state,
        note: input.note,
        departmentKey: input.departmentKey,
        patch: { pendingRequest },
        counters: new Tally(),
      },
      { notify: false },
    );
  }),
);

export const DecideChangeInput = TransitionInput.extend({ approve: z.boolean() });

/** A district admin or grid leader (not the requester) approves or refuses the pending change. */
export const decideChange = fn(
  DecideChangeInput,
  guarded(async (input) => {
    assertRole("district_admin", "grid_leader");
    const config = await settings();
    const ticket = await load(input.ticketID);
    const request = ticket.pendingRequest;
    if (!request) throw new ConflictError("ticket.no_request", "No change is waiting for approval on this ticket.");
    if (request.by === actorID()) throw new ForbiddenError("ticket.same_person", "Who asks for a change does not approve it.");
    const at = now().toISOString();
    const base = { note: input.note, departmentKey: request.departmentKey ?? undefined, counters: new Tally() };
    if (!input.approve)
      return apply(ticket, { ...base, action: `deny_${request.kind}`, to: ticket.state, patch: { pendingRequest: undefined } });
    if (ticket.state === "closed" || ((request.kind === "send_up" || request.kind === "transfer") && ticket.state !== "dispatched"))
      throw new ConflictError("ticket.state", `The ticket is ${ticket.state} now; the change no longer applies. Refuse it instead.`);
    switch (request.kind) {
      case "extend": {
        const dueAt = addWorkingHours(new Date(ticket.dueAt!), request.hours!, config.workingHours).toISOString();
        return apply(ticket, { ...base, action: "approve_extend", to: ticket.state, patch: { pendingRequest: undefined, dueAt } });
      }
      case "send_up":
        return apply(ticket, {
          ...base,
          action: "approve_send_up",
          to: "accepted",
          patch: { pendingRequest: undefined, departmentKey: "none", dispatchedAt: undefined },
        });
      case "transfer":
        return apply(ticket, {
          ...base,
          action: "approve_transfer",
          to: "dispatched",
          patch: { pendingRequest: undefined, departmentKey: request.departmentKey!, dispatchedAt: at },
        });
      default: {
        const onTime = ticket.dueAt === null || at <= ticket.dueAt;
        return apply(ticket, {
          ...base,
          action: "approve_void",
          to: "closed",
          closure: "void",
          patch: { pendingRequest: undefined, closure: "void", closedAt: at, onTime },
          counters: new Tally().addTicket(scopesOf(ticket), at, closingAdds(ticket, "void", at, onTime)),
        });
      }
    }
  }),
);

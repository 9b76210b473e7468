/**
 * Snap-and-report tickets (随手拍): the record and its timeline (model.ts), the transitions from
 * report to rating (transition.ts), the changes that need an approval (change.ts), the lists
 * (list.ts), the caller's notifications (notification.ts), following and duplicates (follow.ts);
 * `Ticket.x` names them all.
 * Helpers the files share (settings, who may read, the counters' scopes) live in `shared.ts`.
 */
import * as Photo from "./photo.ts";
import { TicketEntity, TimelineEntity } from "./ticket.entity.ts";
// Registers the check of configuration changes against this domain's records (see config/domains.ts).
import "./breaking.ts";

export { Photo };
export { addWorkingHours } from "./deadline.ts";
export { TicketEntity, TimelineEntity };

export { TicketState, Closure, Ticket, TimelineEntry } from "./model.ts";
export { route } from "./rules.ts";
export {
  CreateInput,
  create,
  createWithToken,
  tokenKeyOf,
  get,
  TransitionInput,
  accept,
  reject,
  dispatch,
  reportHandling,
  verify,
  sendBack,
  rate,
  reopen,
  attachPhoto,
} from "./transition.ts";
export { ChangeKind, RequestChangeBody, RequestChangeInput, requestChange, DecideChangeInput, decideChange } from "./change.ts";
export { ListInput, list } from "./list.ts";
export { ReporterContact, RevealReporterInput, reporterContact, revealReporterContact } from "./reporter.ts";
export { NearbyInput, NearbyTicket, NEARBY_LIMIT, NEARBY_METRES, nearby } from "./nearby.ts";
export { Notification, notifications, markNotificationsRead } from "./notification.ts";
export { PublicTicket, publicView, FollowInput, follow, unfollow, MarkDuplicateInput, markDuplicate, numberOf } from "./follow.ts";

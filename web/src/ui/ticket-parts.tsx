/**
 * Small pieces the ticket pages share: the state badge, the overdue flag, the national steps
 * as a stepper, the timeline, photos, and the names of categories and departments.
 */
import { createMemo, For, Show } from "solid-js";
import { createQuery } from "../data/query.ts";
import { TERRITORIAL, type Category, type Department, type Ticket, type TicketsApi, type TimelineEntry } from "../data/tickets.ts";
import { useTicketLocale, type TicketMessageKey } from "../i18n/tickets.ts";
import { roleKey } from "./badges.tsx";
import { AlertIcon, CheckIcon } from "./icons.tsx";
import { StarIcon } from "./ticket-icons.tsx";

/** Names of categories and departments, from the district's configuration (the key if unknown). */
export function useTicketNames(source: { categories: () => Category[] | undefined; departments: () => Department[] | undefined }) {
  const { t, pick } = useTicketLocale();
  return {
    category: (key: string) => {
      const found = source.categories()?.find((category) => category.key === key);
      return found ? pick(found) : key;
    },
    department: (key: string | null) => {
      if (!key) return "";
      if (key === TERRITORIAL) return t("ticket.territorial");
      const found = source.departments()?.find((department) => department.key === key);
      return found ? pick(found) : key;
    },
  };
}

/** The district's ticket categories and departments (none when those fail to load), and the names they give. */
export function useTicketLists(tickets: TicketsApi) {
  const categories = createQuery(
    () => true,
    () => tickets.categories(),
  );
  const departments = createQuery(
    () => true,
    () => tickets.departments().catch((): Department[] => []),
  );
  return { categories, departments, names: useTicketNames({ categories: categories.data, departments: departments.data }) };
}

/** What the badge says: the state, or for a closed ticket how it ended. */
export function stateLabelKey(ticket: Pick<Ticket, "state" | "closure">): TicketMessageKey {
  if (ticket.state === "closed" && ticket.closure) return `closure.${ticket.closure}` as TicketMessageKey;
  return `state.${ticket.state}`;
}

export function StateBadge(props: { ticket: Pick<Ticket, "state" | "closure"> }) {
  const { t } = useTicketLocale();
  return (
    <span
      class={`badge ticket-badge state-${props.ticket.state}`}
      classList={{ [`closure-${props.ticket.closure}`]: Boolean(props.ticket.closure) }}
      data-testid="ticket-state"
      data-state={props.ticket.state}
    >
      <span class="badge-dot" aria-hidden="true" />
      {t(stateLabelKey(props.ticket))}
    </span>
  );
}

export function OverdueFlag() {
  const { t } = useTicketLocale();
  return (
    <span class="badge badge-overdue" data-testid="ticket-overdue">
      <AlertIcon size={12} />
      {t("ticket.overdue")}
    </span>
  );
}

/** The national steps (GB/T 30428): collect → accept → dispatch → handle → verify and close → evaluate. */
const steps = ["collect", "accept", "dispatch", "handle", "verify", "rate"] as const;
type Step = (typeof steps)[number];

/** How far a ticket has come: each step done, current, waiting, or skipped (不予立案 ends at accept). */
export function stepStates(ticket: Ticket): Record<Step, "done" | "current" | "todo" | "stopped"> {
  const reached: Record<Ticket["state"], number> = { collected: 1, accepted: 2, dispatched: 3, handled: 4, closed: 5 };
  const result = {} as Record<Step, "done" | "current" | "todo" | "stopped">;
  if (ticket.state === "closed" && ticket.closure === "not_accepted") {
    for (const [index, step] of steps.entries()) result[step] = index === 0 ? "done" : index === 1 ? "stopped" : "todo";
    return result;
  }
  if (ticket.state === "closed" && ticket.closure === "void") {
    // 作废: the steps it went through, then stopped where it would have been closed.
    const went = [true, Boolean(ticket.acceptedAt), Boolean(ticket.dispatchedAt), Boolean(ticket.handledAt)];
    for (const [index, step] of steps.entries())
      result[step] = index < 4 ? (went[index] ? "done" : "todo") : index === 4 ? "stopped" : "todo";
    return result;
  }
  const current = ticket.state === "closed" && ticket.rating !== null ? 6 : reached[ticket.state];
  for (const [index, step] of steps.entries()) result[step] = index < current ? "done" : index === current ? "current" : "todo";
  return result;
}

export function TicketStepper(props: { ticket: Ticket }) {
  const { t, formatShort, formatDateTime } = useTicketLocale();
  const states = createMemo(() => stepStates(props.ticket));
  const timeOf = (step: Step): string | null => {
    const ticket = props.ticket;
    switch (step) {
      case "collect":
        return ticket.collectedAt;
      case "accept":
        return ticket.closure === "not_accepted" ? ticket.closedAt : ticket.acceptedAt;
      case "dispatch":
        return ticket.dispatchedAt;
      case "handle":
        return ticket.handledAt;
      case "verify":
        return ticket.closure === "not_accepted" ? null : ticket.closedAt;
      default:
        return null;
    }
  };
  return (
    <ol class="stepper" aria-label={t("ticket.progress")} data-testid="ticket-stepper">
      <For each={steps}>
        {(step, index) => (
          <li class={`step is-${states()[step]}`} aria-current={states()[step] === "current" ? "step" : undefined}>
            <span class="step-mark" aria-hidden="true">
              <Show when={states()[step] === "done"} fallback={states()[step] === "stopped" ? "×" : index() + 1}>
                <CheckIcon size={13} />
              </Show>
            </span>
            <span class="step-text">
              <span class="step-name">
                {states()[step] === "stopped"
                  ? t(props.ticket.closure === "void" ? "closure.void" : "closure.not_accepted")
                  : t(`step.${step}`)}
              </span>
              <Show when={states()[step] === "done" || states()[step] === "stopped" ? timeOf(step) : null}>
                {(time) => (
                  <time class="step-time" dateTime={time()} title={formatDateTime(time())}>
                    {formatShort(time())}
                  </time>
                )}
              </Show>
            </span>
          </li>
        )}
      </For>
    </ol>
  );
}

export function Stars(props: { rating: number; size?: number }) {
  const { t } = useTicketLocale();
  return (
    <span class="stars" role="img" aria-label={t("ticket.ratingValue", { rating: props.rating })}>
      <For each={[1, 2, 3, 4, 5]}>{(value) => <StarIcon size={props.size ?? 16} filled={value <= props.rating} />}</For>
    </span>
  );
}

/** Thumbnails linking to the full photos (opened in a new tab). */
export function PhotoStrip(props: { keys: string[]; urls: Record<string, string>; label: string }) {
  const photos = () => props.keys.filter((key) => props.urls[key]);
  return (
    <Show when={photos().length}>
      <ul class="photo-strip" aria-label={props.label}>
        <For each={photos()}>
          {(key, index) => (
            <li>
              <a href={props.urls[key]} target="_blank" rel="noopener" class="photo-thumb" aria-label={`${props.label} ${index() + 1}`}>
                <img src={props.urls[key]} alt="" loading="lazy" decoding="async" />
              </a>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}

/** Who did a step: "you", the reporter, or the role with the person's name ("网格员 黄晓梅"); never a user ID. */
export function useActorLabel(me: () => string | undefined, reporterID: () => string) {
  const { t } = useTicketLocale();
  return (entry: Pick<TimelineEntry, "actorID" | "actorRole" | "actorName">) => {
    if (entry.actorID === me()) return t("timeline.you");
    const role = ["resident", "grid_worker", "grid_leader", "department_staff", "district_admin"].includes(entry.actorRole)
      ? t(roleKey(entry.actorRole))
      : entry.actorRole === "system"
        ? t("timeline.system")
        : entry.actorRole;
    if (entry.actorID === reporterID())
      return entry.actorName ? t("timeline.reporterNamed", { name: entry.actorName }) : t("timeline.reporter", { role });
    return entry.actorName ? t("timeline.actor", { role, name: entry.actorName }) : role;
  };
}

/** The ticket's history, newest last: who (and in which role), when, what, the note and photos. */
export function TicketTimeline(props: {
  timeline: TimelineEntry[];
  photoUrls: Record<string, string>;
  reporterID: string;
  myID: string | undefined;
  department: (key: string | null) => string;
}) {
  const { t, formatDateTime } = useTicketLocale();
  const who = useActorLabel(
    () => props.myID,
    () => props.reporterID,
  );
  const what = (entry: TimelineEntry) => {
    switch (entry.action) {
      case "dispatch":
        return t("timeline.dispatch", { department: props.department(entry.departmentKey) });
      case "verify":
        return t("timeline.verify", { closure: entry.closure ? t(`closure.${entry.closure as "solved"}`) : "" });
      case "collect":
      case "accept":
      case "reject":
      case "handle":
      case "send_back":
      case "rate":
      case "reopen":
      case "photo":
        return t(`timeline.${entry.action}`);
      default: {
        // Changes that need an approval: request_extend, approve_transfer, deny_void…
        const change = /^(request|approve|deny)_(extend|send_up|transfer|void)$/.exec(entry.action);
        if (change) return t(`timeline.${change[1] as "request"}`, { kind: t(`change.${change[2] as "extend"}`) });
        return entry.action;
      }
    }
  };
  return (
    <ol class="timeline" data-testid="timeline">
      <For each={props.timeline}>
        {(entry) => (
          <li class={`timeline-entry action-${entry.action}`} data-testid="timeline-entry" data-action={entry.action}>
            <span class="timeline-dot" aria-hidden="true" />
            <div class="timeline-body">
              <p class="timeline-head">
                <span class="timeline-what">{what(entry)}</span>
                <Show when={entry.rating}>{(rating) => <Stars rating={rating()} size={14} />}</Show>
              </p>
              <p class="timeline-meta">
                <span>{who(entry)}</span>
                <span aria-hidden="true">·</span>
                <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
              </p>
              <Show when={entry.note && entry.action !== "collect" ? entry.note : null}>
                {(note) => <p class="timeline-note">{note()}</p>}
              </Show>
              {/* The report's own note and photos head the page: not repeated here. */}
              <Show when={entry.action !== "collect"}>
                <PhotoStrip keys={entry.photos} urls={props.photoUrls} label={t("ticket.photos")} />
              </Show>
            </div>
          </li>
        )}
      </For>
    </ol>
  );
}

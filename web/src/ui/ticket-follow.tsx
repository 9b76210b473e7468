/**
 * Following a ticket (关注) and marking one a duplicate (标记为重复), on the ticket page: the
 * public view a resident gets of someone else's ticket (with the follow button), and the staff's
 * "mark as duplicate" form (the original chosen by its number).
 */
import { A } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { ApiError, ok, type Schema } from "../data/api.ts";
import type { Ticket } from "../data/tickets.ts";
import type { SignedInActor } from "../data/types.ts";
import { useNotificationLocale } from "../i18n/notifications.ts";
import { useTicketLocale } from "../i18n/tickets.ts";
import { useSession } from "../providers/session.tsx";
import { StateBadge } from "./ticket-parts.tsx";
import "./ticket-follow.css";

export type PublicTicket = Schema<"PublicTicket">;

/** `ABCD1234`: a ticket's number as the page shows it. */
export const numberOf = (ticketID: string) =>
  ticketID
    .replace(/^ticket_/, "")
    .slice(-8)
    .toUpperCase();

/** The follow / unfollow button, with how many follow. */
export function FollowButton(props: { ticketID: string; following: boolean; followers: number; onChange: (following: boolean) => void }) {
  const session = useSession();
  const { t } = useNotificationLocale();
  const [busy, setBusy] = createSignal(false);
  const [failed, setFailed] = createSignal(false);
  async function toggle() {
    if (busy()) return;
    setBusy(true);
    setFailed(false);
    try {
      const params = { params: { path: { ticketID: props.ticketID } } };
      const reply = await ok(
        props.following
          ? session.api.client.DELETE("/tickets/{ticketID}/follow", params)
          : session.api.client.POST("/tickets/{ticketID}/follow", params),
      );
      props.onChange(reply.following);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }
  return (
    <div class="ticket-follow">
      <button
        type="button"
        class="button"
        classList={{ "button-primary": !props.following, "button-secondary": props.following }}
        data-testid="ticket-follow"
        aria-pressed={props.following}
        disabled={busy()}
        onClick={toggle}
      >
        {props.following ? t("follow.unfollow") : t("follow.follow")}
      </button>
      <span class="ticket-fact-note" data-testid="ticket-followers">
        {props.following ? t("follow.following") : t("follow.count", { count: props.followers })}
      </span>
      <Show when={failed()}>
        <span class="field-error" role="alert">
          {t("follow.failed")}
        </span>
      </Show>
    </div>
  );
}

/** Someone else's ticket as the public sees it, with the follow button. */
export function PublicTicketView(props: { slug: string; ticket: PublicTicket; categoryName: string; onChange: () => void }) {
  const { t } = useNotificationLocale();
  const tickets = useTicketLocale();
  return (
    <div class="ticket-layout" data-testid="ticket-public" data-state={props.ticket.state}>
      <div class="ticket-main">
        <section class="card ticket-head" aria-labelledby="ticket-title">
          <div class="ticket-head-top">
            <StateBadge ticket={props.ticket} />
            <span class="ticket-id">{tickets.t("ticket.number", { id: numberOf(props.ticket.ticketID) })}</span>
          </div>
          <h1 class="ticket-title" id="ticket-title" data-testid="ticket-title">
            {props.categoryName}
          </h1>
          <p class="ticket-description" data-testid="ticket-description-text">
            {props.ticket.description}
          </p>
          <Show when={props.ticket.address}>
            <p class="ticket-fact-note">{props.ticket.address}</p>
          </Show>
          <Show when={props.ticket.duplicateOf}>
            {(original) => (
              <p class="ticket-fact-note" data-testid="ticket-duplicate-of">
                {t("public.duplicateOf")} <A href={`/d/${props.slug}/tickets/${original()}`}>{numberOf(original())}</A>
              </p>
            )}
          </Show>
          <p class="notice notice-info">{t("public.hint")}</p>
          <Show when={!props.ticket.own}>
            <FollowButton
              ticketID={props.ticket.ticketID}
              following={props.ticket.following}
              followers={props.ticket.followers}
              onChange={() => props.onChange()}
            />
          </Show>
        </section>
      </div>
      <aside class="ticket-side">
        <section class="card">
          <h2 class="section-title">{t("public.title")}</h2>
          <dl class="ticket-facts">
            <div class="ticket-fact">
              <dt>{tickets.t("ticket.reportedAt")}</dt>
              <dd>{tickets.formatDateTime(props.ticket.collectedAt)}</dd>
            </div>
          </dl>
        </section>
      </aside>
    </div>
  );
}

/** Staff who may close a ticket as a duplicate: grid workers, leaders and district admins. */
export const mayMarkDuplicate = (ticket: Ticket, actor: SignedInActor | undefined) =>
  ticket.state !== "closed" &&
  actor?.type === "user" &&
  actor.roles.some((role) => role === "grid_worker" || role === "grid_leader" || role === "district_admin");

/** "标记为重复": the original by its number (or full ID); the reporter is told and follows it. */
export function DuplicateAction(props: { ticket: Ticket; onDone: () => void }) {
  const session = useSession();
  const { t } = useNotificationLocale();
  const [open, setOpen] = createSignal(false);
  const [original, setOriginal] = createSignal("");
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  async function submit(event: Event) {
    event.preventDefault();
    if (busy()) return;
    setError(null);
    setBusy(true);
    try {
      await ok(
        session.api.client.POST("/tickets/{ticketID}/duplicate", {
          params: { path: { ticketID: props.ticket.ticketID } },
          body: { originalID: original().trim() },
        }),
      );
      setOpen(false);
      props.onDone();
    } catch (failure) {
      const code = failure instanceof ApiError ? failure.code : undefined;
      setError(
        code === "ticket.duplicate_self"
          ? t("duplicate.self")
          : code === "ticket.duplicate_unknown"
            ? t("duplicate.unknown")
            : code === "ticket.duplicate_of_duplicate"
              ? t("duplicate.chain")
              : t("duplicate.failed", { message: failure instanceof Error ? failure.message : String(failure) }),
      );
    } finally {
      setBusy(false);
    }
  }
  return (
    <section class="card ticket-duplicate" data-testid="ticket-duplicate">
      <Show
        when={open()}
        fallback={
          <button type="button" class="button button-secondary" data-testid="action-duplicate" onClick={() => setOpen(true)}>
            {t("duplicate.action")}
          </button>
        }
      >
        <form class="action-form" onSubmit={submit}>
          <h2 class="section-title">{t("duplicate.title")}</h2>
          <label class="field-label" for="duplicate-original">
            {t("duplicate.original")}
          </label>
          <input
            id="duplicate-original"
            class="input"
            data-testid="duplicate-original"
            value={original()}
            onInput={(event) => setOriginal(event.currentTarget.value)}
            required
            minLength={4}
            maxLength={80}
            autocomplete="off"
          />
          <p class="field-hint">{t("duplicate.originalHint")}</p>
          <Show when={error()}>
            <p class="field-error" role="alert" data-testid="duplicate-error">
              {error()}
            </p>
          </Show>
          <div class="action-buttons">
            <button type="submit" class="button button-primary" data-testid="duplicate-submit" disabled={busy()}>
              {t("duplicate.submit")}
            </button>
            <button type="button" class="button button-secondary" onClick={() => setOpen(false)}>
              {t("duplicate.cancel")}
            </button>
          </div>
        </form>
      </Show>
    </section>
  );
}

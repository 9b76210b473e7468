import { createSignal, Match, Show, Switch } from "solid-js";
import { createQuery } from "../data/query.ts";
import type { TicketsApi } from "../data/tickets.ts";
import { useTicketLocale } from "../i18n/tickets.ts";
import { errorMessage } from "./errors.ts";
import { Field } from "./field.tsx";

/**
 * 上报人: for the staff handling a ticket, the reporter's name and masked phone; the whole
 * number on request, once a purpose is given (the API writes each reading to the audit trail),
 * then as a link to call. One row of the ticket's facts.
 */
export function ReporterFact(props: { ticketID: string; tickets: TicketsApi }) {
  const { t } = useTicketLocale();
  const contact = createQuery(
    () => props.ticketID,
    (ticketID) => props.tickets.reporter(ticketID),
  );
  const [asking, setAsking] = createSignal(false);
  const [purpose, setPurpose] = createSignal("");
  const [invalid, setInvalid] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal<string>();
  const [phone, setPhone] = createSignal<string>();

  async function reveal(event: SubmitEvent) {
    event.preventDefault();
    if (purpose().trim().length < 2) return setInvalid(true);
    setInvalid(false);
    setBusy(true);
    setFailure(undefined);
    try {
      setPhone((await props.tickets.revealReporter(props.ticketID, purpose().trim())).phone);
      setAsking(false);
    } catch (error) {
      setFailure(errorMessage(error, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="ticket-fact" data-testid="ticket-reporter">
      <dt>{t("reporter.title")}</dt>
      <dd>
        <Switch>
          <Match when={contact.data()}>
            {(found) => (
              <span class="ticket-grid">
                <span>
                  {found().name ?? t("reporter.none")}
                  <Show when={found().phoneMasked && !phone()}>
                    {" · "}
                    <span data-testid="reporter-masked">{found().phoneMasked}</span>
                  </Show>
                  <Show when={phone()}>
                    {(whole) => (
                      <>
                        {" · "}
                        <a href={`tel:${whole()}`} aria-label={t("reporter.call", { phone: whole() })} data-testid="reporter-phone">
                          {whole()}
                        </a>
                      </>
                    )}
                  </Show>
                </span>
                <Show when={phone()}>
                  <span class="ticket-fact-note">{t("reporter.logged")}</span>
                </Show>
                <Show when={found().phoneMasked && !phone() && !asking()}>
                  <button
                    type="button"
                    class="button button-ghost button-small"
                    data-testid="reporter-show"
                    onClick={() => setAsking(true)}
                  >
                    {t("reporter.show")}
                  </button>
                </Show>
                <Show when={asking()}>
                  <form class="reporter-reveal" onSubmit={reveal} novalidate>
                    <Field
                      id="reporter-purpose"
                      label={t("reporter.purpose")}
                      hint={t("reporter.purposeHint")}
                      error={invalid() ? t("reporter.purposeRequired") : failure()}
                    >
                      {(attributes) => (
                        <input
                          {...attributes}
                          class="input"
                          maxLength={200}
                          data-testid="reporter-purpose"
                          value={purpose()}
                          onInput={(event) => setPurpose(event.currentTarget.value)}
                        />
                      )}
                    </Field>
                    <div class="reporter-reveal-actions">
                      <button type="submit" class="button button-primary button-small" disabled={busy()} data-testid="reporter-confirm">
                        {t("reporter.confirm")}
                      </button>
                      <button type="button" class="button button-ghost button-small" onClick={() => setAsking(false)}>
                        {t("common.cancel")}
                      </button>
                    </div>
                  </form>
                </Show>
              </span>
            )}
          </Match>
          <Match when={contact.error()}>{(error) => <span class="muted">{errorMessage(error(), t)}</span>}</Match>
          <Match when={true}>
            <span class="muted">{t("common.loading")}</span>
          </Match>
        </Switch>
      </dd>
    </div>
  );
}

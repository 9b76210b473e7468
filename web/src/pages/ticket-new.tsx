import { A, useNavigate, useParams } from "@solidjs/router";
import { createMemo, createSignal, For, Match, Show, Switch } from "solid-js";
import { ApiError, NetworkError } from "../data/api.ts";
import { createPhotoUploads } from "../data/photo-uploads.ts";
import { createQuery } from "../data/query.ts";
import { mayReport, newIdempotencyKey, ticketsApi, type Ticket, type TicketsApi } from "../data/tickets.ts";
import type { DistrictConfig } from "../data/types.ts";
import { useTicketLocale } from "../i18n/tickets.ts";
import { useSession } from "../providers/session.tsx";
import { errorMessage } from "../ui/errors.ts";
import { AlertIcon, ChevronRightIcon, MapPinIcon } from "../ui/icons.tsx";
import { LocationPicker, type Point } from "../ui/location-picker.tsx";
import { NearbyReports } from "../ui/nearby-reports.tsx";
import { PhotoPicker } from "../ui/photo-picker.tsx";
import { EmptyState } from "../ui/states.tsx";
import { useTicketLists } from "../ui/ticket-parts.tsx";
import { tierName } from "../ui/terms.ts";
import { usePageTitle } from "../ui/title.ts";
import { TicketGate } from "../ui/district-gate.tsx";
import "./tickets.css";

/** `/d/:slug/tickets/new`: report a problem (随手拍), phone first. */
export function TicketNewPage() {
  const params = useParams<{ slug: string }>();
  const session = useSession();
  const navigate = useNavigate();
  const { t } = useTicketLocale();
  usePageTitle(() => t("report.title"));
  const tickets = ticketsApi(session.api);
  return (
    <div class="ticket-page report-page">
      <div class="page-head">
        <A href={`/d/${params.slug}/tickets`} class="back-link">
          <ChevronRightIcon size={14} class="back-icon" />
          {t("tickets.back")}
        </A>
        <h1 class="page-title">{t("report.title")}</h1>
        <p class="page-subtitle">{t("report.subtitle")}</p>
      </div>
      <TicketGate slug={params.slug}>
        {(config) => (
          <Show
            when={mayReport(session.me.data()?.actor)}
            fallback={<EmptyState title={t("report.notAllowedTitle")} body={t("report.notAllowedBody")} />}
          >
            <ReportForm
              config={config}
              tickets={tickets}
              onCreated={(ticket) => navigate(`/d/${params.slug}/tickets/${ticket.ticketID}`, { state: { reported: true } })}
            />
          </Show>
        )}
      </TicketGate>
    </div>
  );
}

type FieldKey = "category" | "description" | "photos" | "location";
/** A message kept as a way to say it, so that it follows a switch of language. */
type Say = () => string;

/** The report: category, description, photos (uploaded as they are picked) and the place. */
export function ReportForm(props: { config: DistrictConfig; tickets: TicketsApi; onCreated: (ticket: Ticket) => void }) {
  const { t, pick } = useTicketLocale();
  const params = useParams<{ slug: string }>();
  const navigate = useNavigate();
  const { categories, names } = useTicketLists(props.tickets);
  const uploads = createPhotoUploads(props.tickets);
  const [categoryKey, setCategoryKey] = createSignal("");
  const [description, setDescription] = createSignal("");
  const [address, setAddress] = createSignal("");
  const [point, setPoint] = createSignal<Point | null>(null);
  const [errors, setErrors] = createSignal<Partial<Record<FieldKey, Say>>>({});
  const [failure, setFailure] = createSignal<Say | null>(null);
  const [phase, setPhase] = createSignal<"idle" | "photos" | "sending">("idle");
  /** One key per report, kept for its retries so that a lost answer never makes a second ticket. */
  let idempotencyKey: string | null = null;
  /** The report the key was made for. */
  let keyedBody = "";

  const located = createQuery(point, (spot) => props.tickets.locate(spot.lon, spot.lat));
  const outside = () => {
    const error = located.error();
    return error instanceof ApiError && (error.code === "grid.outside_district" || error.status === 404);
  };
  // Once the pin is inside the district: the open reports near it (is it already reported?).
  const nearby = createQuery(
    () => (located.data() ? point() : null),
    (spot) => props.tickets.nearby(spot.lon, spot.lat),
  );
  const category = createMemo(() => categories.data()?.find((candidate) => candidate.key === categoryKey()));
  const descriptionLength = () => description().trim().length;

  function clearError(field: FieldKey) {
    if (errors()[field]) setErrors((current) => ({ ...current, [field]: undefined }));
  }

  function pickPoint(spot: Point) {
    setPoint(spot);
    clearError("location");
  }

  function validate(): Partial<Record<FieldKey, Say>> {
    const found: Partial<Record<FieldKey, Say>> = {};
    if (!categoryKey()) found.category = () => t("report.errorCategory");
    if (descriptionLength() < 2) found.description = () => t("report.errorDescription");
    if (!point()) found.location = () => t("report.errorLocation");
    else if (outside()) found.location = () => t("report.outside");
    if (uploads.items.some((item) => item.state === "failed")) found.photos = () => t("report.errorPhotos");
    return found;
  }

  function focusFirst(found: Partial<Record<FieldKey, Say>>) {
    const order: Array<[FieldKey, string]> = [
      ["category", "ticket-category"],
      ["description", "ticket-description"],
      ["photos", "ticket-photos"],
      ["location", "ticket-location"],
    ];
    const first = order.find(([field]) => found[field]);
    if (!first) return;
    const element = document.getElementById(first[1]);
    element?.scrollIntoView?.({ block: "center", behavior: "smooth" });
    if (first[0] !== "photos" && first[0] !== "location") element?.focus({ preventScroll: true });
  }

  async function submit(event: Event) {
    event.preventDefault();
    if (phase() !== "idle") return;
    setFailure(null);
    let found = validate();
    setErrors(found);
    if (Object.values(found).some(Boolean)) {
      setFailure(() => () => t("report.errorFix"));
      focusFirst(found);
      return;
    }
    if (uploads.busy()) {
      setPhase("photos");
      await uploads.settled();
      found = validate();
      setErrors(found);
      if (Object.values(found).some(Boolean)) {
        setPhase("idle");
        setFailure(() => () => t("report.errorFix"));
        focusFirst(found);
        return;
      }
    }
    setPhase("sending");
    const spot = point()!;
    const report = {
      categoryKey: categoryKey(),
      description: description().trim(),
      lon: spot.lon,
      lat: spot.lat,
      address: address().trim() || undefined,
      photoKeys: uploads.keys(),
    };
    // A retry of the same report keeps its key (one ticket however often it is sent); a changed report is a new one.
    const body = JSON.stringify(report);
    if (body !== keyedBody) idempotencyKey = null;
    keyedBody = body;
    idempotencyKey ??= newIdempotencyKey();
    try {
      const result = await props.tickets.create(report, idempotencyKey);
      props.onCreated(result.ticket);
    } catch (error) {
      refused(error);
    } finally {
      setPhase("idle");
    }
  }

  /** Puts the API's refusal next to the field it is about. */
  function refused(error: unknown) {
    if (error instanceof NetworkError) {
      setFailure(() => () => t("report.errorNetwork"));
      return;
    }
    if (!(error instanceof ApiError)) {
      setFailure(() => () => errorMessage(error, t));
      return;
    }
    const next: Partial<Record<FieldKey, Say>> = {};
    if (error.code === "ticket.outside_district") next.location = () => t("report.outside");
    else if (error.code === "ticket.unknown_category") next.category = () => t("report.errorUnknownCategory");
    else if (error.code?.startsWith("photo.")) {
      for (const field of error.fieldErrors) {
        const match = /^photoKeys\.(\d+)$/.exec(field.path);
        if (match) uploads.refuse(Number(match[1]), { code: "api", apiCode: error.code, detail: error.message });
      }
      next.photos = () => t("report.errorPhotoRefused");
    } else
      for (const field of error.fieldErrors) {
        const name = field.path.split(".")[0];
        if (name === "description") next.description = () => field.message;
        else if (name === "categoryKey") next.category = () => field.message;
        else if (name === "lon" || name === "lat") next.location = () => field.message;
      }
    setErrors(next);
    setFailure(() => () => (Object.values(next).some(Boolean) ? t("report.errorFix") : errorMessage(error, t)));
    focusFirst(next);
  }

  return (
    <form class="report-form" onSubmit={submit} novalidate data-testid="report-form">
      <div class="report-columns">
        <section class="card report-card">
          <div class="field" classList={{ "is-invalid": Boolean(errors().category) }}>
            <label class="field-label" for="ticket-category">
              {t("report.category")}
            </label>
            <select
              id="ticket-category"
              class="input select"
              data-testid="ticket-category"
              value={categoryKey()}
              aria-invalid={Boolean(errors().category)}
              aria-describedby="ticket-category-note"
              disabled={!categories.data()}
              onChange={(event) => {
                setCategoryKey(event.currentTarget.value);
                clearError("category");
              }}
            >
              <option value="" disabled selected={!categoryKey()}>
                {categories.loading() ? t("common.loading") : t("report.categoryChoose")}
              </option>
              <For each={categories.data() ?? []}>
                {(option) => (
                  <option value={option.key} selected={option.key === categoryKey()}>
                    {pick(option)}
                  </option>
                )}
              </For>
            </select>
            <p class={errors().category ? "field-error" : "field-hint"} id="ticket-category-note">
              <Switch fallback={t("report.categoryHint")}>
                <Match when={errors().category}>{(say) => <>{say()()}</>}</Match>
                <Match when={categories.error()}>{(error) => <>{`${t("report.categoriesFailed")} ${errorMessage(error(), t)}`}</>}</Match>
                <Match when={category()}>
                  {(chosen) => (
                    <>
                      {t("report.categoryRoute", {
                        department: chosen().departmentKey ? names.department(chosen().departmentKey) : t("ticket.territorial"),
                        hours: chosen().deadlineHours,
                      })}
                    </>
                  )}
                </Match>
              </Switch>
            </p>
          </div>

          <div class="field" classList={{ "is-invalid": Boolean(errors().description) }}>
            <label class="field-label" for="ticket-description">
              {t("report.description")}
            </label>
            <textarea
              id="ticket-description"
              class="input textarea"
              data-testid="ticket-description"
              rows={4}
              maxlength={2000}
              placeholder={t("report.descriptionPlaceholder")}
              value={description()}
              aria-invalid={Boolean(errors().description)}
              aria-describedby="ticket-description-note"
              onInput={(event) => {
                setDescription(event.currentTarget.value);
                clearError("description");
              }}
            />
            <p class={errors().description ? "field-error" : "field-hint field-hint-split"} id="ticket-description-note">
              <Show
                when={errors().description}
                fallback={
                  <>
                    <span>{t("report.descriptionHint")}</span>
                    <span>{t("report.descriptionCount", { count: description().length })}</span>
                  </>
                }
              >
                {(say) => <>{say()()}</>}
              </Show>
            </p>
          </div>

          <PhotoPicker
            uploads={uploads}
            id="ticket-photos"
            testID="ticket-photos"
            label={t("report.photos")}
            hint={t("report.photosHint")}
            error={errors().photos?.()}
          />
        </section>

        <section class="card report-card" aria-labelledby="ticket-location-label">
          <div class="field" classList={{ "is-invalid": Boolean(errors().location) }} id="ticket-location" tabindex="-1">
            <span class="field-label" id="ticket-location-label">
              {t("report.location")}
            </span>
            <LocationPicker
              config={props.config}
              tickets={props.tickets}
              value={point()}
              onPick={pickPoint}
              outside={outside()}
              nearby={nearby.data()?.items}
              nearbyLabel={(item) => `${names.category(item.categoryKey)} · ${t(`state.${item.state}`)}`}
              onOpenNearby={(ticketID) => navigate(`/d/${params.slug}/tickets/${ticketID}`)}
              invalid={Boolean(errors().location)}
              describedBy="ticket-location-status"
            />
            <div
              class="location-status"
              id="ticket-location-status"
              data-testid="ticket-location"
              data-state={
                !point()
                  ? "none"
                  : located.loading()
                    ? "loading"
                    : outside()
                      ? "outside"
                      : located.data()
                        ? "found"
                        : located.error()
                          ? "error"
                          : "loading"
              }
              role="status"
              aria-live="polite"
            >
              <Switch>
                <Match when={!point()}>
                  <p class={errors().location ? "field-error" : "field-hint"}>{errors().location?.() ?? t("location.none")}</p>
                </Match>
                <Match when={located.loading()}>
                  <p class="location-line">
                    <span class="spinner" aria-hidden="true" />
                    {t("location.checking")}
                  </p>
                </Match>
                <Match when={outside()}>
                  <p class="location-line is-outside">
                    <AlertIcon size={16} />
                    {t("report.outside")}
                  </p>
                </Match>
                <Match when={located.data()}>
                  {(place) => (
                    <div class="location-found">
                      <MapPinIcon size={18} class="location-found-icon" />
                      <div>
                        <Show when={tierName(props.config, place().grid.tier, { pick })}>
                          {(tier) => (
                            <p class="location-tier" data-testid="location-tier">
                              {tier()}
                            </p>
                          )}
                        </Show>
                        <p class="location-grid">{t("location.inGrid", { code: place().grid.code, name: place().grid.name })}</p>
                        <p class="location-path">
                          {place()
                            .ancestors.map((ref) => ref.name)
                            .join(" › ")}
                          <Show when={place().dedicated.length}>
                            {" · "}
                            {t("location.dedicated", {
                              names: place()
                                .dedicated.map((ref) => ref.name)
                                .join("、"),
                            })}
                          </Show>
                        </p>
                        <p class="location-coords">
                          {point()!.lat.toFixed(5)}, {point()!.lon.toFixed(5)}
                        </p>
                      </div>
                    </div>
                  )}
                </Match>
                <Match when={located.error()}>
                  {(error) => (
                    <p class="location-line is-warning">
                      <AlertIcon size={16} />
                      {t("location.checkFailed")} {errorMessage(error(), t)}
                    </p>
                  )}
                </Match>
              </Switch>
              <Show when={point() && errors().location && !outside()}>
                <p class="field-error">{errors().location?.()}</p>
              </Show>
            </div>
            <Show when={point() && !outside()}>
              <NearbyReports query={nearby} slug={params.slug} categoryName={names.category} />
            </Show>
          </div>

          <div class="field">
            <label class="field-label" for="ticket-address">
              {t("report.address")}
              <span class="field-optional">{t("report.optional")}</span>
            </label>
            <input
              id="ticket-address"
              class="input"
              data-testid="ticket-address"
              maxlength={200}
              autocomplete="off"
              placeholder={t("report.addressPlaceholder")}
              value={address()}
              onInput={(event) => setAddress(event.currentTarget.value)}
            />
          </div>
        </section>
      </div>

      <div class="report-submit-bar">
        <Show when={failure()}>
          {(say) => (
            <p class="notice notice-error" role="alert" data-testid="report-error">
              <AlertIcon size={16} />
              <span>{say()()}</span>
            </p>
          )}
        </Show>
        <button
          type="submit"
          class="button button-primary button-large button-block"
          data-testid="ticket-submit"
          disabled={phase() !== "idle"}
        >
          <Show when={phase() !== "idle"}>
            <span class="spinner" aria-hidden="true" />
          </Show>
          {phase() === "photos" ? t("report.waitingPhotos") : phase() === "sending" ? t("report.submitting") : t("report.submit")}
        </button>
      </div>
    </form>
  );
}

import { createSignal, Match, Show, Switch } from "solid-js";
import { ApiError } from "../../data/api.ts";
import { useEmergencyApi, type EmergencyMode } from "../../data/emergency.ts";
import { useEmergencyLocale } from "../../i18n/emergency.ts";
import { ConfirmDialog } from "../../ui/confirm-dialog.tsx";
import { errorMessage } from "../../ui/errors.ts";
import { Field, TextInput } from "../../ui/field.tsx";
import type { GridChoice } from "../../ui/grid-picker.tsx";
import { AlertIcon } from "../../ui/icons.tsx";
import { ErrorState, Skeleton } from "../../ui/states.tsx";
import { ScopeChoice } from "./scope-choice.tsx";

/** The district's mode (平急切换) and, for the admin, the switch. */
export function ModeCard(props: {
  mode: EmergencyMode | undefined;
  error: unknown;
  onRetry: () => void;
  admin: boolean;
  onSwitched: () => void;
}) {
  const { t, formatDateTime } = useEmergencyLocale();
  const gridNames = (mode: EmergencyMode) => mode.grids.map((grid) => grid.name).join("、");
  return (
    <section class="card emergency-mode" aria-labelledby="emergency-mode-title" data-testid="emergency-mode" data-mode={props.mode?.mode}>
      <h2 class="section-title" id="emergency-mode-title">
        {t("emergency.modeTitle")}
      </h2>
      <Switch>
        <Match when={props.mode}>
          {(mode) => (
            <>
              <div class="emergency-mode-state" classList={{ "is-emergency": mode().mode === "emergency" }}>
                <Show when={mode().mode === "emergency"}>
                  <AlertIcon size={22} />
                </Show>
                <strong data-testid="emergency-mode-name">{t(`emergency.mode.${mode().mode}`)}</strong>
                <Show when={mode().mode === "emergency"}>
                  <span>
                    {mode().scope === "district" ? t("emergency.modeDistrict") : t("emergency.modeGrids", { grids: gridNames(mode()) })}
                  </span>
                </Show>
              </div>
              <Show when={mode().mode === "emergency"} fallback={<p class="emergency-quiet">{t("emergency.modeNormalBody")}</p>}>
                <p class="emergency-mode-detail">{t("emergency.modeReason", { reason: mode().reason ?? "" })}</p>
              </Show>
              <Show when={mode().since}>
                {(since) => <p class="emergency-mode-detail">{t("emergency.modeSince", { since: formatDateTime(since()) })}</p>}
              </Show>
              <Show when={props.admin}>
                <SwitchForm mode={mode()} onSwitched={props.onSwitched} onConflict={props.onRetry} />
              </Show>
            </>
          )}
        </Match>
        <Match when={props.error}>{(error) => <ErrorState error={error()} onRetry={props.onRetry} />}</Match>
        <Match when={true}>
          <Skeleton lines={2} />
        </Match>
      </Switch>
    </section>
  );
}

function SwitchForm(props: { mode: EmergencyMode; onSwitched: () => void; onConflict: () => void }) {
  const { t } = useEmergencyLocale();
  const api = useEmergencyApi();
  const target = () => (props.mode.mode === "emergency" ? "normal" : "emergency");
  const [scope, setScope] = createSignal<"district" | "grids">("district");
  const [grids, setGrids] = createSignal<GridChoice[]>([]);
  const [reason, setReason] = createSignal("");
  const [errors, setErrors] = createSignal<{ reason?: boolean; grids?: boolean }>({});
  const [confirming, setConfirming] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal<(() => string) | null>(null);

  function ask(event: Event) {
    event.preventDefault();
    const next = { reason: reason().trim().length < 2, grids: target() === "emergency" && scope() === "grids" && grids().length === 0 };
    setErrors(next);
    setFailure(null);
    if (!next.reason && !next.grids) setConfirming(true);
  }

  async function confirm() {
    if (busy()) return;
    setBusy(true);
    try {
      await api.setMode(
        target() === "normal"
          ? { mode: "normal", reason: reason().trim(), expectedVersion: props.mode.version }
          : {
              mode: "emergency",
              scope: scope(),
              gridIDs: scope() === "grids" ? grids().map((grid) => grid.gridID) : [],
              reason: reason().trim(),
              expectedVersion: props.mode.version,
            },
      );
      setConfirming(false);
      setReason("");
      setGrids([]);
      props.onSwitched();
    } catch (error) {
      setConfirming(false);
      if (error instanceof ApiError && error.status === 409) {
        setFailure(() => () => t("emergency.conflict"));
        props.onConflict();
      } else setFailure(() => () => errorMessage(error, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="emergency-switch" onSubmit={ask} data-testid="emergency-switch">
      <h3 class="subsection-title">{target() === "emergency" ? t("emergency.toEmergency") : t("emergency.toNormal")}</h3>
      <Show when={target() === "emergency"}>
        <ScopeChoice
          name="emergency-scope"
          legend={t("emergency.scope")}
          scopes={["district", "grids"] as const}
          scopeLabel={(option) => t(`emergency.scope.${option}`)}
          gridScope="grids"
          scope={scope()}
          onScope={setScope}
          grids={grids()}
          onGrids={setGrids}
          gridsMissing={errors().grids}
          pickerTestID="emergency-mode-grids"
        />
      </Show>
      <Field
        id="emergency-reason"
        label={t("emergency.reason")}
        hint={t("emergency.reasonHint")}
        error={errors().reason ? t("emergency.reasonRequired") : undefined}
      >
        {(attributes) => <TextInput {...attributes} maxLength={200} value={reason()} data-testid="emergency-reason" onValue={setReason} />}
      </Field>
      <Show when={failure()}>
        {(message) => (
          <p class="notice notice-error" role="alert" data-testid="emergency-switch-error">
            {message()()}
          </p>
        )}
      </Show>
      <div class="emergency-actions">
        <button
          type="submit"
          class="button"
          classList={{ "button-primary": target() === "emergency", "button-secondary": target() === "normal" }}
          data-testid="emergency-switch-submit"
        >
          {target() === "emergency" ? t("emergency.toEmergency") : t("emergency.toNormal")}
        </button>
      </div>
      <Show when={confirming()}>
        <ConfirmDialog
          title={t("emergency.confirmTitle")}
          body={
            target() === "emergency"
              ? t("emergency.confirmEmergency", {
                  scope:
                    scope() === "district"
                      ? t("emergency.scope.district")
                      : grids()
                          .map((grid) => grid.name)
                          .join("、"),
                })
              : t("emergency.confirmNormal")
          }
          confirmLabel={t("emergency.confirm")}
          busy={busy()}
          testID="emergency-confirm"
          onConfirm={confirm}
          onCancel={() => setConfirming(false)}
        />
      </Show>
    </form>
  );
}

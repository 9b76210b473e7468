import { useParams } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { hasGridTasks, mayCommand, mayReadRounds, MODE_CHANGED, useEmergencyApi } from "../../data/emergency.ts";
import { createQuery } from "../../data/query.ts";
import { useEmergencyLocale } from "../../i18n/emergency.ts";
import { useDistrictActor } from "../../providers/district.tsx";
import { DistrictGate } from "../../ui/district-gate.tsx";
import { EmptyState } from "../../ui/states.tsx";
import { useMechanismTitle } from "../../ui/terms.ts";
import { usePageTitle } from "../../ui/title.ts";
import { PageHead } from "../../ui/page-head.tsx";
import { ModeCard } from "./mode.tsx";
import { MyTasks } from "./my-tasks.tsx";
import { Rounds } from "./rounds.tsx";
import "./emergency.css";

/**
 * `/d/:slug/emergency` (平急切换): a grid's own open tasks first, then the district's mode (the
 * admin switches it here), the task rounds (the admin issues them) and a live board per round.
 */
export function EmergencyPage() {
  const params = useParams<{ slug: string }>();
  const { t } = useEmergencyLocale();
  const title = useMechanismTitle(
    () => params.slug,
    "emergencyMode",
    () => t("emergency.title"),
  );
  usePageTitle(title);
  return (
    <div class="emergency-page">
      <PageHead title={title()} subtitle={t("emergency.subtitle")} />
      <DistrictGate
        slug={params.slug}
        mechanism="emergencyMode"
        actor
        off={{ title: t("emergency.offTitle"), body: t("emergency.offBody") }}
      >
        {() => <EmergencyWorkspace />}
      </DistrictGate>
    </div>
  );
}

export function EmergencyWorkspace() {
  const { t } = useEmergencyLocale();
  const api = useEmergencyApi();
  const actor = useDistrictActor();
  const mode = createQuery(
    () => true,
    () => api.mode(),
  );
  // Reports and new rounds change what the lists and the board show.
  const [changes, setChanges] = createSignal(0);
  const changed = () => setChanges((value) => value + 1);
  return (
    <div class="emergency-workspace">
      <Show when={hasGridTasks(actor)}>
        <MyTasks onReported={changed} />
      </Show>
      <ModeCard
        mode={mode.data()}
        error={mode.error()}
        onRetry={mode.reload}
        admin={mayCommand(actor)}
        onSwitched={() => {
          mode.reload();
          window.dispatchEvent(new Event(MODE_CHANGED));
        }}
      />
      <Show when={mayReadRounds(actor)} fallback={<EmptyState title={t("emergency.noAccessTitle")} body={t("emergency.noAccessBody")} />}>
        <Rounds admin={mayCommand(actor)} emergencyOn={mode.data()?.mode === "emergency"} changes={changes()} onChanged={changed} />
      </Show>
    </div>
  );
}

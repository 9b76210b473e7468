import { A, useParams } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { cadresApi, isCommunity } from "../data/cadres.ts";
import { createQuery } from "../data/query.ts";
import { useCadreLocale } from "../i18n/cadres.ts";
import { useSession } from "../providers/session.tsx";
import { QueryView } from "../ui/states.tsx";
import { usePageTitle } from "../ui/title.ts";
import { CadreGate, EvaluationForm, EvaluationList, LedgerList } from "./cadres-parts.tsx";
import "./cadres.css";

/** `/d/:slug/cadres/:cadreID`: one cadre's assignment, ledger and evaluations; the community evaluates here. */
export function CadreDetailPage() {
  const params = useParams<{ slug: string; cadreID: string }>();
  const session = useSession();
  const { t } = useCadreLocale();
  const api = cadresApi(session.api);
  const cadre = createQuery(
    () => params.cadreID,
    (cadreID) => api.cadre(cadreID),
  );
  usePageTitle(() => cadre.data()?.name ?? t("cadres.title"));
  const [version, setVersion] = createSignal(0);
  const [evaluating, setEvaluating] = createSignal(false);
  const kinds = () => session.api.district(params.slug).then((detail) => detail.config.governance.ledgerActivityKinds);
  const ledgerKinds = createQuery(() => params.slug, kinds);
  return (
    <div class="cadre-page">
      <A href={`/d/${params.slug}/cadres`} class="cadre-back">
        ← {t("detail.back")}
      </A>
      <CadreGate>
        {() => (
          <QueryView query={cadre} lines={5} skeletonClass="card">
            {(loaded) => (
              <div class="cadre-body" data-testid="cadre-detail">
                <div class="page-head">
                  <div>
                    <h1 class="page-title">{loaded().name}</h1>
                    <p class="page-subtitle">
                      {loaded().unitName} · {loaded().gridName} · {t("mine.periodValue", { from: loaded().from, to: loaded().to })}
                    </p>
                  </div>
                  <Show when={isCommunity(session.me.data()?.actor) && !evaluating()}>
                    <button type="button" class="button button-primary" onClick={() => setEvaluating(true)} data-testid="open-evaluation">
                      {t("detail.evaluate")}
                    </button>
                  </Show>
                </div>
                <Show when={evaluating()}>
                  <EvaluationForm
                    api={api}
                    cadreID={loaded().cadreID}
                    onCancel={() => setEvaluating(false)}
                    onDone={() => {
                      setEvaluating(false);
                      setVersion(version() + 1);
                    }}
                  />
                </Show>
                <LedgerList api={api} kinds={ledgerKinds.data() ?? []} filter={{ cadreID: loaded().cadreID }} version={version} />
                <EvaluationList api={api} cadreID={loaded().cadreID} version={version} />
              </div>
            )}
          </QueryView>
        )}
      </CadreGate>
    </div>
  );
}

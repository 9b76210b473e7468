import { useParams } from "@solidjs/router";
import { For, Show } from "solid-js";
import { createQuery } from "../data/query.ts";
import { registerApi } from "../data/register.ts";
import { useRegisterLocale } from "../i18n/register.ts";
import { useSession } from "../providers/session.tsx";
import { DistrictGate } from "../ui/district-gate.tsx";
import { EmptyState, QueryView } from "../ui/states.tsx";
import { usePageTitle } from "../ui/title.ts";
import "./registry.css";

/**
 * `/d/:slug/my-record`: what the grid register holds about the signed-in person (我的登记信息),
 * in full: it is their own (PIPL right of access). Whom to ask for a correction; an empty state
 * when the register holds nothing about them.
 */
export function MyRecordPage() {
  const params = useParams<{ slug: string }>();
  const session = useSession();
  const register = registerApi(session.api);
  const { t, pick, formatDate } = useRegisterLocale();
  usePageTitle(() => t("myRecord.title"));
  return (
    <div class="registry-page" data-testid="my-record-page">
      <div class="page-head">
        <h1 class="page-title">{t("myRecord.title")}</h1>
        <p class="page-subtitle">{t("myRecord.subtitle")}</p>
      </div>
      <DistrictGate
        slug={params.slug}
        mechanism="register"
        off={{ title: t("registry.offTitle"), body: t("registry.offBody") }}
        notFound={{ title: t("district.notFoundTitle"), body: t("district.notFoundBody") }}
      >
        {() => {
          const mine = createQuery(
            () => true,
            () => register.me(),
          );
          return (
            <>
              <div class="card registry-rights" data-testid="my-record-rights">
                <p>{t("myRecord.right")}</p>
                <p>{t("myRecord.correction")}</p>
              </div>
              <QueryView query={mine} lines={5} skeletonClass="card">
                {(data) => (
                  <Show when={data().records.length} fallback={<EmptyState title={t("myRecord.empty")} body={t("myRecord.emptyBody")} />}>
                    <For each={data().records}>
                      {(record) => (
                        <section class="card registry-record" data-testid="my-record">
                          <h2 class="section-title">{record.name}</h2>
                          <dl class="registry-facts">
                            <div class="registry-fact">
                              <dt>{t("record.idNumber")}</dt>
                              <dd class="registry-mono" data-testid="my-record-id">
                                {record.idNumber}
                              </dd>
                            </div>
                            <div class="registry-fact">
                              <dt>{t("record.phone")}</dt>
                              <dd class="registry-mono" data-testid="my-record-phone">
                                {record.phone ?? t("record.none")}
                              </dd>
                            </div>
                            <div class="registry-fact">
                              <dt>{t("record.dateOfBirth")}</dt>
                              <dd>{record.dateOfBirth}</dd>
                            </div>
                            <div class="registry-fact">
                              <dt>{t("record.gender")}</dt>
                              <dd>{t(`registry.gender.${record.gender}`)}</dd>
                            </div>
                            <div class="registry-fact">
                              <dt>{t("record.relation")}</dt>
                              <dd>{record.relation ?? t("record.none")}</dd>
                            </div>
                            <div class="registry-fact">
                              <dt>{t("record.movedIn")}</dt>
                              <dd>{record.movedInAt ? formatDate(record.movedInAt) : t("record.none")}</dd>
                            </div>
                            <div class="registry-fact">
                              <dt>{t("record.tags")}</dt>
                              <dd>
                                <span class="chips chips-small">
                                  <For each={record.tagNames}>
                                    {(tag) => (
                                      <span class="chip" data-testid="my-record-tag">
                                        {pick(tag)}
                                      </span>
                                    )}
                                  </For>
                                </span>
                              </dd>
                            </div>
                          </dl>
                        </section>
                      )}
                    </For>
                  </Show>
                )}
              </QueryView>
            </>
          );
        }}
      </DistrictGate>
    </div>
  );
}

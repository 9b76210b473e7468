import { A, useParams } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { createPagedList } from "../data/paged-list.ts";
import { mayReadAccessLog, registerApi, type AccessEntry } from "../data/register.ts";
import { useRegisterLocale } from "../i18n/register.ts";
import { useSession } from "../providers/session.tsx";
import { saveBlob } from "../ui/save-blob.ts";
import { registerError, RegistryFrame } from "./registry-parts.tsx";
import { RegistryList } from "./registry.tsx";
import { MessageNotice } from "../ui/failure-notice.tsx";

/**
 * `/d/:slug/registry/access-log`: the register's access log (访问日志) for district admins: who
 * read which field of whose record, when and why, newest first; 导出 CSV downloads the whole log.
 */
export function AccessLogPage() {
  const params = useParams<{ slug: string }>();
  const session = useSession();
  const register = registerApi(session.api);
  const { t, formatDateTime } = useRegisterLocale();
  const [exporting, setExporting] = createSignal(false);
  const [failure, setFailure] = createSignal<string | null>(null);
  async function exportLog() {
    setExporting(true);
    setFailure(null);
    try {
      saveBlob(await register.exportAccessLog(session.token()), "register-access-log.csv");
    } catch (error) {
      setFailure(registerError(error, t));
    } finally {
      setExporting(false);
    }
  }
  return (
    <RegistryFrame
      title="accessLog.title"
      subtitle="accessLog.subtitle"
      testid="access-log-page"
      allow={mayReadAccessLog}
      refused={{ title: t("accessLog.adminsOnly") }}
      actions={
        <A href={`/d/${params.slug}/registry`} class="button button-secondary">
          ← {t("record.back")}
        </A>
      }
    >
      {() => {
        const log = createPagedList(
          () => true,
          (_source, cursor) => register.accessLog({ cursor, limit: 50 }),
        );
        const fieldName = (field: string | null) =>
          field === "idNumber" || field === "phone" || field === "dateOfBirth" ? t(`record.${field}`) : (field ?? "");
        return (
          <div class="registry-body">
            <div class="registry-toolbar">
              <button
                type="button"
                class="button button-primary"
                disabled={exporting()}
                data-testid="access-log-export"
                onClick={() => void exportLog()}
              >
                {exporting() ? t("accessLog.exporting") : t("accessLog.export")}
              </button>
              <MessageNotice text={failure()} />
            </div>
            <RegistryList list={log} empty={t("accessLog.empty")} testid="access-log">
              {(entry: AccessEntry) => (
                <li class="card registry-row" data-testid="access-entry">
                  <div class="registry-row-main">
                    <span class="registry-name" data-testid="access-entry-who">
                      {entry.actorName ?? entry.actorID}
                    </span>
                    <span class="badge">{t(`accessLog.action.${entry.action}`)}</span>
                    <span class="muted">{formatDateTime(entry.at)}</span>
                  </div>
                  <div class="registry-row-facts">
                    <Show when={entry.recordName}>
                      <span data-testid="access-entry-record">
                        {t("accessLog.record")}：{entry.recordName}
                      </span>
                    </Show>
                    <Show when={entry.field}>
                      <span data-testid="access-entry-field">
                        {t("accessLog.field")}：{fieldName(entry.field)}
                      </span>
                    </Show>
                    <Show when={entry.purpose}>
                      <span data-testid="access-entry-purpose">
                        {t("accessLog.purpose")}：{entry.purpose}
                      </span>
                    </Show>
                  </div>
                </li>
              )}
            </RegistryList>
          </div>
        );
      }}
    </RegistryFrame>
  );
}

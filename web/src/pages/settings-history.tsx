import { createMemo, createSignal, For, Match, Show, Switch } from "solid-js";
import { describeAudit } from "@wangge/core/audit/describe";
import { AccessRoleNames, describeChanges, say } from "@wangge/core/config/describe";
import type { DistrictRole } from "@wangge/core/actor";
import { settingsOf, type ConfigVersion, type ConfigVersionDetail } from "../data/config.ts";
import { gridsApi } from "../data/grids.ts";
import { useSession } from "../providers/session.tsx";
import { useSettingsLocale } from "../i18n/settings.ts";
import { CheckIcon } from "../ui/icons.tsx";
import { EmptyState, ErrorState, Skeleton } from "../ui/states.tsx";
import { createPagedList } from "../data/paged-list.ts";
import { Block, ConfigError, ListFoot, type SettingsFrame } from "./settings-parts.tsx";

const partKey = (section: string) =>
  (["tiers", "dedicatedKinds", "roles", "mechanisms", "map", "tickets", "governance", "terms", "access"].includes(section)
    ? `part.${section}`
    : undefined) as
    | `part.${"tiers" | "dedicatedKinds" | "roles" | "mechanisms" | "map" | "tickets" | "governance" | "terms" | "access"}`
    | undefined;

/** 版本记录: every version newest first; open one to compare it with the current settings, roll back to it. */
export function HistorySection(props: { frame: SettingsFrame }) {
  const { t } = useSettingsLocale();
  // Loaded again after a rollback (a new version on top).
  const [round, setRound] = createSignal(0);
  const versions = createPagedList(round, (_, cursor) => props.frame.api.versions({ cursor }));
  const [open, setOpen] = createSignal<number>();
  const [notice, setNotice] = createSignal<number>();
  return (
    <div class="settings-section" data-testid="settings-history">
      <Show when={notice()}>
        {(version) => (
          <p class="notice notice-info" role="status" data-testid="config-saved">
            <CheckIcon size={16} /> {t("history.rolledBack", { version: version() })}
          </p>
        )}
      </Show>
      <Show
        when={versions.loaded()}
        fallback={
          <Show when={!versions.error()} fallback={<ListFoot list={versions} />}>
            <Skeleton class="card" lines={5} />
          </Show>
        }
      >
        <Show when={versions.items().length} fallback={<EmptyState title={t("history.empty")} />}>
          <ol class="settings-versions" data-testid="versions">
            <For each={versions.items()}>
              {(version) => (
                <VersionRow
                  version={version}
                  frame={props.frame}
                  open={open() === version.version}
                  onToggle={() => setOpen((current) => (current === version.version ? undefined : version.version))}
                  onRolledBack={(next) => {
                    setOpen(undefined);
                    setNotice(next);
                    setRound((value) => value + 1);
                  }}
                />
              )}
            </For>
          </ol>
        </Show>
        <ListFoot list={versions} />
      </Show>
    </div>
  );
}

function VersionRow(props: {
  version: ConfigVersion;
  frame: SettingsFrame;
  open: boolean;
  onToggle: () => void;
  onRolledBack: (version: number) => void;
}) {
  const { t, formatDateTime } = useSettingsLocale();
  const current = () => props.version.version === props.frame.config().version;
  const sections = () => props.version.sections.map((section) => (partKey(section) ? t(partKey(section)!) : section)).join("、");
  return (
    <li class="card settings-version-row" data-testid={`version-${props.version.version}`} classList={{ "is-open": props.open }}>
      <div class="settings-version-head">
        <div class="settings-version-text">
          <p class="settings-version-title">
            {t("history.version", { version: props.version.version })}
            <Show when={current()}>
              <span class="badge badge-active">{t("history.current")}</span>
            </Show>
          </p>
          <p class="muted">
            {props.version.createdByName ?? props.version.createdBy} · {formatDateTime(props.version.createdAt)}
          </p>
          <Show when={props.version.sections.length}>
            <p class="settings-version-sections">{t("history.changed", { sections: sections() })}</p>
          </Show>
          <Show when={props.version.rollbackOf}>
            {(of) => <p class="settings-version-sections">{t("history.rollbackOf", { version: of() })}</p>}
          </Show>
          <Show when={props.version.note}>{(note) => <p class="settings-version-note">“{note()}”</p>}</Show>
        </div>
        <Show when={!current()}>
          <button
            type="button"
            class="button button-secondary"
            data-testid={`version-open-${props.version.version}`}
            aria-expanded={props.open}
            onClick={() => props.onToggle()}
          >
            {props.open ? t("history.close") : t("history.open")}
          </button>
        </Show>
      </div>
      <Show when={props.open}>
        <VersionDetail version={props.version.version} frame={props.frame} onRolledBack={props.onRolledBack} />
      </Show>
    </li>
  );
}

function VersionDetail(props: { version: number; frame: SettingsFrame; onRolledBack: (version: number) => void }) {
  const { t, language } = useSettingsLocale();
  const grids = gridsApi(useSession().api);
  /** The routing rules' grids by name (a handful of reads, once the version is loaded). */
  const [gridNames, setGridNames] = createSignal<Record<string, string>>({});
  const [detail, setDetail] = createSignal<ConfigVersionDetail>();
  const [loadError, setLoadError] = createSignal<unknown>();
  const [confirming, setConfirming] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>();
  const load = () => {
    setLoadError(undefined);
    props.frame.api.version(props.version).then(
      (loaded) => {
        setDetail(() => loaded);
        const ruleGrids = [...loaded.settings.tickets.routingRules, ...props.frame.config().tickets.routingRules].map(
          (rule) => rule.gridID,
        );
        for (const gridID of new Set(ruleGrids))
          grids.grid(gridID).then(
            ({ grid }) => setGridNames((names) => ({ ...names, [gridID]: `${grid.name} · ${grid.code}` })),
            () => undefined,
          );
      },
      (error: unknown) => setLoadError(() => error),
    );
  };
  load();
  const diff = createMemo(() => {
    const loaded = detail();
    const names = gridNames();
    return loaded
      ? describeChanges(settingsOf(loaded.settings), settingsOf(props.frame.config()), language(), { gridName: (gridID) => names[gridID] })
      : [];
  });

  async function rollback() {
    setBusy(true);
    setFailure(undefined);
    try {
      const next = await props.frame.api.rollback({ toVersion: props.version, expectedVersion: props.frame.config().version });
      props.frame.saved(next);
      props.onRolledBack(next.version);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="settings-version-detail" data-testid="version-detail">
      <Switch>
        <Match when={loadError()}>{(error) => <ErrorState error={error()} onRetry={load} />}</Match>
        <Match when={!detail()}>
          <Skeleton lines={3} />
        </Match>
        <Match when={true}>
          <h3 class="subsection-title">{t("history.diff")}</h3>
          <Show when={diff().length} fallback={<p class="muted">{t("history.same")}</p>}>
            <For each={diff()}>
              {(section) => (
                <div class="settings-diff" data-testid={`diff-${section.section}`}>
                  <h4 class="settings-diff-title">{section.name}</h4>
                  <table class="settings-diff-table">
                    <thead>
                      <tr>
                        <th scope="col" />
                        <th scope="col">{t("history.then")}</th>
                        <th scope="col">{t("history.now")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={section.changes.slice(0, 40)}>
                        {(change) => (
                          <tr>
                            <th scope="row">{change.label}</th>
                            <td class="settings-diff-then">{change.then}</td>
                            <td class="settings-diff-now">{change.now}</td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                </div>
              )}
            </For>
          </Show>
          <Show when={failure()}>{(error) => <ConfigError error={error()} onReload={props.frame.reload} />}</Show>
          <Show
            when={confirming()}
            fallback={
              <button type="button" class="button button-secondary" data-testid="config-rollback" onClick={() => setConfirming(true)}>
                {t("history.rollback")}
              </button>
            }
          >
            <div
              class="notice notice-warning settings-confirm"
              role="alertdialog"
              aria-labelledby={`confirm-${props.version}`}
              data-testid="rollback-confirm"
            >
              <p id={`confirm-${props.version}`} class="settings-confirm-title">
                {t("history.confirmTitle", { version: props.version })}
              </p>
              <p>{t("history.confirmBody", { version: props.version })}</p>
              <div class="settings-form-actions">
                <button type="button" class="button button-ghost" onClick={() => setConfirming(false)}>
                  {t("users.cancel")}
                </button>
                <button
                  type="button"
                  class="button button-primary"
                  data-testid="config-rollback-confirm"
                  disabled={busy()}
                  onClick={() => void rollback()}
                >
                  {t("history.confirm")}
                </button>
              </div>
            </div>
          </Show>
        </Match>
      </Switch>
    </div>
  );
}

/** 操作记录: the district's audit trail, newest first, a page at a time. */
export function AuditSection(props: { frame: SettingsFrame }) {
  const { t, formatDateTime, language } = useSettingsLocale();
  const who = (event: { actorID: string; actorName: string | null; actorRoles: string[] }) =>
    event.actorName
      ? [
          ...event.actorRoles
            .filter((role) => role in AccessRoleNames)
            .slice(0, 1)
            .map((role) => say(AccessRoleNames[role as DistrictRole], language())),
          event.actorName,
        ].join(" ")
      : event.actorID === "system"
        ? t("audit.system")
        : event.actorID;
  const events = createPagedList(
    () => true,
    (_, cursor) => props.frame.api.audit({ cursor }),
  );
  return (
    <div class="settings-section" data-testid="settings-audit">
      <Block title={t("audit.title")} hint={t("audit.hint")}>
        <Show
          when={events.loaded()}
          fallback={
            <Show when={!events.error()} fallback={<ListFoot list={events} />}>
              <Skeleton lines={5} />
            </Show>
          }
        >
          <Show when={events.items().length} fallback={<p class="settings-empty">{t("audit.empty")}</p>}>
            <ol class="settings-audit" data-testid="audit-events">
              <For each={events.items()}>
                {(event) => (
                  <li class="settings-audit-event" data-testid="audit-event">
                    <time class="settings-audit-time" dateTime={event.at}>
                      {formatDateTime(event.at)}
                    </time>
                    <div>
                      <p class="settings-audit-summary" data-action={event.action}>
                        {describeAudit(event, language())}
                      </p>
                      <p class="muted">{t("audit.by", { actor: who(event) })}</p>
                    </div>
                  </li>
                )}
              </For>
            </ol>
          </Show>
          <ListFoot list={events} />
        </Show>
      </Block>
    </div>
  );
}

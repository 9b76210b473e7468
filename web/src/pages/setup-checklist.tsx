import { A } from "@solidjs/router";
import { createMemo, For, Show } from "solid-js";
import { createQuery } from "../data/query.ts";
import { setupApi, type DistrictSettings, type DistrictUserRow, type SetupMetrics } from "../data/setup.ts";
import type { DistrictConfig } from "../data/types.ts";
import { useSetupLocale, type SetupMessageKey } from "../i18n/setup.ts";
import { useSession } from "../providers/session.tsx";
import { CheckIcon } from "../ui/icons.tsx";
import "./setup.css";

export const setupItems = ["tiers", "grids", "roles", "departments", "categories", "people"] as const;
export type SetupItem = (typeof setupItems)[number];

/** Where each step is done, under `/d/:slug`. */
export const setupPaths: Record<SetupItem, string> = {
  tiers: "settings/tiers",
  grids: "grids/import",
  roles: "settings/roles",
  departments: "settings/tickets",
  categories: "settings/tickets",
  people: "settings/users",
};

/** What the checklist knows of the district; a read that failed is left out (so: not done). */
export interface SetupFacts {
  config: Pick<DistrictConfig, "tiers" | "roles" | "tickets">;
  /** The configuration the district was onboarded with. */
  first?: Pick<DistrictSettings, "tiers" | "roles" | "tickets">;
  metrics?: SetupMetrics;
  users?: DistrictUserRow[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Where a step stands: to do, done by what the district's template gave (and left as it was), or done by the district. */
export type SetupState = "todo" | "template" | "done";

/**
 * Where each step stands, from real data. A part of the configuration the district's template
 * gave (tiers, roles, departments, categories) counts: `template` while it is as onboarded,
 * `done` once changed or in use (grids exist, people hold the roles, tickets were filed). Grids
 * and people are done only once there.
 */
export function setupDone(facts: SetupFacts): Record<SetupItem, SetupState> {
  type Part = (settings: Pick<DistrictSettings, "tiers" | "roles" | "tickets">) => unknown[];
  const state = (pick: Part, inUse: boolean): SetupState => {
    if (inUse || (facts.first !== undefined && !same(pick(facts.first), pick(facts.config as DistrictSettings)))) return "done";
    return pick(facts.config as DistrictSettings).length > 0 ? "template" : "todo";
  };
  const values = facts.metrics?.values ?? {};
  const grids = (values["grids.total"] ?? 0) > 0;
  const tickets = (values["tickets.collected"] ?? 0) > 0;
  const rolesHeld = (facts.metrics?.roles ?? []).some((role) => role.people > 0);
  const staff = (facts.users ?? []).some(
    (user) => user.status !== "disabled" && user.roles.some((role) => role !== "district_admin" && role !== "resident"),
  );
  return {
    tiers: state((settings) => settings.tiers, grids),
    grids: grids ? "done" : "todo",
    roles: state((settings) => settings.roles, rolesHeld),
    departments: state((settings) => settings.tickets.departments, tickets),
    categories: state((settings) => settings.tickets.categories, tickets),
    people: staff ? "done" : "todo",
  };
}

/**
 * The district admin's first-run checklist (首次配置清单) on the district home: tiers, grids,
 * roles, departments, categories, people, each linking to where it is done. Hidden once all
 * are done (and while it is still reading, so that a set-up district never sees it flash).
 */
export function SetupChecklist(props: { slug: string; config: DistrictConfig }) {
  const { t } = useSetupLocale();
  const session = useSession();
  const setup = setupApi(session.api);
  const soft = <T,>(read: Promise<T>) => read.catch((): undefined => undefined);
  const facts = createQuery(
    // Read again whenever the configuration changes (a save elsewhere refreshes it).
    () => `${props.slug}@${props.config.version}`,
    async () => {
      const [first, metrics, users] = await Promise.all([soft(setup.firstConfig()), soft(setup.metrics()), soft(setup.users())]);
      return { first: first?.settings, metrics, users: users?.items };
    },
  );
  const done = createMemo(() => {
    const loaded = facts.data();
    return loaded ? setupDone({ config: props.config, ...loaded }) : undefined;
  });
  const isDone = (item: SetupItem) => (done()?.[item] ?? "todo") !== "todo";
  const count = () => setupItems.filter(isDone).length;

  return (
    <Show when={done() && count() < setupItems.length}>
      <section class="card setup-checklist" data-testid="setup-checklist" aria-labelledby="setup-checklist-title">
        <h2 class="section-title" id="setup-checklist-title">
          {t("checklist.title")}
        </h2>
        <p class="section-hint">{t("checklist.hint", { done: count(), total: setupItems.length })}</p>
        <ul class="setup-items">
          <For each={setupItems}>
            {(item) => (
              <li
                class="setup-item"
                data-testid={`setup-item-${item}`}
                data-done={isDone(item) ? "true" : "false"}
                data-state={done()?.[item]}
              >
                <A href={`/d/${props.slug}/${setupPaths[item]}`}>
                  <span class="setup-mark" aria-hidden="true">
                    <Show when={isDone(item)}>
                      <CheckIcon size={14} />
                    </Show>
                  </span>
                  <span class="setup-text">
                    <span>{t(`checklist.${item}` as SetupMessageKey)}</span>
                    <small>
                      {done()?.[item] === "done"
                        ? t("checklist.done")
                        : done()?.[item] === "template"
                          ? t("checklist.fromTemplate")
                          : t(`checklist.${item}Hint` as SetupMessageKey)}
                    </small>
                  </span>
                </A>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}

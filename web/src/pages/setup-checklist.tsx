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

/**
 * Which steps are done, from real data: a step is done once its part of the configuration
 * was changed from what the district was onboarded with, or once the district already uses
 * it (grids exist, people hold the roles, tickets were filed in the categories).
 */
export function setupDone(facts: SetupFacts): Record<SetupItem, boolean> {
  const changed = (pick: (settings: Pick<DistrictSettings, "tiers" | "roles" | "tickets">) => unknown) =>
    facts.first !== undefined && !same(pick(facts.first), pick(facts.config as DistrictSettings));
  const values = facts.metrics?.values ?? {};
  const grids = (values["grids.total"] ?? 0) > 0;
  const tickets = (values["tickets.collected"] ?? 0) > 0;
  const rolesHeld = (facts.metrics?.roles ?? []).some((role) => role.people > 0);
  const staff = (facts.users ?? []).some(
    (user) => user.status !== "disabled" && user.roles.some((role) => role !== "district_admin" && role !== "resident"),
  );
  return {
    tiers: changed((settings) => settings.tiers) || grids,
    grids,
    roles: changed((settings) => settings.roles) || rolesHeld,
    departments: changed((settings) => settings.tickets.departments) || tickets,
    categories: changed((settings) => settings.tickets.categories) || tickets,
    people: staff,
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
  const count = () => setupItems.filter((item) => done()?.[item]).length;

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
              <li class="setup-item" data-testid={`setup-item-${item}`} data-done={done()?.[item] ? "true" : "false"}>
                <A href={`/d/${props.slug}/${setupPaths[item]}`}>
                  <span class="setup-mark" aria-hidden="true">
                    <Show when={done()?.[item]}>
                      <CheckIcon size={14} />
                    </Show>
                  </span>
                  <span class="setup-text">
                    <span>{t(`checklist.${item}` as SetupMessageKey)}</span>
                    <small>{done()?.[item] ? t("checklist.done") : t(`checklist.${item}Hint` as SetupMessageKey)}</small>
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

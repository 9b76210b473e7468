import { A, useParams } from "@solidjs/router";
import { For, Show, type JSX } from "solid-js";
import { ApiError } from "../data/api.ts";
import { mayKeepRegister, registerSettingsOf, type RegisterTag } from "../data/register.ts";
import type { DistrictConfig, SignedInActor } from "../data/types.ts";
import { registerDictionaries, useRegisterLocale, type RegisterLocale, type RegisterMessageKey } from "../i18n/register.ts";
import { DistrictGate } from "../ui/district-gate.tsx";
import { errorMessage } from "../ui/errors.ts";
import { EmptyState } from "../ui/states.tsx";
import { usePageTitle } from "../ui/title.ts";
import "./registry.css";

/**
 * What to tell a person about a failed register call, in their language: the dictionary's words
 * for the API's problem code when it has them (`register.duplicate_id` → 该身份证号已在登记中),
 * else a word for a refusal or bad input, else the API's own detail.
 */
export function registerError(error: unknown, t: RegisterLocale["t"]): string {
  if (error instanceof ApiError) {
    const key = `registry.error.${error.code ?? ""}`;
    if (key in registerDictionaries["zh-CN"]) return t(key as RegisterMessageKey);
    if (error.status === 403) return t("registry.error.forbidden");
    if (error.status === 400) return t("registry.error.validation");
  }
  return errorMessage(error, t);
}

/** A tag's name in the reader's language, from the district's catalogue (its key if the catalogue lost it). */
export function tagName(tags: RegisterTag[], key: string, pick: RegisterLocale["pick"]): string {
  const tag = tags.find((candidate) => candidate.key === key);
  return tag ? pick(tag) : key;
}

/** The tags of a record as chips, by the district's names. */
export function TagChips(props: { config: DistrictConfig; keys: string[]; sensitive?: boolean }) {
  const { pick } = useRegisterLocale();
  const tags = () => registerSettingsOf(props.config).tags;
  return (
    <Show when={props.keys.length}>
      <span class="chips chips-small">
        <For each={props.keys}>
          {(key) => (
            <span class="chip" classList={{ "chip-sensitive": props.sensitive }} data-testid="register-tag">
              {tagName(tags(), key, pick)}
            </span>
          )}
        </For>
      </span>
    </Show>
  );
}

/**
 * The frame of the register's staff pages: the page head, then the district's register (when the
 * mechanism is on) for grid workers, grid leaders and district admins; others are pointed to
 * their own record.
 */
export function RegistryFrame(props: {
  title: RegisterMessageKey;
  subtitle?: RegisterMessageKey;
  testid: string;
  actions?: JSX.Element;
  allow?: (actor: SignedInActor) => boolean;
  refused?: { title: string; body?: string };
  children: (config: DistrictConfig, actor: SignedInActor) => JSX.Element;
}) {
  const params = useParams<{ slug: string }>();
  const { t } = useRegisterLocale();
  usePageTitle(() => t(props.title));
  return (
    <div class="registry-page" data-testid={props.testid}>
      <div class="page-head registry-head">
        <div>
          <h1 class="page-title">{t(props.title)}</h1>
          <Show when={props.subtitle}>{(subtitle) => <p class="page-subtitle">{t(subtitle())}</p>}</Show>
        </div>
        <div class="registry-head-actions">{props.actions}</div>
      </div>
      <DistrictGate
        slug={params.slug}
        mechanism="register"
        actor
        off={{ title: t("registry.offTitle"), body: t("registry.offBody") }}
        notFound={{ title: t("district.notFoundTitle"), body: t("district.notFoundBody") }}
      >
        {(config, _district, actor) => (
          <Show
            when={(props.allow ?? mayKeepRegister)(actor)}
            fallback={
              <EmptyState
                title={props.refused?.title ?? t("registry.staffOnlyTitle")}
                body={props.refused?.body ?? t("registry.staffOnlyBody")}
              >
                <A href={`/d/${params.slug}/my-record`} class="button button-secondary">
                  {t("myRecord.open")}
                </A>
              </EmptyState>
            }
          >
            {props.children(config, actor)}
          </Show>
        )}
      </DistrictGate>
    </div>
  );
}

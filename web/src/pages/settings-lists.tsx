import { For, Show } from "solid-js";
import { createStore } from "solid-js/store";
import {
  governanceLists,
  mechanismKeys,
  type GovernanceSettings,
  type MechanismKey,
  type SectionChanges,
  type Terminology,
} from "../data/config.ts";
import { fill, translate } from "../i18n/index.ts";
import { settingsDictionaries, useSettingsLocale } from "../i18n/settings.ts";
import {
  Block,
  checkKeyed,
  checkNames,
  clone,
  createSectionSave,
  KeyedListBlock,
  same,
  SaveBar,
  without,
  type FieldErrors,
  type SettingsFrame,
} from "./settings-parts.tsx";

/** 治理清单: meeting types, volunteer team kinds, ledger work kinds, volunteer services. */
export function GovernanceSection(props: { frame: SettingsFrame }) {
  const { t } = useSettingsLocale();
  const [lists, setLists] = createStore<GovernanceSettings>(clone(props.frame.config().governance));
  const save = createSectionSave(props.frame);
  const edit = save.edit;
  const tidy = (): GovernanceSettings => {
    const result = {} as GovernanceSettings;
    for (const list of governanceLists)
      result[list] = lists[list].map((kind) => ({ key: kind.key.trim(), nameZh: kind.nameZh.trim(), nameEn: kind.nameEn.trim() }));
    return result;
  };
  const dirty = () => !same(tidy(), props.frame.config().governance);
  const check = (): FieldErrors => Object.assign({}, ...governanceLists.map((list) => checkKeyed(lists[list], `governance.${list}`, t)));
  return (
    <div class="settings-section" data-testid="settings-governance">
      <For each={governanceLists}>
        {(list) => (
          <KeyedListBlock
            title={t(`governance.${list}`)}
            hint={t(`governance.${list}.hint`)}
            empty={t("governance.empty")}
            add={{
              label: t("governance.add"),
              testid: `${list}-add`,
              onClick: () => edit(() => setLists(list, lists[list].length, { key: "", nameZh: "", nameEn: "" })),
            }}
            items={lists[list]}
            path={`governance.${list}`}
            testid={list}
            errors={save.error}
            onChange={(index, field, value) => edit(() => setLists(list, index, field, value))}
            onRemove={(index) => edit(() => setLists(list, without(index)))}
          />
        )}
      </For>
      <SaveBar
        save={save}
        frame={props.frame}
        dirty={dirty()}
        onDiscard={() => edit(() => setLists(clone(props.frame.config().governance)))}
        onSave={() => void save.save({ governance: tidy() }, { check, unchanged: !dirty() })}
      />
    </div>
  );
}

interface TermRow {
  nameZh: string;
  nameEn: string;
}

/** One row of the terminology table: the default on the left, the district's words on the right. */
function TermRowFields(props: {
  label: string;
  defaults: TermRow;
  value: TermRow;
  testid: string;
  path: string;
  optional?: boolean;
  errors: (path: string) => string | undefined;
  onChange: (field: "nameZh" | "nameEn", value: string) => void;
}) {
  const { t } = useSettingsLocale();
  return (
    <li class="settings-term">
      <div class="settings-term-default">
        <span class="settings-term-label">{props.label}</span>
        <span class="muted">{t("terms.default", { name: `${props.defaults.nameZh} / ${props.defaults.nameEn}` })}</span>
      </div>
      <For each={["nameZh", "nameEn"] as const}>
        {(field) => (
          <div class="field" classList={{ "is-invalid": Boolean(props.errors(`${props.path}.${field}`)) }}>
            <label class="field-label" for={`${props.testid}-${field === "nameZh" ? "zh" : "en"}`}>
              {t(field === "nameZh" ? "form.nameZh" : "form.nameEn")}
            </label>
            <input
              class="input"
              id={`${props.testid}-${field === "nameZh" ? "zh" : "en"}`}
              data-testid={`${props.testid}-${field === "nameZh" ? "zh" : "en"}`}
              placeholder={props.optional ? props.defaults[field] : undefined}
              value={props.value[field]}
              aria-invalid={Boolean(props.errors(`${props.path}.${field}`))}
              onInput={(event) => props.onChange(field, event.currentTarget.value)}
            />
            <Show when={props.errors(`${props.path}.${field}`)}>{(message) => <p class="field-error">{message()}</p>}</Show>
          </div>
        )}
      </For>
    </li>
  );
}

/**
 * 术语: the district's own words for its tiers, dedicated kinds, roles and mechanisms, beside
 * the defaults. A mechanism left blank keeps the product's name.
 */
export function TermsSection(props: { frame: SettingsFrame }) {
  const { t } = useSettingsLocale();
  const config = () => props.frame.config();
  const mechanismDraft = () =>
    Object.fromEntries(
      mechanismKeys.map((key) => [
        key,
        { nameZh: config().terms.mechanisms[key]?.nameZh ?? "", nameEn: config().terms.mechanisms[key]?.nameEn ?? "" },
      ]),
    ) as Record<MechanismKey, TermRow>;
  const initial = () => ({
    tiers: clone(config().tiers),
    kinds: clone(config().dedicatedKinds),
    roles: clone(config().roles),
    mechanisms: mechanismDraft(),
  });
  const [draft, setDraft] = createStore(initial());
  const save = createSectionSave(props.frame);
  const edit = save.edit;
  const mechanismDefault = (key: MechanismKey): TermRow => ({
    nameZh: translate("zh-CN", `mechanism.${key}`),
    nameEn: translate("en", `mechanism.${key}`),
  });
  const tierDefault = (level: number): TermRow => ({
    nameZh: fill(settingsDictionaries["zh-CN"]["terms.tierDefault"], { level }),
    nameEn: fill(settingsDictionaries.en["terms.tierDefault"], { level }),
  });

  const trim = <T extends TermRow>(item: T): T => ({ ...item, nameZh: item.nameZh.trim(), nameEn: item.nameEn.trim() });
  function terms(): Terminology {
    const mechanisms: Terminology["mechanisms"] = {};
    for (const key of mechanismKeys) {
      const own = trim(draft.mechanisms[key]);
      if (!own.nameZh && !own.nameEn) continue;
      const fallback = mechanismDefault(key);
      mechanisms[key] = { nameZh: own.nameZh || fallback.nameZh, nameEn: own.nameEn || fallback.nameEn };
    }
    return { ...config().terms, mechanisms };
  }
  function changes(): SectionChanges {
    const result: SectionChanges = {};
    const tiers = draft.tiers.map(trim);
    const kinds = draft.kinds.map(trim);
    const roles = draft.roles.map(trim);
    if (!same(tiers, config().tiers)) result.tiers = tiers;
    if (!same(kinds, config().dedicatedKinds)) result.dedicatedKinds = kinds;
    if (!same(roles, config().roles)) result.roles = roles;
    if (!same(terms(), config().terms)) result.terms = terms();
    return result;
  }
  function check(): FieldErrors {
    const errors: FieldErrors = {};
    for (const [index, tier] of draft.tiers.entries()) Object.assign(errors, checkNames(tier, `tiers.${index}`, t));
    for (const [index, kind] of draft.kinds.entries()) Object.assign(errors, checkNames(kind, `dedicatedKinds.${index}`, t));
    for (const [index, role] of draft.roles.entries()) Object.assign(errors, checkNames(role, `roles.${index}`, t));
    return errors;
  }
  const dirty = () => Object.keys(changes()).length > 0;

  return (
    <div class="settings-section" data-testid="settings-terms">
      <p class="notice notice-info">{t("terms.hint")}</p>
      <Block title={t("terms.tiers")}>
        <ul class="settings-terms">
          <For each={draft.tiers}>
            {(tier, index) => (
              <TermRowFields
                label={t("tiers.level", { level: tier.level })}
                defaults={tierDefault(tier.level)}
                value={tier}
                testid={`term-tier-${tier.level}`}
                path={`tiers.${index()}`}
                errors={save.error}
                onChange={(field, value) => edit(() => setDraft("tiers", index(), field, value))}
              />
            )}
          </For>
        </ul>
      </Block>
      <Show when={draft.kinds.length}>
        <Block title={t("terms.kinds")}>
          <ul class="settings-terms">
            <For each={draft.kinds}>
              {(kind, index) => (
                <TermRowFields
                  label={kind.key}
                  defaults={{ nameZh: kind.key, nameEn: kind.key }}
                  value={kind}
                  testid={`term-kind-${kind.key}`}
                  path={`dedicatedKinds.${index()}`}
                  errors={save.error}
                  onChange={(field, value) => edit(() => setDraft("kinds", index(), field, value))}
                />
              )}
            </For>
          </ul>
        </Block>
      </Show>
      <Block title={t("terms.roles")}>
        <ul class="settings-terms">
          <For each={draft.roles}>
            {(role, index) => (
              <TermRowFields
                label={role.key}
                defaults={{ nameZh: translate("zh-CN", `role.${role.accessRole}`), nameEn: translate("en", `role.${role.accessRole}`) }}
                value={role}
                testid={`term-role-${role.key}`}
                path={`roles.${index()}`}
                errors={save.error}
                onChange={(field, value) => edit(() => setDraft("roles", index(), field, value))}
              />
            )}
          </For>
        </ul>
      </Block>
      <Block title={t("terms.mechanisms")}>
        <ul class="settings-terms">
          <For each={mechanismKeys}>
            {(key) => (
              <TermRowFields
                label={t(`mechanism.${key}`)}
                defaults={mechanismDefault(key)}
                value={draft.mechanisms[key]}
                optional
                testid={`term-mechanism-${key}`}
                path={`terms.mechanisms.${key}`}
                errors={save.error}
                onChange={(field, value) => edit(() => setDraft("mechanisms", key, field, value))}
              />
            )}
          </For>
        </ul>
      </Block>
      <SaveBar
        save={save}
        frame={props.frame}
        dirty={dirty()}
        onDiscard={() => edit(() => setDraft(initial()))}
        onSave={() => void save.save(changes(), { check, unchanged: !dirty() })}
      />
    </div>
  );
}

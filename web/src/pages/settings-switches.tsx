import { For, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { mechanismKeys, type DistrictConfig, type MechanismKey } from "../data/config.ts";
import { useSettingsLocale } from "../i18n/settings.ts";
import { MechanismIcon } from "../ui/icons.tsx";
import { mechanismName } from "../ui/terms.ts";
import { Block, clone, createSectionSave, same, SaveBar, type SettingsFrame } from "./settings-parts.tsx";

/** A switch: a checkbox styled as a toggle, with its label and hint. */
function Toggle(props: {
  testid: string;
  label: string;
  hint?: string;
  checked: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
  icon?: MechanismKey;
}) {
  return (
    <label class="settings-toggle" classList={{ "is-on": props.checked, "is-disabled": props.disabled }}>
      <Show when={props.icon}>
        {(icon) => (
          <span class="mechanism-icon">
            <MechanismIcon mechanism={icon()} size={22} />
          </span>
        )}
      </Show>
      <span class="settings-toggle-text">
        <span class="settings-toggle-label">{props.label}</span>
        <Show when={props.hint}>
          <span class="settings-toggle-hint">{props.hint}</span>
        </Show>
      </span>
      <input
        type="checkbox"
        // biome-ignore lint/a11y/useAriaPropsForRole: a native checkbox with role="switch" exposes its checked state itself; ARIA in HTML says not to add aria-checked
        role="switch"
        class="settings-switch"
        data-testid={props.testid}
        checked={props.checked}
        disabled={props.disabled}
        onChange={(event) => props.onChange(event.currentTarget.checked)}
      />
    </label>
  );
}

/**
 * A section of switches kept in one part of the configuration: the switches as edited, a change that
 * forgets the last outcome, and the section's save bar.
 */
function createSwitches<K extends "mechanisms" | "access">(frame: SettingsFrame, part: K) {
  type Switches = DistrictConfig[K];
  const [values, setValues] = createStore<Switches>(clone(frame.config()[part]));
  const save = createSectionSave(frame);
  const dirty = () => !same(values, frame.config()[part]);
  const change = (key: keyof Switches, checked: boolean) =>
    save.edit(() => (setValues as (key: keyof Switches, checked: boolean) => void)(key, checked));
  const bar = () => (
    <SaveBar
      save={save}
      frame={frame}
      dirty={dirty()}
      onDiscard={() => setValues(clone(frame.config()[part]))}
      onSave={() => void save.save({ [part]: { ...values } }, { unchanged: !dirty() })}
    />
  );
  return { values, change, bar };
}

/** 治理机制: each mechanism on or off; menus, pages and the API follow once saved. */
export function MechanismsSection(props: { frame: SettingsFrame }) {
  const locale = useSettingsLocale();
  const { t } = locale;
  const mechanisms = createSwitches(props.frame, "mechanisms");
  const name = (key: MechanismKey) => mechanismName(props.frame.config(), key, locale);
  const on = () => mechanismKeys.filter((key) => mechanisms.values[key]).length;
  return (
    <div class="settings-section" data-testid="settings-mechanisms">
      <Block
        title={t("mechanisms.title")}
        hint={t("mechanisms.hint")}
        aside={<span class="section-count">{t("mechanisms.onCount", { on: on(), total: mechanismKeys.length })}</span>}
      >
        <div class="settings-toggles">
          <For each={mechanismKeys}>
            {(key) => (
              <Toggle
                testid={`mechanism-${key}`}
                icon={key}
                label={name(key)}
                hint={t(`mechanism.${key}.desc`)}
                checked={mechanisms.values[key]}
                onChange={(checked) => mechanisms.change(key, checked)}
              />
            )}
          </For>
        </div>
      </Block>
      {mechanisms.bar()}
    </div>
  );
}

/** 注册与审核: residents' self-registration, and whether staff approve it. */
export function AccessSection(props: { frame: SettingsFrame }) {
  const { t } = useSettingsLocale();
  const access = createSwitches(props.frame, "access");
  return (
    <div class="settings-section" data-testid="settings-access">
      <Block title={t("access.title")}>
        <div class="settings-toggles">
          <Toggle
            testid="access-self-registration"
            label={t("access.selfRegistration")}
            hint={t("access.selfRegistrationHint")}
            checked={access.values.residentSelfRegistration}
            onChange={(checked) => access.change("residentSelfRegistration", checked)}
          />
          <Toggle
            testid="access-approval"
            label={t("access.approval")}
            hint={access.values.residentSelfRegistration ? t("access.approvalHint") : t("access.approvalIdle")}
            checked={access.values.residentApproval}
            disabled={!access.values.residentSelfRegistration}
            onChange={(checked) => access.change("residentApproval", checked)}
          />
        </div>
      </Block>
      {access.bar()}
    </div>
  );
}

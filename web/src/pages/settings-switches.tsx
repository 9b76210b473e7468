import { For, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { mechanismKeys, type MechanismKey } from "../data/config.ts";
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

/** 治理机制: each mechanism on or off; menus, pages and the API follow once saved. */
export function MechanismsSection(props: { frame: SettingsFrame }) {
  const locale = useSettingsLocale();
  const { t } = locale;
  const [mechanisms, setMechanisms] = createStore(clone(props.frame.config().mechanisms));
  const save = createSectionSave(props.frame);
  const dirty = () => !same(mechanisms, props.frame.config().mechanisms);
  const name = (key: MechanismKey) => mechanismName(props.frame.config(), key, locale);
  const on = () => mechanismKeys.filter((key) => mechanisms[key]).length;
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
                checked={mechanisms[key]}
                onChange={(checked) => {
                  save.clear();
                  setMechanisms(key, checked);
                }}
              />
            )}
          </For>
        </div>
      </Block>
      <SaveBar
        save={save}
        frame={props.frame}
        dirty={dirty()}
        onDiscard={() => setMechanisms(clone(props.frame.config().mechanisms))}
        onSave={() => void save.save({ mechanisms: { ...mechanisms } }, { unchanged: !dirty() })}
      />
    </div>
  );
}

/** 注册与审核: residents' self-registration, and whether staff approve it. */
export function AccessSection(props: { frame: SettingsFrame }) {
  const { t } = useSettingsLocale();
  const [access, setAccess] = createStore(clone(props.frame.config().access));
  const save = createSectionSave(props.frame);
  const dirty = () => !same(access, props.frame.config().access);
  const change = (key: "residentSelfRegistration" | "residentApproval", value: boolean) => {
    save.clear();
    setAccess(key, value);
  };
  return (
    <div class="settings-section" data-testid="settings-access">
      <Block title={t("access.title")}>
        <div class="settings-toggles">
          <Toggle
            testid="access-self-registration"
            label={t("access.selfRegistration")}
            hint={t("access.selfRegistrationHint")}
            checked={access.residentSelfRegistration}
            onChange={(checked) => change("residentSelfRegistration", checked)}
          />
          <Toggle
            testid="access-approval"
            label={t("access.approval")}
            hint={access.residentSelfRegistration ? t("access.approvalHint") : t("access.approvalIdle")}
            checked={access.residentApproval}
            disabled={!access.residentSelfRegistration}
            onChange={(checked) => change("residentApproval", checked)}
          />
        </div>
      </Block>
      <SaveBar
        save={save}
        frame={props.frame}
        dirty={dirty()}
        onDiscard={() => setAccess(clone(props.frame.config().access))}
        onSave={() => void save.save({ access: { ...access } }, { unchanged: !dirty() })}
      />
    </div>
  );
}

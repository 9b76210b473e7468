import { createMemo, createSignal, For, Show } from "solid-js";
import { createStore, produce } from "solid-js/store";
import { districtRoles, permissions, type DedicatedKind, type DistrictRole, type RoleDefinition, type Tier } from "../data/config.ts";
import { useSettingsLocale } from "../i18n/settings.ts";
import {
  Block,
  checkKeyed,
  checkNames,
  clone,
  createSectionSave,
  EditableRow,
  KeyedListBlock,
  ListBlock,
  NameFields,
  same,
  SaveBar,
  SelectField,
  tidyKeyed,
  without,
  type FieldErrors,
  type SettingsFrame,
} from "./settings-parts.tsx";

const MAX_TIERS = 5;

/** A tier being edited, with the level it had when loaded (null: new). */
interface DraftTier extends Tier {
  from: number | null;
}

/**
 * 网格层级: add, rename, reorder (up buttons) and remove tiers; dedicated grid kinds. A tier that
 * roles still sit on cannot be removed here; grids in the way are the API's to refuse.
 */
export function TiersSection(props: { frame: SettingsFrame }) {
  const { t, pick } = useSettingsLocale();
  const initial = () => ({
    tiers: props.frame.config().tiers.map((tier): DraftTier => ({ ...tier, from: tier.level })),
    kinds: clone(props.frame.config().dedicatedKinds),
  });
  const [draft, setDraft] = createStore(initial());
  const [rowNotice, setRowNotice] = createSignal<{ index: number; message: string }>();
  const save = createSectionSave(props.frame);
  const edit = (change: () => void) => {
    setRowNotice(undefined);
    save.edit(change);
  };
  const renumber = () => setDraft("tiers", (tiers) => tiers.map((tier, index) => ({ ...tier, level: index + 1 })));

  /** Where each loaded level is now (removed: absent). */
  const moves = createMemo(() => new Map(draft.tiers.filter((tier) => tier.from !== null).map((tier) => [tier.from!, tier.level])));
  const movedRoles = createMemo(() =>
    props.frame.config().roles.map((role) => (role.tier === null ? role : { ...role, tier: moves().get(role.tier) ?? role.tier })),
  );
  const tiers = (): Tier[] => draft.tiers.map((tier) => ({ level: tier.level, nameZh: tier.nameZh.trim(), nameEn: tier.nameEn.trim() }));
  const dirty = () => !same(tiers(), props.frame.config().tiers) || !same(draft.kinds, props.frame.config().dedicatedKinds);

  function remove(index: number) {
    const tier = draft.tiers[index];
    const holders = tier.from === null ? [] : props.frame.config().roles.filter((role) => role.tier === tier.from && !role.dedicated);
    if (holders.length)
      return setRowNotice({ index, message: t("check.tierRoles", { roles: holders.map((role) => pick(role)).join("、") }) });
    edit(() => {
      setDraft("tiers", without(index));
      renumber();
    });
  }

  function up(index: number) {
    edit(() => {
      setDraft(
        "tiers",
        produce((list) => {
          [list[index - 1], list[index]] = [list[index], list[index - 1]];
        }),
      );
      renumber();
    });
  }

  function check(): FieldErrors {
    const errors: FieldErrors = {};
    for (const [index, tier] of draft.tiers.entries()) Object.assign(errors, checkNames(tier, `tiers.${index}`, t));
    return { ...errors, ...checkKeyed(draft.kinds, "dedicatedKinds", t) };
  }

  function submit() {
    const roles = movedRoles();
    const changes = {
      tiers: tiers(),
      dedicatedKinds: tidyKeyed(draft.kinds),
      ...(same(roles, props.frame.config().roles) ? {} : { roles }),
    };
    void save.save(changes, { check, unchanged: !dirty() }).then(() => {
      if (save.state().kind === "saved") setDraft(initial());
    });
  }

  return (
    <div class="settings-section" data-testid="settings-tiers">
      <div class="settings-split">
        <ListBlock
          title={t("tiers.title")}
          hint={t("tiers.hint")}
          items={draft.tiers}
          add={{
            label: t("tiers.add"),
            testid: "tier-add",
            disabled: draft.tiers.length >= MAX_TIERS,
            onClick: () =>
              edit(() => setDraft("tiers", draft.tiers.length, { level: draft.tiers.length + 1, nameZh: "", nameEn: "", from: null })),
          }}
          addNote={draft.tiers.length >= MAX_TIERS && t("tiers.max")}
        >
          {(tier, index) => (
            <EditableRow
              testid={`tier-row-${index() + 1}`}
              fieldsClass="settings-row-fields-2"
              lead={<span class="settings-level">{t("tiers.level", { level: index() + 1 })}</span>}
              actions={
                <Show when={index() > 0}>
                  <button
                    type="button"
                    class="button button-ghost"
                    data-testid={`tier-up-${index() + 1}`}
                    aria-label={`${t("form.up")} ${t("tiers.level", { level: index() + 1 })}`}
                    onClick={() => up(index())}
                  >
                    ↑ {t("form.up")}
                  </button>
                </Show>
              }
              remove={{
                testid: `tier-remove-${index() + 1}`,
                disabled: draft.tiers.length <= 1,
                title: draft.tiers.length <= 1 ? t("tiers.min") : undefined,
                onClick: () => remove(index()),
              }}
              foot={
                <>
                  <Show when={rowNotice()?.index === index() && rowNotice()}>
                    {(notice) => (
                      <p class="field-error settings-row-notice" role="alert">
                        {notice().message}
                      </p>
                    )}
                  </Show>
                  <Show when={save.error(`tiers.${index()}`) ?? save.error(`tiers.${index()}.level`)}>
                    {(message) => <p class="field-error settings-row-notice">{message()}</p>}
                  </Show>
                </>
              }
            >
              <NameFields
                item={tier}
                testid="tier"
                number={index() + 1}
                path={`tiers.${index()}`}
                errors={save.error}
                onChange={(field, value) => edit(() => setDraft("tiers", index(), field as "nameZh", value))}
              />
            </EditableRow>
          )}
        </ListBlock>

        <Block title={t("tiers.preview")} hint={t("tiers.previewHint")} testid="tier-preview">
          <ol class="tier-ladder">
            <For each={draft.tiers}>
              {(tier, index) => {
                const roles = () => movedRoles().filter((role) => role.tier === index() + 1 && !role.dedicated);
                return (
                  <li class="tier-step" style={{ "--depth": index() }}>
                    <span class="tier-level">{t("tiers.level", { level: index() + 1 })}</span>
                    <div class="tier-body">
                      <p class="tier-name">{pick({ nameZh: tier.nameZh || "—", nameEn: tier.nameEn || "—" })}</p>
                      <Show when={roles().length} fallback={<p class="tier-roles-empty">{t("tiers.noRoles")}</p>}>
                        <ul class="chips chips-small">
                          <For each={roles()}>{(role) => <li class="chip">{pick(role)}</li>}</For>
                        </ul>
                      </Show>
                    </div>
                  </li>
                );
              }}
            </For>
          </ol>
          <Show when={draft.kinds.length}>
            <ul class="chips settings-preview-kinds">
              <For each={draft.kinds}>
                {(kind) => (
                  <li class="chip chip-accent">
                    {pick({ nameZh: kind.nameZh || kind.key || "—", nameEn: kind.nameEn || kind.key || "—" })}
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </Block>
      </div>

      <KeyedListBlock
        title={t("kinds.title")}
        hint={t("kinds.hint")}
        empty={t("kinds.empty")}
        add={{
          label: t("kinds.add"),
          testid: "kind-add",
          onClick: () => edit(() => setDraft("kinds", draft.kinds.length, { key: "", nameZh: "", nameEn: "" } as DedicatedKind)),
        }}
        items={draft.kinds}
        path="dedicatedKinds"
        testid="kind"
        errors={save.error}
        onChange={(index, field, value) => edit(() => setDraft("kinds", index, field, value))}
        onRemove={(index) => edit(() => setDraft("kinds", without(index)))}
      />

      <SaveBar save={save} frame={props.frame} onSave={submit} dirty={dirty()} onDiscard={() => edit(() => setDraft(initial()))} />
    </div>
  );
}

const tierValue = (role: RoleDefinition) => (role.dedicated ? "dedicated" : role.tier === null ? "none" : String(role.tier));

/** The read-only list of what an access role lets its holders do. */
export function PermissionList(props: { role: DistrictRole; testid?: string }) {
  const { t } = useSettingsLocale();
  return (
    <div class="settings-permissions" data-testid={props.testid}>
      <p class="settings-permissions-title">{t("roles.may")}</p>
      <ul>
        <For each={permissions[props.role]}>{(permission) => <li>{t(`perm.${permission}` as never)}</li>}</For>
      </ul>
    </div>
  );
}

/** 角色目录: the district's own roles, the tier each sits on, and the access role behind it. */
export function RolesSection(props: { frame: SettingsFrame }) {
  const { t, pick } = useSettingsLocale();
  const [roles, setRoles] = createStore(clone(props.frame.config().roles));
  const save = createSectionSave(props.frame);
  const edit = save.edit;
  const tierOptions = () => [
    { value: "none", label: t("roles.tierNone") },
    ...props.frame
      .config()
      .tiers.map((tier) => ({ value: String(tier.level), label: `${t("tiers.level", { level: tier.level })} · ${pick(tier)}` })),
    { value: "dedicated", label: t("roles.tierDedicated") },
  ];
  const accessOptions = () => districtRoles.map((role) => ({ value: role, label: t(`role.${role}`) }));
  const tidy = (): RoleDefinition[] =>
    tidyKeyed(roles).map((role) => ({ ...role, seconded: role.accessRole === "cadre" && role.seconded }));
  const dirty = () => !same(tidy(), props.frame.config().roles);

  function setTier(index: number, value: string) {
    edit(() => {
      setRoles(index, "dedicated", value === "dedicated");
      setRoles(index, "tier", value === "dedicated" || value === "none" ? null : Number(value));
    });
  }

  function submit() {
    void save.save({ roles: tidy() }, { check: () => checkKeyed(roles, "roles", t), unchanged: !dirty() });
  }

  return (
    <div class="settings-section" data-testid="settings-roles">
      <ListBlock
        title={t("roles.title")}
        hint={t("roles.hint")}
        items={roles}
        add={{
          label: t("roles.add"),
          testid: "role-add",
          onClick: () =>
            edit(() =>
              setRoles(roles.length, {
                key: "",
                nameZh: "",
                nameEn: "",
                accessRole: "grid_worker",
                tier: null,
                dedicated: false,
                seconded: false,
              }),
            ),
        }}
      >
        {(role, index) => (
          <EditableRow
            testid={`role-row-${index()}`}
            class="settings-role"
            remove={{
              testid: `role-remove-${index()}`,
              disabled: roles.length <= 1,
              title: roles.length <= 1 ? t("roles.min") : undefined,
              onClick: () => edit(() => setRoles(without(index()))),
            }}
            extra={
              <>
                <Show when={role.accessRole === "cadre"}>
                  <label class="settings-check">
                    <input
                      type="checkbox"
                      checked={role.seconded}
                      onChange={(event) => edit(() => setRoles(index(), "seconded", event.currentTarget.checked))}
                    />
                    {t("roles.seconded")}
                  </label>
                </Show>
                <PermissionList role={role.accessRole} testid={`role-permissions-${index()}`} />
              </>
            }
          >
            <NameFields
              item={role}
              testid="role"
              number={index()}
              path={`roles.${index()}`}
              errors={save.error}
              onChange={(field, value) => edit(() => setRoles(index(), field, value))}
            />
            <SelectField
              id={`role-tier-${index()}`}
              label={t("roles.tier")}
              value={tierValue(role)}
              onValue={(value) => setTier(index(), value)}
              options={tierOptions()}
              error={save.error(`roles.${index()}.tier`)}
              testid={`role-tier-${index()}`}
            />
            <SelectField
              id={`role-access-${index()}`}
              label={t("roles.access")}
              value={role.accessRole}
              onValue={(value) => edit(() => setRoles(index(), "accessRole", value as DistrictRole))}
              options={accessOptions()}
              error={save.error(`roles.${index()}.accessRole`)}
              testid={`role-access-${index()}`}
            />
          </EditableRow>
        )}
      </ListBlock>
      <SaveBar
        save={save}
        frame={props.frame}
        onSave={submit}
        dirty={dirty()}
        onDiscard={() => edit(() => setRoles(clone(props.frame.config().roles)))}
      />
    </div>
  );
}

import { newKey } from "@wangge/core/config/category-rules";
import { For } from "solid-js";
import { createStore } from "solid-js/store";
import { registerSettingsOf, type RegisterSettings } from "../data/register.ts";
import { useRegisterLocale } from "../i18n/register.ts";
import { useSettingsLocale } from "../i18n/settings.ts";
import {
  Block,
  checkKeyed,
  clone,
  createSectionSave,
  EditableRow,
  ListBlock,
  NameFields,
  same,
  SaveBar,
  type SettingsFrame,
} from "./settings-parts.tsx";
import "./registry.css";

const revealRoles = ["grid_worker", "grid_leader", "district_admin"] as const;

/**
 * 数据平台: the district's special-group tags (names in both languages, a key made from the English
 * name like a category's, a 敏感 switch) and which roles may reveal a person's full data.
 */
export function RegisterSection(props: { frame: SettingsFrame }) {
  const { t } = useSettingsLocale();
  const own = useRegisterLocale();
  const loaded = () => registerSettingsOf(props.frame.config());
  const [draft, setDraft] = createStore<RegisterSettings>(clone(loaded()));
  const save = createSectionSave(props.frame);
  const dirty = () => !same(draft, loaded());
  const check = () => checkKeyed(draft.tags, "register.tags", t);
  /** New tags left without a key get one from the English name (else tag_1 …), shown in the row. */
  function fillKeys() {
    const taken = new Set<string>(draft.tags.map((tag) => tag.key.trim()).filter(Boolean));
    draft.tags.forEach((tag, index) => {
      if (tag.key.trim() || !(tag.nameZh.trim() || tag.nameEn.trim())) return;
      const key = newKey(tag.nameEn, taken, "tag");
      taken.add(key);
      setDraft("tags", index, "key", key);
    });
  }
  const submit = () => {
    fillKeys();
    const tidy: RegisterSettings = {
      tags: draft.tags.map((tag) => ({
        key: tag.key.trim(),
        nameZh: tag.nameZh.trim(),
        nameEn: tag.nameEn.trim(),
        sensitive: tag.sensitive,
      })),
      revealRoles: revealRoles.filter((role) => draft.revealRoles.includes(role)),
    };
    void save.save({ register: tidy }, { check, unchanged: !dirty() });
  };
  return (
    <div class="settings-section" data-testid="settings-register">
      <ListBlock
        title={own.t("registerSettings.tags")}
        hint={own.t("registerSettings.tagsHint")}
        empty={own.t("registerSettings.tagsEmpty")}
        items={draft.tags}
        add={{
          label: own.t("registerSettings.addTag"),
          testid: "register-tag-add",
          onClick: () => save.edit(() => setDraft("tags", (tags) => [...tags, { key: "", nameZh: "", nameEn: "", sensitive: false }])),
        }}
      >
        {(tag, index) => (
          <EditableRow
            testid={`register-tag-row-${index()}`}
            remove={{
              testid: `register-tag-remove-${index()}`,
              onClick: () => save.edit(() => setDraft("tags", (tags) => tags.filter((_, at) => at !== index()))),
            }}
            extra={
              <label class="registry-tag-option">
                <input
                  type="checkbox"
                  data-testid={`register-tag-sensitive-${index()}`}
                  checked={tag.sensitive}
                  onChange={(event) => {
                    const checked = event.currentTarget.checked;
                    save.edit(() => setDraft("tags", index(), "sensitive", checked));
                  }}
                />
                {own.t("registerSettings.sensitive")}
              </label>
            }
          >
            <NameFields
              item={tag}
              testid="register-tag"
              number={index()}
              path={`register.tags.${index()}`}
              errors={save.error}
              onChange={(field, value) => save.edit(() => setDraft("tags", index(), field, value))}
            />
          </EditableRow>
        )}
      </ListBlock>
      <Block title={own.t("registerSettings.revealRoles")} hint={own.t("registerSettings.revealHint")}>
        <div class="registry-tags">
          <For each={revealRoles}>
            {(role) => (
              <label class="registry-tag-option">
                <input
                  type="checkbox"
                  data-testid={`register-reveal-${role}`}
                  checked={draft.revealRoles.includes(role)}
                  onChange={(event) => {
                    const checked = event.currentTarget.checked;
                    save.edit(() =>
                      setDraft("revealRoles", (roles) =>
                        checked ? [...roles.filter((other) => other !== role), role] : roles.filter((other) => other !== role),
                      ),
                    );
                  }}
                />
                {own.t(`registerSettings.role.${role}`)}
              </label>
            )}
          </For>
        </div>
      </Block>
      <SaveBar save={save} frame={props.frame} dirty={dirty()} onDiscard={() => setDraft(clone(loaded()))} onSave={submit} />
    </div>
  );
}

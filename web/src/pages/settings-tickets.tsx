import { For, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { isPublicCategory, newKey, privateByNature } from "@wangge/core/config/category-rules";
import type { Department, RoutingRule, TicketSettings } from "../data/config.ts";
import { useNamesLocale } from "../i18n/names.ts";
import { useSettingsLocale } from "../i18n/settings.ts";
import { GridSelect } from "../ui/grid-select.tsx";
import {
  Block,
  checkKeyed,
  clone,
  createSectionSave,
  EditableRow,
  InputField,
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

interface DraftCategory {
  key: string;
  nameZh: string;
  nameEn: string;
  /** "" is territorial (属地: the grid handles it). */
  department: string;
  deadline: string;
  /** On the public Open311 list. */
  public: boolean;
}

interface Draft {
  departments: Department[];
  categories: DraftCategory[];
  rules: RoutingRule[];
  reopenDays: string;
  startHour: string;
  endHour: string;
  days: number[];
}

function draftOf(tickets: TicketSettings): Draft {
  return {
    departments: clone(tickets.departments),
    categories: tickets.categories.map((category) => ({
      key: category.key,
      nameZh: category.nameZh,
      nameEn: category.nameEn,
      department: category.departmentKey ?? "",
      deadline: String(category.deadlineHours),
      // Shown as it stands (a category private by nature starts private); saved as said.
      public: isPublicCategory(category),
    })),
    rules: clone(tickets.routingRules),
    reopenDays: String(tickets.reopenDays),
    startHour: String(tickets.workingHours.startHour),
    endHour: String(tickets.workingHours.endHour),
    days: [...tickets.workingHours.days],
  };
}

/** A whole number within bounds, or undefined. */
function whole(text: string, min: number, max: number): number | undefined {
  if (!/^\s*\d+\s*$/.test(text)) return undefined;
  const value = Number(text);
  return value >= min && value <= max ? value : undefined;
}

function settingsOf(draft: Draft): TicketSettings {
  return {
    departments: tidyKeyed(draft.departments),
    categories: draft.categories.map((category) => ({
      key: category.key.trim(),
      nameZh: category.nameZh.trim(),
      nameEn: category.nameEn.trim(),
      departmentKey: category.department || null,
      deadlineHours: Number(category.deadline),
      // Said only where it differs from the category's nature (a hardship case is private unless made public).
      ...(category.public === !privateByNature({ key: category.key.trim(), nameZh: category.nameZh, nameEn: category.nameEn })
        ? {}
        : { public: category.public }),
    })),
    routingRules: draft.rules.map((rule) => ({
      categoryKey: rule.categoryKey,
      gridID: rule.gridID.trim(),
      departmentKey: rule.departmentKey,
    })),
    reopenDays: Number(draft.reopenDays),
    workingHours: { startHour: Number(draft.startHour), endHour: Number(draft.endHour), days: [...draft.days].sort() },
  };
}

const weekdays = [1, 2, 3, 4, 5, 6, 0];

/** 随手拍's settings: departments, categories (department, deadline), routing rules, reopening, working hours. */
export function TicketsSection(props: { frame: SettingsFrame }) {
  const { t, pick, language } = useSettingsLocale();
  const [draft, setDraft] = createStore(draftOf(props.frame.config().tickets));
  const save = createSectionSave(props.frame);
  const names = useNamesLocale();
  /** A rule's grid error: "required" from the form's own check, or the API's unknown grid in the reader's language. */
  const gridError = (index: number) => {
    const error = save.error(`tickets.routingRules.${index}.gridID`);
    return error && error !== t("check.required") ? names.t("gridSelect.unknown") : error;
  };
  const edit = save.edit;
  const dirty = () => !same(draftOf(props.frame.config().tickets), draft);
  const departmentName = (department: Department) =>
    pick({ nameZh: department.nameZh || department.key || "—", nameEn: department.nameEn || department.key || "—" });
  const departmentOptions = () => [
    { value: "", label: t("categories.territorial") },
    ...draft.departments
      .filter((department) => department.key.trim())
      .map((department) => ({ value: department.key.trim(), label: departmentName(department) })),
  ];
  const hoursPerDay = () => {
    const start = whole(draft.startHour, 0, 23);
    const end = whole(draft.endHour, 1, 24);
    return start !== undefined && end !== undefined && end > start ? end - start : undefined;
  };
  const days = (deadline: string) => {
    const hours = whole(deadline, 1, 2000);
    const perDay = hoursPerDay();
    if (hours === undefined || !perDay) return undefined;
    return new Intl.NumberFormat(language(), { maximumFractionDigits: 1 }).format(hours / perDay);
  };

  function check(): FieldErrors {
    const errors: FieldErrors = {
      ...checkKeyed(draft.departments, "tickets.departments", t),
      ...checkKeyed(draft.categories, "tickets.categories", t),
    };
    const departments = new Set(draft.departments.map((department) => department.key.trim()));
    const categories = new Set(draft.categories.map((category) => category.key.trim()));
    draft.categories.forEach((category, index) => {
      if (whole(category.deadline, 1, 2000) === undefined)
        errors[`tickets.categories.${index}.deadlineHours`] = t("check.range", { min: 1, max: 2000 });
      if (category.department && !departments.has(category.department))
        errors[`tickets.categories.${index}.departmentKey`] = t("check.required");
    });
    draft.rules.forEach((rule, index) => {
      if (!rule.categoryKey || !categories.has(rule.categoryKey)) errors[`tickets.routingRules.${index}.categoryKey`] = t("check.required");
      if (!rule.gridID.trim()) errors[`tickets.routingRules.${index}.gridID`] = t("check.required");
      if (!rule.departmentKey || !departments.has(rule.departmentKey))
        errors[`tickets.routingRules.${index}.departmentKey`] = t("check.required");
    });
    if (whole(draft.reopenDays, 0, 365) === undefined) errors["tickets.reopenDays"] = t("check.range", { min: 0, max: 365 });
    if (whole(draft.startHour, 0, 23) === undefined) errors["tickets.workingHours.startHour"] = t("check.range", { min: 0, max: 23 });
    if (whole(draft.endHour, 1, 24) === undefined) errors["tickets.workingHours.endHour"] = t("check.range", { min: 1, max: 24 });
    else if (!hoursPerDay() && !errors["tickets.workingHours.startHour"]) errors["tickets.workingHours.endHour"] = t("check.hours");
    if (!draft.days.length) errors["tickets.workingHours.days"] = t("check.days");
    return errors;
  }

  /** New categories and departments left without a key get one (from the English name, else category_1…), shown in the row. */
  function fillKeys() {
    for (const [list, kind] of [
      ["categories", "category"],
      ["departments", "department"],
    ] as const) {
      const taken = new Set<string>(draft[list].map((entry) => entry.key.trim()).filter(Boolean));
      draft[list].forEach((entry, index) => {
        if (entry.key.trim() || !(entry.nameZh.trim() || entry.nameEn.trim())) return;
        const key = newKey(entry.nameEn, taken, kind);
        taken.add(key);
        setDraft(list, index, "key", key);
      });
    }
  }

  const submit = () => {
    fillKeys();
    void save.save({ tickets: settingsOf(draft) }, { check, unchanged: !dirty() });
  };

  return (
    <div class="settings-section" data-testid="settings-tickets">
      <ListBlock
        title={t("categories.title")}
        hint={t("categories.hint")}
        empty={t("categories.empty")}
        items={draft.categories}
        add={{
          label: t("categories.add"),
          testid: "category-add",
          onClick: () =>
            edit(() =>
              setDraft("categories", draft.categories.length, {
                key: "",
                nameZh: "",
                nameEn: "",
                department: "",
                deadline: "72",
                public: true,
              }),
            ),
        }}
      >
        {(category, index) => (
          <EditableRow
            testid={`category-row-${index()}`}
            fieldsClass="settings-row-fields-5"
            remove={{ testid: `category-remove-${index()}`, onClick: () => edit(() => setDraft("categories", without(index()))) }}
          >
            <NameFields
              item={category}
              testid="category"
              number={index()}
              path={`tickets.categories.${index()}`}
              errors={save.error}
              onChange={(field, value) => edit(() => setDraft("categories", index(), field, value))}
            />
            <SelectField
              id={`category-department-${index()}`}
              label={t("categories.department")}
              value={category.department}
              onValue={(value) => edit(() => setDraft("categories", index(), "department", value))}
              options={departmentOptions()}
              error={save.error(`tickets.categories.${index()}.departmentKey`)}
              testid={`category-department-${index()}`}
            />
            <InputField
              id={`category-deadline-${index()}`}
              label={t("categories.deadline")}
              type="number"
              min={1}
              max={2000}
              value={category.deadline}
              onValue={(value) => edit(() => setDraft("categories", index(), "deadline", value))}
              error={save.error(`tickets.categories.${index()}.deadlineHours`)}
              hint={days(category.deadline) ? t("categories.deadlineDays", { days: days(category.deadline)! }) : undefined}
              testid={`category-deadline-${index()}`}
            />
            <label class="settings-day" classList={{ "is-on": category.public }}>
              <input
                type="checkbox"
                data-testid={`category-public-${index()}`}
                checked={category.public}
                onChange={(event) => {
                  const checked = event.currentTarget.checked;
                  edit(() => setDraft("categories", index(), "public", checked));
                }}
              />
              {t("categories.public")}
            </label>
          </EditableRow>
        )}
      </ListBlock>

      <KeyedListBlock
        title={t("departments.title")}
        hint={t("departments.hint")}
        empty={t("departments.empty")}
        add={{
          label: t("departments.add"),
          testid: "department-add",
          onClick: () => edit(() => setDraft("departments", draft.departments.length, { key: "", nameZh: "", nameEn: "" })),
        }}
        items={draft.departments}
        path="tickets.departments"
        testid="department"
        errors={save.error}
        onChange={(index, field, value) => edit(() => setDraft("departments", index, field, value))}
        onRemove={(index) => edit(() => setDraft("departments", without(index)))}
      />

      <ListBlock
        title={t("routing.title")}
        hint={t("routing.hint")}
        empty={t("routing.empty")}
        items={draft.rules}
        add={{
          label: t("routing.add"),
          testid: "routing-add",
          disabled: !draft.categories.length || !draft.departments.length,
          onClick: () => edit(() => setDraft("rules", draft.rules.length, { categoryKey: "", gridID: "", departmentKey: "" })),
        }}
        addNote={(!draft.categories.length || !draft.departments.length) && t("routing.needs")}
      >
        {(rule, index) => (
          <EditableRow
            testid={`routing-row-${index()}`}
            remove={{ testid: `routing-remove-${index()}`, onClick: () => edit(() => setDraft("rules", without(index()))) }}
          >
            <SelectField
              id={`routing-category-${index()}`}
              label={t("routing.category")}
              value={rule.categoryKey}
              onValue={(value) => edit(() => setDraft("rules", index(), "categoryKey", value))}
              options={[
                { value: "", label: t("form.choose") },
                ...draft.categories
                  .filter((category) => category.key.trim())
                  .map((category) => ({
                    value: category.key.trim(),
                    label: pick({ nameZh: category.nameZh || category.key, nameEn: category.nameEn || category.key }),
                  })),
              ]}
              error={save.error(`tickets.routingRules.${index()}.categoryKey`)}
              testid={`routing-category-${index()}`}
            />
            <GridSelect
              id={`routing-grid-${index()}`}
              label={t("routing.grid")}
              value={rule.gridID}
              onChange={(grid) => edit(() => setDraft("rules", index(), "gridID", grid?.gridID ?? ""))}
              tiers={props.frame.config().tiers}
              error={gridError(index())}
              testid={`routing-grid-${index()}`}
            />
            <SelectField
              id={`routing-department-${index()}`}
              label={t("routing.department")}
              value={rule.departmentKey}
              onValue={(value) => edit(() => setDraft("rules", index(), "departmentKey", value))}
              options={[{ value: "", label: t("form.choose") }, ...departmentOptions().slice(1)]}
              error={save.error(`tickets.routingRules.${index()}.departmentKey`)}
              testid={`routing-department-${index()}`}
            />
          </EditableRow>
        )}
      </ListBlock>

      <div class="settings-split">
        <Block title={t("reopen.title")}>
          <InputField
            id="reopen-days"
            label={t("reopen.days")}
            hint={t("reopen.hint")}
            type="number"
            min={0}
            max={365}
            value={draft.reopenDays}
            onValue={(value) => edit(() => setDraft("reopenDays", value))}
            error={save.error("tickets.reopenDays")}
            testid="reopen-days"
          />
        </Block>
        <Block title={t("hours.title")} hint={t("hours.hint")}>
          <div class="settings-row-fields settings-row-fields-2">
            <InputField
              id="hours-start"
              label={t("hours.start")}
              type="number"
              min={0}
              max={23}
              value={draft.startHour}
              onValue={(value) => edit(() => setDraft("startHour", value))}
              error={save.error("tickets.workingHours.startHour")}
              testid="hours-start"
            />
            <InputField
              id="hours-end"
              label={t("hours.end")}
              type="number"
              min={1}
              max={24}
              value={draft.endHour}
              onValue={(value) => edit(() => setDraft("endHour", value))}
              error={save.error("tickets.workingHours.endHour")}
              testid="hours-end"
            />
          </div>
          <fieldset class="settings-days">
            <legend class="field-label">{t("hours.days")}</legend>
            <For each={weekdays}>
              {(day) => (
                <label class="settings-day" classList={{ "is-on": draft.days.includes(day) }}>
                  <input
                    type="checkbox"
                    data-testid={`hours-day-${day}`}
                    checked={draft.days.includes(day)}
                    onChange={(event) => {
                      const checked = event.currentTarget.checked;
                      edit(() =>
                        setDraft("days", (list) =>
                          checked ? [...list.filter((other) => other !== day), day] : list.filter((other) => other !== day),
                        ),
                      );
                    }}
                  />
                  {t(`weekday.${day}` as "weekday.0")}
                </label>
              )}
            </For>
          </fieldset>
          <Show when={save.error("tickets.workingHours.days")}>{(message) => <p class="field-error">{message()}</p>}</Show>
          <Show when={hoursPerDay()}>{(hours) => <p class="field-hint">{t("hours.summary", { hours: hours() })}</p>}</Show>
        </Block>
      </div>

      <SaveBar
        save={save}
        frame={props.frame}
        onSave={submit}
        dirty={dirty()}
        onDiscard={() => edit(() => setDraft(draftOf(props.frame.config().tickets)))}
      />
    </div>
  );
}

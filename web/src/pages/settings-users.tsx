import { createSignal, For, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { districtRoles, type DistrictRole, type DistrictUser, type InviteInput, type UserStatus } from "../data/config.ts";
import { useSettingsLocale } from "../i18n/settings.ts";
import { RoleBadge } from "../ui/badges.tsx";
import { errorMessage } from "../ui/errors.ts";
import { PHONE } from "../ui/field.tsx";
import { PlusIcon } from "../ui/icons.tsx";
import { GridName } from "../ui/grid-name.tsx";
import { GridSelect } from "../ui/grid-select.tsx";
import { useNamesLocale } from "../i18n/names.ts";
import { EmptyState, Skeleton } from "../ui/states.tsx";
import { createPagedList } from "../data/paged-list.ts";
import { Block, configFieldErrors, InputField, ListFoot, SelectField, type FieldErrors, type SettingsFrame } from "./settings-parts.tsx";

const statuses: UserStatus[] = ["pending", "active", "disabled"];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** The API's field errors; a grid it does not know is said in the reader's language (the API's message is English). */
function placementErrors(error: unknown, t: ReturnType<typeof useNamesLocale>["t"]): FieldErrors {
  const fields = configFieldErrors(error);
  return fields.gridID ? { ...fields, gridID: t("gridSelect.unknown") } : fields;
}

/** Roles that work on a grid (网格员, 网格长, 网格助理) and so are given one. */
const gridRoles: DistrictRole[] = ["grid_worker", "grid_leader", "cadre"];

/** 人员: the district's people, pending residents first; invite, change roles, approve, disable. */
export function UsersSection(props: { frame: SettingsFrame }) {
  const { t } = useSettingsLocale();
  const [filter, setFilter] = createSignal<UserStatus | "all">("all");
  const [inviting, setInviting] = createSignal(false);
  const [notice, setNotice] = createSignal<string>();
  const pending = createPagedList(
    () => filter() === "all",
    (all, cursor) => (all ? props.frame.api.users({ status: "pending", cursor }) : Promise.resolve({ items: [], cursor: null })),
  );
  const people = createPagedList(filter, (status, cursor) =>
    props.frame.api.users({ status: status === "all" ? undefined : status, cursor }),
  );
  // With no filter, pending residents stand in their own group above everyone else.
  const rest = () => (filter() === "all" ? people.items().filter((user) => user.status !== "pending") : people.items());
  const departments = () => props.frame.config().tickets.departments;

  function replaced(user: DistrictUser) {
    const swap = (list: DistrictUser[]) => list.map((item) => (item.userID === user.userID ? user : item));
    people.setItems(swap);
    pending.setItems((list) => (user.status === "pending" ? swap(list) : list.filter((item) => item.userID !== user.userID)));
    if (filter() === "all" && user.status !== "pending" && !people.items().some((item) => item.userID === user.userID))
      people.setItems((list) => [user, ...list]);
    setNotice(t("users.updated", { name: user.name }));
  }

  return (
    <div class="settings-section" data-testid="settings-users">
      <div class="settings-toolbar">
        <SelectField
          id="users-filter"
          label={t("users.filter")}
          value={filter()}
          onValue={(value) => setFilter(value as UserStatus | "all")}
          options={[
            { value: "all", label: t("users.all") },
            ...statuses.map((status) => ({ value: status, label: t(`users.status.${status}`) })),
          ]}
          testid="users-filter"
          class="settings-filter"
        />
        <button
          type="button"
          class="button button-primary"
          data-testid="user-invite"
          onClick={() => {
            setInviting((open) => !open);
            setNotice(undefined);
          }}
        >
          <PlusIcon size={16} /> {t("users.invite")}
        </button>
      </div>
      <Show when={notice()}>
        <p class="notice notice-info" role="status" data-testid="users-notice">
          {notice()}
        </p>
      </Show>
      <Show when={inviting()}>
        <InviteForm
          frame={props.frame}
          onCancel={() => setInviting(false)}
          onInvited={(user) => {
            setInviting(false);
            people.setItems((list) => [user, ...list.filter((item) => item.userID !== user.userID)]);
            setNotice(t("invite.done", { name: user.name }));
          }}
        />
      </Show>

      <Show when={filter() === "all" && pending.items().length}>
        <Block title={t("users.pendingTitle", { count: pending.items().length })} testid="users-pending">
          <ul class="settings-users">
            <For each={pending.items()}>
              {(user) => <UserRow user={user} frame={props.frame} departments={departments()} onChanged={replaced} />}
            </For>
          </ul>
          <ListFoot list={pending} />
        </Block>
      </Show>

      <Show
        when={people.loaded()}
        fallback={
          <Show when={!people.error()} fallback={<ListFoot list={people} />}>
            <Skeleton class="card" lines={4} />
          </Show>
        }
      >
        <Show
          when={rest().length}
          fallback={
            <Show when={!(filter() === "all" && pending.items().length)}>
              <EmptyState title={filter() === "all" ? t("users.empty") : t("users.emptyFiltered")} />
            </Show>
          }
        >
          <ul class="settings-users card" data-testid="users-list">
            <For each={rest()}>
              {(user) => <UserRow user={user} frame={props.frame} departments={departments()} onChanged={replaced} />}
            </For>
          </ul>
        </Show>
        <ListFoot list={people} />
      </Show>
    </div>
  );
}

function contact(user: DistrictUser) {
  return [user.phoneMasked, user.emailMasked].filter(Boolean).join(" · ");
}

/** One person: who, their roles and where, their status, and what the admin can do. */
function UserRow(props: {
  user: DistrictUser;
  frame: SettingsFrame;
  departments: { key: string; nameZh: string; nameEn: string }[];
  onChanged: (user: DistrictUser) => void;
}) {
  const { t, pick } = useSettingsLocale();
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>();
  const [editing, setEditing] = createSignal(false);
  const [draft, setDraft] = createStore({
    roles: [...props.user.roles],
    gridID: props.user.gridID ?? "",
    departmentKey: props.user.departmentKey ?? "",
  });
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const names = useNamesLocale();
  const id = () => props.user.userID;
  const department = () => props.departments.find((item) => item.key === props.user.departmentKey);

  async function change(body: Parameters<SettingsFrame["api"]["updateUser"]>[1]) {
    setBusy(true);
    setFailure(undefined);
    setErrors({});
    try {
      const user = await props.frame.api.updateUser(id(), body);
      setEditing(false);
      props.onChanged(user);
    } catch (error) {
      setErrors(placementErrors(error, names.t));
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  function saveRoles() {
    if (!draft.roles.length) return setErrors({ roles: t("users.rolesRequired") });
    void change({
      roles: [...draft.roles],
      gridID: draft.roles.some((role) => gridRoles.includes(role)) && draft.gridID.trim() ? draft.gridID.trim() : undefined,
      departmentKey: draft.roles.includes("department_staff") && draft.departmentKey ? draft.departmentKey : undefined,
    });
  }

  return (
    <li class="settings-user" data-testid={`user-row-${id()}`} data-status={props.user.status}>
      <div class="settings-user-main">
        <span class="avatar" aria-hidden="true">
          {props.user.name.slice(0, 1)}
        </span>
        <div class="settings-user-text">
          <p class="settings-user-name">
            {props.user.name}
            <span class={`badge settings-status settings-status-${props.user.status}`}>{t(`users.status.${props.user.status}`)}</span>
          </p>
          <p class="settings-user-contact">{contact(props.user)}</p>
          <div class="settings-user-roles">
            <For each={props.user.roles}>{(role) => <RoleBadge role={role} />}</For>
            <Show when={props.user.gridID}>
              {(grid) => (
                <span class="chip" data-testid={`user-grid-name-${id()}`}>
                  {t("users.gridLabel")}
                  <GridName gridID={grid()} />
                </span>
              )}
            </Show>
            <Show when={props.user.departmentKey}>
              <span class="chip">
                {t("users.department", { department: department() ? pick(department()!) : props.user.departmentKey! })}
              </span>
            </Show>
          </div>
        </div>
      </div>
      <div class="settings-user-actions">
        <Show when={props.user.status === "pending"}>
          <button
            type="button"
            class="button button-primary"
            data-testid={`user-approve-${id()}`}
            disabled={busy()}
            onClick={() => void change({ status: "active" })}
          >
            {t("users.approve")}
          </button>
        </Show>
        <Show when={props.user.status !== "pending"}>
          <button type="button" class="button button-ghost" data-testid={`user-edit-${id()}`} onClick={() => setEditing((open) => !open)}>
            {t("users.edit")}
          </button>
        </Show>
        <Show when={props.user.status === "disabled"}>
          <button
            type="button"
            class="button button-secondary"
            data-testid={`user-enable-${id()}`}
            disabled={busy()}
            onClick={() => void change({ status: "active" })}
          >
            {t("users.enable")}
          </button>
        </Show>
        <Show when={props.user.status !== "disabled"}>
          <button
            type="button"
            class="button button-ghost settings-remove"
            data-testid={`user-disable-${id()}`}
            disabled={busy()}
            onClick={() => void change({ status: "disabled" })}
          >
            {t("users.disable")}
          </button>
        </Show>
      </div>
      <Show when={editing()}>
        <div class="settings-user-edit" data-testid={`user-editor-${id()}`}>
          <fieldset class="settings-role-checks">
            <legend class="field-label">{t("invite.role")}</legend>
            <For each={districtRoles}>
              {(role) => (
                <label class="settings-check">
                  <input
                    type="checkbox"
                    data-testid={`user-role-${id()}-${role}`}
                    checked={draft.roles.includes(role)}
                    onChange={(event) => {
                      const checked = event.currentTarget.checked;
                      setDraft("roles", (roles) => (checked ? [...roles, role] : roles.filter((other) => other !== role)));
                    }}
                  />
                  {t(`role.${role}`)}
                </label>
              )}
            </For>
            <Show when={errors().roles}>{(message) => <p class="field-error">{message()}</p>}</Show>
          </fieldset>
          <Show when={draft.roles.some((role) => gridRoles.includes(role))}>
            <GridSelect
              id={`user-grid-${id()}`}
              label={t("invite.grid")}
              value={draft.gridID}
              onChange={(grid) => setDraft("gridID", grid?.gridID ?? "")}
              tiers={props.frame.config().tiers}
              error={errors().gridID}
              testid={`user-grid-${id()}`}
            />
          </Show>
          <Show when={draft.roles.includes("department_staff")}>
            <SelectField
              id={`user-department-${id()}`}
              label={t("invite.department")}
              value={draft.departmentKey}
              onValue={(value) => setDraft("departmentKey", value)}
              options={[
                { value: "", label: t("form.choose") },
                ...props.departments.map((item) => ({ value: item.key, label: pick(item) })),
              ]}
              error={errors().departmentKey}
              hint={props.departments.length ? undefined : t("invite.departmentNone")}
              testid={`user-department-${id()}`}
            />
          </Show>
          <div class="settings-form-actions">
            <button type="button" class="button button-ghost" onClick={() => setEditing(false)}>
              {t("users.cancel")}
            </button>
            <button type="button" class="button button-primary" data-testid={`user-save-${id()}`} disabled={busy()} onClick={saveRoles}>
              {t("users.save")}
            </button>
          </div>
        </div>
      </Show>
      <Show when={failure()}>
        {(error) => (
          <p class="notice notice-error settings-user-error" role="alert" data-testid={`user-error-${id()}`}>
            {errorMessage(error(), t)}
          </p>
        )}
      </Show>
    </li>
  );
}

/** Invite someone by phone or e-mail, with a role and, where the role needs it, a grid or a department. */
function InviteForm(props: { frame: SettingsFrame; onInvited: (user: DistrictUser) => void; onCancel: () => void }) {
  const { t, pick } = useSettingsLocale();
  const [form, setForm] = createStore({
    name: "",
    phone: "",
    email: "",
    role: "grid_worker" as DistrictRole,
    gridID: "",
    departmentKey: "",
  });
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [failure, setFailure] = createSignal<unknown>();
  const [busy, setBusy] = createSignal(false);
  const names = useNamesLocale();
  const departments = () => props.frame.config().tickets.departments;
  const needsGrid = () => gridRoles.includes(form.role);
  const needsDepartment = () => form.role === "department_staff";

  function check(): FieldErrors {
    const errors: FieldErrors = {};
    if (!form.name.trim()) errors.name = t("check.required");
    const phone = form.phone.trim();
    const email = form.email.trim();
    if (!phone && !email) errors.phone = t("invite.contact");
    if (phone && !PHONE.test(phone)) errors.phone = t("invite.phoneInvalid");
    if (email && !EMAIL.test(email)) errors.email = t("invite.emailInvalid");
    if (form.role === "grid_worker" || form.role === "grid_leader") if (!form.gridID.trim()) errors.gridID = t("check.required");
    if (needsDepartment() && !form.departmentKey) errors.departmentKey = t("check.required");
    return errors;
  }

  async function submit(event: Event) {
    event.preventDefault();
    const local = check();
    setErrors(local);
    setFailure(undefined);
    if (Object.keys(local).length) return;
    const input: InviteInput = { name: form.name.trim(), roles: [form.role] };
    if (form.phone.trim()) input.phone = form.phone.trim();
    if (form.email.trim()) input.email = form.email.trim();
    if (needsGrid() && form.gridID.trim()) input.gridID = form.gridID.trim();
    if (needsDepartment()) input.departmentKey = form.departmentKey;
    setBusy(true);
    try {
      props.onInvited(await props.frame.api.invite(input));
    } catch (error) {
      setErrors(placementErrors(error, names.t));
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="card settings-invite" data-testid="invite-form" onSubmit={submit} noValidate>
      <h2 class="section-title">{t("invite.title")}</h2>
      <div class="settings-row-fields">
        <InputField
          id="invite-name"
          label={t("invite.name")}
          value={form.name}
          onValue={(value) => setForm("name", value)}
          error={errors().name}
          testid="invite-name"
        />
        <InputField
          id="invite-phone"
          label={t("invite.phone")}
          type="tel"
          value={form.phone}
          onValue={(value) => setForm("phone", value)}
          error={errors().phone}
          hint={t("invite.contact")}
          testid="invite-phone"
        />
        <InputField
          id="invite-email"
          label={t("invite.email")}
          type="email"
          value={form.email}
          onValue={(value) => setForm("email", value)}
          error={errors().email}
          testid="invite-email"
        />
        <SelectField
          id="invite-role"
          label={t("invite.role")}
          value={form.role}
          onValue={(value) => setForm("role", value as DistrictRole)}
          options={districtRoles.map((role) => ({ value: role, label: t(`role.${role}`) }))}
          error={errors().roles}
          testid="invite-role"
        />
        <Show when={needsGrid()}>
          <GridSelect
            id="invite-grid"
            label={t("invite.grid")}
            value={form.gridID}
            onChange={(grid) => setForm("gridID", grid?.gridID ?? "")}
            tiers={props.frame.config().tiers}
            error={errors().gridID}
            testid="invite-grid"
          />
        </Show>
        <Show when={needsDepartment()}>
          <SelectField
            id="invite-department"
            label={t("invite.department")}
            value={form.departmentKey}
            onValue={(value) => setForm("departmentKey", value)}
            options={[{ value: "", label: t("form.choose") }, ...departments().map((item) => ({ value: item.key, label: pick(item) }))]}
            error={errors().departmentKey}
            hint={departments().length ? undefined : t("invite.departmentNone")}
            testid="invite-department"
          />
        </Show>
      </div>
      <Show when={failure()}>
        {(error) => (
          <p class="notice notice-error" role="alert" data-testid="invite-error">
            {errorMessage(error(), t)}
          </p>
        )}
      </Show>
      <div class="settings-form-actions">
        <button type="button" class="button button-ghost" onClick={() => props.onCancel()}>
          {t("users.cancel")}
        </button>
        <button type="submit" class="button button-primary" data-testid="invite-submit" disabled={busy()}>
          {t("invite.submit")}
        </button>
      </div>
    </form>
  );
}

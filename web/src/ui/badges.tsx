import type { AccessRole, District } from "../data/types.ts";
import type { MessageKey } from "../i18n/index.ts";
import { useLocale } from "../providers/locale.tsx";

export function roleKey(role: string): MessageKey {
  return `role.${role as AccessRole}`;
}

export function StatusBadge(props: { status: District["status"] }) {
  const { t } = useLocale();
  return (
    <span class={`badge badge-${props.status}`}>
      <span class="badge-dot" aria-hidden="true" />
      {t(`status.${props.status}`)}
    </span>
  );
}

export function RoleBadge(props: { role: string }) {
  const { t } = useLocale();
  return <span class={`badge badge-role role-${props.role}`}>{t(roleKey(props.role))}</span>;
}

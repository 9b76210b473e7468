import { A } from "@solidjs/router";
import { createMemo, Match, Switch, type JSX } from "solid-js";
import { ApiError } from "../data/api.ts";
import { createQuery } from "../data/query.ts";
import type { District, DistrictConfig, MechanismKey, Me, SignedInActor } from "../data/types.ts";
import { useTicketLocale } from "../i18n/tickets.ts";
import { DistrictProvider } from "../providers/district.tsx";
import { homePath, isVisitor, useSession } from "../providers/session.tsx";
import { useLocale } from "../providers/locale.tsx";
import { EmptyState, ErrorState, Skeleton } from "./states.tsx";

/** A title and a body for an empty state, already in the page's language. */
export interface GateText {
  title: string;
  body: string;
}

interface GateProps {
  slug: string;
  /** The mechanism the page belongs to; when the district has it switched off, `off` shows instead. */
  mechanism: MechanismKey;
  off: GateText;
  /** Shown when the district does not exist or is not the caller's (404/403); without it, the error state. */
  notFound?: GateText;
  /** Lines of the loading skeleton (5 unless told). */
  skeletonLines?: number;
}

/**
 * The mechanism pages' frame: loads the district and shows its children only when the page's
 * mechanism is switched on there; otherwise says so. With `actor`, it also waits for the
 * signed-in actor from the session and hands it to the children. What it shows can also read the
 * district, its configuration and the actor with `useDistrict()`.
 */
export function DistrictGate(
  props: GateProps &
    (
      | { actor?: false; children: (config: DistrictConfig, district: District) => JSX.Element }
      | { actor: true; children: (config: DistrictConfig, district: District, actor: SignedInActor) => JSX.Element }
    ),
) {
  const session = useSession();
  const detail = createQuery(
    () => props.slug,
    (slug) => session.api.district(slug),
    { refresh: session.api.districtRevision },
  );
  const actor = () => (props.actor ? session.me.data()?.actor : undefined);
  // A new value (and so new children) only when the district or the actor itself changes.
  const ready = createMemo(
    () => {
      const loaded = detail.data();
      const signedIn = actor();
      if (!loaded || (props.actor && !signedIn)) return undefined;
      return { config: loaded.config, district: loaded.district, actor: signedIn };
    },
    undefined,
    { equals: (a, b) => a?.config === b?.config && a?.district === b?.district && a?.actor === b?.actor },
  );
  const error = () => detail.error() ?? (props.actor ? session.me.error() : undefined);
  const notFound = () => {
    const failure = detail.error();
    return props.notFound && failure instanceof ApiError && (failure.status === 404 || failure.status === 403) ? props.notFound : undefined;
  };
  const render = (loaded: { config: DistrictConfig; district: District; actor: SignedInActor | undefined }) => (
    <DistrictProvider value={{ slug: props.slug, ...loaded }}>
      {props.actor ? props.children(loaded.config, loaded.district, loaded.actor!) : props.children(loaded.config, loaded.district)}
    </DistrictProvider>
  );
  return (
    <Switch>
      <Match when={isVisitor(session.me.data()) && session.me.data()}>{(me) => <VisitorNotice me={me()} />}</Match>
      <Match when={detail.data()?.config.mechanisms[props.mechanism] === false}>
        <EmptyState title={props.off.title} body={props.off.body} />
      </Match>
      <Match when={ready()} keyed>
        {render}
      </Match>
      <Match when={notFound()}>{(text) => <EmptyState title={text().title} body={text().body} />}</Match>
      <Match when={error()}>
        {(failure) => <ErrorState error={failure()} onRetry={() => (detail.error() ? detail.reload() : session.me.reload())} />}
      </Match>
      <Match when={true}>
        <Skeleton class="card" lines={props.skeletonLines ?? 5} />
      </Match>
    </Switch>
  );
}

/** The ticket pages' frame: the district's gate for snap-and-report (随手拍). */
export function TicketGate(props: { slug: string; children: (config: DistrictConfig, district: District) => JSX.Element }) {
  const { t } = useTicketLocale();
  return (
    <DistrictGate
      slug={props.slug}
      mechanism="tickets"
      off={{ title: t("tickets.offTitle"), body: t("tickets.offBody") }}
      notFound={{ title: t("district.notFoundTitle"), body: t("district.notFoundBody") }}
    >
      {props.children}
    </DistrictGate>
  );
}

/**
 * What a provincial admin or an operator sees on a district's own pages (its tickets, grids,
 * figures): that these belong to the district's people, and where their own view is, instead of
 * requests the API would refuse.
 */
export function VisitorNotice(props: { me: Me }) {
  const { t } = useLocale();
  return (
    <EmptyState
      title={t("district.visitorTitle")}
      body={t(props.me.actor.type === "province" ? "district.visitorProvince" : "district.visitorOperator")}
    >
      <A class="button button-primary" href={homePath(props.me)} data-testid="visitor-home">
        {t(props.me.actor.type === "province" ? "district.visitorCompare" : "district.visitorDirectory")}
      </A>
    </EmptyState>
  );
}

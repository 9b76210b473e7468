import type { DistrictConfig, MechanismKey } from "../data/types.ts";
import type { MessageKey } from "../i18n/index.ts";
import { createQuery } from "../data/query.ts";
import { useLocale, type Locale } from "../providers/locale.tsx";
import { useSession } from "../providers/session.tsx";

/**
 * A mechanism's name in the district's own words (术语, `config.terms.mechanisms`), in the
 * current language; the product's default wording where the district has none.
 */
export function mechanismName(
  config: Pick<DistrictConfig, "terms"> | undefined,
  key: MechanismKey,
  locale: Pick<Locale, "t" | "pick">,
): string {
  const own = config?.terms?.mechanisms?.[key];
  return own ? locale.pick(own) : locale.t(`mechanism.${key}` as MessageKey);
}

/** A tier's name as the district calls it (一级网格, 片区 …); `level` when it has no such tier. */
export function tierName(
  config: Pick<DistrictConfig, "tiers"> | undefined,
  level: number | null,
  locale: Pick<Locale, "pick">,
): string | undefined {
  if (level === null) return undefined;
  const tier = config?.tiers.find((candidate) => candidate.level === level);
  return tier ? locale.pick(tier) : undefined;
}

/**
 * A mechanism page's title: the district's own word for the mechanism if it has one, else the
 * page's default title. Reads the (session-cached) district of `slug`.
 */
export function useMechanismTitle(slug: () => string | undefined, key: MechanismKey, fallback: () => string): () => string {
  const session = useSession();
  const { pick } = useLocale();
  const detail = createQuery(slug, (value) => session.api.district(value), { refresh: session.api.districtRevision });
  return () => {
    const own = detail.data()?.config.terms?.mechanisms?.[key];
    return own ? pick(own) : fallback();
  };
}

/**
 * A tier's name in the district's own words, from the (session-cached) district of `slug`:
 * for pages that know only a tier's level. Until the district is read, `fallback(level)`.
 */
export function useTierName(slug: () => string | undefined, fallback: (level: number) => string): (level: number) => string {
  const session = useSession();
  const { pick } = useLocale();
  const detail = createQuery(slug, (value) => session.api.district(value), { refresh: session.api.districtRevision });
  return (level) => tierName(detail.data()?.config, level, { pick }) ?? fallback(level);
}

import { useLocale } from "../providers/locale.tsx";
import { GlobeIcon } from "./icons.tsx";

/** One button: shows the other language and switches to it. */
export function LanguageSwitch() {
  const { t, language, toggleLanguage } = useLocale();
  return (
    <button
      type="button"
      class="button button-ghost lang-switch"
      data-testid="lang-switch"
      aria-label={`${t("lang.switch")}: ${t("lang.other")}`}
      title={t("lang.switch")}
      onClick={toggleLanguage}
    >
      <GlobeIcon size={18} />
      <span lang={language() === "zh-CN" ? "en" : "zh-CN"}>{t("lang.other")}</span>
    </button>
  );
}

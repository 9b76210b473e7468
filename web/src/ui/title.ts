import { createEffect } from "solid-js";
import { useLocale } from "../providers/locale.tsx";

/** Keeps the browser tab's title on the page's subject, in the current language. */
export function usePageTitle(title: () => string | undefined) {
  const { t } = useLocale();
  createEffect(() => {
    const product = `${t("app.name")} ${t("app.nameLatin")}`;
    const subject = title();
    document.title = subject ? `${subject} · ${product}` : product;
  });
}

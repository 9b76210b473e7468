import { A } from "@solidjs/router";
import { useLocale } from "../providers/locale.tsx";
import { AppHeader } from "../ui/header.tsx";
import { GridMark } from "../ui/icons.tsx";
import { usePageTitle } from "../ui/title.ts";

export function NotFoundPage() {
  const { t } = useLocale();
  usePageTitle(() => t("notFound.title"));
  return (
    <>
      <AppHeader />
      <main id="main" class="container page page-center">
        <div class="not-found">
          <span class="not-found-mark" aria-hidden="true">
            <GridMark size={40} />
          </span>
          <p class="not-found-code">{t("notFound.code")}</p>
          <h1 class="not-found-title">{t("notFound.title")}</h1>
          <p class="not-found-body">{t("notFound.body")}</p>
          <A href="/" class="button button-primary">
            {t("notFound.home")}
          </A>
        </div>
      </main>
    </>
  );
}

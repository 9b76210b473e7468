/**
 * The local provider's sign-in page, rendered on the server (zh-CN first, English by
 * `?lang=en` or the browser's language): the demo accounts as buttons, and a district + phone
 * form that sends a one-time code (printed in the terminal) and then asks for it. Districts are
 * chosen from the live ones by name (the one the portal passed is preselected), never typed.
 */
import { html, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import type { District } from "@wangge/core";
import type { DemoTools } from "../routes/dev.ts";

export type Language = "zh-CN" | "en";

const text = {
  "zh-CN": {
    title: "登录网格",
    subtitle: "本地 OpenID 身份提供方（仅本地开发）",
    demo: "演示账号",
    platform: "平台",
    district: "所在区县",
    choose: "请选择区县",
    phone: "手机号",
    send: "发送验证码",
    code: "验证码",
    codeHint: "验证码已打印在运行 npm start 的终端中。",
    verify: "登录",
    other: "换一个手机号",
    byPhone: "手机号 + 验证码登录",
    switch: "English",
  },
  en: {
    title: "Sign in to Wangge",
    subtitle: "The local OpenID provider (local development only)",
    demo: "Demo accounts",
    platform: "Platform",
    district: "Your district",
    choose: "Choose a district",
    phone: "Mobile number",
    send: "Send a code",
    code: "One-time code",
    codeHint: "The code is printed in the terminal running npm start.",
    verify: "Sign in",
    other: "Use another number",
    byPhone: "Sign in with phone + one-time code",
    switch: "中文",
  },
} as const;

/** Messages for refusals, by error code. */
export const messages: Record<string, Record<Language, string>> = {
  "user.pending": {
    "zh-CN": "您的注册正在等待街道工作人员审核，审核通过后即可登录。",
    en: "Your registration is waiting for approval by district staff; you can sign in once they approve it.",
  },
  "user.disabled": {
    "zh-CN": "该账号已被停用，请联系街道管理员。",
    en: "This account has been disabled by the district; ask a district admin to enable it.",
  },
  "user.not_found": { "zh-CN": "没有找到该账号。", en: "There is no such account." },
  "district.not_found": { "zh-CN": "没有这个区县。", en: "There is no such district." },
  "code.wrong": { "zh-CN": "验证码不正确。", en: "That code is not right." },
  "code.expired": { "zh-CN": "验证码已过期，请重新发送。", en: "The code has expired; send a new one." },
  "code.locked": { "zh-CN": "错误次数过多，请 15 分钟后再试。", en: "Too many wrong codes; try again in 15 minutes." },
  "rate.phone": {
    "zh-CN": "该手机号获取验证码过于频繁，请稍后再试。",
    en: "Too many codes were sent to this phone number; try again later.",
  },
  "rate.address": { "zh-CN": "当前网络请求过于频繁，请稍后再试。", en: "Too many tries from this network; try again later." },
  "input.invalid": { "zh-CN": "请选择区县并填写正确的手机号。", en: "Choose a district and give a valid mobile number." },
};

export function languageOf(query: string | undefined, acceptLanguage: string | undefined): Language {
  if (query === "en" || query === "zh-CN") return query;
  return acceptLanguage && !/^zh/i.test(acceptLanguage) && /^en/i.test(acceptLanguage) ? "en" : "zh-CN";
}

export interface PageState {
  action: string;
  language: Language;
  accounts: DemoTools["accounts"];
  /** The live districts (the public directory), to choose from by name. */
  districts: District.DirectoryEntry[];
  step: "start" | "code";
  tenantID?: string;
  phone?: string;
  error?: string;
}

export function signInPage(state: PageState): HtmlEscapedString | Promise<HtmlEscapedString> {
  const t = text[state.language];
  const lang = `?lang=${state.language}`;
  const nameOf = (slug: string) => {
    const entry = state.districts.find((district) => district.slug === slug);
    return entry ? (state.language === "en" ? entry.nameEn : entry.nameZh) : slug;
  };
  const withAccounts = [...new Set(state.accounts.map((account) => account.tenantID).filter((slug): slug is string => Boolean(slug)))];
  const groups = [null, ...withAccounts].map((tenantID) => ({
    tenantID,
    accounts: state.accounts.filter((account) => account.tenantID === tenantID),
  }));
  const error = state.error && (messages[state.error]?.[state.language] ?? state.error);
  return html`<!doctype html>
<html lang="${state.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t.title}</title>
<style>
body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:0;background:#f5f6f8;color:#1f2328}
main{max-width:760px;margin:0 auto;padding:24px 16px}
h1{font-size:1.5rem;margin:0 0 4px}h2{font-size:1rem;margin:24px 0 8px}
.sub{color:#57606a;margin:0 0 16px}.error{background:#ffebe9;border:1px solid #ff8182;padding:8px 12px;border-radius:6px}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(210px,1fr));gap:8px;list-style:none;padding:0;margin:0}
button{font:inherit;cursor:pointer}.account{width:100%;text-align:left;padding:10px 12px;border:1px solid #d0d7de;border-radius:8px;background:#fff}
.account strong{display:block}.account span{color:#57606a;font-size:.875rem}
form.phone{display:flex;flex-wrap:wrap;gap:8px;align-items:end;background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:12px}
label{display:flex;flex-direction:column;font-size:.875rem;gap:4px}input,select{font:inherit;padding:6px 8px;border:1px solid #d0d7de;border-radius:6px}
.primary{background:#c8102e;color:#fff;border:0;border-radius:6px;padding:8px 14px}.hint{color:#57606a;font-size:.875rem;width:100%;margin:0}
</style>
</head>
<body>
<main>
<p style="float:right"><a href="?lang=${state.language === "en" ? "zh-CN" : "en"}">${t.switch}</a></p>
<h1>${t.title}</h1>
<p class="sub">${t.subtitle}</p>
${error ? html`<p class="error" role="alert" data-testid="signin-error" data-code="${state.error}">${error}</p>` : ""}
<h2>${t.byPhone}</h2>
${
  state.step === "code"
    ? html`<form class="phone" method="post" action="${state.action}/verify${lang}">
<input type="hidden" name="tenantID" value="${state.tenantID}"><input type="hidden" name="phone" value="${state.phone}">
<p class="hint">${nameOf(state.tenantID ?? "")} · ${state.phone} — ${t.codeHint}</p>
<label>${t.code}<input name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxlength="6" required autofocus data-testid="signin-code"></label>
<button class="primary" type="submit" data-testid="signin-verify">${t.verify}</button>
<a href="${state.action}${lang}">${t.other}</a>
</form>`
    : html`<form class="phone" method="post" action="${state.action}/phone${lang}">
<label>${t.district}<select name="tenantID" required data-testid="signin-district">
<option value="">${t.choose}</option>
${state.districts.map(
  (district) =>
    html`<option value="${district.slug}"${district.slug === state.tenantID ? raw(" selected") : ""}>${
      state.language === "en" ? district.nameEn : `${district.nameZh}（${district.provinceZh}${district.cityZh}）`
    }</option>`,
)}</select></label>
<label>${t.phone}<input name="phone" type="tel" inputmode="tel" autocomplete="tel" required value="${state.phone ?? ""}" data-testid="signin-phone"></label>
<button class="primary" type="submit" data-testid="signin-send">${t.send}</button>
</form>`
}
${
  state.accounts.length
    ? html`<h2>${t.demo}</h2>
<form method="post" action="${state.action}/demo${lang}">
${groups
  .filter((group) => group.accounts.length)
  .map(
    (group) =>
      html`<h3>${group.tenantID ? nameOf(group.tenantID) : t.platform}</h3><ul class="grid">${group.accounts.map(
        (
          account,
        ) => html`<li><button class="account" type="submit" name="account" value="${account.tenantID ?? ""}:${account.userID}" data-testid="login-${account.tenantID ?? "platform"}-${account.userID}">
<strong>${account.name}</strong><span>${state.language === "en" ? account.descriptionEn : account.descriptionZh}</span></button></li>`,
      )}</ul>`,
  )}
</form>`
    : raw("")
}
</main>
</body>
</html>`;
}

/** The end-session page: signs out at once (the portal asked for it), without a confirmation. */
export function signOutPage(form: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Signing out…</title></head><body>${form}<script>document.forms[0].submit()</script></body></html>`;
}

import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lang } from '../../contract/common.js';

export const LANG_OPTIONS: { value: Lang; label: string }[] = [
  { value: 'zh-CN', label: '中文' },
  { value: 'en-US', label: 'English' },
];
const STORAGE_KEY = 'guanmo_lang';
const COOKIE = 'guanmo_lang';

const loaders: Record<Lang, () => Promise<{ default: Record<string, unknown> }>> = {
  'zh-CN': () => import('../locales/zh-CN.json'),
  'en-US': () => import('../locales/en-US.json'),
};

export const isLang = (value: unknown): value is Lang => value === 'zh-CN' || value === 'en-US';

function initialLang(): Lang {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (isLang(stored)) return stored;
  const cookie = /(?:^|;\s*)guanmo_lang=([^;]+)/.exec(document.cookie)?.[1];
  if (isLang(cookie)) return cookie;
  return navigator.language?.toLowerCase().startsWith('en') ? 'en-US' : 'zh-CN';
}

async function ensureLoaded(lang: Lang) {
  if (i18n.hasResourceBundle(lang, 'translation')) return;
  const catalog = await loaders[lang]();
  i18n.addResourceBundle(lang, 'translation', catalog.default, true, true);
}

function applySideEffects(lang: Lang) {
  dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
  document.documentElement.lang = lang;
}

export async function initI18n(): Promise<void> {
  const lang = initialLang();
  await i18n.use(initReactI18next).init({
    lng: lang,
    fallbackLng: 'zh-CN',
    resources: {},
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  await ensureLoaded(lang);
  if (lang !== 'zh-CN') void ensureLoaded('zh-CN');
  applySideEffects(lang);
}

/** Switches the UI language and remembers it (localStorage, and the cookie the server reads). */
export async function changeLanguage(lang: Lang): Promise<void> {
  await ensureLoaded(lang);
  localStorage.setItem(STORAGE_KEY, lang);
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing in some WeChat browsers
  document.cookie = `${COOKIE}=${lang}; path=/; max-age=${365 * 86400}; samesite=lax`;
  applySideEffects(lang);
  await i18n.changeLanguage(lang);
}

export const currentLang = (): Lang => (isLang(i18n.language) ? i18n.language : 'zh-CN');

export { i18n };

import zhCN from 'virtual:attendee-locale/zh-CN';
import { useSyncExternalStore } from 'react';

/**
 * i18n of the attendee pages. The same catalogs and key/`{{param}}` conventions as the antd app's
 * i18next, but a 40-line lookup instead of i18next + react-i18next (~17 kB gzip), which would push
 * the register page past its 80 kB budget. Only the `attendee` namespace is bundled (vite-plugin.ts);
 * English is loaded on demand.
 */
export type AttendeeLang = 'zh-CN' | 'en-US';
type Messages = Record<string, unknown>;
export type Params = Record<string, string | number | null | undefined>;

const STORAGE_KEY = 'guanmo_lang';
const catalogs: Partial<Record<AttendeeLang, Messages>> = { 'zh-CN': zhCN };
let lang: AttendeeLang = 'zh-CN';
const listeners = new Set<() => void>();

function lookup(messages: Messages | undefined, key: string): unknown {
  let node: unknown = messages;
  for (const part of key.split('.')) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Messages)[part];
  }
  return node;
}

/** The text of `key` in the current language (falling back to Chinese, then the key itself). */
export function t(key: string, params?: Params): string {
  const raw = lookup(catalogs[lang], key) ?? lookup(catalogs['zh-CN'], key);
  if (typeof raw !== 'string') return key;
  return raw.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(params?.[name] ?? ''));
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** Re-renders the component when the language changes. */
export function useTranslation() {
  const current = useSyncExternalStore(subscribe, () => lang);
  return { t, lang: current };
}

function initialLang(): AttendeeLang {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch {
    // storage may be blocked (private mode in some in-app browsers)
  }
  const pick = stored ?? /(?:^|;\s*)guanmo_lang=([^;]+)/.exec(document.cookie)?.[1];
  if (pick === 'zh-CN' || pick === 'en-US') return pick;
  return navigator.language?.toLowerCase().startsWith('en') ? 'en-US' : 'zh-CN';
}

/** Lazily loaded parts of the attendee catalog (see LAZY_PARTS in vite-plugin.ts). */
export type LocalePart = 'observe' | 'survey' | 'qa';
const partLoaders: Record<LocalePart, Record<AttendeeLang, () => Promise<{ default: Messages }>>> = {
  observe: {
    'zh-CN': () => import('virtual:attendee-locale/zh-CN/observe'),
    'en-US': () => import('virtual:attendee-locale/en-US/observe'),
  },
  qa: {
    'zh-CN': () => import('virtual:attendee-locale/zh-CN/qa'),
    'en-US': () => import('virtual:attendee-locale/en-US/qa'),
  },
  survey: {
    'zh-CN': () => import('virtual:attendee-locale/zh-CN/survey'),
    'en-US': () => import('virtual:attendee-locale/en-US/survey'),
  },
};
const loadedParts = new Set<LocalePart>();

async function mergePart(into: AttendeeLang, part: LocalePart) {
  const messages = (await partLoaders[part][into]()).default as { attendee: Messages };
  const current = catalogs[into] ?? {};
  catalogs[into] = { ...current, attendee: { ...(current.attendee as Messages), ...messages.attendee } };
}

/** Loads a lazy part (for the current language and the Chinese fallback) before its page renders. */
export async function loadLocalePart(part: LocalePart) {
  if (!loadedParts.has(part)) {
    await Promise.all([...new Set<AttendeeLang>(['zh-CN', lang])].map((l) => mergePart(l, part)));
    loadedParts.add(part);
  }
}

export async function initAttendeeI18n() {
  const wanted = initialLang();
  if (wanted !== 'zh-CN') await changeLanguage(wanted, false).catch(() => undefined);
  document.documentElement.lang = lang;
}

/** Switches language; the cookie makes the server answer errors and e-mails in it too. */
export async function changeLanguage(next: AttendeeLang, remember = true) {
  if (!catalogs[next]) {
    catalogs[next] = (await import('virtual:attendee-locale/en-US')).default;
    await Promise.all([...loadedParts].map((part) => mergePart(next, part)));
  }
  if (remember) {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // not fatal
    }
    // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing in WeChat's browser
    document.cookie = `guanmo_lang=${next}; path=/; max-age=${365 * 86400}; samesite=lax`;
  }
  lang = next;
  document.documentElement.lang = next;
  for (const listener of listeners) listener();
}

export const currentLang = (): AttendeeLang => lang;

import { LANGS, type Lang } from '../../contract/common.js';
import enUS from '../../web/locales/en-US.json' with { type: 'json' };
import zhCN from '../../web/locales/zh-CN.json' with { type: 'json' };

/** The server reads the same catalogs as the web app, so one file holds every string. */
const catalogs: Record<Lang, unknown> = { 'zh-CN': zhCN, 'en-US': enUS };

function lookup(catalog: unknown, key: string): string | undefined {
  let node: unknown = catalog;
  for (const part of key.split('.')) {
    if (node && typeof node === 'object' && part in node) node = (node as Record<string, unknown>)[part];
    else return undefined;
  }
  return typeof node === 'string' ? node : undefined;
}

export function hasKey(lang: Lang, key: string): boolean {
  return lookup(catalogs[lang], key) !== undefined;
}

/** Translates `key` with `{{name}}` placeholders, as i18next does on the web. */
export function t(lang: Lang, key: string, params: Record<string, unknown> = {}): string {
  const template = lookup(catalogs[lang], key) ?? lookup(catalogs['zh-CN'], key) ?? key;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === null) return '';
    // Entity names and other params that are themselves keys are translated too.
    if (typeof value === 'string' && value.startsWith('@')) return t(lang, value.slice(1));
    return String(value);
  });
}

/** Picks the language from an explicit cookie, then Accept-Language; Chinese by default. */
export function pickLang(cookieLang: string | undefined, acceptLanguage: string | undefined): Lang {
  if (cookieLang && (LANGS as readonly string[]).includes(cookieLang)) return cookieLang as Lang;
  if (acceptLanguage) {
    const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
    if (first.startsWith('en')) return 'en-US';
  }
  return 'zh-CN';
}

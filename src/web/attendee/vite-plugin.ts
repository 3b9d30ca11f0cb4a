import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * The attendee pages (a second, light Vite entry: attendee.html) need only a small part of the
 * locale catalogs. `import messages from 'virtual:attendee-locale/zh-CN'` yields just the
 * namespaces below, cut from the shared catalog at build time, so the phone downloads a few kB
 * instead of every admin string. In dev, the attendee paths are answered with attendee.html.
 */
export const ATTENDEE_NAMESPACES = ['attendee'] as const;
/**
 * Parts of the attendee namespace that only a lazily loaded page needs: left out of the main
 * catalog (the register page stays small) and served as `virtual:attendee-locale/<lang>/<part>`.
 */
export const LAZY_PARTS = ['observe', 'survey', 'qa'] as const;
const PREFIX = 'virtual:attendee-locale/';
const LANGS = new Set(['zh-CN', 'en-US']);

/** Paths served by attendee.html (the server does the same in app.ts serveWeb). */
export const isAttendeePath = (pathname: string) =>
  /^\/e\/[^/]+\/(register|survey|qa|qa\/screen)\/?$/.test(pathname) || /^\/p\/[^/]+(\/.*)?$/.test(pathname);

export function attendeeEntry(root = process.cwd()): Plugin {
  return {
    name: 'guanmo-attendee',
    resolveId(id) {
      return id.startsWith(PREFIX) ? `\0${id}` : undefined;
    },
    load(id) {
      if (!id.startsWith(`\0${PREFIX}`)) return undefined;
      const [lang, part] = id.slice(PREFIX.length + 1).split('/');
      if (!LANGS.has(lang)) throw new Error(`unknown attendee locale ${lang}`);
      if (part && !(LAZY_PARTS as readonly string[]).includes(part))
        throw new Error(`unknown locale part ${part}`);
      const file = path.join(root, 'src/web/locales', `${lang}.json`);
      this.addWatchFile(file);
      const catalog = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, unknown>>;
      const attendee = catalog.attendee ?? {};
      if (part) return `export default ${JSON.stringify({ attendee: { [part]: attendee[part] ?? {} } })};`;
      const picked: Record<string, unknown> = Object.fromEntries(
        ATTENDEE_NAMESPACES.map((ns) => [ns, { ...(catalog[ns] ?? {}) }]),
      );
      for (const lazyPart of LAZY_PARTS) delete (picked.attendee as Record<string, unknown>)[lazyPart];
      return `export default ${JSON.stringify(picked)};`;
    },
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const pathname = (req.url ?? '/').split('?')[0];
        if (req.method === 'GET' && isAttendeePath(pathname)) req.url = '/attendee.html';
        next();
      });
    },
  };
}

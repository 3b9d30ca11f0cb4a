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
const PREFIX = 'virtual:attendee-locale/';
const LANGS = new Set(['zh-CN', 'en-US']);

/** Paths served by attendee.html (the server does the same in app.ts serveWeb). */
export const isAttendeePath = (pathname: string) =>
  /^\/e\/[^/]+\/register\/?$/.test(pathname) || /^\/p\/[^/]+(\/.*)?$/.test(pathname);

export function attendeeEntry(root = process.cwd()): Plugin {
  return {
    name: 'guanmo-attendee',
    resolveId(id) {
      return id.startsWith(PREFIX) ? `\0${id}` : undefined;
    },
    load(id) {
      if (!id.startsWith(`\0${PREFIX}`)) return undefined;
      const lang = id.slice(PREFIX.length + 1);
      if (!LANGS.has(lang)) throw new Error(`unknown attendee locale ${lang}`);
      const file = path.join(root, 'src/web/locales', `${lang}.json`);
      this.addWatchFile(file);
      const catalog = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      const picked = Object.fromEntries(ATTENDEE_NAMESPACES.map((ns) => [ns, catalog[ns] ?? {}]));
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

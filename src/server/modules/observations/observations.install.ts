import { ATTENDEE_APP_COLOURS, type WebManifest } from '../../../contract/observations.js';
import type { Ctx } from '../../core/context.js';
import { t } from '../../core/i18n.js';
import { passOf } from './observations.pass.js';

/** Home-screen labels longer than this are cut by the phone anyway; we cut them first, with "…". */
const SHORT_NAME_MAX = 12;

const shorten = (text: string) => {
  const chars = [...text];
  return chars.length <= SHORT_NAME_MAX ? text : `${chars.slice(0, SHORT_NAME_MAX - 1).join('')}…`;
};

/**
 * `GET /passes/:token/manifest`: the web app manifest of one pass. Installed, the app opens the
 * pass's scorecard; its scope is the pass's pages only (/p/<token>/), inside the service worker's
 * /p/ scope, so it starts offline too.
 */
export async function passManifest(ctx: Ctx, token: string): Promise<WebManifest> {
  const { event } = await passOf(ctx, token);
  const scope = `/p/${encodeURIComponent(token)}/`;
  const appName = t(ctx.lang, 'observations.manifest.app');
  const theme = event.theme.trim();
  const icon = (size: number, purpose: 'any' | 'maskable') => ({
    src: `/icons/attendee-${size}.png`,
    sizes: `${size}x${size}`,
    type: 'image/png',
    purpose,
  });
  return {
    id: `${scope}observe`,
    name: theme ? `${theme} · ${appName}` : appName,
    short_name: shorten(theme || appName),
    description: t(ctx.lang, 'observations.manifest.description'),
    lang: ctx.lang,
    start_url: `${scope}observe`,
    scope,
    display: 'standalone',
    orientation: 'portrait',
    theme_color: ATTENDEE_APP_COLOURS.theme,
    background_color: ATTENDEE_APP_COLOURS.background,
    // The mark sits inside the maskable safe zone, so the same 512 image serves both purposes.
    icons: [icon(192, 'any'), icon(512, 'any'), icon(512, 'maskable')],
  };
}

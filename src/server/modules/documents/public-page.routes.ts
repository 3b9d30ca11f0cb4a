import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LANGS, type Lang } from '../../../contract/common.js';
import { isSlug, publicSlugParamsSchema } from '../../../contract/documents.js';
import { renderEventPage, renderNotFoundPage } from '../../../web/features/public/event-page.html.js';
import { AppError } from '../../core/errors.js';
import type { App } from '../../core/http.js';
import { t } from '../../core/i18n.js';
import { getPublicEvent } from './documents.service.js';

/** Sends HTML gzipped when the phone accepts it, with an ETag so a revisit costs one small 304. */
function sendHtml(request: FastifyRequest, reply: FastifyReply, status: number, html: string) {
  const etag = `"${createHash('sha1').update(html).digest('base64url').slice(0, 20)}"`;
  reply
    .status(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-cache')
    .header('vary', 'accept-encoding, accept-language, cookie')
    .header('etag', etag);
  if (status === 200 && request.headers['if-none-match'] === etag) return reply.status(304).send();
  if (/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
    return reply.header('content-encoding', 'gzip').send(gzipSync(html));
  }
  return reply.send(html);
}

/** The public event page /e/:slug: server-rendered HTML, no JavaScript (see event-page.html.ts). */
export async function publicPageRoutes(app: App) {
  app.get('/e/:slug', { schema: { hide: true, params: publicSlugParamsSchema } }, async (request, reply) => {
    // ?lang= switches the language of this page (links at its foot); otherwise cookie/browser.
    const asked = (request.query as { lang?: string }).lang;
    if (asked && (LANGS as readonly string[]).includes(asked)) request.ctx.lang = asked as Lang;
    const lang = request.ctx.lang;
    const tr = (key: string, params?: Record<string, unknown>) => t(lang, key, params);
    try {
      if (!isSlug(request.params.slug)) throw new AppError('not_found', 404);
      const event = await getPublicEvent(request.ctx, request.params.slug);
      return sendHtml(request, reply, 200, renderEventPage(event, lang, tr));
    } catch (error) {
      if (error instanceof AppError && error.status === 404) {
        return sendHtml(request, reply, 404, renderNotFoundPage(lang, tr));
      }
      throw error;
    }
  });
}

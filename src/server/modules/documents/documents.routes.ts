import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { idParamsSchema } from '../../../contract/common.js';
import {
  DOCUMENT_FORMATS,
  type DocumentFormat,
  hostBriefSchema,
  hostEventSchema,
  isSlug,
  publicEventSchema,
  publicSlugParamsSchema,
} from '../../../contract/documents.js';
import { notFound } from '../../core/errors.js';
import { type App, tags } from '../../core/http.js';
import {
  eventNotice,
  getHostBrief,
  getPublicEvent,
  hostBriefFile,
  listHostEvents,
  publicNotice,
  publicPoster,
  type RenderedFile,
} from './documents.service.js';

const binary = { 200: z.any() };

/** attachment; filename="notice.pdf"; filename*=UTF-8''<the Chinese title> */
function sendFile(reply: FastifyReply, file: RenderedFile, disposition: 'attachment' | 'inline') {
  return reply
    .type(file.mime)
    .header(
      'content-disposition',
      `${disposition}; filename="${file.asciiName}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    )
    .header('content-length', file.body.length)
    .send(file.body);
}

/** Unknown or malformed slugs are simply pages that do not exist. */
function slugOf(params: { slug: string }) {
  if (!isSlug(params.slug)) throw notFound('@entities.event');
  return params.slug;
}

export async function documentRoutes(app: App) {
  const t = tags('documents');

  for (const format of DOCUMENT_FORMATS) {
    app.get(
      `/events/:id/notice.${format}`,
      {
        schema: {
          ...t,
          summary: `Formal notice (${format}), drafts included; staff`,
          params: idParamsSchema,
          response: binary,
        },
      },
      async (request, reply) =>
        sendFile(reply, await eventNotice(request.ctx, request.params.id, format), 'attachment'),
    );
    app.get(
      `/events/:id/host-brief.${format}`,
      {
        schema: {
          ...t,
          summary: `Host brief (${format}); staff, or the host of the site`,
          params: idParamsSchema,
          response: binary,
        },
      },
      async (request, reply) =>
        sendFile(reply, await hostBriefFile(request.ctx, request.params.id, format), 'attachment'),
    );
    app.get(
      `/public/events/:slug/notice.${format}`,
      {
        schema: {
          ...t,
          summary: `Formal notice (${format}) of a published event`,
          params: publicSlugParamsSchema,
          response: binary,
        },
      },
      async (request, reply) => {
        const file = await publicNotice(request.ctx, slugOf(request.params), format as DocumentFormat);
        return sendFile(reply, file, 'attachment');
      },
    );
  }

  app.get(
    '/events/:id/host-brief',
    { schema: { ...t, params: idParamsSchema, response: { 200: hostBriefSchema } } },
    async (request) => getHostBrief(request.ctx, request.params.id),
  );

  app.get(
    '/host/events',
    {
      schema: {
        ...t,
        summary: "Events visiting the signed-in host's site",
        response: { 200: z.array(hostEventSchema) },
      },
    },
    async (request) => listHostEvents(request.ctx),
  );

  app.get(
    '/public/events/:slug',
    { schema: { ...t, params: publicSlugParamsSchema, response: { 200: publicEventSchema } } },
    async (request) => getPublicEvent(request.ctx, slugOf(request.params)),
  );

  app.get(
    '/public/events/:slug/poster.png',
    {
      schema: {
        ...t,
        summary: 'Shareable poster with QR code',
        params: publicSlugParamsSchema,
        response: binary,
      },
    },
    async (request, reply) => {
      const file = await publicPoster(request.ctx, slugOf(request.params));
      return sendFile(reply, file, 'inline');
    },
  );
}

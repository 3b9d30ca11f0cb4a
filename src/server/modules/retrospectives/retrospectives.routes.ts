import { z } from 'zod';
import { idParamsSchema } from '../../../contract/common.js';
import {
  retroActionInputSchema,
  retroActionParamsSchema,
  retroActionPatchSchema,
  retroNotesInputSchema,
  retrospectiveSchema,
} from '../../../contract/retrospectives.js';
import { type App, tags } from '../../core/http.js';
import { DOCX_MIME, retrospectiveDocx } from './retrospectives.export.js';
import {
  addAction,
  deleteAction,
  getRetrospective,
  saveNotes,
  updateAction,
} from './retrospectives.service.js';

export async function retrospectiveRoutes(app: App) {
  const t = tags('retrospectives');
  const ok = { 200: retrospectiveSchema };

  app.get(
    '/events/:id/retrospective',
    { schema: { ...t, params: idParamsSchema, response: ok } },
    async (request) => getRetrospective(request.ctx, request.params.id),
  );

  app.put(
    '/events/:id/retrospective/notes',
    { schema: { ...t, params: idParamsSchema, body: retroNotesInputSchema, response: ok } },
    async (request) => saveNotes(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/events/:id/retrospective/actions',
    {
      schema: {
        ...t,
        params: idParamsSchema,
        body: retroActionInputSchema,
        response: { 201: retrospectiveSchema },
      },
    },
    async (request, reply) => {
      reply.status(201);
      return addAction(request.ctx, request.params.id, request.body);
    },
  );

  app.patch(
    '/events/:id/retrospective/actions/:actionId',
    { schema: { ...t, params: retroActionParamsSchema, body: retroActionPatchSchema, response: ok } },
    async (request) => updateAction(request.ctx, request.params.id, request.params.actionId, request.body),
  );

  app.delete(
    '/events/:id/retrospective/actions/:actionId',
    { schema: { ...t, params: retroActionParamsSchema, response: ok } },
    async (request) => deleteAction(request.ctx, request.params.id, request.params.actionId),
  );

  app.get(
    '/events/:id/retrospective.docx',
    {
      schema: {
        ...t,
        summary: 'The retrospective as DOCX; staff',
        params: idParamsSchema,
        response: { 200: z.any() },
      },
    },
    async (request, reply) => {
      const file = await retrospectiveDocx(request.ctx, request.params.id);
      const name = `${file.title}.docx`;
      return reply
        .type(DOCX_MIME)
        .header(
          'content-disposition',
          `attachment; filename="retrospective-${file.slug}.docx"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .header('content-length', file.body.length)
        .send(file.body);
    },
  );
}

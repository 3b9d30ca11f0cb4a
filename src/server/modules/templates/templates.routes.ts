import { z } from 'zod';
import { idParamsSchema } from '../../../contract/common.js';
import {
  templateDetailSchema,
  templateDuplicateSchema,
  templateFileOutputSchema,
  templateInputSchema,
  templateQuerySchema,
  templateRenameSchema,
  templateSummarySchema,
  templateVersionSchema,
  versionParamsSchema,
  versionTreeInputSchema,
} from '../../../contract/templates.js';
import { type App, tags } from '../../core/http.js';
import {
  createTemplate,
  duplicateTemplate,
  getTemplate,
  listTemplates,
  openDraft,
  renameTemplate,
  setTemplateArchived,
} from './templates.service.js';
import { exportVersion, importTemplate } from './transfer.service.js';
import { discardDraft, getVersion, publishVersion, saveDraft } from './versions.service.js';

/** A download name header for any (Chinese) file name, RFC 6266 / 5987. */
function attachment(name: string) {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export async function templateRoutes(app: App) {
  const t = tags('templates');

  app.get(
    '/templates',
    { schema: { ...t, querystring: templateQuerySchema, response: { 200: z.array(templateSummarySchema) } } },
    async (request) => listTemplates(request.ctx, request.query),
  );

  app.post(
    '/templates',
    { schema: { ...t, body: templateInputSchema, response: { 201: templateDetailSchema } } },
    async (request, reply) => {
      reply.status(201);
      return createTemplate(request.ctx, request.body);
    },
  );

  app.get(
    '/templates/:id',
    { schema: { ...t, params: idParamsSchema, response: { 200: templateDetailSchema } } },
    async (request) => getTemplate(request.ctx, request.params.id),
  );

  app.patch(
    '/templates/:id',
    {
      schema: {
        ...t,
        params: idParamsSchema,
        body: templateRenameSchema,
        response: { 200: templateDetailSchema },
      },
    },
    async (request) => renameTemplate(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/templates/:id/archive',
    {
      schema: {
        ...t,
        params: idParamsSchema,
        body: z.object({ archived: z.boolean() }),
        response: { 200: templateDetailSchema },
      },
    },
    async (request) => setTemplateArchived(request.ctx, request.params.id, request.body.archived),
  );

  app.post(
    '/templates/:id/duplicate',
    {
      schema: {
        ...t,
        params: idParamsSchema,
        body: templateDuplicateSchema,
        response: { 201: templateDetailSchema },
      },
    },
    async (request, reply) => {
      reply.status(201);
      return duplicateTemplate(request.ctx, request.params.id, request.body);
    },
  );

  app.post(
    '/templates/:id/draft',
    { schema: { ...t, params: idParamsSchema, response: { 200: templateVersionSchema } } },
    async (request) => openDraft(request.ctx, request.params.id),
  );

  app.get(
    '/template-versions/:versionId',
    { schema: { ...t, params: versionParamsSchema, response: { 200: templateVersionSchema } } },
    async (request) => getVersion(request.ctx, request.params.versionId),
  );

  app.put(
    '/template-versions/:versionId',
    {
      schema: {
        ...t,
        params: versionParamsSchema,
        body: versionTreeInputSchema,
        response: { 200: templateVersionSchema },
      },
    },
    async (request) => saveDraft(request.ctx, request.params.versionId, request.body),
  );

  app.delete(
    '/template-versions/:versionId',
    { schema: { ...t, params: versionParamsSchema } },
    async (request, reply) => {
      await discardDraft(request.ctx, request.params.versionId);
      return reply.status(204).send();
    },
  );

  app.post(
    '/template-versions/:versionId/publish',
    { schema: { ...t, params: versionParamsSchema, response: { 200: templateVersionSchema } } },
    async (request) => publishVersion(request.ctx, request.params.versionId),
  );

  app.get(
    '/template-versions/:versionId/export',
    { schema: { ...t, params: versionParamsSchema, response: { 200: templateFileOutputSchema } } },
    async (request, reply) => {
      const file = await exportVersion(request.ctx, request.params.versionId);
      reply.header('content-disposition', attachment(`${file.template.name}-v${file.version.number}.json`));
      return file;
    },
  );

  // The import reads the raw file text itself, so malformed JSON is reported like every other
  // problem of the file (a list of path + message) instead of Fastify's generic parse error.
  await app.register(async (scope) => {
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
      done(null, body);
    });
    scope.post(
      '/templates/import',
      { schema: { ...t, response: { 201: templateDetailSchema } } },
      async (request, reply) => {
        const detail = await importTemplate(request.ctx, request.body ?? '');
        reply.status(201);
        return detail;
      },
    );
  });
}

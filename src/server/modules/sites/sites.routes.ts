import { z } from 'zod';
import { idParamsSchema, pageOf } from '../../../contract/common.js';
import {
  hostAccountSchema,
  linkHostSchema,
  photoOrderSchema,
  photoUpdateSchema,
  siteHostParamsSchema,
  siteInputSchema,
  sitePhotoParamsSchema,
  sitePhotoSchema,
  siteQuerySchema,
  siteSchema,
  siteSummarySchema,
  siteTagsSchema,
} from '../../../contract/sites.js';
import { type App, tags } from '../../core/http.js';
import { enableImageUploads } from '../files/files.multipart.js';
import { readUpload } from '../files/files.upload.js';
import {
  addSitePhoto,
  assertCanAddSitePhoto,
  deleteSitePhoto,
  reorderSitePhotos,
  updateSitePhoto,
} from './site-photos.service.js';
import { listSiteTags, replaceSiteTags } from './site-tags.service.js';
import {
  createSite,
  getSite,
  linkHost,
  listHostAccounts,
  listSites,
  setSiteArchived,
  unlinkHost,
  updateSite,
} from './sites.service.js';

const t = tags('sites');

export async function siteRoutes(app: App) {
  app.get(
    '/sites',
    { schema: { ...t, querystring: siteQuerySchema, response: { 200: pageOf(siteSummarySchema) } } },
    async (request) => listSites(request.ctx, request.query),
  );

  app.post(
    '/sites',
    { schema: { ...t, body: siteInputSchema, response: { 201: siteSchema } } },
    async (request, reply) => {
      reply.status(201);
      return createSite(request.ctx, request.body);
    },
  );

  app.get(
    '/sites/:id',
    { schema: { ...t, params: idParamsSchema, response: { 200: siteSchema } } },
    async (request) => getSite(request.ctx, request.params.id),
  );

  app.put(
    '/sites/:id',
    { schema: { ...t, params: idParamsSchema, body: siteInputSchema, response: { 200: siteSchema } } },
    async (request) => updateSite(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/sites/:id/archive',
    {
      schema: {
        ...t,
        params: idParamsSchema,
        body: z.object({ archived: z.boolean() }),
        response: { 200: siteSchema },
      },
    },
    async (request) => setSiteArchived(request.ctx, request.params.id, request.body.archived),
  );

  app.get('/site-tags', { schema: { ...t, response: { 200: siteTagsSchema } } }, async (request) => ({
    tags: await listSiteTags(request.ctx),
  }));

  app.put(
    '/site-tags',
    { schema: { ...t, body: siteTagsSchema, response: { 200: siteTagsSchema } } },
    async (request) => ({ tags: await replaceSiteTags(request.ctx, request.body.tags) }),
  );

  app.get(
    '/site-host-accounts',
    {
      schema: {
        ...t,
        querystring: z.object({ q: z.string().trim().max(100).optional() }),
        response: { 200: z.array(hostAccountSchema) },
      },
    },
    async (request) => listHostAccounts(request.ctx, request.query.q),
  );

  app.post(
    '/sites/:id/hosts',
    { schema: { ...t, params: idParamsSchema, body: linkHostSchema, response: { 200: siteSchema } } },
    async (request) => linkHost(request.ctx, request.params.id, request.body.userId),
  );

  app.delete(
    '/sites/:id/hosts/:userId',
    { schema: { ...t, params: siteHostParamsSchema, response: { 200: siteSchema } } },
    async (request) => unlinkHost(request.ctx, request.params.id, request.params.userId),
  );

  await app.register(sitePhotoRoutes);
}

/** Photo routes, in their own scope because they accept multipart uploads. */
async function sitePhotoRoutes(app: App) {
  await enableImageUploads(app);
  const photos = z.array(sitePhotoSchema);

  app.post(
    '/sites/:id/photos',
    {
      schema: {
        ...t,
        summary: 'Add a photo (multipart: optional field "caption" first, then "file")',
        consumes: ['multipart/form-data'],
        params: idParamsSchema,
        response: { 201: sitePhotoSchema },
      },
    },
    async (request, reply) => {
      await assertCanAddSitePhoto(request.ctx, request.params.id);
      const upload = await readUpload(request);
      const photo = await addSitePhoto(
        request.ctx,
        request.params.id,
        upload.buffer,
        upload.fields.caption ?? null,
      );
      reply.status(201);
      return photo;
    },
  );

  app.patch(
    '/sites/:id/photos/:photoId',
    { schema: { ...t, params: sitePhotoParamsSchema, body: photoUpdateSchema, response: { 200: photos } } },
    async (request) => updateSitePhoto(request.ctx, request.params.id, request.params.photoId, request.body),
  );

  app.put(
    '/sites/:id/photos/order',
    { schema: { ...t, params: idParamsSchema, body: photoOrderSchema, response: { 200: photos } } },
    async (request) => reorderSitePhotos(request.ctx, request.params.id, request.body.photoIds),
  );

  app.delete(
    '/sites/:id/photos/:photoId',
    { schema: { ...t, params: sitePhotoParamsSchema, response: { 200: photos } } },
    async (request) => deleteSitePhoto(request.ctx, request.params.id, request.params.photoId),
  );
}

import { z } from 'zod';
import { idParamsSchema } from '../../../contract/common.js';
import { fileSchema } from '../../../contract/files.js';
import { type App, tags } from '../../core/http.js';
import { enableImageUploads } from './files.multipart.js';
import { assertCanUpload, openFile, presentFile, storeImage } from './files.service.js';
import { readUpload } from './files.upload.js';

const ONE_DAY = 86400;

export async function fileRoutes(app: App) {
  await app.register(fileRoutesScoped);
}

async function fileRoutesScoped(app: App) {
  const t = tags('files');
  await enableImageUploads(app);

  app.post(
    '/files',
    {
      schema: {
        ...t,
        summary: 'Upload an image (multipart field "file"); stored resized, without metadata',
        consumes: ['multipart/form-data'],
        response: { 201: fileSchema },
      },
    },
    async (request, reply) => {
      assertCanUpload(request.ctx);
      const upload = await readUpload(request);
      const row = await storeImage(request.ctx, upload.buffer);
      reply.status(201);
      return presentFile(row);
    },
  );

  for (const variant of ['main', 'thumb'] as const) {
    app.get(
      variant === 'main' ? '/files/:id' : '/files/:id/thumb',
      { schema: { ...t, params: idParamsSchema, response: { 200: z.any(), 304: z.null() } } },
      async (request, reply) => {
        const file = await openFile(request.ctx, request.params.id, variant);
        // A file id never changes its bytes; who may read it can change, hence a day, not a year.
        reply
          .header('cache-control', `${file.isPublic ? 'public' : 'private'}, max-age=${ONE_DAY}`)
          .header('etag', file.etag)
          .header('content-disposition', 'inline')
          .header('vary', 'cookie');
        if (request.headers['if-none-match'] === file.etag) return reply.status(304).send(null);
        const { stream, bytes } = await file.read();
        return reply.type(file.mime).header('content-length', bytes).send(stream);
      },
    );
  }
}

import { eventIdParamsSchema } from '../../../contract/events.js';
import {
  materialInputSchema,
  materialParamsSchema,
  materialReadySchema,
  materialsSchema,
} from '../../../contract/materials.js';
import { type App, tags } from '../../core/http.js';
import {
  addMaterial,
  deleteMaterial,
  getMaterials,
  setMaterialReady,
  updateMaterial,
} from './materials.service.js';

export async function materialRoutes(app: App) {
  const t = tags('materials');
  const ok = { 200: materialsSchema };

  app.get(
    '/events/:id/materials',
    { schema: { ...t, params: eventIdParamsSchema, response: ok } },
    async (request) => getMaterials(request.ctx, request.params.id),
  );

  app.post(
    '/events/:id/materials',
    {
      schema: {
        ...t,
        params: eventIdParamsSchema,
        body: materialInputSchema,
        response: { 201: materialsSchema },
      },
    },
    async (request, reply) => {
      reply.status(201);
      return addMaterial(request.ctx, request.params.id, request.body);
    },
  );

  app.put(
    '/events/:id/materials/:materialId',
    { schema: { ...t, params: materialParamsSchema, body: materialInputSchema, response: ok } },
    async (request) =>
      updateMaterial(request.ctx, request.params.id, request.params.materialId, request.body),
  );

  app.patch(
    '/events/:id/materials/:materialId',
    { schema: { ...t, params: materialParamsSchema, body: materialReadySchema, response: ok } },
    async (request) =>
      setMaterialReady(request.ctx, request.params.id, request.params.materialId, request.body.ready),
  );

  app.delete(
    '/events/:id/materials/:materialId',
    { schema: { ...t, params: materialParamsSchema, response: ok } },
    async (request) => deleteMaterial(request.ctx, request.params.id, request.params.materialId),
  );
}

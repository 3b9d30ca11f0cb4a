import { z } from 'zod';
import {
  associationSchema,
  setupSchema,
  setupStatusSchema,
  updateAssociationSchema,
} from '../../../contract/association.js';
import { authorize } from '../../core/access.js';
import { notFound } from '../../core/errors.js';
import { type App, setSessionCookie, tags } from '../../core/http.js';
import { associationPolicy } from './association.policy.js';
import { getAssociation, setup, setupStatus, updateAssociation } from './association.service.js';

export async function associationRoutes(app: App) {
  app.get('/setup', { schema: { ...tags('setup'), response: { 200: setupStatusSchema } } }, async (request) =>
    setupStatus(request.ctx),
  );

  app.post(
    '/setup',
    {
      schema: {
        ...tags('setup'),
        body: setupSchema,
        response: { 201: z.object({ associationId: z.uuid(), adminId: z.uuid() }) },
      },
    },
    async (request, reply) => {
      const result = await setup(request.ctx, request.body);
      setSessionCookie(reply, request.ctx.config, result.sessionToken);
      reply.status(201);
      return { associationId: result.associationId, adminId: result.adminId };
    },
  );

  app.get(
    '/association',
    { schema: { ...tags('association'), response: { 200: associationSchema } } },
    async (request) => {
      authorize(request.ctx, associationPolicy, 'read');
      const association = await getAssociation(request.ctx);
      if (!association) throw notFound('@entities.association');
      return { id: association.id, name: association.name, region: association.region };
    },
  );

  app.put(
    '/association',
    {
      schema: { ...tags('association'), body: updateAssociationSchema, response: { 200: associationSchema } },
    },
    async (request) => updateAssociation(request.ctx, request.body),
  );
}

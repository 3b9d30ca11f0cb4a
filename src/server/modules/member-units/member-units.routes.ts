import { z } from 'zod';
import { idParamsSchema, pageOf } from '../../../contract/common.js';
import {
  memberUnitInputSchema,
  memberUnitQuerySchema,
  memberUnitSchema,
} from '../../../contract/member-units.js';
import { type App, tags } from '../../core/http.js';
import {
  createMemberUnit,
  getMemberUnit,
  listMemberUnits,
  setMemberUnitArchived,
  updateMemberUnit,
} from './member-units.service.js';

export async function memberUnitRoutes(app: App) {
  const t = tags('member-units');
  app.get(
    '/member-units',
    { schema: { ...t, querystring: memberUnitQuerySchema, response: { 200: pageOf(memberUnitSchema) } } },
    async (request) => listMemberUnits(request.ctx, request.query),
  );

  app.post(
    '/member-units',
    { schema: { ...t, body: memberUnitInputSchema, response: { 201: memberUnitSchema } } },
    async (request, reply) => {
      reply.status(201);
      return createMemberUnit(request.ctx, request.body);
    },
  );

  app.get(
    '/member-units/:id',
    { schema: { ...t, params: idParamsSchema, response: { 200: memberUnitSchema } } },
    async (request) => getMemberUnit(request.ctx, request.params.id),
  );

  app.put(
    '/member-units/:id',
    {
      schema: {
        ...t,
        params: idParamsSchema,
        body: memberUnitInputSchema,
        response: { 200: memberUnitSchema },
      },
    },
    async (request) => updateMemberUnit(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/member-units/:id/archive',
    {
      schema: {
        ...t,
        params: idParamsSchema,
        body: z.object({ archived: z.boolean() }),
        response: { 200: memberUnitSchema },
      },
    },
    async (request) => setMemberUnitArchived(request.ctx, request.params.id, request.body.archived),
  );
}

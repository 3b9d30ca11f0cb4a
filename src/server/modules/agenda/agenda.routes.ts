import { z } from 'zod';
import {
  agendaItemInputSchema,
  agendaItemParamsSchema,
  agendaItemShiftSchema,
  agendaSchema,
  agendaVersionSchema,
  applyTemplateSchema,
} from '../../../contract/agenda.js';
import { eventIdParamsSchema } from '../../../contract/events.js';
import { type App, tags } from '../../core/http.js';
import {
  addAgendaItem,
  applyAgendaTemplate,
  deleteAgendaItem,
  getAgenda,
  listAgendaVersions,
  publishAgenda,
  shiftAgendaItem,
  updateAgendaItem,
} from './agenda.service.js';

export async function agendaRoutes(app: App) {
  const t = tags('agenda');
  const params = eventIdParamsSchema;
  const itemParams = agendaItemParamsSchema;
  const ok = { 200: agendaSchema };

  app.get('/events/:id/agenda', { schema: { ...t, params, response: ok } }, async (request) =>
    getAgenda(request.ctx, request.params.id),
  );

  app.post(
    '/events/:id/agenda/template',
    { schema: { ...t, params, body: applyTemplateSchema, response: ok } },
    async (request) => applyAgendaTemplate(request.ctx, request.params.id, request.body.template),
  );

  app.post(
    '/events/:id/agenda/items',
    { schema: { ...t, params, body: agendaItemInputSchema, response: { 201: agendaSchema } } },
    async (request, reply) => {
      reply.status(201);
      return addAgendaItem(request.ctx, request.params.id, request.body);
    },
  );

  app.put(
    '/events/:id/agenda/items/:itemId',
    { schema: { ...t, params: itemParams, body: agendaItemInputSchema, response: ok } },
    async (request) => updateAgendaItem(request.ctx, request.params.id, request.params.itemId, request.body),
  );

  app.patch(
    '/events/:id/agenda/items/:itemId',
    { schema: { ...t, params: itemParams, body: agendaItemShiftSchema, response: ok } },
    async (request) => shiftAgendaItem(request.ctx, request.params.id, request.params.itemId, request.body),
  );

  app.delete(
    '/events/:id/agenda/items/:itemId',
    { schema: { ...t, params: itemParams, response: ok } },
    async (request) => deleteAgendaItem(request.ctx, request.params.id, request.params.itemId),
  );

  app.post(
    '/events/:id/agenda/publish',
    { schema: { ...t, params, body: z.object({}).optional(), response: ok } },
    async (request) => publishAgenda(request.ctx, request.params.id),
  );

  app.get(
    '/events/:id/agenda/versions',
    { schema: { ...t, params, response: { 200: z.array(agendaVersionSchema) } } },
    async (request) => listAgendaVersions(request.ctx, request.params.id),
  );
}

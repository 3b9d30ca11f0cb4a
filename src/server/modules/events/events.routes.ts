import { z } from 'zod';
import { pageOf } from '../../../contract/common.js';
import {
  cloneInputSchema,
  eventDashboardSchema,
  eventIdParamsSchema,
  eventInputSchema,
  eventOptionsSchema,
  eventQuerySchema,
  eventSchema,
  transitionInputSchema,
} from '../../../contract/events.js';
import { type App, tags } from '../../core/http.js';
import { cloneEvent } from './events.clone.js';
import { getEventDashboard } from './events.dashboard.js';
import { transitionEvent } from './events.lifecycle.js';
import {
  createEvent,
  deleteEvent,
  getEvent,
  getEventOptions,
  listEvents,
  updateEvent,
} from './events.service.js';

export async function eventRoutes(app: App) {
  const t = tags('events');
  const params = eventIdParamsSchema;

  app.get('/events/options', { schema: { ...t, response: { 200: eventOptionsSchema } } }, async (request) =>
    getEventOptions(request.ctx),
  );

  app.get(
    '/events',
    { schema: { ...t, querystring: eventQuerySchema, response: { 200: pageOf(eventSchema) } } },
    async (request) => listEvents(request.ctx, request.query),
  );

  app.post(
    '/events',
    { schema: { ...t, body: eventInputSchema, response: { 201: eventSchema } } },
    async (request, reply) => {
      reply.status(201);
      return createEvent(request.ctx, request.body);
    },
  );

  app.get('/events/:id', { schema: { ...t, params, response: { 200: eventSchema } } }, async (request) =>
    getEvent(request.ctx, request.params.id),
  );

  app.put(
    '/events/:id',
    { schema: { ...t, params, body: eventInputSchema, response: { 200: eventSchema } } },
    async (request) => updateEvent(request.ctx, request.params.id, request.body),
  );

  app.delete(
    '/events/:id',
    { schema: { ...t, params, response: { 204: z.null() } } },
    async (request, reply) => {
      await deleteEvent(request.ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/events/:id/dashboard',
    { schema: { ...t, params, response: { 200: eventDashboardSchema } } },
    async (request) => getEventDashboard(request.ctx, request.params.id),
  );

  app.post(
    '/events/:id/transition',
    { schema: { ...t, params, body: transitionInputSchema, response: { 200: eventSchema } } },
    async (request) => transitionEvent(request.ctx, request.params.id, request.body.to),
  );

  app.post(
    '/events/:id/clone',
    { schema: { ...t, params, body: cloneInputSchema, response: { 201: eventSchema } } },
    async (request, reply) => {
      reply.status(201);
      return cloneEvent(request.ctx, request.params.id, request.body);
    },
  );
}

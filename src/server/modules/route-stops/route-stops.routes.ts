import { z } from 'zod';
import { eventIdParamsSchema } from '../../../contract/events.js';
import {
  eventRouteSchema,
  routeInputSchema,
  routeParamsSchema,
  routePointOptionSchema,
} from '../../../contract/route-stops.js';
import { type App, tags } from '../../core/http.js';
import { applyDefaultRoute, getRoute, getRoutePoints, replaceRoute } from './route-stops.service.js';

export async function routeStopRoutes(app: App) {
  const t = tags('route');
  app.get(
    '/events/:id/route',
    { schema: { ...t, params: eventIdParamsSchema, response: { 200: eventRouteSchema } } },
    async (request) => getRoute(request.ctx, request.params.id),
  );

  app.get(
    '/events/:id/route/points',
    { schema: { ...t, params: eventIdParamsSchema, response: { 200: z.array(routePointOptionSchema) } } },
    async (request) => getRoutePoints(request.ctx, request.params.id),
  );

  app.put(
    '/events/:id/sites/:eventSiteId/route',
    {
      schema: {
        ...t,
        params: routeParamsSchema,
        body: routeInputSchema,
        response: { 200: eventRouteSchema },
      },
    },
    async (request) =>
      replaceRoute(request.ctx, request.params.id, request.params.eventSiteId, request.body.stops),
  );

  app.post(
    '/events/:id/sites/:eventSiteId/route/default',
    {
      schema: {
        ...t,
        params: routeParamsSchema,
        body: z.object({}).optional(),
        response: { 200: eventRouteSchema },
      },
    },
    async (request) => applyDefaultRoute(request.ctx, request.params.id, request.params.eventSiteId),
  );
}

import { z } from 'zod';
import {
  boardGroupSchema,
  boardSchema,
  markInputSchema,
  positionInputSchema,
  runOfShowChannel,
  runOfShowGroupParamsSchema,
  runOfShowItemParamsSchema,
  runOfShowSchema,
} from '../../../contract/run-of-show.js';
import { authorize } from '../../core/access.js';
import { type App, tags } from '../../core/http.js';
import { streamChannel } from '../../core/realtime.js';
import { eventForActor } from './run-of-show.access.js';
import { runOfShowPolicy } from './run-of-show.policy.js';
import { getBoard, reportPosition } from './run-of-show.positions.js';
import { getRunOfShow, markItem, resetItem } from './run-of-show.service.js';

const eventParams = z.object({ id: z.uuid() });

export async function runOfShowRoutes(app: App) {
  const t = tags('run-of-show');
  app.get(
    '/events/:id/run-of-show',
    { schema: { ...t, params: eventParams, response: { 200: runOfShowSchema } } },
    async (request) => getRunOfShow(request.ctx, request.params.id),
  );
  for (const edge of ['start', 'end'] as const) {
    app.post(
      `/events/:id/run-of-show/items/:itemId/${edge}`,
      {
        schema: {
          ...t,
          params: runOfShowItemParamsSchema,
          body: markInputSchema,
          response: { 200: runOfShowSchema },
        },
      },
      async (request) =>
        markItem(request.ctx, request.params.id, request.params.itemId, edge, request.body ?? {}),
    );
  }
  app.delete(
    '/events/:id/run-of-show/items/:itemId',
    { schema: { ...t, params: runOfShowItemParamsSchema, response: { 200: runOfShowSchema } } },
    async (request) => resetItem(request.ctx, request.params.id, request.params.itemId),
  );
  app.get(
    '/events/:id/run-of-show/board',
    { schema: { ...t, params: eventParams, response: { 200: boardSchema } } },
    async (request) => getBoard(request.ctx, request.params.id),
  );
  app.post(
    '/events/:id/run-of-show/groups/:groupId/position',
    {
      schema: {
        ...t,
        params: runOfShowGroupParamsSchema,
        body: positionInputSchema,
        response: { 200: boardGroupSchema },
      },
    },
    async (request) => reportPosition(request.ctx, request.params.id, request.params.groupId, request.body),
  );
  app.get(
    '/events/:id/run-of-show/stream',
    { schema: { ...t, params: eventParams, hide: true } },
    async (request, reply) => {
      const actor = authorize(request.ctx, runOfShowPolicy, 'read');
      await eventForActor(request.ctx, actor, request.params.id);
      return streamChannel(request, reply, app.realtime, runOfShowChannel(request.params.id));
    },
  );
}

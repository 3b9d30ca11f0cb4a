import { z } from 'zod';
import {
  checkinListEntrySchema,
  checkinStatsSchema,
  scanBatchSchema,
  scanInputSchema,
  scanResultSchema,
} from '../../../contract/checkin.js';
import { authorize } from '../../core/access.js';
import { type App, tags } from '../../core/http.js';
import { streamChannel } from '../../core/realtime.js';
import { loadEvent } from '../events/events.guard.js';
import { checkinPolicy } from './checkin.policy.js';
import { checkinChannel, checkinList, scan, scanLog, undoCheckin } from './checkin.service.js';
import { checkinStats } from './checkin.stats.js';

const eventParams = z.object({ id: z.uuid() });

export async function checkinRoutes(app: App) {
  const t = tags('checkin');
  app.post(
    '/events/:id/checkin/scans',
    { schema: { ...t, params: eventParams, body: scanInputSchema, response: { 200: scanResultSchema } } },
    async (request) => scan(request.ctx, request.params.id, request.body),
  );
  // An offline scanner uploads its queue in one go; each scan is idempotent by its nonce.
  app.post(
    '/events/:id/checkin/scans/batch',
    {
      schema: {
        ...t,
        params: eventParams,
        body: scanBatchSchema,
        response: { 200: z.object({ results: z.array(scanResultSchema) }) },
      },
    },
    async (request) => {
      const results = [];
      const ordered = [...request.body.scans].sort((a, b) =>
        (a.scannedAt ?? '').localeCompare(b.scannedAt ?? ''),
      );
      for (const item of ordered) results.push(await scan(request.ctx, request.params.id, item));
      return { results };
    },
  );
  app.post(
    '/events/:id/checkin/checkins/:checkinId/undo',
    {
      schema: {
        ...t,
        params: z.object({ id: z.uuid(), checkinId: z.uuid() }),
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request) => {
      await undoCheckin(request.ctx, request.params.id, request.params.checkinId);
      return { ok: true as const };
    },
  );
  app.get(
    '/events/:id/checkin/list',
    {
      schema: {
        ...t,
        params: eventParams,
        querystring: z.object({ eventSiteId: z.uuid().optional() }),
        response: { 200: z.array(checkinListEntrySchema) },
      },
    },
    async (request) => checkinList(request.ctx, request.params.id, request.query.eventSiteId),
  );
  app.get(
    '/events/:id/checkin/stats',
    { schema: { ...t, params: eventParams, response: { 200: checkinStatsSchema } } },
    async (request) => checkinStats(request.ctx, request.params.id),
  );
  app.get('/events/:id/checkin/log', { schema: { ...t, params: eventParams } }, async (request) =>
    scanLog(request.ctx, request.params.id),
  );
  // Live arrivals for the dashboard and the sign-in wall (签到墙).
  app.get(
    '/events/:id/checkin/stream',
    { schema: { ...t, params: eventParams, hide: true } },
    async (request, reply) => {
      authorize(request.ctx, checkinPolicy, 'read');
      await loadEvent(request.ctx, request.params.id);
      return streamChannel(request, reply, app.realtime, checkinChannel(request.params.id));
    },
  );
}

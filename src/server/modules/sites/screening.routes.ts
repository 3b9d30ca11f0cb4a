import { z } from 'zod';
import { idParamsSchema } from '../../../contract/common.js';
import {
  criteriaOrderSchema,
  criterionInputSchema,
  criterionSchema,
  myScoreSchema,
  scoreInputSchema,
  shortlistEntrySchema,
} from '../../../contract/sites.js';
import { type App, tags } from '../../core/http.js';
import {
  createCriterion,
  deleteCriterion,
  listCriteria,
  listMyScores,
  reorderCriteria,
  saveMyScores,
  screeningShortlist,
  updateCriterion,
} from './screening.service.js';

export async function screeningRoutes(app: App) {
  const t = tags('screening');
  const criteria = z.array(criterionSchema);

  app.get('/screening/criteria', { schema: { ...t, response: { 200: criteria } } }, async (request) =>
    listCriteria(request.ctx),
  );

  app.post(
    '/screening/criteria',
    { schema: { ...t, body: criterionInputSchema, response: { 201: criterionSchema } } },
    async (request, reply) => {
      reply.status(201);
      return createCriterion(request.ctx, request.body);
    },
  );

  app.put(
    '/screening/criteria/order',
    { schema: { ...t, body: criteriaOrderSchema, response: { 200: criteria } } },
    async (request) => reorderCriteria(request.ctx, request.body.criterionIds),
  );

  app.put(
    '/screening/criteria/:id',
    {
      schema: {
        ...t,
        params: idParamsSchema,
        body: criterionInputSchema,
        response: { 200: criterionSchema },
      },
    },
    async (request) => updateCriterion(request.ctx, request.params.id, request.body),
  );

  app.delete(
    '/screening/criteria/:id',
    { schema: { ...t, params: idParamsSchema } },
    async (request, reply) => {
      await deleteCriterion(request.ctx, request.params.id);
      return reply.status(204).send();
    },
  );

  app.get(
    '/screening/my-scores',
    { schema: { ...t, response: { 200: z.array(myScoreSchema) } } },
    async (request) => listMyScores(request.ctx),
  );

  app.put(
    '/sites/:id/scores',
    {
      schema: {
        ...t,
        params: idParamsSchema,
        body: scoreInputSchema,
        response: { 200: z.array(myScoreSchema) },
      },
    },
    async (request) => saveMyScores(request.ctx, request.params.id, request.body),
  );

  app.get(
    '/screening/shortlist',
    { schema: { ...t, response: { 200: z.array(shortlistEntrySchema) } } },
    async (request) => screeningShortlist(request.ctx),
  );
}

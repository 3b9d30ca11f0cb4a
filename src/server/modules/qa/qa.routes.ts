import { z } from 'zod';
import {
  answerInputSchema,
  askInputSchema,
  editQuestionInputSchema,
  importInputSchema,
  importResultSchema,
  mergeInputSchema,
  passBoardSchema,
  passQuestionSchema,
  preparedInputSchema,
  QA_MODERATION_ACTIONS,
  qaEventParamsSchema,
  qaListQuerySchema,
  qaPassParamsSchema,
  qaPassQuestionParamsSchema,
  qaPublicChannel,
  qaQuestionParamsSchema,
  qaScreenParamsSchema,
  qaScreenQuerySchema,
  qaSettingsInputSchema,
  qaSettingsSchema,
  qaStaffChannel,
  screenSchema,
  staffBoardSchema,
  staffQuestionSchema,
  voteResultSchema,
} from '../../../contract/qa.js';
import { authorize } from '../../core/access.js';
import { type App, tags } from '../../core/http.js';
import { streamChannel } from '../../core/realtime.js';
import { loadEvent } from '../events/events.guard.js';
import { importQuestions } from './qa.import.js';
import { answerQuestion, mergeQuestion, moderate } from './qa.moderation.js';
import { qaPass } from './qa.pass.js';
import { qaPolicy } from './qa.policy.js';
import { screenData, screenEvent } from './qa.screen.js';
import { ask, passBoard, setVote } from './qa.service.js';
import { addPrepared, editQuestion, rotateScreenKey, staffBoard, updateSettings } from './qa.staff.js';

export async function qaRoutes(app: App) {
  const t = tags('qa');

  // ---- Staff ----
  app.get(
    '/events/:id/qa',
    {
      schema: {
        ...t,
        params: qaEventParamsSchema,
        querystring: qaListQuerySchema,
        response: { 200: staffBoardSchema },
      },
    },
    async (request) => staffBoard(request.ctx, request.params.id, request.query.sort),
  );
  app.patch(
    '/events/:id/qa/settings',
    {
      schema: {
        ...t,
        params: qaEventParamsSchema,
        body: qaSettingsInputSchema,
        response: { 200: qaSettingsSchema },
      },
    },
    async (request) => updateSettings(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/events/:id/qa/settings/screen-key',
    { schema: { ...t, params: qaEventParamsSchema, response: { 200: qaSettingsSchema } } },
    async (request) => rotateScreenKey(request.ctx, request.params.id),
  );
  app.post(
    '/events/:id/qa/import',
    {
      schema: {
        ...t,
        params: qaEventParamsSchema,
        body: importInputSchema,
        response: { 200: importResultSchema },
      },
    },
    async (request) => importQuestions(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/events/:id/qa/questions',
    {
      schema: {
        ...t,
        params: qaEventParamsSchema,
        body: preparedInputSchema,
        response: { 201: staffQuestionSchema },
      },
    },
    async (request, reply) => {
      reply.status(201);
      return addPrepared(request.ctx, request.params.id, request.body);
    },
  );
  app.patch(
    '/events/:id/qa/questions/:questionId',
    {
      schema: {
        ...t,
        params: qaQuestionParamsSchema,
        body: editQuestionInputSchema,
        response: { 200: staffQuestionSchema },
      },
    },
    async (request) => editQuestion(request.ctx, request.params.id, request.params.questionId, request.body),
  );
  for (const action of QA_MODERATION_ACTIONS) {
    app.post(
      `/events/:id/qa/questions/:questionId/${action}`,
      { schema: { ...t, params: qaQuestionParamsSchema, response: { 200: staffQuestionSchema } } },
      async (request) => moderate(request.ctx, request.params.id, request.params.questionId, action),
    );
  }
  app.post(
    '/events/:id/qa/questions/:questionId/answer',
    {
      schema: {
        ...t,
        params: qaQuestionParamsSchema,
        body: answerInputSchema,
        response: { 200: staffQuestionSchema },
      },
    },
    async (request) =>
      answerQuestion(request.ctx, request.params.id, request.params.questionId, request.body),
  );
  app.post(
    '/events/:id/qa/questions/:questionId/merge',
    {
      schema: {
        ...t,
        summary: 'Merge a duplicate into the target; answers the target',
        params: qaQuestionParamsSchema,
        body: mergeInputSchema,
        response: { 200: staffQuestionSchema },
      },
    },
    async (request) => mergeQuestion(request.ctx, request.params.id, request.params.questionId, request.body),
  );
  app.get(
    '/events/:id/qa/stream',
    { schema: { ...t, params: qaEventParamsSchema, hide: true } },
    async (request, reply) => {
      authorize(request.ctx, qaPolicy, 'read');
      await loadEvent(request.ctx, request.params.id);
      return streamChannel(request, reply, app.realtime, qaStaffChannel(request.params.id));
    },
  );

  // ---- The attendee, through the personal pass ----
  app.get(
    '/passes/:token/qa',
    {
      schema: {
        ...t,
        params: qaPassParamsSchema,
        querystring: qaListQuerySchema,
        response: { 200: passBoardSchema },
      },
    },
    async (request) => passBoard(request.ctx, request.params.token, request.query.sort),
  );
  app.post(
    '/passes/:token/qa/questions',
    {
      schema: {
        ...t,
        params: qaPassParamsSchema,
        body: askInputSchema,
        response: { 200: passQuestionSchema },
      },
    },
    async (request) => ask(request.ctx, request.params.token, request.body),
  );
  for (const method of ['post', 'delete'] as const) {
    app[method](
      '/passes/:token/qa/questions/:questionId/vote',
      { schema: { ...t, params: qaPassQuestionParamsSchema, response: { 200: voteResultSchema } } },
      async (request) =>
        setVote(request.ctx, request.params.token, request.params.questionId, method === 'post'),
    );
  }
  app.get(
    '/passes/:token/qa/stream',
    { schema: { ...t, params: qaPassParamsSchema, hide: true } },
    async (request, reply) => {
      const pass = await qaPass(request.ctx, request.params.token);
      return streamChannel(request, reply, app.realtime, qaPublicChannel(pass.event.id));
    },
  );

  // ---- The presenter screen (screen key or staff session) ----
  app.get(
    '/public/events/:slug/qa/screen',
    {
      schema: {
        ...t,
        params: qaScreenParamsSchema,
        querystring: qaScreenQuerySchema,
        response: { 200: screenSchema },
      },
    },
    async (request) => screenData(request.ctx, request.params.slug, request.query.key),
  );
  app.get(
    '/public/events/:slug/qa/stream',
    {
      schema: {
        ...t,
        params: qaScreenParamsSchema,
        querystring: qaScreenQuerySchema.extend({ since: z.string().max(20).optional() }),
        hide: true,
      },
    },
    async (request, reply) => {
      const event = await screenEvent(request.ctx, request.params.slug, request.query.key);
      return streamChannel(request, reply, app.realtime, qaPublicChannel(event.id));
    },
  );
}

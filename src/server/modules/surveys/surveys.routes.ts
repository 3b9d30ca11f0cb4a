import { z } from 'zod';
import { passTokenParamsSchema, slugParamsSchema } from '../../../contract/registrations.js';
import {
  nonRespondentsSchema,
  passSurveySchema,
  resetInputSchema,
  responseInputSchema,
  sendInputSchema,
  sendResultSchema,
  staffResponsesSchema,
  surveyChannel,
  surveyDetailSchema,
  surveyInputSchema,
  surveyResultsSchema,
  surveySlideSchema,
  validateInputSchema,
  validationResultSchema,
} from '../../../contract/surveys.js';
import { authorize } from '../../core/access.js';
import { type App, attachmentHeader, tags } from '../../core/http.js';
import { streamChannel } from '../../core/realtime.js';
import { loadEvent } from '../events/events.guard.js';
import { getPassSurvey, submitPassSurvey } from './surveys.pass.js';
import { surveysPolicy } from './surveys.policy.js';
import { surveySlide } from './surveys.public.js';
import { remindNonRespondents, sendSurvey } from './surveys.send.js';
import {
  closeSurvey,
  getSurvey,
  openSurvey,
  resetSurvey,
  updateSurvey,
  validateSurvey,
} from './surveys.service.js';
import {
  buildResults,
  loadResponses,
  nonRespondents,
  presentResponses,
  staffSurvey,
  surveyResponsesList,
  surveyResults,
} from './surveys.staff.js';

const eventParams = z.object({ id: z.uuid() });
const xlsxModule = () => import('./surveys.xlsx.js');

export async function surveyRoutes(app: App) {
  const t = tags('surveys');
  const detail = { 200: surveyDetailSchema };

  app.get(
    '/events/:id/survey',
    { schema: { ...t, params: eventParams, response: detail } },
    async (request) => getSurvey(request.ctx, request.params.id),
  );
  app.put(
    '/events/:id/survey',
    { schema: { ...t, params: eventParams, body: surveyInputSchema, response: detail } },
    async (request) => updateSurvey(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/events/:id/survey/validate',
    {
      schema: {
        ...t,
        params: eventParams,
        body: validateInputSchema,
        response: { 200: validationResultSchema },
      },
    },
    async (request) => validateSurvey(request.ctx, request.params.id, request.body.definition),
  );
  app.post(
    '/events/:id/survey/reset',
    { schema: { ...t, params: eventParams, body: resetInputSchema, response: detail } },
    async (request) => resetSurvey(request.ctx, request.params.id, request.body.lang),
  );
  app.post(
    '/events/:id/survey/open',
    { schema: { ...t, params: eventParams, response: detail } },
    async (request) => openSurvey(request.ctx, request.params.id),
  );
  app.post(
    '/events/:id/survey/close',
    { schema: { ...t, params: eventParams, response: detail } },
    async (request) => closeSurvey(request.ctx, request.params.id),
  );
  app.post(
    '/events/:id/survey/send',
    { schema: { ...t, params: eventParams, body: sendInputSchema, response: { 200: sendResultSchema } } },
    async (request) => sendSurvey(request.ctx, request.params.id, request.body ?? {}),
  );
  app.post(
    '/events/:id/survey/remind',
    { schema: { ...t, params: eventParams, response: { 200: sendResultSchema } } },
    async (request) => remindNonRespondents(request.ctx, request.params.id),
  );
  app.get(
    '/events/:id/survey/results',
    { schema: { ...t, params: eventParams, response: { 200: surveyResultsSchema } } },
    async (request) => surveyResults(request.ctx, request.params.id),
  );
  app.get(
    '/events/:id/survey/responses',
    { schema: { ...t, params: eventParams, response: { 200: staffResponsesSchema } } },
    async (request) => surveyResponsesList(request.ctx, request.params.id),
  );
  app.get(
    '/events/:id/survey/non-respondents',
    { schema: { ...t, params: eventParams, response: { 200: nonRespondentsSchema } } },
    async (request) => nonRespondents(request.ctx, request.params.id),
  );
  app.get(
    '/events/:id/survey/export.xlsx',
    { schema: { ...t, params: eventParams } },
    async (request, reply) => {
      const { event, survey } = await staffSurvey(request.ctx, request.params.id);
      const rows = await loadResponses(request.ctx, survey);
      const results = await buildResults(request.ctx, survey, rows);
      const xlsx = await (await xlsxModule()).surveyXlsx(
        request.ctx.lang,
        survey,
        event.theme,
        results,
        presentResponses(survey, rows),
      );
      reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          attachmentHeader('满意度调查', 'survey', 'xlsx', request.ctx.clock.now()),
        );
      return xlsx;
    },
  );
  app.get(
    '/events/:id/survey/stream',
    { schema: { ...t, params: eventParams, hide: true } },
    async (request, reply) => {
      authorize(request.ctx, surveysPolicy, 'read');
      await loadEvent(request.ctx, request.params.id);
      return streamChannel(request, reply, app.realtime, surveyChannel(request.params.id));
    },
  );

  // The attendee's side: the pass token is the credential.
  app.get(
    '/passes/:token/survey',
    { schema: { ...t, params: passTokenParamsSchema, response: { 200: passSurveySchema } } },
    async (request) => getPassSurvey(request.ctx, request.params.token),
  );
  app.put(
    '/passes/:token/survey',
    {
      schema: {
        ...t,
        params: passTokenParamsSchema,
        body: responseInputSchema,
        response: { 200: passSurveySchema },
      },
    },
    async (request) => submitPassSurvey(request.ctx, request.params.token, request.body),
  );

  app.get(
    '/public/events/:slug/survey',
    { schema: { ...t, params: slugParamsSchema, response: { 200: surveySlideSchema } } },
    async (request) => surveySlide(request.ctx, request.params.slug),
  );
}

import QRCode from 'qrcode';
import type { SurveySlide } from '../../../contract/surveys.js';
import type { Ctx } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { eventBySlug } from '../registrations/registrations.service.js';
import { participation } from './surveys.audience.js';
import { findSurvey, responseCount } from './surveys.service.js';

/**
 * `GET /public/events/:slug/survey` — what a QR slide on the big screen shows. Attendees still
 * answer through their own pass: the QR leads to `/e/<slug>/survey`, a landing page that goes on
 * to `/p/<token>/survey` on a phone that holds a pass, or sends the pass link again by mobile
 * number. Only counts leave here, no names. A draft (or missing) survey is not found.
 */
export async function surveySlide(ctx: Ctx, slug: string): Promise<SurveySlide> {
  const event = await eventBySlug(ctx, slug);
  const survey = await findSurvey(ctx, event.id);
  if (!survey || survey.status === 'draft') throw notFound('@entities.survey');
  const joinUrl = `${ctx.config.publicUrl}/e/${event.slug}/survey`;
  return {
    eventTheme: event.theme,
    title: survey.definition.title,
    status: survey.status,
    joinUrl,
    qrSvg: await QRCode.toString(joinUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 }),
    responses: await responseCount(ctx, survey.id),
    invited: (await participation(ctx, survey)).invited,
  };
}

import { eq, max, min } from 'drizzle-orm';
import { z } from 'zod';
import { idParamsSchema, pageOf } from '../../../contract/common.js';
import {
  fieldInputSchema,
  fieldSchema,
  formSchema,
  passTokenParamsSchema,
  passUpdateSchema,
  registerInputSchema,
  registerResultSchema,
  registrationQuerySchema,
  registrationSchema,
  resendPassSchema,
  settingsSchema,
  slugParamsSchema,
  staffUpdateSchema,
  substituteSchema,
} from '../../../contract/registrations.js';
import { authorize } from '../../core/access.js';
import { AppError } from '../../core/errors.js';
import { type App, tags } from '../../core/http.js';
import { createRateLimiter } from '../../core/rate-limit.js';
import { agendaItems } from '../agenda/agenda.table.js';
import { loadEvent } from '../events/events.guard.js';
import { cancelPass, erasePass, exportPass, getPass, passCalendar, updatePass } from './pass.service.js';
import { fieldsOf, getSettings, replaceFields, updateSettings } from './registration-form.js';
import { registrationsPolicy } from './registrations.policy.js';
import { registrationForm, resendPass } from './registrations.public.js';
import { publicMemberUnits, publicUnitSchema, publicUnitsQuerySchema } from './registrations.public-units.js';
import { eventBySlug, passUrl, register } from './registrations.service.js';
import {
  approveRegistration,
  getRegistration,
  listRegistrations,
  staffCancel,
  staffMove,
  substitute,
  updateRegistration,
} from './registrations.staff.js';

const ok = z.object({ ok: z.literal(true) });
const eventParams = z.object({ id: z.uuid() });

export async function registrationRoutes(app: App) {
  const t = tags('registrations');
  // Public writes are limited per address; the per-event lock keeps them correct under load.
  const publicLimiter = createRateLimiter({
    limit: app.guanmoConfig.rateLimits.publicWrites,
    windowMs: 60_000,
  });
  const limit = (ip: string) => {
    const wait = publicLimiter.hit(ip);
    if (wait) throw new AppError('auth.rate_limited', 429, { seconds: wait });
  };

  // Public: the form, registering, and "send my pass again".
  app.get(
    '/public/events/:slug/registration-form',
    { schema: { ...t, params: slugParamsSchema, response: { 200: formSchema } } },
    async (request) => registrationForm(request.ctx, request.params.slug),
  );
  app.post(
    '/public/events/:slug/registrations',
    {
      schema: {
        ...t,
        params: slugParamsSchema,
        body: registerInputSchema,
        response: { 201: registerResultSchema },
      },
    },
    async (request, reply) => {
      limit(request.ip);
      const event = await eventBySlug(request.ctx, request.params.slug);
      reply.status(201);
      return register(request.ctx, event.id, request.body);
    },
  );
  app.get(
    '/public/events/:slug/member-units',
    {
      schema: {
        ...t,
        params: slugParamsSchema,
        querystring: publicUnitsQuerySchema,
        response: { 200: z.array(publicUnitSchema) },
      },
    },
    async (request) => publicMemberUnits(request.ctx, request.params.slug, request.query.q),
  );
  app.post(
    '/public/events/:slug/resend-pass',
    { schema: { ...t, params: slugParamsSchema, body: resendPassSchema, response: { 200: ok } } },
    async (request) => {
      limit(request.ip);
      await resendPass(request.ctx, request.params.slug, request.body.mobile);
      return { ok: true as const };
    },
  );

  // The personal pass (参会凭证): the token is the credential, no account needed.
  app.get('/passes/:token', { schema: { ...t, params: passTokenParamsSchema } }, async (request) =>
    getPass(request.ctx, request.params.token),
  );
  app.patch(
    '/passes/:token',
    { schema: { ...t, params: passTokenParamsSchema, body: passUpdateSchema } },
    async (request) => updatePass(request.ctx, request.params.token, request.body),
  );
  app.post('/passes/:token/cancel', { schema: { ...t, params: passTokenParamsSchema } }, async (request) =>
    cancelPass(request.ctx, request.params.token),
  );
  app.get(
    '/passes/:token/export',
    { schema: { ...t, params: passTokenParamsSchema } },
    async (request, reply) => {
      const data = await exportPass(request.ctx, request.params.token);
      reply.header('content-disposition', 'attachment; filename="guanmo-my-data.json"');
      return data;
    },
  );
  app.post(
    '/passes/:token/erase',
    { schema: { ...t, params: passTokenParamsSchema, response: { 200: ok } } },
    async (request) => {
      await erasePass(request.ctx, request.params.token);
      return { ok: true as const };
    },
  );
  app.get(
    '/passes/:token/calendar.ics',
    { schema: { ...t, params: passTokenParamsSchema } },
    async (request, reply) => {
      const pass = await getPass(request.ctx, request.params.token);
      const [span] = await request.ctx.db
        .select({ start: min(agendaItems.startMinute), end: max(agendaItems.endMinute) })
        .from(agendaItems)
        .where(eq(agendaItems.eventId, pass.event.id));
      reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', 'attachment; filename="guanmo.ics"');
      return passCalendar(
        pass,
        passUrl(request.ctx, request.params.token),
        span?.start ?? null,
        span?.end ?? null,
      );
    },
  );

  // Staff.
  app.get(
    '/events/:id/registrations',
    {
      schema: {
        ...t,
        params: eventParams,
        querystring: registrationQuerySchema,
        response: { 200: pageOf(registrationSchema) },
      },
    },
    async (request) => listRegistrations(request.ctx, request.params.id, request.query),
  );
  app.post(
    '/events/:id/registrations',
    {
      schema: {
        ...t,
        params: eventParams,
        body: registerInputSchema,
        response: { 201: registerResultSchema },
      },
    },
    async (request, reply) => {
      authorize(request.ctx, registrationsPolicy, 'manage');
      reply.status(201);
      return register(request.ctx, request.params.id, request.body);
    },
  );
  app.get(
    '/events/:id/registration-settings',
    { schema: { ...t, params: eventParams, response: { 200: settingsSchema } } },
    async (request) => getSettings(request.ctx, request.params.id),
  );
  app.put(
    '/events/:id/registration-settings',
    { schema: { ...t, params: eventParams, body: settingsSchema, response: { 200: settingsSchema } } },
    async (request) => updateSettings(request.ctx, request.params.id, request.body),
  );
  app.get(
    '/events/:id/registration-fields',
    { schema: { ...t, params: eventParams, response: { 200: z.array(fieldSchema) } } },
    async (request) => {
      authorize(request.ctx, registrationsPolicy, 'manage');
      await loadEvent(request.ctx, request.params.id);
      return fieldsOf(request.ctx, request.params.id);
    },
  );
  app.put(
    '/events/:id/registration-fields',
    {
      schema: {
        ...t,
        params: eventParams,
        body: z.array(fieldInputSchema.and(z.object({ id: z.uuid().optional() }))).max(50),
        response: { 200: z.array(fieldSchema) },
      },
    },
    async (request) => replaceFields(request.ctx, request.params.id, request.body),
  );
  app.get(
    '/registrations/:id',
    { schema: { ...t, params: idParamsSchema, response: { 200: registrationSchema } } },
    async (request) => getRegistration(request.ctx, request.params.id),
  );
  app.patch(
    '/registrations/:id',
    {
      schema: {
        ...t,
        params: idParamsSchema,
        body: staffUpdateSchema,
        response: { 200: registrationSchema },
      },
    },
    async (request) => updateRegistration(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/registrations/:id/approve',
    { schema: { ...t, params: idParamsSchema, response: { 200: registrationSchema } } },
    async (request) => approveRegistration(request.ctx, request.params.id),
  );
  app.post(
    '/registrations/:id/cancel',
    {
      schema: {
        ...t,
        params: idParamsSchema,
        body: z.object({ reason: z.string().trim().max(200).nullable().optional() }),
        response: { 200: registrationSchema },
      },
    },
    async (request) => staffCancel(request.ctx, request.params.id, request.body.reason ?? null),
  );
  app.post(
    '/registrations/:id/move',
    {
      schema: {
        ...t,
        params: idParamsSchema,
        body: z.object({ eventSiteId: z.uuid() }),
        response: { 200: registrationSchema },
      },
    },
    async (request) => staffMove(request.ctx, request.params.id, request.body.eventSiteId),
  );
  app.post(
    '/registrations/:id/substitute',
    {
      schema: { ...t, params: idParamsSchema, body: substituteSchema, response: { 200: registrationSchema } },
    },
    async (request) => substitute(request.ctx, request.params.id, request.body),
  );
}

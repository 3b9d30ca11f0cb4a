import { z } from 'zod';
import { changePasswordSchema, loginSchema, meSchema, updateMeSchema } from '../../../contract/users.js';
import { AppError } from '../../core/errors.js';
import {
  type App,
  clearSessionCookie,
  LANG_COOKIE,
  SESSION_COOKIE,
  setSessionCookie,
  tags,
} from '../../core/http.js';
import { createRateLimiter } from '../../core/rate-limit.js';
import { changePassword, getMe, login, logout, updateMe } from './auth.service.js';

const ok = z.object({ ok: z.literal(true) });

export async function authRoutes(app: App) {
  const loginLimiter = createRateLimiter({ limit: app.guanmoConfig.rateLimits.login, windowMs: 60_000 });

  app.get('/auth/csrf', { schema: { ...tags('auth'), response: { 200: ok } } }, async () => ({
    ok: true as const,
  }));

  app.post(
    '/auth/login',
    { schema: { ...tags('auth'), body: loginSchema, response: { 200: meSchema } } },
    async (request, reply) => {
      const wait = loginLimiter.hit(request.ip);
      if (wait) throw new AppError('auth.rate_limited', 429, { seconds: wait });
      const { token, userId } = await login(request.ctx, {
        ...request.body,
        userAgent: request.headers['user-agent'],
      });
      setSessionCookie(reply, request.ctx.config, token);
      const me = await getMe({
        ...request.ctx,
        actor: { userId, name: '', role: 'member', memberUnitId: null, siteId: null },
      });
      if (me.lang) reply.setCookie(LANG_COOKIE, me.lang, { path: '/', sameSite: 'lax', maxAge: 365 * 86400 });
      return me;
    },
  );

  app.post('/auth/logout', { schema: { ...tags('auth'), response: { 200: ok } } }, async (request, reply) => {
    await logout(request.ctx, request.cookies[SESSION_COOKIE]);
    clearSessionCookie(reply);
    return { ok: true as const };
  });

  app.get('/auth/me', { schema: { ...tags('auth'), response: { 200: meSchema } } }, async (request) =>
    getMe(request.ctx),
  );

  app.patch(
    '/auth/me',
    { schema: { ...tags('auth'), body: updateMeSchema, response: { 200: meSchema } } },
    async (request, reply) => {
      const me = await updateMe(request.ctx, request.body);
      if (request.body.lang)
        reply.setCookie(LANG_COOKIE, request.body.lang, { path: '/', sameSite: 'lax', maxAge: 365 * 86400 });
      return me;
    },
  );

  app.post(
    '/auth/password',
    { schema: { ...tags('auth'), body: changePasswordSchema, response: { 200: ok } } },
    async (request) => {
      await changePassword(request.ctx, {
        ...request.body,
        keepSessionToken: request.cookies[SESSION_COOKIE],
      });
      return { ok: true as const };
    },
  );
}

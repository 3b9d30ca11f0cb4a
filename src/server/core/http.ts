import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyReply,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.js';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export const SESSION_COOKIE = 'guanmo_session';
export const CSRF_COOKIE = 'guanmo_csrf';
export const CSRF_HEADER = 'x-csrf-token';
export const LANG_COOKIE = 'guanmo_lang';

export function setSessionCookie(reply: FastifyReply, config: Config, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
    maxAge: config.sessionDays * 86400,
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** Common OpenAPI tags and error responses. */
export const tags = (...t: string[]) => ({ tags: t });

/** A Content-Disposition for a download named in Chinese, with an ASCII fallback, dated (China time). */
export function attachmentHeader(base: string, asciiBase: string, ext: string, now: Date) {
  const day = new Date(now.getTime() + 8 * 3600000).toISOString().slice(0, 10).replaceAll('-', '');
  const name = `${base}-${day}.${ext}`;
  return `attachment; filename="${asciiBase}-${day}.${ext}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

import { existsSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyReply, type RouteOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import { newToken } from './core/auth/tokens.js';
import { type Clock, systemClock } from './core/clock.js';
import type { Ctx } from './core/context.js';
import { AppError } from './core/errors.js';
import { type App, CSRF_COOKIE, CSRF_HEADER, LANG_COOKIE, SESSION_COOKIE } from './core/http.js';
import { pickLang } from './core/i18n.js';
import { refuseNulCharacters } from './core/input-guard.js';
import { handleError } from './core/problem.js';
import { createRealtimeHub, type RealtimeHub } from './core/realtime.js';
import type { Database } from './db/client.js';
import { associationRoutes } from './modules/association/association.routes.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { checkinRoutes } from './modules/checkin/checkin.routes.js';
import { printRoutes } from './modules/checkin/print.routes.js';
import { documentRoutes } from './modules/documents/documents.routes.js';
import { publicPageRoutes } from './modules/documents/public-page.routes.js';
import { eventPlanningRoutes } from './modules/events/index.js';
import { fileRoutes } from './modules/files/files.routes.js';
import { groupRoutes } from './modules/groups/groups.routes.js';
import { memberUnitRoutes } from './modules/member-units/member-units.routes.js';
import { notificationRoutes } from './modules/notifications/notifications.routes.js';
import { observationRoutes } from './modules/observations/observations.routes.js';
import { qaRoutes } from './modules/qa/qa.routes.js';
import { registrationRoutes } from './modules/registrations/registrations.routes.js';
import { retrospectiveRoutes } from './modules/retrospectives/retrospectives.routes.js';
import { runOfShowRoutes } from './modules/run-of-show/run-of-show.routes.js';
import { sitesModuleRoutes } from './modules/sites/index.js';
import { surveyRoutes } from './modules/surveys/surveys.routes.js';
import { templateRoutes } from './modules/templates/templates.routes.js';
import { authRoutes } from './modules/users/auth.routes.js';
import { actorForSession } from './modules/users/auth.service.js';
import { userRoutes } from './modules/users/users.routes.js';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: Ctx;
  }
  interface FastifyInstance {
    /** Realtime fan-out of this process (SSE routes subscribe here; services call `publish`). */
    realtime: RealtimeHub;
    guanmoConfig: Config;
  }
}

export type AppDeps = {
  config: Config;
  database: Database;
  clock?: Clock;
  logger?: boolean;
  /** Called for every route as it is registered (the fuzz test enumerates routes with it). */
  onRoute?: (route: RouteOptions) => void;
};

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export async function buildApp(deps: AppDeps): Promise<App> {
  const { config, database } = deps;
  const clock = deps.clock ?? systemClock;
  const app = Fastify({
    logger: deps.logger === false ? false : { level: config.logLevel },
    trustProxy: config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
    genReqId: () => newToken().slice(0, 12),
    ajv: { customOptions: { allErrors: false } },
  }).withTypeProvider<import('fastify-type-provider-zod').ZodTypeProvider>() as unknown as App;
  if (deps.onRoute) app.addHook('onRoute', deps.onRoute);

  const realtime = await createRealtimeHub(database);
  app.decorate('realtime', realtime);
  app.decorate('guanmoConfig', config);
  app.addHook('preClose', async () => realtime.endStreams());
  app.addHook('onClose', () => realtime.close());

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
    hsts: config.secureCookies,
  });

  app.decorateRequest('ctx', null as unknown as Ctx);
  app.addHook('onRequest', async (request, reply) => {
    const lang = pickLang(request.cookies[LANG_COOKIE], request.headers['accept-language']);
    request.ctx = { db: database.db, actor: null, clock, lang, config, requestId: request.id };
    if (!request.url.startsWith('/api/')) return;

    // CSRF: double-submit cookie. The SPA copies the cookie into a header on unsafe requests.
    let csrf = request.cookies[CSRF_COOKIE];
    if (!csrf) {
      csrf = newToken();
      reply.setCookie(CSRF_COOKIE, csrf, { path: '/', sameSite: 'lax', secure: config.secureCookies });
    }
    if (UNSAFE.has(request.method) && request.headers[CSRF_HEADER] !== csrf) {
      throw new AppError('csrf.invalid', 403);
    }
    request.ctx.actor = await actorForSession(request.ctx, request.cookies[SESSION_COOKIE]);
  });
  app.addHook('preValidation', refuseNulCharacters);
  app.addHook('onSend', async (request, reply) => {
    // API answers are not cached, unless a route says otherwise (e.g. image files).
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) {
      reply.header('cache-control', 'no-store');
    }
  });

  await app.register(swagger, {
    openapi: {
      info: { title: 'Guanmo API', version: '1' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          csrf: { type: 'apiKey', in: 'header', name: CSRF_HEADER },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    try {
      await database.ping();
      return { status: 'ok', database: database.kind };
    } catch {
      return reply.status(503).send({ status: 'unavailable', database: database.kind });
    }
  });

  await app.register(
    async (api) => {
      const v1 = api as unknown as App;
      await associationRoutes(v1);
      await authRoutes(v1);
      await userRoutes(v1);
      await memberUnitRoutes(v1);
      await auditRoutes(v1);
      await documentRoutes(v1);
      await templateRoutes(v1);
      await eventPlanningRoutes(v1);
      await notificationRoutes(v1);
      await fileRoutes(v1);
      await sitesModuleRoutes(v1);
      await registrationRoutes(v1);
      await checkinRoutes(v1);
      await groupRoutes(v1);
      await observationRoutes(v1);
      await runOfShowRoutes(v1);
      await qaRoutes(v1);
      await retrospectiveRoutes(v1);
      await surveyRoutes(v1);
      await printRoutes(v1);
    },
    { prefix: '/api/v1' },
  );

  await publicPageRoutes(app);
  await serveWeb(app, config);
  return app;
}

/** Serves the built single-page app; unknown non-API paths get index.html. */
async function serveWeb(app: App, config: Config) {
  const hasWeb = existsSync(path.join(config.webDist, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: config.webDist,
      wildcard: false,
      index: false,
      // Built with .br/.gz beside each asset (scripts/precompress.ts); hashed names never change.
      preCompressed: true,
      setHeaders: (res, file) => {
        if (file.includes(`${path.sep}assets${path.sep}`))
          res.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }
  // The attendee pages (registration, personal pass) are a separate light bundle: attendee.html.
  if (existsSync(path.join(config.webDist, 'attendee.html'))) {
    const attendee = (_request: unknown, reply: FastifyReply) =>
      reply.header('cache-control', 'no-cache').sendFile('attendee.html', { cacheControl: false });
    for (const url of [
      '/e/:slug/register',
      '/e/:slug/survey',
      '/e/:slug/qa',
      '/e/:slug/qa/screen',
      '/p/:token',
      '/p/:token/*',
    ])
      app.get(url, { schema: { hide: true } }, attendee);
  }
  app.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === 'GET' && !request.url.startsWith('/api/');
    if (hasWeb && wantsPage) {
      const asset = request.url.split('?')[0];
      const cacheable = asset.startsWith('/assets/');
      if (cacheable) return handleError(new AppError('route.not_found', 404), request, reply);
      return reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
    }
    return handleError(new AppError('route.not_found', 404), request, reply);
  });
}

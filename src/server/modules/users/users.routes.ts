import { z } from 'zod';
import { idParamsSchema, pageOf } from '../../../contract/common.js';
import {
  acceptInviteSchema,
  createdInviteSchema,
  createInviteSchema,
  invitePreviewSchema,
  inviteSchema,
  meSchema,
  tokenParamsSchema,
  userQuerySchema,
  userSchema,
} from '../../../contract/users.js';
import { type App, setSessionCookie, tags } from '../../core/http.js';
import { getMe } from './auth.service.js';
import {
  acceptInvite,
  createInvite,
  listInvites,
  listUsers,
  previewInvite,
  revokeInvite,
  setUserDisabled,
} from './users.service.js';

const ok = z.object({ ok: z.literal(true) });

export async function userRoutes(app: App) {
  app.get(
    '/users',
    { schema: { ...tags('users'), querystring: userQuerySchema, response: { 200: pageOf(userSchema) } } },
    async (request) => listUsers(request.ctx, request.query),
  );

  app.post(
    '/users/:id/disable',
    { schema: { ...tags('users'), params: idParamsSchema, response: { 200: ok } } },
    async (request) => {
      await setUserDisabled(request.ctx, request.params.id, true);
      return { ok: true as const };
    },
  );

  app.post(
    '/users/:id/enable',
    { schema: { ...tags('users'), params: idParamsSchema, response: { 200: ok } } },
    async (request) => {
      await setUserDisabled(request.ctx, request.params.id, false);
      return { ok: true as const };
    },
  );

  app.get(
    '/invites',
    { schema: { ...tags('users'), response: { 200: z.array(inviteSchema) } } },
    async (request) => listInvites(request.ctx),
  );

  app.post(
    '/invites',
    { schema: { ...tags('users'), body: createInviteSchema, response: { 201: createdInviteSchema } } },
    async (request, reply) => {
      reply.status(201);
      return createInvite(request.ctx, request.body);
    },
  );

  app.delete(
    '/invites/:id',
    { schema: { ...tags('users'), params: idParamsSchema, response: { 200: ok } } },
    async (request) => {
      await revokeInvite(request.ctx, request.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/invites/by-token/:token',
    { schema: { ...tags('users'), params: tokenParamsSchema, response: { 200: invitePreviewSchema } } },
    async (request) => previewInvite(request.ctx, request.params.token),
  );

  app.post(
    '/invites/by-token/:token/accept',
    {
      schema: {
        ...tags('users'),
        params: tokenParamsSchema,
        body: acceptInviteSchema,
        response: { 201: meSchema },
      },
    },
    async (request, reply) => {
      const { sessionToken, userId } = await acceptInvite(request.ctx, request.params.token, request.body);
      setSessionCookie(reply, request.ctx.config, sessionToken);
      reply.status(201);
      return getMe({
        ...request.ctx,
        actor: { userId, name: '', role: 'member', memberUnitId: null, siteId: null },
      });
    },
  );
}

import { z } from 'zod';
import { idParamsSchema } from '../../../contract/common.js';
import {
  autoGroupSchema,
  createGroupSchema,
  groupsOverviewSchema,
  moveMembersSchema,
  updateGroupSchema,
} from '../../../contract/groups.js';
import { type App, tags } from '../../core/http.js';
import {
  autoGroup,
  createGroup,
  deleteGroup,
  groupsOverview,
  moveMembers,
  updateGroup,
} from './groups.service.js';

const eventParams = z.object({ id: z.uuid() });

export async function groupRoutes(app: App) {
  const t = { ...tags('groups'), response: { 200: groupsOverviewSchema } };
  app.get('/events/:id/groups', { schema: { ...t, params: eventParams } }, async (request) =>
    groupsOverview(request.ctx, request.params.id),
  );
  app.post(
    '/events/:id/groups/auto',
    { schema: { ...t, params: eventParams, body: autoGroupSchema } },
    async (request) => autoGroup(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/events/:id/groups',
    { schema: { ...t, params: eventParams, body: createGroupSchema } },
    async (request) => createGroup(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/events/:id/groups/move',
    { schema: { ...t, params: eventParams, body: moveMembersSchema } },
    async (request) =>
      moveMembers(request.ctx, request.params.id, request.body.registrationIds, request.body.groupId),
  );
  app.patch(
    '/groups/:id',
    { schema: { ...t, params: idParamsSchema, body: updateGroupSchema } },
    async (request) => updateGroup(request.ctx, request.params.id, request.body),
  );
  app.delete('/groups/:id', { schema: { ...t, params: idParamsSchema } }, async (request) =>
    deleteGroup(request.ctx, request.params.id),
  );
}

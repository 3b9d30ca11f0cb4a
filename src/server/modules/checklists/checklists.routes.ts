import { z } from 'zod';
import {
  assigneeOptionSchema,
  checklistSchema,
  checklistTaskInputSchema,
  checklistTaskParamsSchema,
  checklistTaskPatchSchema,
} from '../../../contract/checklists.js';
import { eventIdParamsSchema } from '../../../contract/events.js';
import { type App, tags } from '../../core/http.js';
import { addTask, deleteTask, getChecklist, listAssignees, updateTask } from './checklists.service.js';

export async function checklistRoutes(app: App) {
  const t = tags('checklist');
  const ok = { 200: checklistSchema };

  app.get(
    '/checklists/assignees',
    { schema: { ...t, response: { 200: z.array(assigneeOptionSchema) } } },
    async (request) => listAssignees(request.ctx),
  );

  app.get(
    '/events/:id/checklist',
    { schema: { ...t, params: eventIdParamsSchema, response: ok } },
    async (request) => getChecklist(request.ctx, request.params.id),
  );

  app.post(
    '/events/:id/checklist',
    {
      schema: {
        ...t,
        params: eventIdParamsSchema,
        body: checklistTaskInputSchema,
        response: { 201: checklistSchema },
      },
    },
    async (request, reply) => {
      reply.status(201);
      return addTask(request.ctx, request.params.id, request.body);
    },
  );

  app.patch(
    '/events/:id/checklist/:taskId',
    { schema: { ...t, params: checklistTaskParamsSchema, body: checklistTaskPatchSchema, response: ok } },
    async (request) => updateTask(request.ctx, request.params.id, request.params.taskId, request.body),
  );

  app.delete(
    '/events/:id/checklist/:taskId',
    { schema: { ...t, params: checklistTaskParamsSchema, response: ok } },
    async (request) => deleteTask(request.ctx, request.params.id, request.params.taskId),
  );
}

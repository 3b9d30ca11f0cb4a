import { z } from 'zod';
import { idParamsSchema, pageOf } from '../../../contract/common.js';
import {
  messageTemplateInputSchema,
  messageTemplateSchema,
  notificationSettingsInputSchema,
  notificationSettingsSchema,
  notificationStatusSchema,
  outboxDetailSchema,
  outboxMessageSchema,
  outboxQuerySchema,
  templateParamsSchema,
  templatePreviewSchema,
  testMessageInputSchema,
} from '../../../contract/notifications.js';
import { type App, tags } from '../../core/http.js';
import {
  listMessageTemplates,
  previewMessageTemplate,
  resetMessageTemplate,
  saveMessageTemplate,
} from './message-templates.service.js';
import {
  getNotificationSettings,
  sendTestMessage,
  updateNotificationSettings,
} from './notification-settings.service.js';
import { getOutboxMessage, listOutbox, notificationStatus, resendMessage } from './outbox.service.js';

export async function notificationRoutes(app: App) {
  const t = tags('notifications');

  app.get(
    '/outbox',
    { schema: { ...t, querystring: outboxQuerySchema, response: { 200: pageOf(outboxMessageSchema) } } },
    async (request) => listOutbox(request.ctx, request.query),
  );
  app.get(
    '/outbox/status',
    { schema: { ...t, response: { 200: notificationStatusSchema } } },
    async (request) => notificationStatus(request.ctx),
  );
  app.get(
    '/outbox/:id',
    { schema: { ...t, params: idParamsSchema, response: { 200: outboxDetailSchema } } },
    async (request) => getOutboxMessage(request.ctx, request.params.id),
  );
  app.post(
    '/outbox/:id/resend',
    { schema: { ...t, params: idParamsSchema, response: { 200: outboxMessageSchema } } },
    async (request) => resendMessage(request.ctx, request.params.id),
  );

  app.get(
    '/message-templates',
    { schema: { ...t, response: { 200: z.array(messageTemplateSchema) } } },
    async (request) => listMessageTemplates(request.ctx),
  );
  app.put(
    '/message-templates/:type/:locale',
    {
      schema: {
        ...t,
        params: templateParamsSchema,
        body: messageTemplateInputSchema,
        response: { 200: messageTemplateSchema },
      },
    },
    async (request) =>
      saveMessageTemplate(request.ctx, request.params.type, request.params.locale, request.body),
  );
  app.delete(
    '/message-templates/:type/:locale',
    { schema: { ...t, params: templateParamsSchema, response: { 200: messageTemplateSchema } } },
    async (request) => resetMessageTemplate(request.ctx, request.params.type, request.params.locale),
  );
  app.post(
    '/message-templates/:type/:locale/preview',
    {
      schema: {
        ...t,
        params: templateParamsSchema,
        body: messageTemplateInputSchema,
        response: { 200: templatePreviewSchema },
      },
    },
    async (request) =>
      previewMessageTemplate(request.ctx, request.params.type, request.params.locale, request.body),
  );

  app.get(
    '/notification-settings',
    { schema: { ...t, response: { 200: notificationSettingsSchema } } },
    async (request) => getNotificationSettings(request.ctx),
  );
  app.put(
    '/notification-settings',
    {
      schema: { ...t, body: notificationSettingsInputSchema, response: { 200: notificationSettingsSchema } },
    },
    async (request) => updateNotificationSettings(request.ctx, request.body),
  );
  app.post(
    '/notification-settings/test',
    { schema: { ...t, body: testMessageInputSchema, response: { 200: outboxMessageSchema } } },
    async (request) => sendTestMessage(request.ctx, request.body),
  );
}

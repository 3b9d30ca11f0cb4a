import type { Lang, Page } from '../../../contract/common.js';
import type {
  MessageTemplate,
  MessageTemplateInput,
  MessageType,
  NotificationSettings,
  NotificationSettingsInput,
  NotificationStatus,
  OutboxDetail,
  OutboxMessage,
  OutboxQuery,
  TemplatePreview,
  TestMessageInput,
} from '../../../contract/notifications.js';
import { api } from '../../app/api.js';

export type OutboxFilters = Partial<Pick<OutboxQuery, 'status' | 'channel' | 'type'>>;

export const listOutbox = (query: OutboxFilters & { page: number; pageSize: number }) =>
  api.get<Page<OutboxMessage>>('/outbox', query);
export const getOutboxMessage = (id: string) => api.get<OutboxDetail>(`/outbox/${id}`);
export const getNotificationStatus = () => api.get<NotificationStatus>('/outbox/status');
export const resendMessage = (id: string) => api.post<OutboxMessage>(`/outbox/${id}/resend`);

export const listTemplates = () => api.get<MessageTemplate[]>('/message-templates');
const templatePath = (type: MessageType, locale: Lang) => `/message-templates/${type}/${locale}`;
export const saveTemplate = (type: MessageType, locale: Lang, input: MessageTemplateInput) =>
  api.put<MessageTemplate>(templatePath(type, locale), input);
export const resetTemplate = (type: MessageType, locale: Lang) =>
  api.delete<MessageTemplate>(templatePath(type, locale));
export const previewTemplate = (type: MessageType, locale: Lang, input: MessageTemplateInput) =>
  api.post<TemplatePreview>(`${templatePath(type, locale)}/preview`, input);

export const getSettings = () => api.get<NotificationSettings>('/notification-settings');
export const saveSettings = (input: NotificationSettingsInput) =>
  api.put<NotificationSettings>('/notification-settings', input);
export const sendTestMessage = (input: TestMessageInput) =>
  api.post<OutboxMessage>('/notification-settings/test', input);

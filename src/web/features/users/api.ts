import type { z } from 'zod';
import type { Page } from '../../../contract/common.js';
import type {
  acceptInviteSchema,
  createdInviteSchema,
  createInviteSchema,
  invitePreviewSchema,
  inviteSchema,
  Me,
  User,
  userQuerySchema,
} from '../../../contract/users.js';
import { api } from '../../app/api.js';

export type Invite = z.infer<typeof inviteSchema>;
export type CreatedInvite = z.infer<typeof createdInviteSchema>;
export type CreateInviteInput = z.input<typeof createInviteSchema>;
export type InvitePreview = z.infer<typeof invitePreviewSchema>;
export type AcceptInviteInput = z.infer<typeof acceptInviteSchema>;
export type UserQuery = Partial<z.infer<typeof userQuerySchema>>;

export const login = (input: { login: string; password: string }) => api.post<Me>('/auth/login', input);
export const updateMe = (input: { name?: string; lang?: 'zh-CN' | 'en-US' }) =>
  api.patch<Me>('/auth/me', input);
export const changePassword = (input: { currentPassword: string; newPassword: string }) =>
  api.post<{ ok: true }>('/auth/password', input);

export const listUsers = (query: UserQuery) => api.get<Page<User>>('/users', query);
export const setUserDisabled = (id: string, disabled: boolean) =>
  api.post<{ ok: true }>(`/users/${id}/${disabled ? 'disable' : 'enable'}`);

export const listInvites = () => api.get<Invite[]>('/invites');
export const createInvite = (input: CreateInviteInput) => api.post<CreatedInvite>('/invites', input);
export const revokeInvite = (id: string) => api.delete<{ ok: true }>(`/invites/${id}`);
export const previewInvite = (token: string) =>
  api.get<InvitePreview>(`/invites/by-token/${encodeURIComponent(token)}`);
export const acceptInvite = (token: string, input: AcceptInviteInput) =>
  api.post<Me>(`/invites/by-token/${encodeURIComponent(token)}/accept`, input);

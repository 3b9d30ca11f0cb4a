import type { Page } from '../../../contract/common.js';
import type {
  Field,
  FieldInput,
  PassUpdate,
  RegisterInput,
  RegisterResult,
  Registration,
  RegistrationForm,
  RegistrationQuery,
  RegistrationSettings,
} from '../../../contract/registrations.js';
import { api } from '../../app/api.js';

export const registrationsKey = (eventId: string) => ['events', eventId, 'registrations'] as const;

export type RegistrationFilters = Partial<Omit<RegistrationQuery, 'page' | 'pageSize'>>;
export type StaffUpdate = PassUpdate & {
  name?: string;
  mobile?: string;
  memberUnitId?: string | null;
  unitName?: string | null;
};
export type Substitute = { name: string; position: string; mobile: string; email?: string | null };
export type FieldDraft = FieldInput & { id?: string };

export const listRegistrations = (
  eventId: string,
  query: RegistrationFilters & { page: number; pageSize: number },
) => api.get<Page<Registration>>(`/events/${eventId}/registrations`, query);
export const createRegistration = (eventId: string, input: RegisterInput) =>
  api.post<RegisterResult>(`/events/${eventId}/registrations`, input);
export const updateRegistration = (id: string, input: StaffUpdate) =>
  api.patch<Registration>(`/registrations/${id}`, input);
export const approveRegistration = (id: string) => api.post<Registration>(`/registrations/${id}/approve`, {});
export const cancelRegistration = (id: string, reason: string | null) =>
  api.post<Registration>(`/registrations/${id}/cancel`, { reason });
export const moveRegistration = (id: string, eventSiteId: string) =>
  api.post<Registration>(`/registrations/${id}/move`, { eventSiteId });
export const substituteRegistration = (id: string, input: Substitute) =>
  api.post<Registration>(`/registrations/${id}/substitute`, input);

export const getSettings = (eventId: string) =>
  api.get<RegistrationSettings>(`/events/${eventId}/registration-settings`);
export const saveSettings = (eventId: string, input: RegistrationSettings) =>
  api.put<RegistrationSettings>(`/events/${eventId}/registration-settings`, input);
export const getFields = (eventId: string) => api.get<Field[]>(`/events/${eventId}/registration-fields`);
export const saveFields = (eventId: string, fields: FieldDraft[]) =>
  api.put<Field[]>(`/events/${eventId}/registration-fields`, fields);

/** The public form (sites with seats, focus dimensions); only for events that are not drafts. */
export const getPublicForm = (slug: string) =>
  api.get<RegistrationForm>(`/public/events/${encodeURIComponent(slug)}/registration-form`);
export const searchUnits = (q: string) =>
  api.get<Page<{ id: string; name: string }>>('/member-units', { q, pageSize: 20 });

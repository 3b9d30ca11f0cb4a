import type { Agenda, AgendaItemInput, AgendaTemplate, AgendaVersion } from '../../../contract/agenda.js';
import type { Checklist, ChecklistTaskInput, ChecklistTaskPatch } from '../../../contract/checklists.js';
import type { Page } from '../../../contract/common.js';
import type {
  CloneInput,
  Event,
  EventDashboard,
  EventInput,
  EventOptions,
  EventQuery,
  EventStatus,
} from '../../../contract/events.js';
import type { MaterialInput, Materials } from '../../../contract/materials.js';
import type { EventRoute, RoutePointOption, RouteStopInput } from '../../../contract/route-stops.js';
import { api } from '../../app/api.js';

export const eventsKey = ['events'] as const;
export const eventKey = (id: string) => ['events', id] as const;

export type EventFilters = Partial<Omit<EventQuery, 'page' | 'pageSize'>>;

export const getEventOptions = () => api.get<EventOptions>('/events/options');
export const listEvents = (query: EventFilters & { page: number; pageSize: number }) =>
  api.get<Page<Event>>('/events', query);
export const getEvent = (id: string) => api.get<Event>(`/events/${id}`);
export const createEvent = (input: EventInput) => api.post<Event>('/events', input);
export const updateEvent = (id: string, input: EventInput) => api.put<Event>(`/events/${id}`, input);
export const deleteEvent = (id: string) => api.delete<void>(`/events/${id}`);
export const getDashboard = (id: string) => api.get<EventDashboard>(`/events/${id}/dashboard`);
export const transitionEvent = (id: string, to: EventStatus) =>
  api.post<Event>(`/events/${id}/transition`, { to });
export const cloneEvent = (id: string, input: CloneInput) => api.post<Event>(`/events/${id}/clone`, input);

export const getAgenda = (id: string) => api.get<Agenda>(`/events/${id}/agenda`);
export const applyAgendaTemplate = (id: string, template: AgendaTemplate) =>
  api.post<Agenda>(`/events/${id}/agenda/template`, { template });
export const addAgendaItem = (id: string, input: AgendaItemInput) =>
  api.post<Agenda>(`/events/${id}/agenda/items`, input);
export const updateAgendaItem = (id: string, itemId: string, input: AgendaItemInput) =>
  api.put<Agenda>(`/events/${id}/agenda/items/${itemId}`, input);
export const shiftAgendaItem = (
  id: string,
  itemId: string,
  shift: { start?: string; durationMinutes?: number; shiftFollowing: boolean },
) => api.patch<Agenda>(`/events/${id}/agenda/items/${itemId}`, shift);
export const deleteAgendaItem = (id: string, itemId: string) =>
  api.delete<Agenda>(`/events/${id}/agenda/items/${itemId}`);
export const publishAgenda = (id: string) => api.post<Agenda>(`/events/${id}/agenda/publish`, {});
export const listAgendaVersions = (id: string) => api.get<AgendaVersion[]>(`/events/${id}/agenda/versions`);

export const getRoute = (id: string) => api.get<EventRoute>(`/events/${id}/route`);
export const getRoutePoints = (id: string) => api.get<RoutePointOption[]>(`/events/${id}/route/points`);
export const saveRoute = (id: string, eventSiteId: string, stops: RouteStopInput[]) =>
  api.put<EventRoute>(`/events/${id}/sites/${eventSiteId}/route`, { stops });
export const applyDefaultRoute = (id: string, eventSiteId: string) =>
  api.post<EventRoute>(`/events/${id}/sites/${eventSiteId}/route/default`, {});

export const getChecklist = (id: string) => api.get<Checklist>(`/events/${id}/checklist`);
export const listAssignees = () => api.get<{ id: string; name: string }[]>('/checklists/assignees');
export const addTask = (id: string, input: ChecklistTaskInput) =>
  api.post<Checklist>(`/events/${id}/checklist`, input);
export const updateTask = (id: string, taskId: string, patch: ChecklistTaskPatch) =>
  api.patch<Checklist>(`/events/${id}/checklist/${taskId}`, patch);
export const deleteTask = (id: string, taskId: string) =>
  api.delete<Checklist>(`/events/${id}/checklist/${taskId}`);

export const getMaterials = (id: string) => api.get<Materials>(`/events/${id}/materials`);
export const addMaterial = (id: string, input: MaterialInput) =>
  api.post<Materials>(`/events/${id}/materials`, input);
export const updateMaterial = (id: string, materialId: string, input: MaterialInput) =>
  api.put<Materials>(`/events/${id}/materials/${materialId}`, input);
export const setMaterialReady = (id: string, materialId: string, ready: boolean) =>
  api.patch<Materials>(`/events/${id}/materials/${materialId}`, { ready });
export const deleteMaterial = (id: string, materialId: string) =>
  api.delete<Materials>(`/events/${id}/materials/${materialId}`);

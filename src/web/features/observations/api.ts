import type { ObservationSummary, StaffNote, StaffNotesQuery, Wall } from '../../../contract/observations.js';
import { api } from '../../app/api.js';

export const summaryKey = (eventId: string) => ['observations', eventId, 'summary'] as const;
export const notesKey = (eventId: string, query: Partial<StaffNotesQuery>) =>
  ['observations', eventId, 'notes', query] as const;
export const wallKey = (eventId: string) => ['observations', eventId, 'wall'] as const;

export const getSummary = (eventId: string) =>
  api.get<ObservationSummary>(`/events/${eventId}/observations/summary`);
export const getStaffNotes = (eventId: string, query: Partial<StaffNotesQuery>) =>
  api.get<StaffNote[]>(`/events/${eventId}/observations/notes`, query);
export const getWall = (eventId: string) => api.get<Wall>(`/events/${eventId}/observations/wall`);

/** Live hints (observation, note, photo, vote, submit): the pages refetch on each. */
export const observationStreamUrl = (eventId: string) => `/api/v1/events/${eventId}/observations/stream`;
export const OBSERVATION_STREAM_EVENTS = ['observation', 'note', 'photo', 'vote', 'submit'] as const;

import type {
  RetroActionInput,
  RetroActionPatch,
  RetroNotesInput,
  Retrospective,
} from '../../../contract/retrospectives.js';
import { api, download } from '../../app/api.js';

export const retrospectiveKey = (eventId: string) => ['retrospective', eventId] as const;

const base = (eventId: string) => `/events/${eventId}/retrospective`;

export const getRetrospective = (eventId: string) => api.get<Retrospective>(base(eventId));
export const saveNotes = (eventId: string, input: RetroNotesInput) =>
  api.put<Retrospective>(`${base(eventId)}/notes`, input);
export const addAction = (eventId: string, input: RetroActionInput) =>
  api.post<Retrospective>(`${base(eventId)}/actions`, input);
export const updateAction = (eventId: string, actionId: string, patch: RetroActionPatch) =>
  api.patch<Retrospective>(`${base(eventId)}/actions/${actionId}`, patch);
export const deleteAction = (eventId: string, actionId: string) =>
  api.delete<Retrospective>(`${base(eventId)}/actions/${actionId}`);
export const downloadDocx = (eventId: string) =>
  download(`${base(eventId)}.docx`, undefined, 'retrospective.docx');

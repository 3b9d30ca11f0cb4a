import type { Board, MarkInput, PositionInput, RunOfShow } from '../../../contract/run-of-show.js';
import { api } from '../../app/api.js';

export const runOfShowKey = (eventId: string) => ['run-of-show', eventId] as const;
export const boardKey = (eventId: string) => ['run-of-show', eventId, 'board'] as const;

export const getRunOfShow = (eventId: string) => api.get<RunOfShow>(`/events/${eventId}/run-of-show`);
export const markItem = (eventId: string, itemId: string, edge: 'start' | 'end', input: MarkInput = {}) =>
  api.post<RunOfShow>(`/events/${eventId}/run-of-show/items/${itemId}/${edge}`, input);
export const resetItem = (eventId: string, itemId: string) =>
  api.delete<RunOfShow>(`/events/${eventId}/run-of-show/items/${itemId}`);
export const getBoard = (eventId: string) => api.get<Board>(`/events/${eventId}/run-of-show/board`);
export const reportPosition = (eventId: string, groupId: string, input: PositionInput) =>
  api.post<Board['groups'][number]>(`/events/${eventId}/run-of-show/groups/${groupId}/position`, input);

export const runOfShowStreamUrl = (eventId: string) => `/api/v1/events/${eventId}/run-of-show/stream`;
export const RUN_OF_SHOW_STREAM_EVENTS = [
  'item_started',
  'item_ended',
  'item_reset',
  'group_position',
] as const;

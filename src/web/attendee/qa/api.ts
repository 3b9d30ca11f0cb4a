import type { AskInput, PassBoard, PassQuestion, Screen, VoteResult } from '../../../contract/qa.js';
import { api } from '../../app/api.js';

const pass = (token: string) => `/passes/${encodeURIComponent(token)}/qa`;
const screen = (slug: string) => `/public/events/${encodeURIComponent(slug)}/qa`;

export const fetchPassBoard = (token: string) => api.get<PassBoard>(pass(token));
export const askQuestion = (token: string, input: AskInput) =>
  api.post<PassQuestion>(`${pass(token)}/questions`, input);
export const sendVote = (token: string, questionId: string, on: boolean) =>
  on
    ? api.post<VoteResult>(`${pass(token)}/questions/${questionId}/vote`)
    : api.delete<VoteResult>(`${pass(token)}/questions/${questionId}/vote`);
export const passStreamUrl = (token: string) => `/api/v1${pass(token)}/stream`;

export const fetchScreen = (slug: string, key: string | null) =>
  api.get<Screen>(`${screen(slug)}/screen`, { key });
export const screenStreamUrl = (slug: string, key: string | null) =>
  `/api/v1${screen(slug)}/stream${key ? `?key=${encodeURIComponent(key)}` : ''}`;

/** A v4 UUID; crypto.randomUUID exists only on https, and phones may open the pass over plain http. */
export function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

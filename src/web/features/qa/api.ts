import type {
  AnswerInput,
  ImportResult,
  QaImportSource,
  QaModerationAction,
  QaSettings,
  QaSettingsInput,
  StaffBoard,
  StaffQuestion,
} from '../../../contract/qa.js';
import { api } from '../../app/api.js';

const base = (eventId: string) => `/events/${eventId}/qa`;
const question = (eventId: string, questionId: string) => `${base(eventId)}/questions/${questionId}`;

export const boardKey = (eventId: string) => ['qa', eventId, 'board'] as const;

export const getBoard = (eventId: string) => api.get<StaffBoard>(base(eventId));
export const updateSettings = (eventId: string, input: QaSettingsInput) =>
  api.patch<QaSettings>(`${base(eventId)}/settings`, input);
export const rotateScreenKey = (eventId: string) =>
  api.post<QaSettings>(`${base(eventId)}/settings/screen-key`);
export const importQuestions = (eventId: string, sources: QaImportSource[]) =>
  api.post<ImportResult>(`${base(eventId)}/import`, { sources });
export const addQuestion = (eventId: string, text: string) =>
  api.post<StaffQuestion>(`${base(eventId)}/questions`, { text });
export const editQuestion = (eventId: string, questionId: string, text: string) =>
  api.patch<StaffQuestion>(question(eventId, questionId), { text });
export const moderate = (eventId: string, questionId: string, action: QaModerationAction) =>
  api.post<StaffQuestion>(`${question(eventId, questionId)}/${action}`);
export const answer = (eventId: string, questionId: string, input: AnswerInput) =>
  api.post<StaffQuestion>(`${question(eventId, questionId)}/answer`, input);
export const merge = (eventId: string, questionId: string, targetId: string) =>
  api.post<StaffQuestion>(`${question(eventId, questionId)}/merge`, { targetId });

export const staffStreamUrl = (eventId: string) => `/api/v1${base(eventId)}/stream`;

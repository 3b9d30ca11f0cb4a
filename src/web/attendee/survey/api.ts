import type { Answers, PassSurvey } from '../../../contract/surveys.js';
import { api } from '../../app/api.js';

const path = (token: string) => `/passes/${encodeURIComponent(token)}/survey`;

export const fetchPassSurvey = (token: string) => api.get<PassSurvey>(path(token));
export const submitResponse = (token: string, answers: Answers) =>
  api.put<PassSurvey>(path(token), { answers });

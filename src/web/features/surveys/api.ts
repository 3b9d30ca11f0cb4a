import type {
  NonRespondents,
  ResetInput,
  SendInput,
  SendResult,
  StaffResponses,
  SurveyDefinitionInput,
  SurveyDetail,
  SurveyInput,
  SurveyResults,
  SurveySlide,
  ValidationResult,
} from '../../../contract/surveys.js';
import { api, download } from '../../app/api.js';

const base = (eventId: string) => `/events/${eventId}/survey`;

export const surveyKey = (eventId: string) => ['surveys', eventId] as const;
export const resultsKey = (eventId: string) => ['surveys', eventId, 'results'] as const;
export const responsesKey = (eventId: string) => ['surveys', eventId, 'responses'] as const;
export const nonRespondentsKey = (eventId: string) => ['surveys', eventId, 'non-respondents'] as const;
export const slideKey = (slug: string) => ['surveys', 'slide', slug] as const;

export const getSurvey = (eventId: string) => api.get<SurveyDetail>(base(eventId));
export const saveSurvey = (eventId: string, input: SurveyInput) =>
  api.put<SurveyDetail>(base(eventId), input);
export const validateSurvey = (eventId: string, definition: SurveyDefinitionInput) =>
  api.post<ValidationResult>(`${base(eventId)}/validate`, { definition });
export const resetSurvey = (eventId: string, input: ResetInput) =>
  api.post<SurveyDetail>(`${base(eventId)}/reset`, input);
export const openSurvey = (eventId: string) => api.post<SurveyDetail>(`${base(eventId)}/open`);
export const closeSurvey = (eventId: string) => api.post<SurveyDetail>(`${base(eventId)}/close`);
export const sendSurvey = (eventId: string, input: SendInput) =>
  api.post<SendResult>(`${base(eventId)}/send`, input);
export const remindNonRespondents = (eventId: string) => api.post<SendResult>(`${base(eventId)}/remind`);

export const getResults = (eventId: string) => api.get<SurveyResults>(`${base(eventId)}/results`);
export const getResponses = (eventId: string) => api.get<StaffResponses>(`${base(eventId)}/responses`);
export const getNonRespondents = (eventId: string) =>
  api.get<NonRespondents>(`${base(eventId)}/non-respondents`);
export const exportResults = (eventId: string) =>
  download(`${base(eventId)}/export.xlsx`, undefined, 'survey.xlsx');

export const getSlide = (slug: string) =>
  api.get<SurveySlide>(`/public/events/${encodeURIComponent(slug)}/survey`);

/** Live hints (a response came in, the state or the definition changed): the pages refetch. */
export const surveyStreamUrl = (eventId: string) => `/api/v1/events/${eventId}/survey/stream`;
export const SURVEY_STREAM_EVENTS = ['survey'] as const;

import type { PublicEvent } from '../../contract/documents.js';
import type {
  PassUpdate,
  RegisterInput,
  RegisterResult,
  RegistrationForm,
} from '../../contract/registrations.js';
import { api } from '../app/api.js';
import type { Pass } from './types.js';

const slugPath = (slug: string) => `/public/events/${encodeURIComponent(slug)}`;
const passPath = (token: string) => `/passes/${encodeURIComponent(token)}`;

export const getForm = (slug: string) => api.get<RegistrationForm>(`${slugPath(slug)}/registration-form`);
export const getPublicEvent = (slug: string) => api.get<PublicEvent>(slugPath(slug));
export const registerFor = (slug: string, input: RegisterInput) =>
  api.post<RegisterResult>(`${slugPath(slug)}/registrations`, input);
export const resendPass = (slug: string, mobile: string) =>
  api.post<{ ok: true }>(`${slugPath(slug)}/resend-pass`, { mobile });

export const getPass = (token: string) => api.get<Pass>(passPath(token));
export const updatePass = (token: string, input: PassUpdate) => api.patch<Pass>(passPath(token), input);
export const cancelPass = (token: string) => api.post<Pass>(`${passPath(token)}/cancel`);
export const erasePass = (token: string) => api.post<{ ok: true }>(`${passPath(token)}/erase`);
/** Plain links (the browser downloads them): the API answers with content-disposition. */
export const passLinks = (token: string) => ({
  calendar: `/api/v1${passPath(token)}/calendar.ics`,
  export: `/api/v1${passPath(token)}/export`,
  url: `${window.location.origin}/p/${encodeURIComponent(token)}`,
});

/** Passes made on this phone, so the register page can point back to them. */
export const PASSES_KEY = 'guanmo_passes';

import type {
  Note,
  NoteInput,
  Observation,
  ObservationInput,
  Scorecard,
  SharedView,
} from '../../../contract/observations.js';
import { API_BASE, ApiError, api, readCookie } from '../../app/api.js';

const pass = (token: string) => `/passes/${encodeURIComponent(token)}`;

export const fetchScorecard = (token: string) => api.get<Scorecard>(`${pass(token)}/scorecard`);
export const fetchShared = (token: string) => api.get<SharedView>(`${pass(token)}/shared`);
export const sendObservation = (token: string, id: string, body: ObservationInput) =>
  api.put<Observation>(`${pass(token)}/observations/${id}`, body);
export const sendNote = (token: string, id: string, body: NoteInput) =>
  api.put<Note>(`${pass(token)}/notes/${id}`, body);
export const sendNoteDeletion = (token: string, id: string) =>
  api.delete<{ ok: true }>(`${pass(token)}/notes/${id}`);
export const sendVote = (token: string, noteId: string, on: boolean) =>
  on
    ? api.post<{ votes: number; votedByMe: boolean }>(`${pass(token)}/notes/${noteId}/vote`)
    : api.delete<{ votes: number; votedByMe: boolean }>(`${pass(token)}/notes/${noteId}/vote`);
/** Server-Sent Events: the guide's position reports for the pass's group (`group_position`). */
export const passStreamUrl = (token: string) => `${API_BASE}${pass(token)}/stream`;
export const sendSubmit = (token: string) => api.post<{ submittedAt: string }>(`${pass(token)}/submit`);

/**
 * Whether a failed send is worth retrying later: no answer at all (offline, dropped connection),
 * a gateway or server hiccup, a timeout or rate limit. Other refusals (4xx) are for the attendee.
 */
export function isTransient(error: unknown): boolean {
  if (error instanceof ApiError)
    return error.status === 0 || error.status === 408 || error.status === 429 || error.status >= 500;
  return true;
}

async function csrf(): Promise<string> {
  let token = readCookie('guanmo_csrf');
  if (!token) {
    await fetch(`${API_BASE}/auth/csrf`, { credentials: 'same-origin' });
    token = readCookie('guanmo_csrf');
  }
  return token ?? '';
}

export type PhotoUpload = {
  token: string;
  noteId: string;
  photoId: string;
  /** The note as it is on the phone: sent with the photo, so both land in one transaction. */
  note: NoteInput;
  file: Blob;
  original: Blob | null;
  onProgress: (fraction: number) => void;
};

/** Multipart upload with progress (fetch has no upload progress): text fields first, then files. */
export async function uploadPhoto(upload: PhotoUpload): Promise<Note> {
  const form = new FormData();
  form.append('clientId', upload.photoId);
  form.append('note', JSON.stringify(upload.note));
  form.append('file', upload.file, `${upload.photoId}.jpg`);
  if (upload.original) form.append('original', upload.original, `${upload.photoId}-original.jpg`);
  const csrfToken = await csrf();
  return new Promise<Note>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API_BASE}${pass(upload.token)}/notes/${upload.noteId}/photos`);
    xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) upload.onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: a proxy error page
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as Note);
      else reject(new ApiError(xhr.status, (body ?? { detail: `HTTP ${xhr.status}` }) as object));
    };
    xhr.onerror = () => reject(new ApiError(0, { detail: 'network' }));
    xhr.ontimeout = () => reject(new ApiError(0, { detail: 'timeout' }));
    xhr.timeout = 120_000;
    xhr.send(form);
  });
}

import type { Problem } from '../../../contract/common.js';
import { API_BASE, ApiError, api, readCookie } from '../../app/api.js';

/**
 * Uploads a form with XMLHttpRequest so the page can show progress (fetch cannot report upload
 * progress). Sends the CSRF header like the API client; errors come back as ApiError.
 */
export async function uploadWithProgress<T>(
  path: string,
  form: FormData,
  onProgress: (percent: number) => void,
): Promise<T> {
  if (!readCookie('guanmo_csrf')) await api.get('/auth/csrf');
  const csrf = readCookie('guanmo_csrf') ?? '';
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API_BASE}${path}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: handled below
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else reject(new ApiError(xhr.status, (body as Partial<Problem>) ?? { detail: `HTTP ${xhr.status}` }));
    };
    xhr.onerror = () => reject(new Error('network'));
    xhr.send(form);
  });
}

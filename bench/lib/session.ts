import { ADMIN } from './server.js';

/** Signs in as the admin the way the web app does (CSRF cookie + header); returns a Cookie header. */
export async function signInAsAdmin(baseUrl: string): Promise<string> {
  const first = await fetch(`${baseUrl}/api/v1/auth/csrf`);
  await first.arrayBuffer();
  const csrf = cookieValue(first.headers.getSetCookie(), 'guanmo_csrf');
  if (!csrf) throw new Error('no guanmo_csrf cookie on /api/v1/auth/csrf');
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `guanmo_csrf=${csrf}`, 'x-csrf-token': csrf },
    body: JSON.stringify({ login: ADMIN.email, password: ADMIN.password }),
  });
  const body = await login.text();
  if (login.status !== 200) throw new Error(`login answered ${login.status}: ${body}`);
  const session = cookieValue(login.headers.getSetCookie(), 'guanmo_session');
  if (!session) throw new Error('login set no guanmo_session cookie');
  return `guanmo_csrf=${csrf}; guanmo_session=${session}`;
}

function cookieValue(setCookies: string[], name: string) {
  for (const line of setCookies) {
    const [pair] = line.split(';');
    const [key, value] = pair.split('=');
    if (key.trim() === name) return value;
  }
  return null;
}

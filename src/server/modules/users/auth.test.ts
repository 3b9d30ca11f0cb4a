import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, TEST_PASSWORD } from '../../test/factories.js';
import { createTestApp, problem, type TestApp } from '../../test/harness.js';
import { LOCKOUT_MINUTES, MAX_FAILED_LOGINS } from './auth.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('POST /api/v1/auth/login', () => {
  it('refuses a request without the CSRF header', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: 'a', password: 'b' },
    });
    expect(res.statusCode).toBe(403);
    expect(problem(res).code).toBe('csrf.invalid');
  });

  it('answers 400 with field errors for a bad body', async () => {
    const res = await t.anonymous().post('/api/v1/auth/login', { login: '' });
    expect(res.statusCode).toBe(400);
    const body = problem(res);
    expect(body.code).toBe('validation.failed');
    expect(body.errors?.map((e) => e.path)).toEqual(expect.arrayContaining(['body.login', 'body.password']));
  });

  it('signs in by e-mail and by mobile and sets an httpOnly SameSite=Lax cookie', async () => {
    const user = await buildUser(t.database, { role: 'staff', mobile: '13712345670' });
    for (const login of [user.email!, user.email!.toUpperCase(), '13712345670']) {
      const res = await t.anonymous().post('/api/v1/auth/login', { login, password: TEST_PASSWORD });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ id: user.id, role: 'staff' });
      const cookie = String(res.headers['set-cookie']);
      expect(cookie).toMatch(/guanmo_session=[^;]+;.*HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Lax/i);
    }
  });

  it('gives the same answer for an unknown account and a wrong password, in the caller language', async () => {
    const user = await buildUser(t.database);
    const unknown = await t
      .anonymous('en-US')
      .post('/api/v1/auth/login', { login: 'nobody@example.com', password: 'x' });
    const wrong = await t
      .anonymous('en-US')
      .post('/api/v1/auth/login', { login: user.email, password: 'wrong password' });
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(problem(unknown).detail).toBe('Wrong account or password');
    expect(problem(wrong).code).toBe('auth.invalid_credentials');
    const zh = await t
      .anonymous('zh-CN')
      .post('/api/v1/auth/login', { login: 'nobody@example.com', password: 'x' });
    expect(problem(zh).detail).toBe('账号或密码错误');
  });

  it(`locks the account after ${MAX_FAILED_LOGINS} failures, even for the right password`, async () => {
    const user = await buildUser(t.database);
    const client = t.anonymous();
    for (let i = 0; i < MAX_FAILED_LOGINS - 1; i++) {
      expect(
        (await client.post('/api/v1/auth/login', { login: user.email, password: 'nope' })).statusCode,
      ).toBe(401);
    }
    const locking = await client.post('/api/v1/auth/login', { login: user.email, password: 'nope' });
    expect(locking.statusCode).toBe(429);
    expect(problem(locking).code).toBe('auth.locked');
    const right = await client.post('/api/v1/auth/login', { login: user.email, password: TEST_PASSWORD });
    expect(right.statusCode).toBe(429);
    t.clock.advance(LOCKOUT_MINUTES * 60000 + 1000);
    const later = await client.post('/api/v1/auth/login', { login: user.email, password: TEST_PASSWORD });
    expect(later.statusCode).toBe(200);
  });

  it('refuses a disabled account', async () => {
    const user = await buildUser(t.database, { disabledAt: new Date() });
    const res = await t
      .anonymous()
      .post('/api/v1/auth/login', { login: user.email, password: TEST_PASSWORD });
    expect(res.statusCode).toBe(403);
    expect(problem(res).code).toBe('auth.disabled');
  });
});

describe('session', () => {
  it('GET /auth/me is 401 without a session', async () => {
    const res = await t.anonymous().get('/api/v1/auth/me');
    expect(res.statusCode).toBe(401);
    expect(problem(res).code).toBe('auth.required');
  });

  it('logs in, reads me, logs out, and the old cookie no longer works', async () => {
    const user = await buildUser(t.database, { role: 'admin', memberUnitId: null });
    const client = t.anonymous();
    await client.post('/api/v1/auth/login', { login: user.email, password: TEST_PASSWORD });
    const token = client.cookies.guanmo_session;
    expect((await client.get('/api/v1/auth/me')).json()).toMatchObject({ id: user.id, role: 'admin' });
    expect((await client.post('/api/v1/auth/logout')).statusCode).toBe(200);
    const stale = t.anonymous();
    stale.cookies.guanmo_session = token;
    expect((await stale.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('stops a session as soon as the account is disabled', async () => {
    const user = await buildUser(t.database);
    const client = await t.as(user);
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(200);
    const admin = await buildUser(t.database, { role: 'admin' });
    expect((await (await t.as(admin)).post(`/api/v1/users/${user.id}/disable`)).statusCode).toBe(200);
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('remembers the language choice on the account and in a cookie', async () => {
    const user = await buildUser(t.database);
    const client = await t.as(user);
    const res = await client.patch('/api/v1/auth/me', { lang: 'en-US' });
    expect(res.json().lang).toBe('en-US');
    expect(client.cookies.guanmo_lang).toBe('en-US');
    const err = await client.post('/api/v1/auth/password', {
      currentPassword: 'wrong',
      newPassword: 'whatever123',
    });
    expect(problem(err).detail).toBe('The current password is wrong');
  });
});

describe('POST /auth/password', () => {
  it('is 401 anonymous and 400 for a short new password', async () => {
    expect(
      (await t.anonymous().post('/api/v1/auth/password', { currentPassword: 'a', newPassword: 'bbbbbbbbb' }))
        .statusCode,
    ).toBe(401);
    const client = await t.as(await buildUser(t.database));
    const res = await client.post('/api/v1/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'short',
    });
    expect(res.statusCode).toBe(400);
    expect(problem(res).errors?.[0]).toMatchObject({ path: 'body.newPassword', message: '密码至少 8 位' });
  });

  it('changes the password, keeps this session and ends the others', async () => {
    const user = await buildUser(t.database);
    const here = await t.as(user);
    const elsewhere = await t.as(user);
    const res = await here.post('/api/v1/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'a much better one',
    });
    expect(res.statusCode).toBe(200);
    expect((await here.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await elsewhere.get('/api/v1/auth/me')).statusCode).toBe(401);
    const relogin = await t
      .anonymous()
      .post('/api/v1/auth/login', { login: user.email, password: 'a much better one' });
    expect(relogin.statusCode).toBe(200);
  });
});

describe('security headers', () => {
  it('sends CSP, nosniff and frame protections', async () => {
    const res = await t.anonymous().get('/healthz');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, memberUnitInput } from '../test/factories.js';
import { createTestApp, problem, type TestApp } from '../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('errors in the caller language', () => {
  it('answers an AppError in English for accept-language: en-US', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { 'accept-language': 'en-US,en;q=0.9,zh;q=0.5' },
    });
    expect(res.statusCode).toBe(401);
    expect(problem(res)).toMatchObject({ code: 'auth.required', detail: 'Please sign in first' });
  });

  it('answers in Chinese by default and for accept-language: zh-CN', async () => {
    for (const headers of [{}, { 'accept-language': 'zh-CN,zh;q=0.9' }]) {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers });
      expect(problem(res).detail).toBe('请先登录');
    }
  });

  it('lets the language cookie win over accept-language', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { 'accept-language': 'zh-CN', cookie: 'guanmo_lang=en-US' },
    });
    expect(problem(res).detail).toBe('Please sign in first');
  });

  it('translates validation messages, the summary and the field messages, to English', async () => {
    const client = await t.as(await buildUser(t.database, { role: 'staff' }), 'en-US');
    const res = await client.post('/api/v1/member-units', {
      ...memberUnitInput(),
      contacts: [{ name: 'x', mobile: '123', email: 'nope' }],
    });
    const body = problem(res);
    expect(body.code).toBe('validation.failed');
    expect(body.detail).toMatch(/^Some of the input is invalid: /);
    expect(body.errors).toEqual([
      { path: 'body.contacts.0.mobile', message: 'A mobile number has 11 digits starting with 13–19' },
      { path: 'body.contacts.0.email', message: 'Invalid e-mail address' },
    ]);
  });

  it('translates the parameters of an error, such as an entity name', async () => {
    const client = await t.as(await buildUser(t.database, { role: 'staff' }), 'en-US');
    const res = await client.get('/api/v1/member-units/00000000-0000-4000-8000-000000000000');
    expect(res.statusCode).toBe(404);
    expect(problem(res).detail).toBe('Member unit not found');
  });
});

describe('request errors as problem+json', () => {
  it('answers malformed JSON with 400 request.invalid_json', async () => {
    const client = t.anonymous('en-US');
    const res = await client.request('POST', '/api/v1/auth/login', '{"login":', {
      'content-type': 'application/json',
    });
    expect(res.statusCode).toBe(400);
    expect(problem(res)).toMatchObject({
      code: 'request.invalid_json',
      detail: 'The request body is not valid JSON',
    });
  });

  it('answers an unsupported content type with 415', async () => {
    const res = await t.anonymous().request('POST', '/api/v1/auth/login', 'login=a', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(res.statusCode).toBe(415);
    expect(problem(res).code).toBe('request.unsupported_media_type');
  });

  it('answers a body over the limit with 413', async () => {
    const res = await t
      .anonymous()
      .request('POST', '/api/v1/auth/login', JSON.stringify({ login: 'x'.repeat(3 * 1024 * 1024) }), {
        'content-type': 'application/json',
      });
    expect(res.statusCode).toBe(413);
    expect(problem(res).code).toBe('request.too_large');
  });

  it('refuses NUL characters in the body, the query or a path parameter with 400', async () => {
    const client = await t.as(await buildUser(t.database, { role: 'staff' }), 'en-US');
    for (const res of [
      await client.post('/api/v1/member-units', { ...memberUnitInput(), name: 'a\u0000b' }),
      await client.get('/api/v1/member-units?q=%00'),
      await client.get('/api/v1/member-units/%00'),
    ]) {
      expect(res.statusCode).toBe(400);
      expect(problem(res)).toMatchObject({
        code: 'request.invalid_characters',
        detail: 'The request contains invalid characters (NUL)',
      });
    }
  });

  it('answers an unknown API address with 404 route.not_found', async () => {
    const res = await t.anonymous().get('/api/v1/no-such-thing');
    expect(res.statusCode).toBe(404);
    expect(problem(res).code).toBe('route.not_found');
  });

  it('refuses an unsafe request without the CSRF header with 403', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/member-units',
      headers: { cookie: 'guanmo_csrf=abc', 'accept-language': 'en-US' },
      payload: {},
    });
    expect(res.statusCode).toBe(403);
    expect(problem(res).code).toBe('csrf.invalid');
  });

  it('answers a CSRF header that does not match the cookie with 403', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: 'guanmo_csrf=abc', 'x-csrf-token': 'abd' },
    });
    expect(res.statusCode).toBe(403);
  });

  it('carries the request id in every problem', async () => {
    const res = await t.anonymous().get('/api/v1/auth/me');
    expect(res.json().requestId).toMatch(/^[\w-]{12}$/);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, fieldPath, withQuery } from './api.js';

describe('fieldPath', () => {
  it('turns a server field path into a form name path', () => {
    expect(fieldPath('body.contacts.0.mobile')).toEqual(['contacts', 0, 'mobile']);
    expect(fieldPath('body.admin.email')).toEqual(['admin', 'email']);
    expect(fieldPath('querystring.page')).toEqual(['page']);
  });
});

describe('withQuery', () => {
  it('leaves out empty values', () => {
    expect(withQuery('/member-units', { q: '物业', level: undefined, unitType: '', page: 2 })).toBe(
      '/member-units?q=%E7%89%A9%E4%B8%9A&page=2',
    );
    expect(withQuery('/audit', {})).toBe('/audit');
  });
});

describe('request', () => {
  const fetchMock = vi.fn();
  afterEach(() => {
    fetchMock.mockReset();
    vi.unstubAllGlobals();
  });

  function stubBrowser(cookie: string) {
    vi.stubGlobal('document', { cookie });
    vi.stubGlobal('fetch', fetchMock);
  }

  it('sends the CSRF cookie back as the x-csrf-token header on writes', async () => {
    stubBrowser('guanmo_lang=en-US; guanmo_csrf=abc123');
    fetchMock.mockResolvedValue(Response.json({ ok: true }));
    await api.post('/auth/logout');
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/v1/auth/logout');
    expect(init.headers['x-csrf-token']).toBe('abc123');
  });

  it('fetches the CSRF cookie first when it is missing', async () => {
    const browser = { cookie: '' };
    vi.stubGlobal('document', browser);
    vi.stubGlobal('fetch', fetchMock);
    fetchMock.mockImplementationOnce(async () => {
      browser.cookie = 'guanmo_csrf=fresh';
      return Response.json({ ok: true });
    });
    fetchMock.mockResolvedValueOnce(Response.json({ ok: true }));
    await api.post('/auth/logout');
    expect(fetchMock.mock.calls[0][0]).toBe('/api/v1/auth/csrf');
    expect(fetchMock.mock.calls[1][1].headers['x-csrf-token']).toBe('fresh');
  });

  it('turns a problem+json answer into an ApiError with code, detail and field errors', async () => {
    stubBrowser('guanmo_csrf=x');
    const problem = {
      type: 'https://guanmo.dev/problems/validation.failed',
      title: '提交的内容有误',
      status: 400,
      code: 'validation.failed',
      detail: '提交的内容有误: body.uscc 统一社会信用代码无效',
      errors: [{ path: 'body.uscc', message: '统一社会信用代码无效' }],
    };
    fetchMock.mockResolvedValue(
      new Response(JSON.stringify(problem), {
        status: 400,
        headers: { 'content-type': 'application/problem+json' },
      }),
    );
    const error = await api.post('/member-units', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'validation.failed', detail: problem.detail });
    expect((error as ApiError).errors).toEqual(problem.errors);
  });

  it('gives a generic ApiError when the answer is not JSON', async () => {
    stubBrowser('guanmo_csrf=x');
    fetchMock.mockResolvedValue(new Response('<html>Bad gateway</html>', { status: 502 }));
    const error = (await api.get('/auth/me').catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(502);
    expect(error.code).toBe('request.invalid');
    expect(error.errors).toEqual([]);
  });
});

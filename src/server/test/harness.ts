import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import type { Role } from '../../contract/common.js';
import { buildApp } from '../app.js';
import { type Config, loadConfig } from '../config.js';
import { fixedClock } from '../core/clock.js';
import type { Actor, Ctx } from '../core/context.js';
import type { App } from '../core/http.js';
import { type Database, openDatabase } from '../db/client.js';
import { createSession } from '../modules/users/auth.service.js';
import { TEMPLATE_FILE, withDatabase } from './global-setup.js';

export type TestDb = Database & { dispose(): Promise<void> };

/** A fresh, migrated database for one test file: PGlite from the dump, or a PostgreSQL clone. */
export async function openTestDatabase(): Promise<TestDb> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const name = `guanmo_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${inject('templateDb')}`);
    const database = await openDatabase({ databaseUrl: withDatabase(url, name) });
    return {
      ...database,
      dispose: async () => {
        await database.close();
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const database = await openDatabase({ loadDataDir: new Blob([readFileSync(TEMPLATE_FILE)]) });
  return { ...database, dispose: () => database.close() };
}

/** Uploaded files of test runs go to the system temp directory, not the working tree. */
export const TEST_FILES_DIR = path.join(tmpdir(), 'guanmo-test-files');

export function testConfig(overrides: Partial<Config> = {}): Config {
  const env = {
    LOG_LEVEL: 'silent',
    GUANMO_LOGIN_RATE_LIMIT: '1000',
    GUANMO_PUBLIC_RATE_LIMIT: '100000',
    PUBLIC_URL: 'http://guanmo.test',
    GUANMO_FILES_DIR: TEST_FILES_DIR,
  };
  return { ...loadConfig(env), ...overrides };
}

export const TEST_NOW = '2026-11-27T09:00:00+08:00';

export function testCtx(db: Database, actor: Actor | null = null, clock = fixedClock(TEST_NOW)): Ctx {
  return { db: db.db, actor, clock, lang: 'zh-CN', config: testConfig() };
}

export const actorOf = (user: {
  id: string;
  name: string;
  role: Role;
  memberUnitId?: string | null;
  siteId?: string | null;
}): Actor => ({
  userId: user.id,
  name: user.name,
  role: user.role,
  memberUnitId: user.memberUnitId ?? null,
  siteId: user.siteId ?? null,
});

const CSRF = 'test-csrf-token';

/** Talks to the app through app.inject like a browser: keeps cookies, sends the CSRF header. */
export class TestClient {
  cookies: Record<string, string> = { guanmo_csrf: CSRF };
  constructor(
    readonly app: App,
    readonly lang: 'zh-CN' | 'en-US' = 'zh-CN',
  ) {}

  async request(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({
      method,
      url,
      payload:
        body === undefined
          ? undefined
          : typeof body === 'string' || Buffer.isBuffer(body)
            ? body
            : JSON.stringify(body),
      headers: {
        cookie: Object.entries(this.cookies)
          .map(([k, v]) => `${k}=${v}`)
          .join('; '),
        'x-csrf-token': CSRF,
        'accept-language': this.lang,
        ...(body !== undefined && !Buffer.isBuffer(body) && typeof body !== 'string'
          ? { 'content-type': 'application/json' }
          : {}),
        ...headers,
      },
    });
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = c.maxAge === 0 || (c.expires && c.expires.getTime() <= Date.now()) || c.value === '';
      if (expired) delete this.cookies[c.name];
      else this.cookies[c.name] = c.value;
    }
    return res;
  }
  get = (url: string, headers?: Record<string, string>) => this.request('GET', url, undefined, headers);
  post = (url: string, body?: unknown, headers?: Record<string, string>) =>
    this.request('POST', url, body ?? {}, headers);
  put = (url: string, body?: unknown) => this.request('PUT', url, body ?? {});
  patch = (url: string, body?: unknown) => this.request('PATCH', url, body ?? {});
  delete = (url: string) => this.request('DELETE', url);
}

export type TestApp = {
  app: App;
  database: TestDb;
  clock: ReturnType<typeof fixedClock>;
  ctx(actor?: Actor | null): Ctx;
  /** A client without a session. */
  anonymous(lang?: 'zh-CN' | 'en-US'): TestClient;
  /** A client signed in as the user (session created directly, no password round-trip). */
  as(user: { id: string }, lang?: 'zh-CN' | 'en-US'): Promise<TestClient>;
  close(): Promise<void>;
};

/** `extend` may add test-only routes before the app is ready. */
export async function createTestApp(opts: { extend?: (app: App) => void } = {}): Promise<TestApp> {
  const database = await openTestDatabase();
  const clock = fixedClock(TEST_NOW);
  // Sessions are checked against the real time in cookies, so the app clock follows real time
  // unless a test moves it.
  clock.set(new Date());
  const config = testConfig();
  const app = await buildApp({ config, database, clock, logger: false });
  opts.extend?.(app);
  await app.ready();
  const ctx = (actor: Actor | null = null): Ctx => ({ db: database.db, actor, clock, lang: 'zh-CN', config });
  return {
    app,
    database,
    clock,
    ctx,
    anonymous: (lang) => new TestClient(app, lang),
    as: async (user, lang) => {
      const client = new TestClient(app, lang);
      client.cookies.guanmo_session = await createSession(ctx(), user.id);
      return client;
    },
    close: async () => {
      await app.close();
      await database.dispose();
    },
  };
}

/** Asserts the shape every error response must have and returns the parsed problem. */
export function problem(res: LightMyRequestResponse) {
  if (!res.headers['content-type']?.toString().startsWith('application/problem+json')) {
    throw new Error(
      `expected problem+json, got ${res.statusCode} ${res.headers['content-type']}: ${res.body.slice(0, 300)}`,
    );
  }
  return res.json() as {
    status: number;
    code: string;
    detail: string;
    errors?: { path: string; message: string }[];
  };
}

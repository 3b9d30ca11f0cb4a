import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import type { App } from '../../core/http.js';
import { openTestDatabase, type TestDb, testConfig } from '../../test/harness.js';

/** serveWeb answers the attendee addresses with the light attendee.html, everything else with index.html. */
let app: App;
let db: TestDb;
let webDist: string;
beforeAll(async () => {
  webDist = mkdtempSync(path.join(tmpdir(), 'guanmo-web-'));
  mkdirSync(path.join(webDist, 'assets'));
  writeFileSync(path.join(webDist, 'index.html'), '<html>admin app</html>');
  writeFileSync(path.join(webDist, 'attendee.html'), '<html>attendee pages</html>');
  db = await openTestDatabase();
  app = await buildApp({ config: testConfig({ webDist }), database: db, logger: false });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await db.dispose();
  rmSync(webDist, { recursive: true, force: true });
});

const get = (url: string) => app.inject({ method: 'GET', url });

describe('attendee pages', () => {
  it.each([
    '/e/spring-visit/register',
    '/p/abcdefghijklmnopqrstuvwxyz',
    '/p/abcdefghijklmnopqrstuvwxyz/edit',
  ])('serves attendee.html for %s', async (url) => {
    const res = await get(url);
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('<html>attendee pages</html>');
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('serves the admin app for other pages', async () => {
    expect((await get('/events/123')).body).toBe('<html>admin app</html>');
  });

  it('keeps the API answering problem+json under /api/v1/passes', async () => {
    const res = await get('/api/v1/passes/abcdefghijklmnopqrstuvwxyz');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});

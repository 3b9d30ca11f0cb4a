import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebManifest } from '../../../contract/observations.js';
import { createTestApp, problem, type TestApp } from '../../test/harness.js';
import { events } from '../events/events.table.js';
import { buildObservedEvent, buildPass } from './observations.fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const manifestUrl = (token: string) => `/api/v1/passes/${token}/manifest`;

describe('GET /passes/:token/manifest (installable scorecard)', () => {
  it("answers the pass's manifest: its own start_url and scope, the theme, standalone, icons", async () => {
    const { event, eventSiteId } = await buildObservedEvent(t);
    const pass = await buildPass(t.database, event, eventSiteId);
    const res = await t.anonymous().get(manifestUrl(pass.passToken));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/manifest\+json/);
    const manifest = res.json() as WebManifest;
    expect(manifest).toMatchObject({
      id: `/p/${pass.passToken}/observe`,
      start_url: `/p/${pass.passToken}/observe`,
      scope: `/p/${pass.passToken}/`,
      display: 'standalone',
      lang: 'zh-CN',
      theme_color: '#0b3a82',
      background_color: '#f4f6fa',
    });
    expect(manifest.name).toBe(`${event.theme} · 观察记录`);
    expect([...manifest.short_name].length).toBeLessThanOrEqual(12);
    expect(manifest.icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual([
      '192x192 any',
      '512x512 any',
      '512x512 maskable',
    ]);
    // start_url lies inside scope, and scope inside the service worker's /p/.
    expect(manifest.start_url.startsWith(manifest.scope)).toBe(true);
    expect(manifest.scope.startsWith('/p/')).toBe(true);
  });

  it("speaks the caller's language", async () => {
    const { event, eventSiteId } = await buildObservedEvent(t);
    const pass = await buildPass(t.database, event, eventSiteId);
    const manifest = (await t.anonymous('en-US').get(manifestUrl(pass.passToken))).json() as WebManifest;
    expect(manifest.lang).toBe('en-US');
    expect(manifest.name).toBe(`${event.theme} · Observations`);
  });

  it('short_name: the theme, cut to 12 characters with an ellipsis', async () => {
    const { event, eventSiteId } = await buildObservedEvent(t);
    const pass = await buildPass(t.database, event, eventSiteId);
    const shortName = async (theme: string) => {
      await t.database.db.update(events).set({ theme }).where(eq(events.id, event.id));
      return ((await t.anonymous().get(manifestUrl(pass.passToken))).json() as WebManifest).short_name;
    };
    expect(await shortName('绿城观摩')).toBe('绿城观摩');
    expect(await shortName('2026年第四期标杆小区观摩学习活动')).toBe('2026年第四期标杆小…');
  });

  it('404 pass.not_found for an unknown token; 400 for a malformed one', async () => {
    const res = await t.anonymous().get(manifestUrl(randomBytes(24).toString('base64url')));
    expect(res.statusCode).toBe(404);
    expect(problem(res).code).toBe('pass.not_found');
    expect((await t.anonymous().get(manifestUrl('short'))).statusCode).toBe(400);
  });

  it('the icons it names exist in public/ at their size', async () => {
    const { event, eventSiteId } = await buildObservedEvent(t);
    const pass = await buildPass(t.database, event, eventSiteId);
    const manifest = (await t.anonymous().get(manifestUrl(pass.passToken))).json() as WebManifest;
    for (const icon of manifest.icons) {
      const file = path.resolve(import.meta.dirname, '../../../../public', icon.src.slice(1));
      expect(existsSync(file), file).toBe(true);
      const meta = await sharp(file).metadata();
      expect(`${meta.width}x${meta.height}`).toBe(icon.sizes);
      expect(meta.format).toBe('png');
    }
  });
});

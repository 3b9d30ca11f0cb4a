import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../core/context.js';
import { buildUser } from '../../test/factories.js';
import { createTestApp, type TestApp, type TestClient } from '../../test/harness.js';
import { DEMO_ACCOUNTS, loadDemoData } from '../association/demo-data.js';
import { users } from '../users/users.table.js';

let t: TestApp;
let staff: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  await buildUser(t.database, { role: 'admin' });
  await inTransaction(t.ctx(), (tx) => loadDemoData(tx));
  const [demoStaff] = await t.database.db.select().from(users).where(eq(users.email, DEMO_ACCOUNTS.staff));
  staff = await t.as(demoStaff);
}, 120_000);
afterAll(() => t.close());

describe('demo sites', () => {
  it('loads benchmark sites of different types with honours and photos', async () => {
    const list = (await staff.get('/api/v1/sites')).json();
    expect(list.total).toBeGreaterThanOrEqual(4);
    const types = new Set(list.items.map((s: { projectType: string }) => s.projectType));
    for (const type of ['luxury_residential', 'old_community', 'commercial_complex', 'industrial_park']) {
      expect(types).toContain(type);
    }
    const site = list.items.find((s: { name: string }) => s.name === '锦绣华庭');
    expect(site.honours.length).toBeGreaterThan(0);
    const cover = await t.anonymous().get(site.coverThumbUrl);
    expect(cover.statusCode).toBe(200);
    expect((await sharp(cover.rawPayload).metadata()).width).toBe(400);
  });

  it('links the demo host to a site it can read', async () => {
    const [host] = await t.database.db.select().from(users).where(eq(users.email, DEMO_ACCOUNTS.host));
    expect(host.siteId).not.toBeNull();
    const res = await (await t.as(host)).get(`/api/v1/sites/${host.siteId}`);
    expect(res.json().name).toBe('锦绣华庭');
  });

  it('has screening scores from the demo staff, with a spread where the admin scored too', async () => {
    const shortlist = (await staff.get('/api/v1/screening/shortlist')).json();
    const top = shortlist.find((s: { siteName: string }) => s.siteName === '锦绣华庭');
    expect(top).toMatchObject({ scorerCount: 2 });
    expect(top.spread).toBeGreaterThan(0);
    expect(shortlist[0].weightedScore).toBeGreaterThan(3);
  });
});

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMemberUnit } from '../../test/factories.js';
import { createTestApp, problem, type TestApp } from '../../test/harness.js';
import { buildEvent } from '../events/events.factories.js';
import { memberUnits } from '../member-units/member-units.table.js';
import { buildOpenEvent } from './registrations.factories.js';

let t: TestApp;
let slug: string;
beforeAll(async () => {
  t = await createTestApp();
  slug = (await buildOpenEvent(t)).event.slug;
});
afterAll(() => t.close());

const url = (s: string, q?: string) =>
  `/api/v1/public/events/${s}/member-units${q === undefined ? '' : `?q=${encodeURIComponent(q)}`}`;

describe('public member-unit picker', () => {
  it('is 404 for a draft event', async () => {
    const { event } = await buildEvent(t);
    const res = await t.anonymous().get(url(event.slug));
    expect(res.statusCode).toBe(404);
    expect(problem(res).code).toBe('not_found');
  });

  it('answers 400 for a query longer than 50 characters', async () => {
    const res = await t.anonymous().get(url(slug, '物'.repeat(51)));
    expect(res.statusCode).toBe(400);
    expect(problem(res).errors!.map((e) => e.path)).toEqual(['querystring.q']);
  });

  it('finds units by part of the name and shows only id and name', async () => {
    const unit = await buildMemberUnit(t.database, { name: '深圳市朗晴物业服务有限公司' });
    const res = await t.anonymous().get(url(slug, '朗晴'));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([{ id: unit.id, name: '深圳市朗晴物业服务有限公司' }]);
  });

  it('leaves archived units out', async () => {
    const unit = await buildMemberUnit(t.database, { name: '已归档的旧物业公司' });
    await t.database.db
      .update(memberUnits)
      .set({ archivedAt: new Date() })
      .where(eq(memberUnits.id, unit.id));
    expect((await t.anonymous().get(url(slug, '已归档的旧物业'))).json()).toEqual([]);
  });

  it('matches % and _ literally', async () => {
    await buildMemberUnit(t.database, { name: '百分之百物业' });
    expect((await t.anonymous().get(url(slug, '%'))).json()).toEqual([]);
    expect((await t.anonymous().get(url(slug, '_'))).json()).toEqual([]);
  });

  it('answers at most 20 units', async () => {
    for (let i = 0; i < 22; i++)
      await buildMemberUnit(t.database, { name: `批量会员单位${String(i).padStart(2, '0')}` });
    const res = await t.anonymous().get(url(slug, '批量会员单位'));
    expect(res.json()).toHaveLength(20);
    expect(res.json()[0].name).toBe('批量会员单位00');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCREENING_CRITERIA } from '../../../contract/sites.js';
import { buildUser } from '../../test/factories.js';
import { createTestApp, problem, type TestApp, type TestClient } from '../../test/harness.js';
import { screenSite, weightedAverage } from './screening.math.js';
import { buildSite } from './sites.fixtures.js';

describe('screening formula', () => {
  const criteria = [
    { id: 'reputation', weight: 30 },
    { id: 'features', weight: 20 },
    { id: 'willingness', weight: 50 },
  ];

  it('weights the mean score of each criterion and ignores criteria without scores', () => {
    // reputation: mean 4, features: no score, willingness: mean 2 → (30×4 + 50×2) / 80 = 2.75
    const result = screenSite(criteria, [
      { criterionId: 'reputation', scorerId: 'a', score: 5 },
      { criterionId: 'reputation', scorerId: 'b', score: 3 },
      { criterionId: 'willingness', scorerId: 'a', score: 1 },
      { criterionId: 'willingness', scorerId: 'b', score: 3 },
    ]);
    expect(result.weightedScore).toBeCloseTo(2.75, 10);
    expect(result.scorerCount).toBe(2);
  });

  it('measures the spread as the gap between scorer totals, plus a standard deviation per criterion', () => {
    // a: (30×5 + 50×1)/80 = 2.5; b: (30×3 + 50×3)/80 = 3 → spread 0.5
    const result = screenSite(criteria, [
      { criterionId: 'reputation', scorerId: 'a', score: 5 },
      { criterionId: 'reputation', scorerId: 'b', score: 3 },
      { criterionId: 'willingness', scorerId: 'a', score: 1 },
      { criterionId: 'willingness', scorerId: 'b', score: 3 },
    ]);
    expect(result.scorerTotals.map((s) => [s.scorerId, s.total])).toEqual([
      ['a', 2.5],
      ['b', 3],
    ]);
    expect(result.spread).toBeCloseTo(0.5, 10);
    const reputation = result.criteria.find((c) => c.criterionId === 'reputation')!;
    expect(reputation).toMatchObject({ mean: 4, stddev: 1, count: 2 }); // population sd of 5 and 3
    expect(result.criteria.find((c) => c.criterionId === 'features')).toMatchObject({ mean: null, count: 0 });
  });

  it('has no score, and no spread, for a site nobody scored', () => {
    expect(screenSite(criteria, [])).toMatchObject({ weightedScore: null, spread: null, scorerCount: 0 });
  });

  it('has no weighted average when every scored criterion weighs 0', () => {
    expect(weightedAverage([{ id: 'x', weight: 0 }], () => 5)).toBeNull();
  });
});

let t: TestApp;
let staff: TestClient;
let admin: TestClient;
let member: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  staff = await t.as(await buildUser(t.database, { role: 'staff', name: '评分人甲' }));
  admin = await t.as(await buildUser(t.database, { role: 'admin', name: '评分人乙' }));
  member = await t.as(await buildUser(t.database, { role: 'member' }));
});
afterAll(() => t.close());

type Criterion = { id: string; name: string; weight: number };
const criteria = async (): Promise<Criterion[]> => (await staff.get('/api/v1/screening/criteria')).json();

describe('screening criteria', () => {
  it('refuses anonymous callers with 401 and members with 403', async () => {
    expect((await t.anonymous().get('/api/v1/screening/criteria')).statusCode).toBe(401);
    expect((await member.get('/api/v1/screening/criteria')).statusCode).toBe(403);
    expect((await member.post('/api/v1/screening/criteria', { name: 'x', weight: 1 })).statusCode).toBe(403);
  });

  it('answers 400 to a weight out of range', async () => {
    const res = await staff.post('/api/v1/screening/criteria', { name: '规模', weight: 101 });
    expect(res.statusCode).toBe(400);
    expect(problem(res).errors?.[0].path).toBe('body.weight');
  });

  it('starts with the seed four criteria and their descriptions', async () => {
    const list = await criteria();
    expect(list.slice(0, 4).map((c) => c.name)).toEqual(DEFAULT_SCREENING_CRITERIA.map((c) => c.name));
    expect(list[0]).toMatchObject({ description: '获得过省市级“优秀物业管理小区”等荣誉。', weight: 25 });
  });

  it('creates, updates, reorders and deletes a criterion', async () => {
    const created = (await staff.post('/api/v1/screening/criteria', { name: '项目规模', weight: 10 })).json();
    const updated = await admin.put(`/api/v1/screening/criteria/${created.id}`, {
      name: '项目规模',
      weight: 15,
      description: '户数与面积',
    });
    expect(updated.json()).toMatchObject({ weight: 15, description: '户数与面积' });
    const ids = (await criteria()).map((c) => c.id);
    const reversed = await staff.put('/api/v1/screening/criteria/order', {
      criterionIds: [...ids].reverse(),
    });
    expect(reversed.json()[0].id).toBe(created.id);
    await staff.put('/api/v1/screening/criteria/order', { criterionIds: ids });
    expect((await staff.delete(`/api/v1/screening/criteria/${created.id}`)).statusCode).toBe(204);
    expect((await criteria()).map((c) => c.id)).not.toContain(created.id);
  });
});

describe('PUT /api/v1/sites/:id/scores and the shortlist', () => {
  it('refuses members with 403 and a score of 6 with 400', async () => {
    const site = await buildSite(t.database);
    const [c] = await criteria();
    const body = { scores: [{ criterionId: c.id, score: 4 }] };
    expect((await member.put(`/api/v1/sites/${site.id}/scores`, body)).statusCode).toBe(403);
    const bad = await staff.put(`/api/v1/sites/${site.id}/scores`, {
      scores: [{ criterionId: c.id, score: 6 }],
    });
    expect(bad.statusCode).toBe(400);
    expect(problem(bad).errors?.[0].path).toBe('body.scores.0.score');
  });

  it('answers 400 for an unknown criterion and 404 for an unknown site', async () => {
    const site = await buildSite(t.database);
    const unknown = await staff.put(`/api/v1/sites/${site.id}/scores`, {
      scores: [{ criterionId: '00000000-0000-4000-8000-000000000000', score: 3 }],
    });
    expect(problem(unknown).code).toBe('screening.unknown_criterion');
    const [c] = await criteria();
    const noSite = await staff.put('/api/v1/sites/00000000-0000-4000-8000-000000000000/scores', {
      scores: [{ criterionId: c.id, score: 3 }],
    });
    expect(noSite.statusCode).toBe(404);
  });

  it('keeps one score per site, criterion and scorer: a second save replaces the first', async () => {
    const site = await buildSite(t.database);
    const [c] = await criteria();
    await staff.put(`/api/v1/sites/${site.id}/scores`, { scores: [{ criterionId: c.id, score: 2 }] });
    const res = await staff.put(`/api/v1/sites/${site.id}/scores`, {
      scores: [{ criterionId: c.id, score: 5, evidence: '2024 年省级优秀物业管理小区' }],
    });
    expect(res.json()).toEqual([
      expect.objectContaining({ score: 5, evidence: '2024 年省级优秀物业管理小区' }),
    ]);
    const removed = await staff.put(`/api/v1/sites/${site.id}/scores`, {
      scores: [{ criterionId: c.id, score: null }],
    });
    expect(removed.json()).toEqual([]);
  });

  it('ranks sites by weighted average with the number of scorers and the spread', async () => {
    const [reputation, features, representative, willing] = await criteria(); // 25 each
    const strong = await buildSite(t.database, { name: '排名甲' });
    const weak = await buildSite(t.database, { name: '排名乙' });
    await staff.put(`/api/v1/sites/${strong.id}/scores`, {
      scores: [
        { criterionId: reputation.id, score: 5 },
        { criterionId: features.id, score: 4 },
      ],
    });
    await admin.put(`/api/v1/sites/${strong.id}/scores`, {
      scores: [
        { criterionId: reputation.id, score: 3 },
        { criterionId: representative.id, score: 5 },
        { criterionId: willing.id, score: 5 },
      ],
    });
    await staff.put(`/api/v1/sites/${weak.id}/scores`, { scores: [{ criterionId: willing.id, score: 2 }] });

    const shortlist = (await staff.get('/api/v1/screening/shortlist')).json();
    const row = (id: string) => shortlist.find((s: { siteId: string }) => s.siteId === id);
    // means: reputation 4, features 4, representative 5, willing 5 → (25×(4+4+5+5))/100 = 4.5
    // staff: (5+4)/2 = 4.5; admin: (3+5+5)/3 = 4.333… → spread 0.17
    expect(row(strong.id)).toMatchObject({ weightedScore: 4.5, scorerCount: 2, spread: 0.17 });
    expect(
      row(strong.id)
        .scorerTotals.map((s: { scorerName: string }) => s.scorerName)
        .sort(),
    ).toEqual(['评分人乙', '评分人甲']);
    expect(row(weak.id)).toMatchObject({ weightedScore: 2, scorerCount: 1, spread: 0 });
    expect(row(strong.id).rank).toBeLessThan(row(weak.id).rank);
    expect(shortlist.at(-1).weightedScore).toBeNull(); // unscored sites come last
  });

  it('returns only the caller’s own scores in my-scores', async () => {
    const site = await buildSite(t.database);
    const [c] = await criteria();
    await admin.put(`/api/v1/sites/${site.id}/scores`, { scores: [{ criterionId: c.id, score: 1 }] });
    const mine = (await staff.get('/api/v1/screening/my-scores')).json();
    expect(mine.some((s: { siteId: string }) => s.siteId === site.id)).toBe(false);
  });
});

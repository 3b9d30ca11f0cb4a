import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProjectType } from '../../../contract/enums.js';
import { buildMemberUnit, buildUser } from '../../test/factories.js';
import { createTestApp, problem, type TestApp, type TestClient } from '../../test/harness.js';
import { memberUnits } from '../member-units/member-units.table.js';
import { bestSet, type CoverageUnit, coveredUnits } from './coverage.math.js';
import { buildSite } from './sites.fixtures.js';

/**
 * Nine units where the greedy choice is wrong: P alone covers most (5), but the best pair is
 * Q + R (8 of 9), while P + Q or P + R reach only 7.
 *   u1,u2: P,Q   u3,u4: P,R   u5,u6: Q   u7,u8: R   u9: P
 */
const P: ProjectType = 'industrial_park';
const Q: ProjectType = 'school_hospital';
const R: ProjectType = 'public_building';
const UNIT_TYPES: ProjectType[][] = [[P, Q], [P, Q], [P, R], [P, R], [Q], [Q], [R], [R], [P]];

describe('coverage math', () => {
  const units: CoverageUnit[] = UNIT_TYPES.map((projectTypes, i) => ({
    id: `u${i + 1}`,
    name: `u${i + 1}`,
    projectTypes,
  }));
  const site = (id: string, projectType: ProjectType, screeningScore = 0) => ({
    id,
    name: id,
    projectType,
    screeningScore,
  });

  it('counts a unit as covered when one of its types is a chosen type', () => {
    expect(coveredUnits(units, [Q]).map((u) => u.id)).toEqual(['u1', 'u2', 'u5', 'u6']);
  });

  it('finds the exact best pair where the greedy pick would be wrong', () => {
    const candidates = [site('p', P), site('q', Q), site('r', R)];
    expect(bestSet(units, candidates, 1)).toMatchObject({ covered: 5, sites: [{ id: 'p' }] });
    const pair = bestSet(units, candidates, 2)!;
    expect(pair.covered).toBe(8);
    expect(pair.sites.map((s) => s.id).sort()).toEqual(['q', 'r']);
  });

  it('breaks a tie in coverage by the screening score', () => {
    const candidates = [site('q-low', Q, 2), site('r-high', R, 4.5)];
    expect(bestSet(units, candidates, 1)?.sites[0].id).toBe('r-high'); // both cover 4
  });

  it('has no pair with fewer than two candidates', () => {
    expect(bestSet(units, [site('p', P)], 2)).toBeNull();
  });
});

let t: TestApp;
let staff: TestClient;
let member: TestClient;
const sites: Record<string, { id: string }> = {};
beforeAll(async () => {
  t = await createTestApp();
  staff = await t.as(await buildUser(t.database, { role: 'staff' }));
  const memberUser = await buildUser(t.database, { role: 'member', memberUnitId: null });
  member = await t.as(memberUser);
  for (const [i, projectTypes] of UNIT_TYPES.entries()) {
    await buildMemberUnit(t.database, { name: `覆盖测试单位${i + 1}`, projectTypes });
  }
  const archivedUnit = await buildMemberUnit(t.database, { name: '已归档单位', projectTypes: [P] });
  await t.database.db
    .update(memberUnits)
    .set({ archivedAt: new Date() })
    .where(eq(memberUnits.id, archivedUnit.id));
  sites.p = await buildSite(t.database, { name: '产业园甲', projectType: P });
  sites.q = await buildSite(t.database, { name: '医院乙', projectType: Q });
  sites.r = await buildSite(t.database, { name: '公建丙', projectType: R });
  sites.declined = await buildSite(t.database, { name: '不愿开放的园区', projectType: P, willingness: 'no' });
  sites.archived = await buildSite(t.database, {
    name: '已归档项目',
    projectType: Q,
    archivedAt: new Date(),
  });
});
afterAll(() => t.close());

describe('GET /api/v1/coverage', () => {
  it('refuses anonymous callers with 401 and members with 403', async () => {
    expect((await t.anonymous().get(`/api/v1/coverage?siteIds=${sites.p.id}`)).statusCode).toBe(401);
    expect((await member.get(`/api/v1/coverage?siteIds=${sites.p.id}`)).statusCode).toBe(403);
  });

  it('answers 400 to ids that are not UUIDs', async () => {
    const res = await staff.get('/api/v1/coverage?siteIds=abc,def');
    expect(res.statusCode).toBe(400);
    expect(problem(res).code).toBe('validation.failed');
  });

  it('answers 404 to an unknown site', async () => {
    const res = await staff.get('/api/v1/coverage?siteIds=00000000-0000-4000-8000-000000000000');
    expect(res.statusCode).toBe(404);
  });

  it('gives the share of active member units covered and lists the ones left out', async () => {
    const res = await staff.get(`/api/v1/coverage?siteIds=${sites.p.id},${sites.q.id}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    // The member user made by the factory has no unit; the archived unit does not count.
    expect(body).toMatchObject({ totalUnits: 9, coveredUnits: 7, share: 0.7778 });
    expect(body.leftOut.map((u: { name: string }) => u.name)).toEqual(['覆盖测试单位7', '覆盖测试单位8']);
  });
});

describe('GET /api/v1/coverage/suggest', () => {
  it('refuses members with 403', async () => {
    expect((await member.get('/api/v1/coverage/suggest')).statusCode).toBe(403);
  });

  it('suggests the exact best single site and pair over willing, active sites', async () => {
    const body = (await staff.get('/api/v1/coverage/suggest')).json();
    expect(body.best1).toMatchObject({ siteIds: [sites.p.id], coveredUnits: 5 });
    expect(body.best2.coveredUnits).toBe(8);
    expect([...body.best2.siteIds].sort()).toEqual([sites.q.id, sites.r.id].sort());
  });
});

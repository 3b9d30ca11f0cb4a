import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.js';
import { buildUser } from '../../test/factories.js';
import { actorOf, createTestApp, problem, type TestApp, type TestClient } from '../../test/harness.js';
import { recordAudit } from './audit.service.js';

let t: TestApp;
let admin: TestClient;
let staffUser: Awaited<ReturnType<typeof buildUser>>;
let otherStaff: Awaited<ReturnType<typeof buildUser>>;
/** A type unique to this file's entries, so the filters can be checked exactly. */
const entity = `audit_test_${randomBytes(3).toString('hex')}`;
const entityId = randomUUID();

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as(await buildUser(t.database, { role: 'admin' }));
  staffUser = await buildUser(t.database, { role: 'staff', name: '审计员甲' });
  otherStaff = await buildUser(t.database, { role: 'staff', name: '审计员乙' });
  const at = (iso: string, user = staffUser) => ({
    ...t.ctx(actorOf(user)),
    clock: fixedClock(iso),
  });
  await recordAudit(at('2026-01-10T10:00:00Z'), {
    action: `${entity}.create`,
    entityType: entity,
    entityId,
    after: { v: 1 },
  });
  await recordAudit(at('2026-02-10T10:00:00Z'), {
    action: `${entity}.update`,
    entityType: entity,
    entityId,
    before: { v: 1, passwordHash: 'secret' },
    after: { v: 2 },
  });
  await recordAudit(at('2026-03-10T10:00:00Z', otherStaff), {
    action: `${entity}.update`,
    entityType: entity,
    entityId: randomUUID(),
    after: { v: 3 },
  });
  // A member's write on their own data is not audited.
  const member = await buildUser(t.database, { role: 'member' });
  await recordAudit(at('2026-03-11T10:00:00Z', member), { action: `${entity}.create`, entityType: entity });
});
afterAll(() => t.close());

const list = async (query: string) => {
  const res = await admin.get(`/api/v1/audit?entityType=${entity}&${query}`);
  expect(res.statusCode).toBe(200);
  return res.json() as {
    total: number;
    items: { action: string; actorName: string; createdAt: string; before: unknown }[];
  };
};

describe('GET /audit', () => {
  it('is 401 anonymous', async () => {
    expect((await t.anonymous().get('/api/v1/audit')).statusCode).toBe(401);
  });

  it.each(['staff', 'member', 'host'] as const)('is 403 for %s', async (role) => {
    const client = await t.as(await buildUser(t.database, { role }));
    const res = await client.get('/api/v1/audit');
    expect(res.statusCode).toBe(403);
    expect(problem(res).code).toBe('access.denied');
  });

  it('answers 400 for a malformed actor or date', async () => {
    const res = await admin.get('/api/v1/audit?actorId=x&from=yesterday');
    expect(res.statusCode).toBe(400);
    expect(problem(res).errors?.map((e) => e.path)).toEqual(
      expect.arrayContaining(['querystring.actorId', 'querystring.from']),
    );
  });

  it('filters by entity type, newest first, and leaves out members’ own writes', async () => {
    const page = await list('');
    expect(page.total).toBe(3);
    expect(page.items.map((i) => i.createdAt)).toEqual([
      '2026-03-10T10:00:00.000Z',
      '2026-02-10T10:00:00.000Z',
      '2026-01-10T10:00:00.000Z',
    ]);
  });

  it('filters by action', async () => {
    const page = await list(`action=${entity}.create`);
    expect(page.items.map((i) => i.action)).toEqual([`${entity}.create`]);
  });

  it('filters by actor', async () => {
    const page = await list(`actorId=${otherStaff.id}`);
    expect(page.total).toBe(1);
    expect(page.items[0].actorName).toBe('审计员乙');
  });

  it('filters by entity id', async () => {
    expect((await list(`entityId=${entityId}`)).total).toBe(2);
  });

  it('filters by date range, both ends included', async () => {
    const from = encodeURIComponent('2026-02-10T10:00:00Z');
    const to = encodeURIComponent('2026-03-10T18:00:00+08:00');
    const page = await list(`from=${from}&to=${to}`);
    expect(page.items.map((i) => i.createdAt)).toEqual([
      '2026-03-10T10:00:00.000Z',
      '2026-02-10T10:00:00.000Z',
    ]);
  });

  it('pages through the entries', async () => {
    const second = await list('pageSize=2&page=2');
    expect(second.total).toBe(3);
    expect(second.items).toHaveLength(1);
  });

  it('redacts secrets in before and after', async () => {
    const page = await list(`action=${entity}.update&entityId=${entityId}`);
    expect(page.items[0].before).toEqual({ v: 1, passwordHash: '[redacted]' });
  });
});

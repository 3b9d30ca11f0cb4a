import { randomBytes, randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAssociation, buildMemberUnit, buildUser } from '../../test/factories.js';
import { createTestApp, problem, type TestApp, type TestClient } from '../../test/harness.js';
import { auditLog } from '../audit/audit.table.js';
import { users } from './users.table.js';

let t: TestApp;
let adminUser: Awaited<ReturnType<typeof buildUser>>;
let admin: TestClient;
let staff: TestClient;
let member: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  await buildAssociation(t.database);
  adminUser = await buildUser(t.database, { role: 'admin' });
  admin = await t.as(adminUser);
  staff = await t.as(await buildUser(t.database, { role: 'staff' }));
  member = await t.as(await buildUser(t.database, { role: 'member' }));
});
afterAll(() => t.close());

const email = () => `new${randomBytes(4).toString('hex')}@example.com`;

async function invite(body: Record<string, unknown> = { role: 'staff' }) {
  const res = await admin.post('/api/v1/invites', body);
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; token: string; url: string; role: string; expiresAt: string };
}

const acceptBody = () => ({ name: '新同事', email: email(), password: 'a good password' });

describe('GET /users', () => {
  it('is 401 anonymous', async () => {
    expect((await t.anonymous().get('/api/v1/users')).statusCode).toBe(401);
  });

  it.each([
    ['staff', () => staff],
    ['member', () => member],
  ])('is 403 for %s', async (_role, client) => {
    const res = await client().get('/api/v1/users');
    expect(res.statusCode).toBe(403);
    expect(problem(res).code).toBe('access.denied');
  });

  it('is 400 for a bad role filter', async () => {
    const res = await admin.get('/api/v1/users?role=king');
    expect(res.statusCode).toBe(400);
    expect(problem(res).errors?.[0].path).toBe('querystring.role');
  });

  it('lists, searches and filters users for an admin', async () => {
    const unit = await buildMemberUnit(t.database);
    const name = `查找用户${randomBytes(3).toString('hex')}`;
    const user = await buildUser(t.database, { role: 'member', name, memberUnitId: unit.id });
    const byName = (await admin.get(`/api/v1/users?q=${encodeURIComponent(name)}`)).json();
    expect(byName.total).toBe(1);
    expect(byName.items[0]).toMatchObject({ id: user.id, memberUnitName: unit.name, disabled: false });
    const byUnit = (await admin.get(`/api/v1/users?memberUnitId=${unit.id}`)).json();
    expect(byUnit.items.map((u: { id: string }) => u.id)).toEqual([user.id]);
    const admins = (await admin.get('/api/v1/users?role=admin&pageSize=100')).json();
    expect(admins.items.every((u: { role: string }) => u.role === 'admin')).toBe(true);
  });
});

describe('disable and enable', () => {
  it('is 401 anonymous and 403 for staff', async () => {
    const user = await buildUser(t.database);
    expect((await t.anonymous().post(`/api/v1/users/${user.id}/disable`)).statusCode).toBe(401);
    expect((await staff.post(`/api/v1/users/${user.id}/disable`)).statusCode).toBe(403);
  });

  it('is 400 for a malformed id and 404 for an unknown user', async () => {
    expect((await admin.post('/api/v1/users/nope/disable')).statusCode).toBe(400);
    const res = await admin.post(`/api/v1/users/${randomUUID()}/disable`);
    expect(res.statusCode).toBe(404);
    expect(problem(res).detail).toBe('未找到用户');
  });

  it('does not let an admin disable their own account', async () => {
    const res = await admin.post(`/api/v1/users/${adminUser.id}/disable`);
    expect(res.statusCode).toBe(400);
    expect(problem(res).code).toBe('users.cannot_disable_self');
  });

  it('disables and re-enables an account, audited with before and after', async () => {
    const user = await buildUser(t.database);
    expect((await admin.post(`/api/v1/users/${user.id}/disable`)).statusCode).toBe(200);
    const listed = (await admin.get(`/api/v1/users?q=${encodeURIComponent(user.name)}`)).json();
    expect(listed.items[0].disabled).toBe(true);
    expect((await admin.post(`/api/v1/users/${user.id}/enable`)).statusCode).toBe(200);
    const [row] = await t.database.db.select().from(users).where(eq(users.id, user.id));
    expect(row.disabledAt).toBeNull();
    const entries = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, user.id));
    const disable = entries.find((e) => e.action === 'user.disable');
    expect(disable).toMatchObject({ before: { disabledAt: null }, actorId: adminUser.id });
    expect((disable?.after as { disabledAt?: string } | undefined)?.disabledAt).toBeTruthy();
    expect(entries.find((e) => e.action === 'user.enable')?.after).toEqual({ disabledAt: null });
  });
});

describe('invites: create, list, revoke', () => {
  it('is 401 anonymous and 403 for staff and members', async () => {
    expect((await t.anonymous().post('/api/v1/invites', { role: 'staff' })).statusCode).toBe(401);
    expect((await staff.post('/api/v1/invites', { role: 'staff' })).statusCode).toBe(403);
    expect((await member.post('/api/v1/invites', { role: 'staff' })).statusCode).toBe(403);
    expect((await staff.get('/api/v1/invites')).statusCode).toBe(403);
  });

  it('needs a member unit for a member invite', async () => {
    const res = await admin.post('/api/v1/invites', { role: 'member' });
    expect(res.statusCode).toBe(400);
    expect(problem(res).errors).toEqual([
      { path: 'body.memberUnitId', message: '会员账号必须选择所属会员单位' },
    ]);
  });

  it('answers 400 for an unknown role and an expiry over 30 days', async () => {
    const res = await admin.post('/api/v1/invites', { role: 'king', expiresInDays: 90 });
    expect(res.statusCode).toBe(400);
    expect(problem(res).errors?.map((e) => e.path)).toEqual(
      expect.arrayContaining(['body.role', 'body.expiresInDays']),
    );
  });

  it('answers 404 for a member invite to an unknown unit', async () => {
    const res = await admin.post('/api/v1/invites', { role: 'member', memberUnitId: randomUUID() });
    expect(res.statusCode).toBe(404);
  });

  it('creates an invite with a one-time link and records it in the audit log', async () => {
    const unit = await buildMemberUnit(t.database);
    const created = await invite({ role: 'member', memberUnitId: unit.id, name: '赵六' });
    expect(created.url).toBe(`http://guanmo.test/invite/${created.token}`);
    const listed = (await admin.get('/api/v1/invites')).json();
    expect(listed.find((i: { id: string }) => i.id === created.id)).toMatchObject({
      role: 'member',
      memberUnitName: unit.name,
      usedAt: null,
    });
    expect(JSON.stringify(listed)).not.toContain(created.token);
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, created.id), eq(auditLog.action, 'invite.create')));
    expect(entry.after).toMatchObject({ role: 'member', memberUnitId: unit.id });
  });

  it('revokes an invite so its link stops working; revoking twice is 404', async () => {
    const created = await invite();
    expect((await staff.delete(`/api/v1/invites/${created.id}`)).statusCode).toBe(403);
    expect((await admin.delete(`/api/v1/invites/${created.id}`)).statusCode).toBe(200);
    expect((await admin.delete(`/api/v1/invites/${created.id}`)).statusCode).toBe(404);
    const res = await t.anonymous().get(`/api/v1/invites/by-token/${created.token}`);
    expect(res.statusCode).toBe(404);
    expect(problem(res).code).toBe('invites.invalid');
  });
});

describe('invites: preview and accept', () => {
  it('previews an invite anonymously', async () => {
    const unit = await buildMemberUnit(t.database);
    const created = await invite({ role: 'member', memberUnitId: unit.id, email: 'preview@example.com' });
    const res = await t.anonymous().get(`/api/v1/invites/by-token/${created.token}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      role: 'member',
      memberUnitName: unit.name,
      name: null,
      email: 'preview@example.com',
      associationName: '示例市物业管理协会',
    });
  });

  it('answers 404 for an unknown token and 400 for a malformed one', async () => {
    expect((await t.anonymous().get(`/api/v1/invites/by-token/${'x'.repeat(40)}`)).statusCode).toBe(404);
    expect((await t.anonymous().get('/api/v1/invites/by-token/short')).statusCode).toBe(400);
  });

  it('answers 400 with field errors for a bad acceptance', async () => {
    const created = await invite();
    const res = await t
      .anonymous()
      .post(`/api/v1/invites/by-token/${created.token}/accept`, { name: '', password: 'short' });
    expect(res.statusCode).toBe(400);
    expect(problem(res).errors?.map((e) => e.path)).toEqual(
      expect.arrayContaining(['body.name', 'body.password', 'body.email']),
    );
  });

  it('creates the account with the invited role and unit, and signs it in', async () => {
    const unit = await buildMemberUnit(t.database);
    const created = await invite({ role: 'member', memberUnitId: unit.id });
    const client = t.anonymous();
    const body = { ...acceptBody(), mobile: '13512345678', position: '项目经理' };
    const res = await client.post(`/api/v1/invites/by-token/${created.token}/accept`, body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ role: 'member', memberUnitId: unit.id, email: body.email });
    const me = await client.get('/api/v1/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ name: '新同事', memberUnitName: unit.name });
  });

  it('works once: a second acceptance is 410', async () => {
    const created = await invite();
    const url = `/api/v1/invites/by-token/${created.token}/accept`;
    expect((await t.anonymous().post(url, acceptBody())).statusCode).toBe(201);
    const again = await t.anonymous().post(url, acceptBody());
    expect(again.statusCode).toBe(410);
    expect(problem(again).code).toBe('invites.used');
    expect((await t.anonymous().get(`/api/v1/invites/by-token/${created.token}`)).statusCode).toBe(410);
  });

  it('refuses an expired link with 410', async () => {
    const created = await invite({ role: 'staff', expiresInDays: 1 });
    t.clock.advance(2 * 86400000);
    try {
      const res = await t.anonymous().post(`/api/v1/invites/by-token/${created.token}/accept`, acceptBody());
      expect(res.statusCode).toBe(410);
      expect(problem(res).code).toBe('invites.expired');
    } finally {
      t.clock.set(new Date());
    }
  });

  it('refuses an e-mail address another account uses, and leaves the link usable', async () => {
    const created = await invite();
    const res = await t
      .anonymous()
      .post(`/api/v1/invites/by-token/${created.token}/accept`, { ...acceptBody(), email: adminUser.email });
    expect(res.statusCode).toBe(409);
    expect(problem(res).code).toBe('users.login_taken');
    expect((await t.anonymous().get(`/api/v1/invites/by-token/${created.token}`)).statusCode).toBe(200);
  });
});

import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../test/factories.js';
import { createTestApp, problem, type TestApp, type TestClient } from '../../test/harness.js';
import { auditLog } from '../audit/audit.table.js';
import { memberUnits } from '../member-units/member-units.table.js';
import { users } from '../users/users.table.js';
import { issueSetupToken } from './association.service.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-data.js';

// One database for the file: the setup tests run first, on the empty database, in order.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const setupBody = (token: string) => ({
  token,
  association: { name: '示例市物业管理协会', region: '示例市' },
  admin: { name: '协会管理员', email: 'admin@example.com', password: 'a strong password' },
  demo: true,
});

describe('first-run setup', () => {
  it('GET /setup reports that setup is needed on an empty database', async () => {
    const res = await t.anonymous().get('/api/v1/setup');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ needsSetup: true, associationName: null });
  });

  it('POST /setup answers 400 with field errors for a bad body', async () => {
    const res = await t.anonymous().post('/api/v1/setup', {
      token: 'x'.repeat(20),
      association: { name: '' },
      admin: { email: 'no', password: 'short' },
    });
    expect(res.statusCode).toBe(400);
    expect(problem(res).errors?.map((e) => e.path)).toEqual(
      expect.arrayContaining([
        'body.association.name',
        'body.association.region',
        'body.admin.email',
        'body.admin.password',
      ]),
    );
  });

  it('POST /setup is 403 before any token was issued', async () => {
    const res = await t.anonymous().post('/api/v1/setup', setupBody('a'.repeat(43)));
    expect(res.statusCode).toBe(403);
    expect(problem(res).code).toBe('setup.invalid_token');
  });

  it('POST /setup is 403 with a wrong token, and only the latest issued token works', async () => {
    const old = await issueSetupToken(t.ctx());
    const latest = await issueSetupToken(t.ctx());
    expect(latest).not.toBe(old);
    const wrong = await t.anonymous().post('/api/v1/setup', setupBody(`${latest}x`));
    expect(wrong.statusCode).toBe(403);
    expect(problem(wrong).detail).toBe('初始化链接无效，请使用控制台打印的最新链接');
    const stale = await t.anonymous().post('/api/v1/setup', setupBody(old ?? ''));
    expect(stale.statusCode).toBe(403);
  });

  it('sets up the association with the demo data and signs the admin in', async () => {
    const token = await issueSetupToken(t.ctx());
    const client = t.anonymous();
    const res = await client.post('/api/v1/setup', setupBody(token ?? ''));
    expect(res.statusCode).toBe(201);
    expect(client.cookies.guanmo_session).toBeTruthy();
    expect((await client.get('/api/v1/auth/me')).json()).toMatchObject({
      role: 'admin',
      email: 'admin@example.com',
    });
    expect((await t.anonymous().get('/api/v1/setup')).json()).toEqual({
      needsSetup: false,
      associationName: '示例市物业管理协会',
    });
  });

  it('loaded 15 or more demo member units, each with a contact', async () => {
    const [{ n }] = await t.database.db.select({ n: count() }).from(memberUnits);
    expect(n).toBeGreaterThanOrEqual(15);
    const admin = await t.as((await t.database.db.select().from(users).where(eq(users.role, 'admin')))[0]);
    const list = (await admin.get('/api/v1/member-units?pageSize=100')).json();
    expect(list.total).toBe(n);
    expect(list.items.every((u: { contacts: unknown[] }) => u.contacts.length > 0)).toBe(true);
  });

  it.each(['staff', 'member', 'host'] as const)(
    'created the demo %s account, which can sign in',
    async (role) => {
      const res = await t
        .anonymous()
        .post('/api/v1/auth/login', { login: DEMO_ACCOUNTS[role], password: DEMO_PASSWORD });
      expect(res.statusCode).toBe(200);
      expect(res.json().role).toBe(role);
      if (role === 'member') expect(res.json().memberUnitName).toBeTruthy();
    },
  );

  it('a second setup is 409, whatever the token', async () => {
    expect(await issueSetupToken(t.ctx())).toBeNull();
    const res = await t.anonymous().post('/api/v1/setup', setupBody('b'.repeat(43)));
    expect(res.statusCode).toBe(409);
    expect(problem(res).code).toBe('setup.already_done');
  });

  it('recorded the setup in the audit log', async () => {
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'association.setup'));
    expect(entry.after).toMatchObject({ name: '示例市物业管理协会', region: '示例市' });
    expect(entry.actorName).toBe('协会管理员');
  });
});

describe('GET and PUT /association', () => {
  let admin: TestClient;
  let staff: TestClient;
  let member: TestClient;
  beforeAll(async () => {
    admin = await t.as(await buildUser(t.database, { role: 'admin' }));
    staff = await t.as(await buildUser(t.database, { role: 'staff' }));
    member = await t.as(await buildUser(t.database, { role: 'member' }));
  });

  it('GET is 401 anonymous', async () => {
    const res = await t.anonymous().get('/api/v1/association');
    expect(res.statusCode).toBe(401);
    expect(problem(res).code).toBe('auth.required');
  });

  it('GET answers any signed-in role', async () => {
    const res = await member.get('/api/v1/association');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: '示例市物业管理协会', region: '示例市' });
  });

  it('PUT is 401 anonymous and 403 for staff and members', async () => {
    const body = { name: '新名称', region: '示例市' };
    expect((await t.anonymous().put('/api/v1/association', body)).statusCode).toBe(401);
    for (const client of [staff, member]) {
      const res = await client.put('/api/v1/association', body);
      expect(res.statusCode).toBe(403);
      expect(problem(res).code).toBe('access.denied');
    }
  });

  it('PUT answers 400 with field errors for a bad body', async () => {
    const res = await admin.put('/api/v1/association', { name: '', region: 'x'.repeat(101) });
    expect(res.statusCode).toBe(400);
    expect(problem(res).errors?.map((e) => e.path)).toEqual(['body.name', 'body.region']);
  });

  it('PUT changes the association for an admin and records before and after', async () => {
    const res = await admin.put('/api/v1/association', {
      name: '示例市物业服务行业协会',
      region: '示例省示例市',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: '示例市物业服务行业协会', region: '示例省示例市' });
    expect((await member.get('/api/v1/association')).json().name).toBe('示例市物业服务行业协会');
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'association.update'));
    expect(entry.before).toMatchObject({ name: '示例市物业管理协会' });
    expect(entry.after).toMatchObject({ name: '示例市物业服务行业协会' });
  });
});

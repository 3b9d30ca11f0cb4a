import { randomBytes, randomUUID } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemberUnitInput } from '../../../contract/member-units.js';
import { buildUser, memberUnitInput } from '../../test/factories.js';
import { createTestApp, problem, type TestApp, type TestClient } from '../../test/harness.js';
import { auditLog } from '../audit/audit.table.js';

const BASE = '/api/v1/member-units';
const USCC_MESSAGE = '统一社会信用代码无效（应为 18 位，且校验位正确）';

let t: TestApp;
let admin: TestClient;
let staff: TestClient;
let member: TestClient;
let host: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as(await buildUser(t.database, { role: 'admin' }));
  staff = await t.as(await buildUser(t.database, { role: 'staff' }));
  member = await t.as(await buildUser(t.database, { role: 'member' }));
  host = await t.as(await buildUser(t.database, { role: 'host' }));
});
afterAll(() => t.close());

const tag = () => `单位${randomBytes(4).toString('hex')}`;

async function created(input: Partial<MemberUnitInput> = {}) {
  const res = await staff.post(BASE, memberUnitInput(input));
  expect(res.statusCode).toBe(201);
  return res.json();
}

async function auditFor(entityId: string, action: string) {
  return t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, entityId), eq(auditLog.action, action)))
    .orderBy(desc(auditLog.createdAt));
}

describe('refusals', () => {
  it('GET /member-units is 401 anonymous', async () => {
    const res = await t.anonymous().get(BASE);
    expect(res.statusCode).toBe(401);
    expect(problem(res).code).toBe('auth.required');
  });

  it('GET /member-units/:id is 401 anonymous', async () => {
    const unit = await created();
    expect((await t.anonymous().get(`${BASE}/${unit.id}`)).statusCode).toBe(401);
  });

  it.each([
    ['POST /member-units', 'POST', '', memberUnitInput()],
    ['PUT /member-units/:id', 'PUT', `/${randomUUID()}`, memberUnitInput()],
    ['POST /member-units/:id/archive', 'POST', `/${randomUUID()}/archive`, { archived: true }],
  ] as const)('%s is 401 anonymous', async (_label, method, path, body) => {
    const res = await t.anonymous().request(method, `${BASE}${path}`, body);
    expect(res.statusCode).toBe(401);
    expect(problem(res).code).toBe('auth.required');
  });

  it.each(['member', 'host'] as const)('every write is 403 for a %s', async (role) => {
    const client = role === 'member' ? member : host;
    const unit = await created();
    const input = memberUnitInput();
    for (const res of [
      await client.post(BASE, input),
      await client.put(`${BASE}/${unit.id}`, input),
      await client.post(`${BASE}/${unit.id}/archive`, { archived: true }),
    ]) {
      expect(res.statusCode).toBe(403);
      expect(problem(res).code).toBe('access.denied');
    }
  });

  it('POST answers 400 with translated field errors, including the credit code check digit', async () => {
    const res = await staff.post(BASE, {
      ...memberUnitInput(),
      name: '',
      uscc: '9144030071526726XA',
      unitType: 'spaceship',
      contacts: [{ name: '王五', mobile: '1234' }],
    });
    expect(res.statusCode).toBe(400);
    const body = problem(res);
    expect(body.code).toBe('validation.failed');
    const byPath = Object.fromEntries((body.errors ?? []).map((e) => [e.path, e.message]));
    expect(byPath['body.uscc']).toBe(USCC_MESSAGE);
    expect(byPath['body.contacts.0.mobile']).toBe('手机号应为 11 位数字，以 13–19 开头');
    expect(Object.keys(byPath)).toEqual(expect.arrayContaining(['body.name', 'body.unitType']));
  });

  it('POST answers the credit code error in English for an en-US caller', async () => {
    const en = await t.as(await buildUser(t.database, { role: 'staff' }), 'en-US');
    const res = await en.post(BASE, { ...memberUnitInput(), uscc: '91110000802100433A' });
    expect(problem(res).errors).toEqual([
      {
        path: 'body.uscc',
        message: 'Invalid unified social credit code (18 characters with a correct check character)',
      },
    ]);
  });

  it('PUT answers 400 for a bad body', async () => {
    const unit = await created();
    const res = await staff.put(`${BASE}/${unit.id}`, { ...memberUnitInput(), level: 'emperor' });
    expect(res.statusCode).toBe(400);
    expect(problem(res).errors?.[0].path).toBe('body.level');
  });

  it('archive answers 400 without the archived flag', async () => {
    const unit = await created();
    const res = await staff.post(`${BASE}/${unit.id}/archive`, {});
    expect(res.statusCode).toBe(400);
    expect(problem(res).errors?.[0].path).toBe('body.archived');
  });

  it('GET /:id answers 400 for a malformed id and 404 for an unknown one', async () => {
    const bad = await staff.get(`${BASE}/not-a-uuid`);
    expect(bad.statusCode).toBe(400);
    expect(problem(bad).errors?.[0].path).toBe('params.id');
    const missing = await staff.get(`${BASE}/${randomUUID()}`);
    expect(missing.statusCode).toBe(404);
    expect(problem(missing).detail).toBe('未找到会员单位');
  });

  it('PUT and archive answer 404 for an unknown unit', async () => {
    expect((await staff.put(`${BASE}/${randomUUID()}`, memberUnitInput())).statusCode).toBe(404);
    expect((await staff.post(`${BASE}/${randomUUID()}/archive`, { archived: true })).statusCode).toBe(404);
  });

  it('GET /member-units answers 400 for a bad filter or page', async () => {
    for (const query of [
      'unitType=x',
      'level=x',
      'projectType=x',
      'page=0',
      'pageSize=1000',
      'archived=maybe',
    ]) {
      const res = await staff.get(`${BASE}?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(problem(res).errors?.[0].path.startsWith('querystring.')).toBe(true);
    }
  });
});

describe('create and edit', () => {
  it('creates a unit with normalised values and returns it', async () => {
    const input = memberUnitInput({ projectTypes: ['office', 'office', 'residential'] });
    const res = await staff.post(BASE, {
      ...input,
      uscc: input.uscc.toLowerCase(),
      name: `  ${input.name} `,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      name: input.name,
      uscc: input.uscc,
      projectTypes: ['office', 'residential'],
      archived: false,
      contacts: [{ name: '测试联系人', mobile: '13912345678', isPrimary: true }],
    });
  });

  it('refuses a second unit with the same credit code with 409', async () => {
    const unit = await created();
    const res = await staff.post(BASE, memberUnitInput({ uscc: unit.uscc }));
    expect(res.statusCode).toBe(409);
    const body = problem(res);
    expect(body.code).toBe('member_units.uscc_taken');
    expect(body.detail).toBe(`统一社会信用代码 ${unit.uscc} 已登记在其他会员单位下`);
  });

  it('refuses to edit a unit onto another unit’s credit code with 409', async () => {
    const a = await created();
    const b = await created();
    const res = await staff.put(`${BASE}/${b.id}`, memberUnitInput({ uscc: a.uscc }));
    expect(res.statusCode).toBe(409);
  });

  it('edits a unit, replacing its contacts, and keeps its own credit code', async () => {
    const unit = await created();
    const input = memberUnitInput({
      uscc: unit.uscc,
      name: `${unit.name}（更名）`,
      contacts: [
        { name: '甲', position: null, mobile: null, email: null, isPrimary: false },
        { name: '乙', position: '主任', mobile: '13600001111', email: null, isPrimary: true },
      ],
    });
    const res = await admin.put(`${BASE}/${unit.id}`, input);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.name).toBe(input.name);
    expect(body.contacts.map((c: { name: string }) => c.name)).toEqual(['乙', '甲']);
  });

  it('archives and restores; an archived unit leaves the default list', async () => {
    const name = tag();
    const unit = await created({ name });
    const archived = await staff.post(`${BASE}/${unit.id}/archive`, { archived: true });
    expect(archived.json().archived).toBe(true);
    expect((await staff.get(`${BASE}?q=${name}`)).json().total).toBe(0);
    expect((await staff.get(`${BASE}?q=${name}&archived=true`)).json().total).toBe(1);
    expect((await staff.get(`${BASE}?q=${name}&archived=all`)).json().total).toBe(1);
    const restored = await staff.post(`${BASE}/${unit.id}/archive`, { archived: false });
    expect(restored.json().archived).toBe(false);
    expect((await staff.get(`${BASE}?q=${name}`)).json().total).toBe(1);
  });
});

describe('audit of admin and staff writes', () => {
  it('records a create with the unit as after', async () => {
    const unit = await created();
    const [entry] = await auditFor(unit.id, 'member_unit.create');
    expect(entry.entityType).toBe('member_unit');
    expect(entry.before).toBeNull();
    expect(entry.after).toMatchObject({ id: unit.id, uscc: unit.uscc });
  });

  it('records an edit with before and after', async () => {
    const unit = await created();
    await admin.put(`${BASE}/${unit.id}`, memberUnitInput({ uscc: unit.uscc, name: '改名后的单位' }));
    const [entry] = await auditFor(unit.id, 'member_unit.update');
    expect(entry.before).toMatchObject({ name: unit.name });
    expect(entry.after).toMatchObject({ name: '改名后的单位' });
    expect(entry.actorName).toBeTruthy();
  });

  it('records archive and restore with before and after', async () => {
    const unit = await created();
    await staff.post(`${BASE}/${unit.id}/archive`, { archived: true });
    await staff.post(`${BASE}/${unit.id}/archive`, { archived: false });
    const [archive] = await auditFor(unit.id, 'member_unit.archive');
    const [restore] = await auditFor(unit.id, 'member_unit.restore');
    expect(archive).toMatchObject({ before: { archived: false }, after: { archived: true } });
    expect(restore).toMatchObject({ before: { archived: true }, after: { archived: false } });
  });
});

describe('search, filter and paginate', () => {
  let name: string;
  let units: { id: string; uscc: string; name: string }[];
  beforeAll(async () => {
    name = tag();
    units = [];
    units.push(
      await created({
        name: `${name}甲`,
        unitType: 'developer',
        level: 'president',
        projectTypes: ['office'],
      }),
    );
    units.push(
      await created({ name: `${name}乙`, level: 'director', projectTypes: ['old_community', 'residential'] }),
    );
    units.push(await created({ name: `${name}丙`, projectTypes: ['residential'] }));
  });

  it('finds by part of the name, the credit code or the address', async () => {
    expect((await member.get(`${BASE}?q=${name}`)).json().total).toBe(3);
    const byCode = (await member.get(`${BASE}?q=${units[1].uscc.slice(4, 14)}`)).json();
    expect(byCode.items.map((u: { id: string }) => u.id)).toContain(units[1].id);
  });

  it('treats % and _ in the search text literally', async () => {
    expect((await staff.get(`${BASE}?q=${encodeURIComponent(`${name}%`)}`)).json().total).toBe(0);
    expect((await staff.get(`${BASE}?q=${encodeURIComponent(`${name}_`)}`)).json().total).toBe(0);
  });

  it('filters by unit type, level and managed project type', async () => {
    const ids = async (query: string) =>
      (await staff.get(`${BASE}?q=${name}&${query}`)).json().items.map((u: { id: string }) => u.id);
    expect(await ids('unitType=developer')).toEqual([units[0].id]);
    expect(await ids('level=director')).toEqual([units[1].id]);
    expect(await ids('projectType=residential')).toEqual(expect.arrayContaining([units[1].id, units[2].id]));
    expect(await ids('projectType=residential')).toHaveLength(2);
  });

  it('pages through the results in name order', async () => {
    const first = (await staff.get(`${BASE}?q=${name}&pageSize=2&page=1`)).json();
    const second = (await staff.get(`${BASE}?q=${name}&pageSize=2&page=2`)).json();
    expect(first).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(first.items).toHaveLength(2);
    expect(second.items).toHaveLength(1);
    const all = [...first.items, ...second.items].map((u: { name: string }) => u.name);
    expect(all).toEqual([...all].sort());
    expect(new Set(all).size).toBe(3);
  });
});

describe('mobile numbers', () => {
  it.each([
    ['member', () => member],
    ['host', () => host],
  ])('are masked for a %s', async (_role, client) => {
    const unit = await created();
    const one = (await client().get(`${BASE}/${unit.id}`)).json();
    expect(one.contacts[0].mobile).toBe('139****5678');
    const list = (await client().get(`${BASE}?q=${unit.uscc}`)).json();
    expect(list.items[0].contacts[0].mobile).toBe('139****5678');
  });

  it.each([
    ['admin', () => admin],
    ['staff', () => staff],
  ])('are shown in full to %s', async (_role, client) => {
    const unit = await created();
    expect((await client().get(`${BASE}/${unit.id}`)).json().contacts[0].mobile).toBe('13912345678');
    expect((await client().get(`${BASE}?q=${unit.uscc}`)).json().items[0].contacts[0].mobile).toBe(
      '13912345678',
    );
  });
});

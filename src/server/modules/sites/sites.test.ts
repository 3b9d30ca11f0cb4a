import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SITE_TAGS } from '../../../contract/sites.js';
import { buildMemberUnit, buildUser } from '../../test/factories.js';
import { createTestApp, problem, type TestApp, type TestClient } from '../../test/harness.js';
import { auditLog } from '../audit/audit.table.js';
import { multipart, pngImage } from '../files/files.fixtures.js';
import { addHonour, buildSite, siteInput } from './sites.fixtures.js';

let t: TestApp;
let staff: TestClient;
let member: TestClient;
let host: TestClient;
let hostUser: Awaited<ReturnType<typeof buildUser>>;
beforeAll(async () => {
  t = await createTestApp();
  staff = await t.as(await buildUser(t.database, { role: 'staff' }));
  member = await t.as(await buildUser(t.database, { role: 'member' }));
  hostUser = await buildUser(t.database, { role: 'host' });
  host = await t.as(hostUser);
});
afterAll(() => t.close());

describe('GET /api/v1/sites', () => {
  it('refuses anonymous callers with 401', async () => {
    expect((await t.anonymous().get('/api/v1/sites')).statusCode).toBe(401);
  });

  it('refuses members and hosts with 403', async () => {
    for (const client of [member, host]) {
      const res = await client.get('/api/v1/sites');
      expect(res.statusCode).toBe(403);
      expect(problem(res).code).toBe('access.denied');
    }
  });

  it('answers 400 to an unknown filter value', async () => {
    const res = await staff.get('/api/v1/sites?projectType=castle');
    expect(res.statusCode).toBe(400);
    expect(problem(res).errors?.[0].path).toBe('querystring.projectType');
  });

  it('filters by type, tag, honour level and willingness, searches and pages', async () => {
    const mark = `筛选${Date.now()}`;
    const park = await buildSite(t.database, {
      name: `${mark}产业园`,
      projectType: 'industrial_park',
      tags: ['智慧物业'],
      willingness: 'conditional',
    });
    const old = await buildSite(t.database, {
      name: `${mark}老旧小区`,
      projectType: 'old_community',
      tags: ['红色物业', '老旧小区改造'],
    });
    await addHonour(t.database, old.id, 'national');
    await addHonour(t.database, park.id, 'municipal');
    const names = async (query: string) =>
      (await staff.get(`/api/v1/sites?q=${encodeURIComponent(mark)}&${query}`))
        .json()
        .items.map((s: { name: string }) => s.name);

    expect(await names('projectType=industrial_park')).toEqual([park.name]);
    expect(await names(`tag=${encodeURIComponent('红色物业')}`)).toEqual([old.name]);
    expect(await names('honourLevel=national')).toEqual([old.name]);
    expect(await names('willingness=conditional')).toEqual([park.name]);
    const page = (await staff.get(`/api/v1/sites?q=${encodeURIComponent(mark)}&pageSize=1&page=2`)).json();
    expect(page).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(page.items).toHaveLength(1);
  });
});

describe('POST /api/v1/sites', () => {
  it('refuses anonymous callers with 401 and members with 403', async () => {
    expect((await t.anonymous().post('/api/v1/sites', siteInput())).statusCode).toBe(401);
    expect((await member.post('/api/v1/sites', siteInput())).statusCode).toBe(403);
  });

  it('answers 400 with field errors for a bad body', async () => {
    const res = await staff.post('/api/v1/sites', {
      ...siteInput(),
      name: '',
      projectType: 'castle',
      contactMobile: '12345',
      honours: [{ level: 'galactic', title: 'x', year: 1800 }],
    });
    expect(res.statusCode).toBe(400);
    expect(problem(res).errors?.map((e) => e.path)).toEqual(
      expect.arrayContaining(['body.name', 'body.projectType', 'body.contactMobile']),
    );
  });

  it('answers 400 when the managing member unit does not exist', async () => {
    const res = await staff.post(
      '/api/v1/sites',
      siteInput({ managingUnitId: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(res.statusCode).toBe(400);
    expect(problem(res).code).toBe('sites.unknown_member_unit');
  });

  it('creates a site with honours, de-duplicated tags and an audit entry', async () => {
    const unit = await buildMemberUnit(t.database);
    const res = await staff.post(
      '/api/v1/sites',
      siteInput({ managingUnitId: unit.id, tags: ['智慧物业', ' 智慧物业 ', '绿色社区'] }),
    );
    expect(res.statusCode).toBe(201);
    const site = res.json();
    expect(site).toMatchObject({
      managingUnitId: unit.id,
      managingUnitName: unit.name,
      tags: ['智慧物业', '绿色社区'],
      contactMobile: '13912345678',
      honours: [{ level: 'provincial', title: '省级优秀物业管理小区', year: 2024 }],
    });
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, site.id), eq(auditLog.action, 'site.create')));
    expect(audit).toHaveLength(1);
  });
});

describe('GET and PUT /api/v1/sites/:id', () => {
  it('answers 404 for an unknown site', async () => {
    const res = await staff.get('/api/v1/sites/00000000-0000-4000-8000-000000000000');
    expect(res.statusCode).toBe(404);
    expect(problem(res).code).toBe('not_found');
  });

  it('refuses a host the site of someone else with 403', async () => {
    const site = await buildSite(t.database);
    expect((await host.get(`/api/v1/sites/${site.id}`)).statusCode).toBe(403);
  });

  it('refuses members an update with 403', async () => {
    const site = await buildSite(t.database);
    expect((await member.put(`/api/v1/sites/${site.id}`, siteInput())).statusCode).toBe(403);
  });

  it('replaces fields and honours on update', async () => {
    const created = (await staff.post('/api/v1/sites', siteInput())).json();
    const res = await staff.put(
      `/api/v1/sites/${created.id}`,
      siteInput({
        name: '更新后的名称',
        honours: [{ level: 'national', title: '全国物业管理示范项目', year: 2023 }],
      }),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: '更新后的名称', honours: [{ level: 'national', year: 2023 }] });
    expect(res.json().honours).toHaveLength(1);
  });

  it('hides an archived site from the default list and shows it with archived=true', async () => {
    const created = (await staff.post('/api/v1/sites', siteInput({ name: `归档测试${Date.now()}` }))).json();
    const archived = await staff.post(`/api/v1/sites/${created.id}/archive`, { archived: true });
    expect(archived.json().archived).toBe(true);
    const q = encodeURIComponent(created.name);
    expect((await staff.get(`/api/v1/sites?q=${q}`)).json().total).toBe(0);
    expect((await staff.get(`/api/v1/sites?q=${q}&archived=true`)).json().total).toBe(1);
  });
});

describe('site tags', () => {
  it('refuses a member changing the tag list with 403', async () => {
    expect((await member.put('/api/v1/site-tags', { tags: ['x'] })).statusCode).toBe(403);
  });

  it('offers the seed five by default, and then the edited list', async () => {
    expect((await staff.get('/api/v1/site-tags')).json().tags).toEqual([...DEFAULT_SITE_TAGS]);
    const res = await staff.put('/api/v1/site-tags', { tags: ['智慧物业', '垃圾分类', '智慧物业'] });
    expect(res.json().tags).toEqual(['智慧物业', '垃圾分类']);
    expect((await staff.get('/api/v1/site-tags')).json().tags).toEqual(['智慧物业', '垃圾分类']);
  });
});

describe('host accounts linked to a site', () => {
  it('refuses a member linking with 403', async () => {
    const site = await buildSite(t.database);
    expect((await member.post(`/api/v1/sites/${site.id}/hosts`, { userId: hostUser.id })).statusCode).toBe(
      403,
    );
  });

  it('refuses linking an account that is not a host with 400', async () => {
    const site = await buildSite(t.database);
    const memberUser = await buildUser(t.database, { role: 'member' });
    const res = await staff.post(`/api/v1/sites/${site.id}/hosts`, { userId: memberUser.id });
    expect(res.statusCode).toBe(400);
    expect(problem(res).code).toBe('sites.not_a_host');
  });

  it('links a host, who then reads its site with a masked contact mobile, and unlinks it', async () => {
    const site = await buildSite(t.database, { contactMobile: '13912345678' });
    const linked = await staff.post(`/api/v1/sites/${site.id}/hosts`, { userId: hostUser.id });
    expect(linked.json().hosts.map((h: { id: string }) => h.id)).toEqual([hostUser.id]);
    const accounts = (await staff.get('/api/v1/site-host-accounts')).json();
    expect(accounts.find((a: { id: string }) => a.id === hostUser.id)).toMatchObject({ siteId: site.id });

    const asHost = await host.get(`/api/v1/sites/${site.id}`);
    expect(asHost.statusCode).toBe(200);
    expect(asHost.json().contactMobile).toBe('139****5678');

    const unlinked = await staff.delete(`/api/v1/sites/${site.id}/hosts/${hostUser.id}`);
    expect(unlinked.json().hosts).toEqual([]);
    expect((await host.get(`/api/v1/sites/${site.id}`)).statusCode).toBe(403);
  });
});

describe('site photos', () => {
  const photoBody = async (caption?: string) =>
    multipart(
      { data: await pngImage(320, 240), filename: 'p.png', contentType: 'image/png' },
      caption ? { caption } : {},
    );
  const addPhoto = async (client: TestClient, siteId: string, caption?: string) => {
    const { body, headers } = await photoBody(caption);
    return client.post(`/api/v1/sites/${siteId}/photos`, body, headers);
  };

  it('refuses anonymous callers with 401 and members with 403', async () => {
    const site = await buildSite(t.database);
    expect((await addPhoto(t.anonymous(), site.id)).statusCode).toBe(401);
    expect((await addPhoto(member, site.id)).statusCode).toBe(403);
  });

  it('answers 404 for an unknown site and 400 for a file that is not an image', async () => {
    expect((await addPhoto(staff, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    const site = await buildSite(t.database);
    const { body, headers } = multipart({
      data: Buffer.from('%PDF-1.4 not an image'),
      filename: 'x.jpg',
      contentType: 'image/jpeg',
    });
    const res = await staff.post(`/api/v1/sites/${site.id}/photos`, body, headers);
    expect(res.statusCode).toBe(400);
    expect(problem(res).code).toBe('files.unsupported_type');
  });

  it('adds photos in order with the first as cover, and serves them publicly', async () => {
    const site = await buildSite(t.database);
    const first = (await addPhoto(staff, site.id, '入口大堂')).json();
    const second = (await addPhoto(staff, site.id)).json();
    expect(first).toMatchObject({ caption: '入口大堂', isCover: true, position: 0 });
    expect(second).toMatchObject({ caption: null, isCover: false, position: 1 });
    const served = await t.anonymous().get(first.thumbUrl);
    expect(served.statusCode).toBe(200);
    expect(served.headers['cache-control']).toBe('public, max-age=86400');
  });

  it('stops serving photos publicly once the site is archived', async () => {
    const site = await buildSite(t.database);
    const photo = (await addPhoto(staff, site.id)).json();
    await staff.post(`/api/v1/sites/${site.id}/archive`, { archived: true });
    expect((await t.anonymous().get(photo.url)).statusCode).toBe(401);
    expect((await staff.get(photo.url)).statusCode).toBe(200);
  });

  it('refuses an order that does not name every photo exactly once', async () => {
    const site = await buildSite(t.database);
    const a = (await addPhoto(staff, site.id)).json();
    await addPhoto(staff, site.id);
    const res = await staff.put(`/api/v1/sites/${site.id}/photos/order`, { photoIds: [a.id, a.id] });
    expect(res.statusCode).toBe(400);
    expect(problem(res).code).toBe('sites.photo_order_mismatch');
  });

  it('reorders, sets the cover, and deleting the cover passes it to the first photo left', async () => {
    const site = await buildSite(t.database);
    const a = (await addPhoto(staff, site.id)).json();
    const b = (await addPhoto(staff, site.id)).json();
    const c = (await addPhoto(staff, site.id)).json();
    const reordered = await staff.put(`/api/v1/sites/${site.id}/photos/order`, {
      photoIds: [c.id, a.id, b.id],
    });
    expect(reordered.json().map((p: { id: string }) => p.id)).toEqual([c.id, a.id, b.id]);

    const covered = await staff.patch(`/api/v1/sites/${site.id}/photos/${b.id}`, {
      isCover: true,
      caption: '样板间',
    });
    expect(
      covered
        .json()
        .filter((p: { isCover: boolean }) => p.isCover)
        .map((p: { id: string }) => p.id),
    ).toEqual([b.id]);

    const left = await staff.delete(`/api/v1/sites/${site.id}/photos/${b.id}`);
    expect(left.json().map((p: { id: string; isCover: boolean }) => [p.id, p.isCover])).toEqual([
      [c.id, true],
      [a.id, false],
    ]);
    expect((await staff.get(b.url)).statusCode).toBe(404);
  });

  it('lists the cover thumbnail and photo count with the site', async () => {
    const site = await buildSite(t.database, { name: `封面测试${Date.now()}` });
    const photo = (await addPhoto(staff, site.id)).json();
    const list = (await staff.get(`/api/v1/sites?q=${encodeURIComponent(site.name)}`)).json();
    expect(list.items[0]).toMatchObject({ coverThumbUrl: photo.thumbUrl, photoCount: 1 });
  });
});

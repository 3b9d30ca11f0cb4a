import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TemplateDetail, TemplateVersion, VersionTreeInput } from '../../../contract/templates.js';
import { buildUser } from '../../test/factories.js';
import { createTestApp, problem, type TestApp, type TestClient } from '../../test/harness.js';
import { auditLog } from '../audit/audit.table.js';
import { templateVersions } from './templates.table.js';

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

const tree = (overrides: Partial<VersionTreeInput> = {}): VersionTreeInput => ({
  scoringMode: 'weighted_average',
  passMark: null,
  dimensions: [
    {
      name: '智慧化与科技应用',
      description: null,
      weight: 1,
      maxPoints: null,
      questions: [{ text: '它解决了你们管理中的哪些具体痛点?' }],
      points: [
        {
          title: '智能门禁/人脸识别',
          hint: '通行效率、识别准确率。',
          scheme: 'stars_1_5',
          maxPoints: null,
          step: null,
          weight: 1,
          deductionRule: null,
          checkMethod: 'on_site',
          allowNa: true,
          questions: [{ text: '识别失败时如何处理?' }],
        },
      ],
    },
  ],
  ...overrides,
});

async function newTemplate(client = staff, name = '测试模板'): Promise<TemplateDetail> {
  const res = await client.post('/api/v1/templates', { name, kind: 'observation' });
  expect(res.statusCode).toBe(201);
  return res.json();
}

/** A template whose version 1 holds `tree()` and is published. */
async function publishedTemplate() {
  const template = await newTemplate();
  const versionId = template.latestVersion!.id;
  expect((await staff.put(`/api/v1/template-versions/${versionId}`, tree())).statusCode).toBe(200);
  expect((await staff.post(`/api/v1/template-versions/${versionId}/publish`)).statusCode).toBe(200);
  return { template, versionId };
}

describe('refusals', () => {
  it('refuses anonymous callers with 401', async () => {
    for (const res of [
      await t.anonymous().get('/api/v1/templates'),
      await t.anonymous().post('/api/v1/templates', { name: 'x' }),
    ]) {
      expect(res.statusCode).toBe(401);
      expect(problem(res).code).toBe('auth.required');
    }
  });

  it('refuses members and hosts every write with 403', async () => {
    const { template, versionId } = await publishedTemplate();
    for (const client of [member, host]) {
      const writes = [
        await client.post('/api/v1/templates', { name: '会员模板' }),
        await client.patch(`/api/v1/templates/${template.id}`, { name: '改名' }),
        await client.post(`/api/v1/templates/${template.id}/archive`, { archived: true }),
        await client.post(`/api/v1/templates/${template.id}/duplicate`, {}),
        await client.post(`/api/v1/templates/${template.id}/draft`),
        await client.put(`/api/v1/template-versions/${versionId}`, tree()),
        await client.post(`/api/v1/template-versions/${versionId}/publish`),
        await client.request('POST', '/api/v1/templates/import', '{}', {
          'content-type': 'application/json',
        }),
      ];
      for (const res of writes) {
        expect(res.statusCode).toBe(403);
        expect(problem(res).code).toBe('access.denied');
      }
    }
  });

  it('answers 400 with field paths for a bad template body', async () => {
    const res = await staff.post('/api/v1/templates', { name: '', kind: 'poster' });
    expect(res.statusCode).toBe(400);
    expect(problem(res).errors?.map((e) => e.path)).toEqual(
      expect.arrayContaining(['body.name', 'body.kind']),
    );
  });

  it('answers 400 with field paths for a bad draft tree', async () => {
    const template = await newTemplate();
    const broken = tree();
    (broken.dimensions[0].points[0] as { scheme: string }).scheme = 'emoji';
    broken.dimensions[0].weight = -1;
    const res = await staff.put(`/api/v1/template-versions/${template.latestVersion!.id}`, broken);
    expect(res.statusCode).toBe(400);
    expect(problem(res).errors?.map((e) => e.path)).toEqual(
      expect.arrayContaining(['body.dimensions.0.points.0.scheme', 'body.dimensions.0.weight']),
    );
  });

  it('answers 400 for a draft with more dimensions than allowed', async () => {
    const template = await newTemplate();
    const huge = tree({ dimensions: Array.from({ length: 31 }, () => tree().dimensions[0]) });
    const res = await staff.put(`/api/v1/template-versions/${template.latestVersion!.id}`, huge);
    expect(res.statusCode).toBe(400);
    expect(problem(res).errors?.[0].path).toBe('body.dimensions');
  });

  it('answers 404 for an unknown template and version', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    expect(problem(await staff.get(`/api/v1/templates/${id}`)).code).toBe('not_found');
    expect((await staff.get(`/api/v1/template-versions/${id}`)).statusCode).toBe(404);
    expect((await staff.put(`/api/v1/template-versions/${id}`, tree())).statusCode).toBe(404);
  });

  it('hides drafts from members and hosts (404)', async () => {
    const template = await newTemplate();
    for (const client of [member, host]) {
      expect((await client.get(`/api/v1/template-versions/${template.latestVersion!.id}`)).statusCode).toBe(
        404,
      );
      expect((await client.get(`/api/v1/templates/${template.id}`)).statusCode).toBe(404);
      const list: TemplateDetail[] = (await client.get('/api/v1/templates')).json();
      expect(list.map((x) => x.id)).not.toContain(template.id);
    }
  });
});

describe('publishing', () => {
  it('refuses to publish an empty draft, listing the problem in the caller language', async () => {
    const template = await newTemplate();
    const client = await t.as(await buildUser(t.database, { role: 'staff' }), 'en-US');
    const res = await client.post(`/api/v1/template-versions/${template.latestVersion!.id}/publish`);
    expect(res.statusCode).toBe(400);
    const body = problem(res);
    expect(body.code).toBe('templates.not_publishable');
    expect(body.errors).toEqual([{ path: 'dimensions', message: 'Add at least one dimension' }]);
  });

  it('refuses to publish a dimension without points, a zero weight and a points item without a value', async () => {
    const template = await newTemplate();
    const draft = tree();
    draft.dimensions.push({ ...draft.dimensions[0], name: '空维度', points: [] });
    draft.dimensions[0].points.push({ ...draft.dimensions[0].points[0], weight: 0 });
    draft.dimensions[0].points.push({
      ...draft.dimensions[0].points[0],
      scheme: 'points_0_n',
      maxPoints: null,
    });
    const versionId = template.latestVersion!.id;
    await staff.put(`/api/v1/template-versions/${versionId}`, draft);
    const res = await staff.post(`/api/v1/template-versions/${versionId}/publish`);
    expect(res.statusCode).toBe(400);
    expect(problem(res).errors?.map((e) => e.path)).toEqual([
      'dimensions.0.points.1.weight',
      'dimensions.0.points.2.maxPoints',
      'dimensions.1.points',
    ]);
  });

  it('refuses stars in a points table and a section whose items do not add up', async () => {
    const template = await newTemplate();
    const draft = tree({ scoringMode: 'points_sum', passMark: 90 });
    draft.dimensions[0].maxPoints = 10;
    draft.dimensions[0].points.push({
      ...draft.dimensions[0].points[0],
      scheme: 'points_0_n',
      maxPoints: 2,
      step: 0.5,
    });
    await staff.put(`/api/v1/template-versions/${template.latestVersion!.id}`, draft);
    const res = await staff.post(`/api/v1/template-versions/${template.latestVersion!.id}/publish`);
    const body = problem(res);
    expect(body.errors?.map((e) => e.path)).toEqual([
      'dimensions.0.points.0.scheme',
      'dimensions.0.maxPoints',
    ]);
    expect(body.errors?.[1].message).toBe('本部分各条分值合计 2 分，与本部分满分 10 分不一致');
  });

  it('publishes a valid draft: status, time, publisher, audit', async () => {
    const template = await newTemplate();
    const versionId = template.latestVersion!.id;
    await staff.put(`/api/v1/template-versions/${versionId}`, tree());
    const res = await staff.post(`/api/v1/template-versions/${versionId}/publish`);
    expect(res.statusCode).toBe(200);
    const version: TemplateVersion = res.json();
    expect(version).toMatchObject({ status: 'published', number: 1 });
    expect(version.publishedAt).not.toBeNull();
    expect(version.publishedByName).toMatch(/^测试用户/);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, versionId));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['template_version.update', 'template_version.publish']),
    );
  });

  it('refuses to edit a published version with 409 templates.version_published', async () => {
    const { versionId } = await publishedTemplate();
    const res = await staff.put(`/api/v1/template-versions/${versionId}`, tree({ dimensions: [] }));
    expect(res.statusCode).toBe(409);
    expect(problem(res).code).toBe('templates.version_published');
    const again = await staff.post(`/api/v1/template-versions/${versionId}/publish`);
    expect(problem(again).code).toBe('templates.version_published');
    const unchanged: TemplateVersion = (await staff.get(`/api/v1/template-versions/${versionId}`)).json();
    expect(unchanged.dimensions).toHaveLength(1);
  });

  it('opens a new draft copied from the published version; the published one stays as it was', async () => {
    const { template, versionId } = await publishedTemplate();
    const draftRes = await staff.post(`/api/v1/templates/${template.id}/draft`);
    expect(draftRes.statusCode).toBe(200);
    const draft: TemplateVersion = draftRes.json();
    expect(draft).toMatchObject({ number: 2, status: 'draft' });
    expect(draft.id).not.toBe(versionId);
    expect(draft.dimensions[0].points[0].title).toBe('智能门禁/人脸识别');
    // Opening again returns the same draft instead of a third version.
    expect(((await staff.post(`/api/v1/templates/${template.id}/draft`)).json() as TemplateVersion).id).toBe(
      draft.id,
    );
    const edited = tree();
    edited.dimensions[0].name = '智慧化应用（修订）';
    expect((await staff.put(`/api/v1/template-versions/${draft.id}`, edited)).statusCode).toBe(200);
    const v1: TemplateVersion = (await staff.get(`/api/v1/template-versions/${versionId}`)).json();
    expect(v1.dimensions[0].name).toBe('智慧化与科技应用');
    const detail: TemplateDetail = (await staff.get(`/api/v1/templates/${template.id}`)).json();
    expect(detail.versions.map((v) => [v.number, v.status])).toEqual([
      [2, 'draft'],
      [1, 'published'],
    ]);
    expect(detail.currentVersion?.id).toBe(versionId);
  });

  it('lets members read published versions with the whole tree', async () => {
    const { versionId } = await publishedTemplate();
    const res = await member.get(`/api/v1/template-versions/${versionId}`);
    expect(res.statusCode).toBe(200);
    const version: TemplateVersion = res.json();
    expect(version.dimensions[0].questions[0].text).toBe('它解决了你们管理中的哪些具体痛点?');
    expect(version.dimensions[0].points[0].questions[0].text).toBe('识别失败时如何处理?');
  });
});

describe('templates', () => {
  it('creates a template with an empty draft version 1 and records it in the audit log', async () => {
    const template = await newTemplate(admin, '新建模板');
    expect(template).toMatchObject({
      name: '新建模板',
      kind: 'observation',
      archived: false,
      isDefault: false,
    });
    expect(template.latestVersion).toMatchObject({ number: 1, status: 'draft' });
    expect(template.currentVersion).toBeNull();
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, template.id));
    expect(audit[0].action).toBe('template.create');
  });

  it('renames a template', async () => {
    const template = await newTemplate();
    const res = await staff.patch(`/api/v1/templates/${template.id}`, {
      name: '改名后',
      description: '说明',
    });
    expect(res.json()).toMatchObject({ name: '改名后', description: '说明' });
  });

  it('archives and restores a template; archived ones leave the default list', async () => {
    const template = await newTemplate();
    const archived = await staff.post(`/api/v1/templates/${template.id}/archive`, { archived: true });
    expect(archived.json()).toMatchObject({ archived: true });
    const list: TemplateDetail[] = (await staff.get('/api/v1/templates')).json();
    expect(list.map((x) => x.id)).not.toContain(template.id);
    const all: TemplateDetail[] = (await staff.get('/api/v1/templates?archived=true')).json();
    expect(all.map((x) => x.id)).toContain(template.id);
    await staff.post(`/api/v1/templates/${template.id}/archive`, { archived: false });
    const back: TemplateDetail[] = (await staff.get('/api/v1/templates')).json();
    expect(back.map((x) => x.id)).toContain(template.id);
  });

  it('duplicates a template into a new template with an equal draft tree', async () => {
    const { template, versionId } = await publishedTemplate();
    const res = await staff.post(`/api/v1/templates/${template.id}/duplicate`, {});
    expect(res.statusCode).toBe(201);
    const copy: TemplateDetail = res.json();
    expect(copy.name).toBe('测试模板（副本）');
    expect(copy.id).not.toBe(template.id);
    expect(copy.latestVersion).toMatchObject({ number: 1, status: 'draft' });
    const [source, copied]: TemplateVersion[] = await Promise.all(
      [versionId, copy.latestVersion!.id].map(async (id) =>
        (await staff.get(`/api/v1/template-versions/${id}`)).json(),
      ),
    );
    const strip = (v: TemplateVersion) =>
      JSON.parse(JSON.stringify(v.dimensions, (key, value) => (key === 'id' ? undefined : value)));
    expect(strip(copied)).toEqual(strip(source));
  });

  it('discards a later draft but never version 1', async () => {
    const { template } = await publishedTemplate();
    const draft: TemplateVersion = (await staff.post(`/api/v1/templates/${template.id}/draft`)).json();
    expect((await staff.delete(`/api/v1/template-versions/${draft.id}`)).statusCode).toBe(204);
    const rows = await t.database.db
      .select()
      .from(templateVersions)
      .where(eq(templateVersions.templateId, template.id));
    expect(rows.map((r) => r.number)).toEqual([1]);
    const fresh = await newTemplate();
    const res = await staff.delete(`/api/v1/template-versions/${fresh.latestVersion!.id}`);
    expect(problem(res).code).toBe('templates.first_version');
  });
});

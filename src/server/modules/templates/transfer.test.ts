import { count } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TemplateDetail, TemplateFileOutput } from '../../../contract/templates.js';
import { buildUser } from '../../test/factories.js';
import { createTestApp, problem, type TestApp, type TestClient } from '../../test/harness.js';
import { ensureDefaultTemplates } from './seed/seed.service.js';
import { templateDimensions, templates, templateVersions } from './templates.table.js';

// biome-ignore lint/suspicious/noExplicitAny: the tests poke at arbitrary places of a JSON file
type Loose = Record<string, any>;

let t: TestApp;
let staff: TestClient;
let member: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  staff = await t.as(await buildUser(t.database, { role: 'staff' }));
  member = await t.as(await buildUser(t.database, { role: 'member' }));
  await ensureDefaultTemplates(t.ctx(), { demo: true });
});
afterAll(() => t.close());

const importRaw = (client: TestClient, body: string) =>
  client.request('POST', '/api/v1/templates/import', body, { 'content-type': 'application/json' });

async function seededTemplates() {
  const list: TemplateDetail[] = (await staff.get('/api/v1/templates')).json();
  return list;
}

async function exported(versionId: string): Promise<TemplateFileOutput> {
  const res = await staff.get(`/api/v1/template-versions/${versionId}/export`);
  expect(res.statusCode).toBe(200);
  return res.json();
}

async function rowCounts() {
  const [[a], [b], [c]] = await Promise.all([
    t.database.db.select({ n: count() }).from(templates),
    t.database.db.select({ n: count() }).from(templateVersions),
    t.database.db.select({ n: count() }).from(templateDimensions),
  ]);
  return [a.n, b.n, c.n];
}

describe('export', () => {
  it('refuses anonymous callers', async () => {
    const [first] = await seededTemplates();
    const res = await t.anonymous().get(`/api/v1/template-versions/${first.currentVersion!.id}/export`);
    expect(res.statusCode).toBe(401);
  });

  it('hands out a versioned file as a download with the template name', async () => {
    const [first] = await seededTemplates();
    const res = await member.get(`/api/v1/template-versions/${first.currentVersion!.id}/export`);
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['content-disposition'])).toContain(
      `filename*=UTF-8''${encodeURIComponent('标杆小区观摩五维度-v1.json')}`,
    );
    const file: TemplateFileOutput = res.json();
    expect(file.format).toBe('guanmo.template/v1');
    expect(file.version.dimensions).toHaveLength(5);
  });
});

describe('import', () => {
  it('refuses members with 403', async () => {
    const res = await importRaw(member, '{}');
    expect(res.statusCode).toBe(403);
  });

  it('round-trips both seeded templates: export → import → export gives the same content', async () => {
    for (const template of await seededTemplates()) {
      const original = await exported(template.currentVersion!.id);
      const res = await importRaw(staff, JSON.stringify(original));
      expect(res.statusCode).toBe(201);
      const imported: TemplateDetail = res.json();
      expect(imported.latestVersion).toMatchObject({ number: 1, status: 'draft' });
      const again = await exported(imported.latestVersion!.id);
      const content = (f: TemplateFileOutput) => ({
        template: f.template,
        tree: { ...f.version, status: 0 },
      });
      expect(content(again)).toEqual(content(original));
    }
  });

  it('reports malformed JSON as a problem list and writes nothing', async () => {
    const before = await rowCounts();
    const res = await importRaw(staff, '{"format": "guanmo.template/v1", ');
    expect(res.statusCode).toBe(400);
    const body = problem(res);
    expect(body.code).toBe('templates.import_invalid');
    expect(body.errors?.[0].path).toBe('(root)');
    expect(body.errors?.[0].message).toMatch(/^不是有效的 JSON/);
    expect(await rowCounts()).toEqual(before);
  });

  it('lists every problem of a file with its path, in the caller language', async () => {
    const [first] = await seededTemplates();
    const file = (await exported(first.currentVersion!.id)) as unknown as Loose;
    file.format = 'guanmo.template/v9';
    delete file.template.name;
    file.version.dimensions[1].points[0].scheme = 'emoji';
    file.version.dimensions[2].weight = 'heavy';
    const client = await t.as(await buildUser(t.database, { role: 'admin' }), 'en-US');
    const res = await importRaw(client, JSON.stringify(file));
    expect(res.statusCode).toBe(400);
    const body = problem(res);
    expect(body.detail).toBe('The template file has 4 problem(s); nothing was imported');
    expect(body.errors).toEqual(
      expect.arrayContaining([
        { path: 'format', message: 'Not an allowed value; one of: guanmo.template/v1' },
        { path: 'template.name', message: 'Missing' },
        { path: 'version.dimensions.1.points.0.scheme', message: expect.stringContaining('stars_1_5') },
        { path: 'version.dimensions.2.weight', message: 'Wrong type, expected a number' },
      ]),
    );
  });

  it('refuses a file with too many dimensions', async () => {
    const [first] = await seededTemplates();
    const file = await exported(first.currentVersion!.id);
    file.version.dimensions = Array.from({ length: 31 }, () => file.version.dimensions[0]);
    const res = await importRaw(staff, JSON.stringify(file));
    expect(problem(res).errors?.[0]).toMatchObject({
      path: 'version.dimensions',
      message: '超出上限（最大 30）',
    });
  });

  it('never answers anything but 201 or a 400 problem list for hostile files, and writes nothing on 400', async () => {
    const [first] = await seededTemplates();
    const valid = await exported(first.currentVersion!.id);
    const before = await rowCounts();
    let created = 0;
    const mutation = fc.oneof(
      fc.string({ maxLength: 200 }).map((s) => s),
      fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
      fc
        .record({
          path: fc.constantFrom('format', 'template', 'template.name', 'version', 'version.dimensions'),
          value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(undefined)),
        })
        .map(({ path, value }) => {
          const copy = structuredClone(valid) as unknown as Loose;
          const parts = path.split('.');
          const last = parts.pop()!;
          const parent = parts.reduce((node, key) => node[key], copy);
          if (value === undefined) delete parent[last];
          else parent[last] = value;
          return JSON.stringify(copy);
        }),
      fc
        .integer({ min: 1000, max: 20000 })
        .map((n) =>
          JSON.stringify({ ...valid, version: { ...valid.version, dimensions: Array(n).fill({ name: 1 }) } }),
        ),
    );
    await fc.assert(
      fc.asyncProperty(mutation, async (body) => {
        const res = await importRaw(staff, body);
        if (res.statusCode === 201) {
          created++;
          return;
        }
        expect(res.statusCode).toBe(400);
        const p = problem(res);
        expect(p.code).toBe('templates.import_invalid');
        expect(p.errors?.length).toBeGreaterThan(0);
        expect(p.errors!.length).toBeLessThanOrEqual(101);
      }),
      { numRuns: 60 },
    );
    const after = await rowCounts();
    expect(after[0]).toBe(before[0] + created);
  });
});

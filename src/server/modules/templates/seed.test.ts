import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TemplateDetail, TemplateVersion } from '../../../contract/templates.js';
import { buildUser } from '../../test/factories.js';
import { createTestApp, type TestApp, type TestClient } from '../../test/harness.js';
import { createAssociationWithAdmin } from '../association/association.service.js';
import { computeScores } from './scoring.js';
import { defaultTemplateVersionId, ensureDefaultTemplates } from './seed/seed.service.js';
import { publishProblems } from './templates.rules.js';
import { templates } from './templates.table.js';

let t: TestApp;
let member: TestClient;
let defaultVersion: TemplateVersion;

beforeAll(async () => {
  t = await createTestApp();
  await createAssociationWithAdmin(t.ctx(), {
    association: { name: '示例市物业管理协会', region: '示例市' },
    admin: { name: '管理员', email: 'seed-admin@example.com', password: 'correct horse 42' },
    demo: false,
  });
  member = await t.as(await buildUser(t.database, { role: 'member' }));
  const list: TemplateDetail[] = (await member.get('/api/v1/templates')).json();
  const found = list.find((x) => x.isDefault)!;
  defaultVersion = (await member.get(`/api/v1/template-versions/${found.currentVersion!.id}`)).json();
});
afterAll(() => t.close());

describe('the default template 标杆小区观摩五维度', () => {
  it('exists after setup without demo data, published as version 1, and nothing else is seeded', async () => {
    const rows = await t.database.db.select().from(templates);
    expect(rows.map((r) => r.name)).toEqual(['标杆小区观摩五维度']);
    expect(defaultVersion).toMatchObject({ number: 1, status: 'published', scoringMode: 'weighted_average' });
    expect(await defaultTemplateVersionId(t.ctx())).toBe(defaultVersion.id);
  });

  it("holds the seed's five dimensions in order", () => {
    expect(defaultVersion.dimensions.map((d) => d.name)).toEqual([
      '智慧化与科技应用',
      '环境与设施管理',
      '客户服务与社区文化',
      '安全与应急管理',
      '运营与增值服务',
    ]);
  });

  it('holds every observation point (4, 4, 4, 3, 2) and guiding question (2, 2, 2, 1, 1)', () => {
    expect(defaultVersion.dimensions.map((d) => d.points.length)).toEqual([4, 4, 4, 3, 2]);
    expect(defaultVersion.dimensions.map((d) => d.questions.length)).toEqual([2, 2, 2, 1, 1]);
  });

  it('keeps the hint texts exactly as in the seed', () => {
    const points = defaultVersion.dimensions.flatMap((d) => d.points);
    expect(points[0]).toMatchObject({ title: '智能门禁/人脸识别', hint: '通行效率、识别准确率。' });
    expect(points.find((p) => p.title === '线上服务平台')?.hint).toBe(
      'APP/小程序功能是否完善(报修、缴费、通知、投诉等)。',
    );
    expect(points.find((p) => p.title === '应急预案')?.hint).toBe(
      '是否有防汛、防火、电梯困人等应急预案,并进行了演练。',
    );
    expect(points.at(-1)).toMatchObject({
      title: '增值服务',
      hint: '社区团购、房屋租售、养老服务、家政服务等开展情况。',
    });
  });

  it('keeps the guiding questions exactly, without their quotes', () => {
    const questions = defaultVersion.dimensions.flatMap((d) => d.questions.map((q) => q.text));
    expect(questions[0]).toBe('这套系统投入成本多少?运维费用如何?业主使用率有多高?');
    expect(questions).toContain('遇到突发事件,你们的应急响应流程是怎样的?从发现到处理需要多长时间?');
    expect(questions.at(-1)).toBe('除了基础物业费,你们还有哪些主要的收入来源?利润率如何?');
    expect(questions.some((q) => /[“”"]/.test(q))).toBe(false);
  });

  it('scores every point with stars 1–5 at equal weights', () => {
    const points = defaultVersion.dimensions.flatMap((d) => d.points);
    expect(new Set(points.map((p) => p.scheme))).toEqual(new Set(['stars_1_5']));
    expect(
      new Set([...points.map((p) => p.weight), ...defaultVersion.dimensions.map((d) => d.weight)]),
    ).toEqual(new Set([1]));
  });

  it('is seeded only once', async () => {
    expect(await ensureDefaultTemplates(t.ctx())).toEqual([]);
    expect(
      await t.database.db.select().from(templates).where(eq(templates.name, '标杆小区观摩五维度')),
    ).toHaveLength(1);
  });
});

describe('the points-table example (demo data only)', () => {
  let example: TemplateVersion;
  beforeAll(async () => {
    const [created] = await ensureDefaultTemplates(t.ctx(), { demo: true });
    const detail: TemplateDetail = (await member.get(`/api/v1/templates/${created}`)).json();
    expect(detail.name).toBe('物业服务示范项目考评（示例）');
    example = (await member.get(`/api/v1/template-versions/${detail.currentVersion!.id}`)).json();
  });

  it('is a publishable points table of sections adding up to 100 with a pass mark', () => {
    expect(example).toMatchObject({ scoringMode: 'points_sum', passMark: 90, templateKind: 'assessment' });
    expect(example.dimensions.map((d) => [d.name, d.maxPoints])).toContainEqual(['基础管理', 32]);
    expect(example.dimensions.reduce((sum, d) => sum + (d.maxPoints ?? 0), 0)).toBe(100);
    expect(publishProblems(example)).toEqual([]);
  });

  it('has items of 0.5–2 points with deduction rules, checked on site or in documents', () => {
    const points = example.dimensions.flatMap((d) => d.points);
    expect(points.every((p) => (p.maxPoints ?? 0) >= 0.5 && (p.maxPoints ?? 0) <= 2)).toBe(true);
    expect(points.every((p) => p.deductionRule)).toBe(true);
    expect(new Set(points.map((p) => p.checkMethod))).toEqual(new Set(['on_site', 'documents']));
  });

  it('gives full marks 100 and a pass', () => {
    const answers = example.dimensions.flatMap((d) =>
      d.points.map((p) => ({ pointId: p.id, score: p.scheme === 'yes_no_na' ? 1 : p.maxPoints })),
    );
    const sheet = computeScores(example, answers);
    expect([sheet.earned, sheet.possible, sheet.total, sheet.passed]).toEqual([100, 100, 100, true]);
  });
});

import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAssociation, buildMemberUnit, buildUser } from '../../test/factories.js';
import { actorOf, createTestApp, problem, type TestApp } from '../../test/harness.js';
import { registerInput } from '../registrations/registrations.factories.js';
import { register } from '../registrations/registrations.service.js';
import { plannedEvent } from './documents.fixtures.js';
import { hasPoppler, poppler, zipEntry } from './documents.test-support.js';
import { POSTER } from './poster.js';

let t: TestApp;
let staff: Awaited<ReturnType<typeof buildUser>>;
let published: Awaited<ReturnType<typeof plannedEvent>>;
let draft: Awaited<ReturnType<typeof plannedEvent>>;

beforeAll(async () => {
  t = await createTestApp();
  await buildAssociation(t.database);
  staff = await buildUser(t.database, { role: 'staff' });
  published = await plannedEvent(t.ctx(actorOf(staff)));
  draft = await plannedEvent(t.ctx(actorOf(staff)), { publish: false });
});
afterAll(() => t.close());

const noticeUrl = (id: string, format = 'pdf') => `/api/v1/events/${id}/notice.${format}`;

describe('GET /api/v1/events/:id/notice.pdf|docx (staff)', () => {
  it('asks an anonymous caller to sign in', async () => {
    const res = await t.anonymous().get(noticeUrl(published.event.id));
    expect(res.statusCode).toBe(401);
    expect(problem(res).code).toBe('auth.required');
  });

  it('refuses a member', async () => {
    const member = await buildUser(t.database, { role: 'member' });
    const res = await (await t.as(member)).get(noticeUrl(published.event.id, 'docx'));
    expect(res.statusCode).toBe(403);
    expect(problem(res).code).toBe('access.denied');
  });

  it('refuses a host, even of the visited site', async () => {
    const host = await buildUser(t.database, { role: 'host', siteId: published.site.id });
    const res = await (await t.as(host)).get(noticeUrl(published.event.id));
    expect(res.statusCode).toBe(403);
  });

  it('answers 400 for an id that is not a uuid', async () => {
    const res = await (await t.as(staff)).get('/api/v1/events/not-a-uuid/notice.pdf');
    expect(res.statusCode).toBe(400);
    expect(problem(res).errors?.[0].path).toBe('params.id');
  });

  it('answers 404 for an unknown event', async () => {
    const res = await (await t.as(staff)).get(noticeUrl('00000000-0000-4000-8000-000000000000'));
    expect(res.statusCode).toBe(404);
  });

  it.skipIf(!hasPoppler)(
    'renders a draft as a Chinese PDF: title, headings, association, page numbers',
    async () => {
      const res = await (await t.as(staff)).get(noticeUrl(draft.event.id));
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toContain(`filename="notice-${draft.event.slug}.pdf"`);
      expect(res.rawPayload.length).toBeLessThan(1024 * 1024);
      const text = poppler('pdftotext', res.rawPayload).replace(/\n/g, '');
      expect(text).toContain('关于组织开展“探寻智慧物业，共建美好家园”标杆小区参观学习活动的通知');
      expect(text).toContain('各会员单位：');
      expect(text).toContain('一、活动目的');
      expect(text).toContain('四、活动安排');
      expect(text).toContain('13:30-14:00 集合签到：');
      expect(text).toContain('示例市物业管理协会');
      expect(text).toMatch(/—\s*1\s*—/);
      expect(poppler('pdfinfo', res.rawPayload)).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    },
  );

  it.skipIf(!hasPoppler)(
    'puts the text block at 28 mm from the left and 37 mm from the top (GB/T 9704)',
    async () => {
      const res = await (await t.as(staff)).get(noticeUrl(draft.event.id));
      const bbox = poppler('pdftotext', res.rawPayload, ['-bbox', '-f', '1', '-l', '1']);
      const words = [
        ...bbox.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g),
      ].map((m) => ({ x: Number(m[1]), y: Number(m[2]), xMax: Number(m[3]), word: m[5] }));
      const mm = (pt: number) => (pt * 25.4) / 72;
      const addressee = words.find((w) => w.word.startsWith('各会员单位'))!;
      expect(mm(addressee.x)).toBeCloseTo(28, 0);
      const top = Math.min(...words.map((w) => w.y));
      expect(mm(top)).toBeGreaterThan(35);
      expect(mm(top)).toBeLessThan(41);
      const rightmost = Math.max(...words.filter((w) => !w.word.includes('—')).map((w) => w.xMax));
      expect(mm(rightmost)).toBeLessThanOrEqual(28 + 156 + 1);
    },
  );

  it('renders the DOCX with the Windows font names and A4 GB/T 9704 margins', async () => {
    const res = await (await t.as(staff)).get(noticeUrl(published.event.id, 'docx'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const xml = zipEntry(res.rawPayload, 'word/document.xml')!.toString('utf8');
    for (const font of ['仿宋_GB2312', '方正小标宋简体', '黑体', '楷体_GB2312']) expect(xml).toContain(font);
    expect(xml).toContain('探寻智慧物业，共建美好家园');
    expect(xml).toContain('一、活动目的');
    expect(xml).toContain('示例市物业管理协会');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/w:top="2098"[^>]*w:left="1587"/);
    const footer = zipEntry(res.rawPayload, 'word/footer1.xml')!.toString('utf8');
    expect(footer).toContain('PAGE');
    expect(footer).toContain('— ');
  });
});

describe('public event endpoints', () => {
  it('hides a draft: JSON, notice, poster and page are all 404', async () => {
    const client = t.anonymous();
    const slug = draft.event.slug;
    for (const url of [
      `/api/v1/public/events/${slug}`,
      `/api/v1/public/events/${slug}/notice.pdf`,
      `/api/v1/public/events/${slug}/notice.docx`,
      `/api/v1/public/events/${slug}/poster.png`,
    ]) {
      const res = await client.get(url);
      expect(res.statusCode, url).toBe(404);
      expect(problem(res).code).toBe('not_found');
    }
    const page = await client.get(`/e/${slug}`);
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('活动不存在或尚未发布');
  });

  it('answers 404, not 400 or 500, for a malformed slug', async () => {
    const res = await t.anonymous().get('/api/v1/public/events/%3Cscript%3E');
    expect(res.statusCode).toBe(404);
    expect(problem(res).code).toBe('not_found');
  });

  it('shows a published event to anyone, with the registration link still closed', async () => {
    const res = await t.anonymous().get(`/api/v1/public/events/${published.event.slug}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      slug: published.event.slug,
      theme: '探寻智慧物业，共建美好家园',
      associationName: '示例市物业管理协会',
      timeSpan: '13:30-17:00',
      registrationOpen: true,
    });
    expect(body.objectives[0].label).toBe('学习先进经验');
    expect(body.route[0].stops[0].name).toBe('入口大堂');
    expect(body.links.noticePdf).toBe(`/api/v1/public/events/${published.event.slug}/notice.pdf`);
  });

  it('serves the notice of a published event to anyone', async () => {
    const res = await t.anonymous().get(`/api/v1/public/events/${published.event.slug}/notice.docx`);
    expect(res.statusCode).toBe(200);
    expect(zipEntry(res.rawPayload, 'word/document.xml')!.toString('utf8')).toContain(
      `/e/${published.event.slug}`,
    );
  });

  it('renders the poster as a 1080 × 1620 PNG', async () => {
    const res = await t.anonymous().get(`/api/v1/public/events/${published.event.slug}/poster.png`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    const meta = await sharp(res.rawPayload).metadata();
    expect(meta).toMatchObject({ format: 'png', width: POSTER.width, height: POSTER.height });
  });

  it('serves /e/:slug as small gzipped HTML without scripts, with the register button', async () => {
    const res = await t.anonymous().get(`/e/${published.event.slug}`, { 'accept-encoding': 'gzip' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.rawPayload.length).toBeLessThan(8 * 1024);
    const plain = await t.anonymous().get(`/e/${published.event.slug}`);
    expect(plain.headers['content-type']).toContain('text/html');
    expect(plain.body).toContain('探寻智慧物业，共建美好家园');
    expect(plain.body).toContain('立即报名');
    expect(plain.body).toContain(`/e/${published.event.slug}/register`);
    expect(plain.body).toContain('13:30-14:00');
    expect(plain.body).not.toContain('<script');
  });

  it('answers a revisit with 304 when the page has not changed', async () => {
    const first = await t.anonymous().get(`/e/${published.event.slug}`);
    const again = await t.anonymous().get(`/e/${published.event.slug}`, {
      'if-none-match': String(first.headers.etag),
    });
    expect(again.statusCode).toBe(304);
  });

  it('speaks English to an English browser', async () => {
    const res = await t.anonymous('en-US').get(`/e/${published.event.slug}`);
    expect(res.body).toContain('Register now');
    const chosen = await t.anonymous('en-US').get(`/e/${published.event.slug}?lang=zh-CN`);
    expect(chosen.body).toContain('立即报名');
  });
});

describe('host brief', () => {
  const briefUrl = (id: string, suffix = '') => `/api/v1/events/${id}/host-brief${suffix}`;

  it('asks an anonymous caller to sign in', async () => {
    const res = await t.anonymous().get(briefUrl(published.event.id));
    expect(res.statusCode).toBe(401);
  });

  it('refuses a member', async () => {
    const member = await buildUser(t.database, { role: 'member' });
    const res = await (await t.as(member)).get(briefUrl(published.event.id));
    expect(res.statusCode).toBe(403);
  });

  it("hides another site's event from a host", async () => {
    const otherHost = await buildUser(t.database, { role: 'host', siteId: draft.site.id });
    const res = await (await t.as(otherHost)).get(briefUrl(published.event.id, '.pdf'));
    expect(res.statusCode).toBe(404);
  });

  it('hides a draft at its own site from a host', async () => {
    const host = await buildUser(t.database, { role: 'host', siteId: draft.site.id });
    const res = await (await t.as(host)).get(briefUrl(draft.event.id));
    expect(res.statusCode).toBe(404);
  });

  it('shows the host of the site the agenda, the capacity-based estimate and the route', async () => {
    const host = await buildUser(t.database, { role: 'host', siteId: published.site.id });
    const res = await (await t.as(host)).get(briefUrl(published.event.id));
    expect(res.statusCode).toBe(200);
    const brief = res.json();
    expect(brief.siteName).toBe(published.site.name);
    expect(brief.attendees).toMatchObject({ registrationStarted: false, expected: 60, questions: [] });
    expect(brief.agenda).toHaveLength(6);
    expect(brief.route[0].stops).toHaveLength(6);
  });

  it('lists only the events at the host’s own site', async () => {
    const host = await buildUser(t.database, { role: 'host', siteId: published.site.id });
    const res = await (await t.as(host)).get('/api/v1/host/events');
    expect(res.statusCode).toBe(200);
    expect(res.json().map((e: { id: string }) => e.id)).toEqual([published.event.id]);
  });

  it.skipIf(!hasPoppler)('renders the brief PDF with the "报名尚未开始" note', async () => {
    const host = await buildUser(t.database, { role: 'host', siteId: published.site.id });
    const res = await (await t.as(host)).get(briefUrl(published.event.id, '.pdf'));
    expect(res.statusCode).toBe(200);
    const text = poppler('pdftotext', res.rawPayload).replace(/\n/g, '');
    expect(text).toContain('给被参观方的说明');
    expect(text).toContain('报名尚未开始');
    expect(text).toContain('入口大堂');
  });

  it('renders the brief DOCX for staff', async () => {
    const res = await (await t.as(staff)).get(briefUrl(published.event.id, '.docx'));
    expect(res.statusCode).toBe(200);
    expect(zipEntry(res.rawPayload, 'word/document.xml')!.toString('utf8')).toContain('预计参观人数60人');
  });

  it('summarises the registrations for the host: unit types, positions, units and questions', async () => {
    const planned = await plannedEvent(t.ctx(actorOf(staff)));
    const unit = await buildMemberUnit(t.database, { unitType: 'property_company' });
    const visitor = t.ctx(null);
    await register(
      visitor,
      planned.event.id,
      registerInput(unit.id, { position: '项目经理', questions: '智慧平台的运维费用是多少？' }),
    );
    await register(visitor, planned.event.id, registerInput(unit.id, { position: '项目经理' }));
    await register(visitor, planned.event.id, registerInput(unit.id, { position: '客服主管' }));
    const host = await buildUser(t.database, { role: 'host', siteId: planned.site.id });
    const brief = (await (await t.as(host)).get(briefUrl(planned.event.id))).json();
    expect(brief.attendees).toEqual({
      registrationStarted: true,
      expected: 3,
      byUnitType: [{ label: '物业服务企业', count: 3 }],
      byPosition: [
        { label: '项目经理', count: 2 },
        { label: '客服主管', count: 1 },
      ],
      units: [unit.name],
      questions: ['智慧平台的运维费用是多少？'],
    });
  });
});

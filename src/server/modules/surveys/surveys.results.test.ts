import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Answers,
  NonRespondents,
  QuestionResult,
  StaffResponses,
  SurveyDetail,
  SurveyResults,
  SurveySlide,
} from '../../../contract/surveys.js';
import { realtimeEvents } from '../../core/realtime.table.js';
import { buildUser } from '../../test/factories.js';
import { createTestApp, problem, type TestApp, type TestClient } from '../../test/harness.js';
import { eraseExpiredPersonalData } from '../registrations/pass.service.js';
import { surveyFigures } from './surveys.figures.js';
import { buildAttendee, buildSurveyEvent } from './surveys.fixtures.js';
import { surveyResponses } from './surveys.table.js';

let t: TestApp;
let staff: TestClient;
let client: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  staff = await t.as(await buildUser(t.database, { role: 'staff' }));
  client = t.anonymous();
});
afterAll(() => t.close());

const api = (eventId: string, rest = '') => `/api/v1/events/${eventId}/survey${rest}`;
const pass = (token: string) => `/api/v1/passes/${token}/survey`;

const answers = (overrides: Answers): Answers => ({
  overall: 4,
  organisation: { notice: 4, signin: 4, schedule: 4, route: 4, service: 4 },
  content_value: 4,
  gain_level: 'some',
  nps: 8,
  ...overrides,
});

/** Five attendees (four arrived, with mobiles), three answers with known values. */
async function answered(opts: { anonymous: boolean }) {
  const built = await buildSurveyEvent(t);
  const people = [];
  for (let i = 0; i < 4; i++)
    people.push(
      await buildAttendee(t.database, built.event, built.eventSiteId, { mobile: `1391234000${i}` }),
    );
  const detail = (await staff.get(api(built.event.id))).json() as SurveyDetail;
  await staff.put(api(built.event.id), {
    definition: detail.definition,
    anonymous: opts.anonymous,
    audience: 'arrived',
  });
  await staff.post(api(built.event.id, '/open'));
  const [a, b, c, d] = people;
  const put = async (token: string, body: Answers) =>
    expect((await client.put(pass(token), { answers: body })).statusCode).toBe(200);
  await put(
    a.passToken,
    answers({
      overall: 5,
      content_best: ['tour', 'sharing'],
      gain_level: 'great',
      nps: 10,
      improve: '希望增加设备房的讲解',
    }),
  );
  await put(
    b.passToken,
    answers({ overall: 3, content_best: ['tour'], nps: 6, next_topics: '老旧小区改造' }),
  );
  await put(c.passToken, answers({ overall: 4, nps: 9, improve: '时间有点紧' }));
  return { ...built, a, b, c, d, detail };
}

const question = <T extends QuestionResult['type']>(results: SurveyResults, id: string) =>
  results.questions.find((q) => q.questionId === id) as Extract<QuestionResult, { type: T }>;

describe('results', () => {
  it('computes the rate, distributions, averages, choice counts, matrix rows, NPS and free text', async () => {
    const { event, a, b } = await answered({ anonymous: false });
    const results = (await staff.get(api(event.id, '/results'))).json() as SurveyResults;
    expect(results).toMatchObject({
      invited: 4,
      responses: 3,
      answered: 3,
      responseRate: 0.75,
      anonymous: false,
    });

    const overall = question<'rating'>(results, 'overall');
    expect(overall.average).toBe(4);
    expect(overall.distribution).toEqual([
      { value: 1, count: 0 },
      { value: 2, count: 0 },
      { value: 3, count: 1 },
      { value: 4, count: 1 },
      { value: 5, count: 1 },
    ]);
    const nps = question<'nps'>(results, 'nps');
    expect(nps.distribution).toHaveLength(11);
    expect(nps.nps).toEqual({ answered: 3, promoters: 2, passives: 0, detractors: 1, score: 33.3 });
    expect(results.nps).toEqual(nps.nps);
    expect(nps.average).toBe(8.33);

    const best = question<'multiple'>(results, 'content_best');
    expect(best.answered).toBe(2);
    expect(best.options.find((o) => o.optionId === 'tour')).toMatchObject({ count: 2, share: 1 });
    expect(best.options.find((o) => o.optionId === 'sharing')).toMatchObject({ count: 1, share: 0.5 });
    const gain = question<'single'>(results, 'gain_level');
    expect(gain.options.map((o) => o.count)).toEqual([1, 2, 0, 0]);

    const matrix = question<'matrix'>(results, 'organisation');
    expect(matrix.rows.map((r) => r.average)).toEqual([4, 4, 4, 4, 4]);
    expect(matrix.rows[0].answered).toBe(3);

    const improve = question<'long_text'>(results, 'improve');
    // (The test clock stands still, so the submit order is a tie here.)
    expect(improve.answers).toHaveLength(2);
    expect(improve.answers).toEqual(
      expect.arrayContaining([
        { text: '希望增加设备房的讲解', respondent: { name: a.name, unitName: a.unitName } },
        { text: '时间有点紧', respondent: expect.objectContaining({ name: expect.any(String) }) },
      ]),
    );
    expect(question<'short_text'>(results, 'next_topics').answers[0].respondent?.name).toBe(b.name);

    // overall 4, content 4, matrix rows 4 ×5 → 4; the retrospective gets the same figures.
    expect(results.satisfactionAverage).toBe(4);
    expect(await surveyFigures(t.ctx(), event.id)).toEqual({
      invited: 4,
      responses: 3,
      responseRate: 0.75,
      satisfactionAverage: 4,
      nps: 33.3,
    });

    const responses = (await staff.get(api(event.id, '/responses'))).json() as StaffResponses;
    expect(responses.items.map((r) => r.respondent?.name)).toContain(a.name);
    expect(responses.items.every((r) => r.id && r.submittedAt)).toBe(true);
  });

  it('counts answered / invited within the audience: a response from outside stays listed, not in the rate', async () => {
    const built = await buildSurveyEvent(t);
    const here = await buildAttendee(t.database, built.event, built.eventSiteId);
    const away = await buildAttendee(t.database, built.event, built.eventSiteId, { arrived: false });
    await buildAttendee(t.database, built.event, built.eventSiteId);
    const detail = (await staff.get(api(built.event.id))).json() as SurveyDetail;
    const put = (audience: 'arrived' | 'confirmed') =>
      staff.put(api(built.event.id), { definition: detail.definition, anonymous: false, audience });
    const before = (await staff.get(api(built.event.id, '/results'))).json() as SurveyResults;
    expect(before).toMatchObject({ invited: 0, responses: 0, answered: 0, responseRate: null });

    expect((await put('confirmed')).statusCode).toBe(200);
    await staff.post(api(built.event.id, '/open'));
    for (const person of [here, away])
      expect((await client.put(pass(person.passToken), { answers: answers({}) })).statusCode).toBe(200);
    const all = (await staff.get(api(built.event.id, '/results'))).json() as SurveyResults;
    expect(all).toMatchObject({ invited: 3, responses: 2, answered: 2 });

    // Narrowed to the people who came: the absentee's response stays, outside the rate.
    expect((await put('arrived')).statusCode).toBe(200);
    const arrived = (await staff.get(api(built.event.id, '/results'))).json() as SurveyResults;
    expect(arrived).toMatchObject({ invited: 2, responses: 2, answered: 1, responseRate: 0.5 });
  });

  it('publishes a data-free hint on every response for the live results page', async () => {
    const { event, d } = await answered({ anonymous: true });
    await client.put(pass(d.passToken), { answers: answers({}) });
    const hints = await t.database.db
      .select()
      .from(realtimeEvents)
      .where(eq(realtimeEvents.channel, `event:${event.id}:survey`));
    const responses = hints.filter((h) => (h.data as { kind: string }).kind === 'response');
    expect(responses).toHaveLength(4);
    expect(responses.every((h) => JSON.stringify(h.data) === '{"kind":"response"}')).toBe(true);
  });
});

describe('anonymous results', () => {
  it('never show who answered what in results, responses or the export; non-respondents stay listed', async () => {
    const { event, a, b, c, d } = await answered({ anonymous: true });
    const respondents = [a, b, c];
    const secrets = respondents.flatMap((p) => [p.name, p.id, p.passToken, p.mobile!, p.email!]);
    const stored = await t.database.db
      .select({ id: surveyResponses.id })
      .from(surveyResponses)
      .where(eq(surveyResponses.registrationId, a.id));
    secrets.push(stored[0].id);

    const resultsRes = await staff.get(api(event.id, '/results'));
    const responsesRes = await staff.get(api(event.id, '/responses'));
    for (const body of [resultsRes.body, responsesRes.body])
      for (const secret of secrets) expect(body).not.toContain(secret);

    const results = resultsRes.json() as SurveyResults;
    expect(results.anonymous).toBe(true);
    expect(question<'long_text'>(results, 'improve').answers.map((x) => x)).toEqual(
      expect.arrayContaining([{ text: '时间有点紧', respondent: null }]),
    );
    const responses = responsesRes.json() as StaffResponses;
    expect(responses.items).toHaveLength(3);
    expect(
      responses.items.every((r) => r.id === null && r.respondent === null && r.submittedAt === null),
    ).toBe(true);

    const xlsx = await staff.get(api(event.id, '/export.xlsx'));
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    for (const sheet of workbook.worksheets)
      sheet.eachRow((row) => {
        row.eachCell((cell) => {
          cells.push(String(cell.value));
        });
      });
    const text = cells.join('\n');
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).toContain('时间有点紧');
    expect(workbook.worksheets[1].getRow(1).getCell(1).value).toBe('#');

    // Who has not answered is not an answer: the list (and the reminder) still works.
    const missing = (await staff.get(api(event.id, '/non-respondents'))).json() as NonRespondents;
    expect(missing.items.map((p) => p.name)).toEqual([d.name]);
    expect(missing.items[0].mobileMasked).toBe('139****0003');
  });

  it('export names the respondents when the survey is not anonymous', async () => {
    const { event, a } = await answered({ anonymous: false });
    const res = await staff.get(api(event.id, '/export.xlsx'));
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('survey-');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['汇总', '答卷']);
    const sheet = workbook.worksheets[1];
    expect(sheet.getRow(1).getCell(1).value).toBe('姓名');
    const names = [2, 3, 4].map((r) => sheet.getRow(r).getCell(1).value);
    expect(names).toContain(a.name);
    const summary: string[] = [];
    workbook.worksheets[0].eachRow((row) => {
      summary.push(row.values.toString());
    });
    expect(summary.join('\n')).toContain('75%');
  });
});

describe('QR slide', () => {
  it('is public once the survey is open: title, join URL and QR, counts only', async () => {
    const { event, detail } = await answered({ anonymous: false });
    const slide = (await client.get(`/api/v1/public/events/${event.slug}/survey`)).json() as SurveySlide;
    expect(slide).toMatchObject({
      title: detail.definition.title,
      status: 'open',
      joinUrl: `http://guanmo.test/e/${event.slug}/survey`,
      responses: 3,
      invited: 4,
    });
    expect(slide.qrSvg).toMatch(/^<svg/);
    const other = await buildSurveyEvent(t);
    await staff.get(api(other.event.id));
    expect(problem(await client.get(`/api/v1/public/events/${other.event.slug}/survey`)).status).toBe(404);
  });
});

describe('personal data', () => {
  it('exports the own response (also when anonymous) and erases it on request', async () => {
    const { event, a } = await answered({ anonymous: true });
    const exported = (await client.get(`/api/v1/passes/${a.passToken}/export`)).json();
    expect(exported.survey.answers).toMatchObject({ overall: 5, improve: '希望增加设备房的讲解' });
    expect((await client.post(`/api/v1/passes/${a.passToken}/erase`)).statusCode).toBe(200);
    const rows = await t.database.db
      .select()
      .from(surveyResponses)
      .where(eq(surveyResponses.registrationId, a.id));
    expect(rows).toEqual([]);
    const results = (await staff.get(api(event.id, '/results'))).json() as SurveyResults;
    expect(results.responses).toBe(2);
    expect(JSON.stringify(results)).not.toContain('希望增加设备房的讲解');
  });

  it('the retention job keeps scores and choices but removes free text', async () => {
    const { event, a } = await answered({ anonymous: false });
    const now = t.clock.now();
    try {
      t.clock.set(new Date(new Date(`${event.eventDate}T00:00:00+08:00`).getTime() + 400 * 86400_000));
      await eraseExpiredPersonalData(t.ctx());
    } finally {
      t.clock.set(now);
    }
    const [row] = await t.database.db
      .select()
      .from(surveyResponses)
      .where(eq(surveyResponses.registrationId, a.id));
    expect(row.answers).not.toHaveProperty('improve');
    expect(row.answers).toMatchObject({ overall: 5, gain_level: 'great', nps: 10 });
    expect((await surveyFigures(t.ctx(), event.id)).responses).toBe(3);
  });
});

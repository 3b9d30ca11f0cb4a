import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  NonRespondents,
  PassSurvey,
  SendResult,
  SurveyDefinition,
  SurveyDetail,
  ValidationResult,
} from '../../../contract/surveys.js';
import { buildUser } from '../../test/factories.js';
import { createTestApp, problem, type TestApp, type TestClient } from '../../test/harness.js';
import { events } from '../events/events.table.js';
import { outbox } from '../notifications/outbox.table.js';
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

/** Answers to the default template's required questions (and a few optional ones). */
const GOOD = {
  overall: 5,
  organisation: { notice: 5, signin: 4, schedule: 3, route: 4, service: 5 },
  content_value: 4,
  content_best: ['tour', 'sharing'],
  gain_level: 'great',
  improve: '  讲解时间可以再长一些  ',
  nps: 9,
};

async function setup(opts: { open?: boolean } = {}) {
  const built = await buildSurveyEvent(t);
  const a = await buildAttendee(t.database, built.event, built.eventSiteId);
  const b = await buildAttendee(t.database, built.event, built.eventSiteId);
  const absent = await buildAttendee(t.database, built.event, built.eventSiteId, { arrived: false });
  const detail = (await staff.get(api(built.event.id))).json() as SurveyDetail;
  if (opts.open) expect((await staff.post(api(built.event.id, '/open'))).statusCode).toBe(200);
  return { ...built, a, b, absent, detail };
}

const withDefinition = (detail: SurveyDetail, change: (d: SurveyDefinition) => void) => {
  const definition = structuredClone(detail.definition);
  change(definition);
  return { definition, anonymous: detail.anonymous, audience: detail.audience };
};

describe('access', () => {
  it('refuses the survey API to anonymous users (401), members and hosts (403)', async () => {
    const { event } = await buildSurveyEvent(t);
    expect(problem(await client.get(api(event.id))).status).toBe(401);
    for (const role of ['member', 'host'] as const) {
      const user = await t.as(await buildUser(t.database, { role }));
      expect(problem(await user.get(api(event.id))).code).toBe('access.denied');
      expect(problem(await user.get(api(event.id, '/results'))).code).toBe('access.denied');
      expect(problem(await user.post(api(event.id, '/send'), {})).code).toBe('access.denied');
      expect(problem(await user.get(api(event.id, '/export.xlsx'))).code).toBe('access.denied');
    }
    expect(problem(await staff.get(api('00000000-0000-4000-8000-000000000000'))).status).toBe(404);
  });
});

describe('builder', () => {
  it('creates the survey from the default template on first open, in the language of who opens it', async () => {
    const { detail } = await setup();
    expect(detail.status).toBe('draft');
    expect(detail.audience).toBe('arrived');
    expect(detail.anonymous).toBe(false);
    expect(detail.passPath).toBe('/p/{token}/survey');
    expect(detail.definition.sections.map((s) => s.title)).toEqual([
      '活动组织',
      '参观内容',
      '学习收获',
      '意见建议',
      '推荐意愿',
    ]);
    const questions = detail.definition.sections.flatMap((s) => s.questions);
    expect(questions.map((q) => q.type)).toEqual([
      'rating',
      'matrix',
      'rating',
      'multiple',
      'multiple',
      'single',
      'long_text',
      'long_text',
      'short_text',
      'nps',
    ]);
    expect(detail.definition.title).toContain('满意度调查');

    const english = await t.as(await buildUser(t.database, { role: 'staff' }), 'en-US');
    const { event } = await buildSurveyEvent(t);
    const en = (await english.get(api(event.id))).json() as SurveyDetail;
    expect(en.definition.sections[0].title).toBe('Organisation');
    // A second open returns the same survey (one per event).
    expect(((await staff.get(api(event.id))).json() as SurveyDetail).id).toBe(en.id);
  });

  it('validates the definition with field errors and stores only valid ones', async () => {
    const { event, detail } = await setup();
    const bad = withDefinition(detail, (d) => {
      d.sections[1].id = d.sections[0].id;
      const single = d.sections[2].questions[0];
      if (single.type === 'single') single.options = [single.options[0]];
      const matrix = d.sections[0].questions[1];
      if (matrix.type === 'matrix') matrix.rows = [];
      d.sections[3].questions[0].title = '  ';
    });
    const res = problem(await staff.put(api(event.id), bad));
    expect(res.status).toBe(400);
    expect(res.code).toBe('surveys.invalid_definition');
    expect(res.errors?.map((e) => e.path).sort()).toEqual(
      [
        'body.definition.sections.1.id',
        'body.definition.sections.2.questions.0.options',
        'body.definition.sections.0.questions.1.rows',
        'body.definition.sections.3.questions.0.title',
      ].sort(),
    );
    expect(res.errors?.find((e) => e.path.endsWith('sections.1.id'))?.message).toContain('重复');

    // The validate endpoint reports the same without storing.
    const check = (await staff.post(api(event.id, '/validate'), bad)).json() as ValidationResult;
    expect(check.valid).toBe(false);
    expect(check.errors.map((e) => e.code)).toContain('surveys.validation.duplicate_id');
    expect(check.errors.every((e) => e.message && !e.message.startsWith('errors.'))).toBe(true);

    // Structure errors come from zod (unknown type, bad id characters).
    const wrongType = withDefinition(detail, (d) => {
      (d.sections[0].questions[0] as { type: string }).type = 'slider';
    });
    expect(problem(await staff.put(api(event.id), wrongType)).code).toBe('validation.failed');
    const badId = withDefinition(detail, (d) => {
      d.sections[0].id = 'has space';
    });
    expect(problem(await staff.put(api(event.id), badId)).code).toBe('validation.failed');

    const stored = (await staff.get(api(event.id))).json() as SurveyDetail;
    expect(stored.definition).toEqual(detail.definition);

    const good = withDefinition(detail, (d) => {
      d.sections[0].questions.push({
        id: 'food',
        type: 'rating',
        style: 'scale10',
        title: '茶歇满意度',
        description: null,
        required: false,
        lowLabel: null,
        highLabel: null,
      });
    });
    const saved = (
      await staff.put(api(event.id), { ...good, anonymous: true, audience: 'confirmed' })
    ).json();
    expect(saved.definition.sections[0].questions).toHaveLength(3);
    expect(saved).toMatchObject({ anonymous: true, audience: 'confirmed' });
  });

  it('moves draft → open → closed → open, refuses to open for a draft event, and locks archived events', async () => {
    const { event } = await setup();
    expect(problem(await staff.post(api(event.id, '/close'))).code).toBe('surveys.not_open');
    await t.database.db.update(events).set({ status: 'draft' }).where(eq(events.id, event.id));
    expect(problem(await staff.post(api(event.id, '/open'))).code).toBe('surveys.event_not_published');
    await t.database.db.update(events).set({ status: 'completed' }).where(eq(events.id, event.id));
    const opened = (await staff.post(api(event.id, '/open'))).json() as SurveyDetail;
    expect(opened.status).toBe('open');
    expect(opened.openedAt).not.toBeNull();
    const closed = (await staff.post(api(event.id, '/close'))).json() as SurveyDetail;
    expect(closed.status).toBe('closed');
    expect(closed.closedAt).not.toBeNull();
    expect(((await staff.post(api(event.id, '/close'))).json() as SurveyDetail).status).toBe('closed');
    const reopened = (await staff.post(api(event.id, '/open'))).json() as SurveyDetail;
    expect(reopened).toMatchObject({ status: 'open', closedAt: null, openedAt: opened.openedAt });
    await t.database.db.update(events).set({ status: 'archived' }).where(eq(events.id, event.id));
    expect(problem(await staff.post(api(event.id, '/close'))).code).toBe('events.locked');
  });

  it('once answered, allows only additive and text changes, keeps anonymity on, refuses a reset', async () => {
    const { event, a, detail } = await setup({ open: true });
    await staff.put(api(event.id), { ...withDefinition(detail, () => {}), anonymous: true });
    expect((await client.put(pass(a.passToken), { answers: GOOD })).statusCode).toBe(200);
    const current = { ...detail, anonymous: true };

    const removed = withDefinition(current, (d) => {
      d.sections[4].questions = [];
    });
    const res = problem(await staff.put(api(event.id), removed));
    expect(res.status).toBe(409);
    expect(res.code).toBe('surveys.change_breaks_responses');
    expect(res.errors?.[0].message).toContain('nps');

    const retyped = withDefinition(current, (d) => {
      const q = d.sections[0].questions[0];
      if (q.type === 'rating') q.style = 'scale10';
      const gain = d.sections[2].questions[0];
      if (gain.type === 'single') gain.options.pop();
    });
    const codes = (await staff.post(api(event.id, '/validate'), retyped)).json() as ValidationResult;
    expect(codes.errors.map((e) => e.code).sort()).toEqual([
      'surveys.change.option_removed',
      'surveys.change.scale_changed',
    ]);

    const additive = withDefinition(current, (d) => {
      d.title = '新的标题';
      d.sections[0].questions[0].title = '总体而言，您满意吗？';
      const gain = d.sections[2].questions[0];
      if (gain.type === 'single') gain.options.push({ id: 'other', label: '其他' });
      d.sections.push({
        id: 'extra',
        title: '补充',
        description: null,
        questions: [
          {
            id: 'more',
            type: 'short_text',
            title: '还有什么想说的？',
            description: null,
            required: false,
            placeholder: null,
          },
        ],
      });
      d.sections.reverse();
    });
    expect((await staff.put(api(event.id), additive)).statusCode).toBe(200);

    const offAgain = { ...additive, anonymous: false };
    expect(problem(await staff.put(api(event.id), offAgain)).code).toBe('surveys.anonymity_locked');
    expect(problem(await staff.post(api(event.id, '/reset'), { lang: 'en-US' })).code).toBe(
      'surveys.has_responses',
    );
  });

  it('resets to the default template in another language before anyone answered', async () => {
    const { event } = await setup();
    const reset = (await staff.post(api(event.id, '/reset'), { lang: 'en-US' })).json() as SurveyDetail;
    expect(reset.definition.sections[4].questions[0].title).toContain('recommend');
  });
});

describe('attendee', () => {
  it('shows nothing while the survey is a draft, and answers 404 for an unknown pass', async () => {
    const { a } = await setup();
    const view = (await client.get(pass(a.passToken))).json() as PassSurvey;
    expect(view).toMatchObject({ survey: null, response: null, canRespond: false, reason: 'not_open' });
    expect(problem(await client.put(pass(a.passToken), { answers: GOOD })).code).toBe('surveys.not_open');
    expect(problem(await client.get(pass('x'.repeat(30)))).code).toBe('pass.not_found');
  });

  it('checks required answers, types, scales, options and lengths with field errors', async () => {
    const { a } = await setup({ open: true });
    const missing = problem(await client.put(pass(a.passToken), { answers: { overall: 5 } }));
    expect(missing.code).toBe('surveys.invalid_answers');
    expect(missing.errors?.map((e) => e.path).sort()).toEqual(
      ['organisation', 'content_value', 'gain_level', 'nps'].map((id) => `body.answers.${id}`).sort(),
    );
    expect(missing.errors?.[0].message).toBe('此题为必答题');

    const wrong = problem(
      await client.put(pass(a.passToken), {
        answers: {
          ...GOOD,
          overall: 6,
          organisation: { notice: 5 },
          content_value: 'four',
          content_best: ['tour', 'nope'],
          dimensions: ['smart', 'environment', 'safety'],
          gain_level: ['great'],
          next_topics: 'x'.repeat(201),
          nps: 2.5,
          ghost: 1,
        },
      }),
    );
    const byPath = Object.fromEntries(
      (wrong.errors ?? []).map((e) => [e.path.replace('body.answers.', ''), e.message]),
    );
    expect(byPath).toEqual({
      overall: '请在 1–5 之间选择',
      organisation: '此题为必答题',
      content_value: '答案格式不正确',
      content_best: '选项不存在，请重新选择',
      dimensions: '最多选择 2 项',
      gain_level: '答案格式不正确',
      next_topics: '不能超过 200 个字',
      nps: '答案格式不正确',
      ghost: '问卷中没有这道题',
    });

    const english = t.anonymous('en-US');
    const en = problem(await english.put(pass(a.passToken), { answers: { ...GOOD, nps: 11 } }));
    expect(en.errors?.[0]).toEqual({ path: 'body.answers.nps', message: 'Choose a value from 0 to 10' });
  });

  it('keeps one response per pass, editable until the survey closes, again after reopening', async () => {
    const { event, a } = await setup({ open: true });
    const first = (await client.put(pass(a.passToken), { answers: GOOD })).json() as PassSurvey;
    expect(first.response?.answers.improve).toBe('讲解时间可以再长一些');
    expect(first.response?.answers).not.toHaveProperty('dimensions');
    const second = (
      await client.put(pass(a.passToken), { answers: { ...GOOD, nps: 10, improve: '' } })
    ).json() as PassSurvey;
    expect(second.response?.id).toBe(first.response?.id);
    expect(second.response?.submittedAt).toBe(first.response?.submittedAt);
    expect(second.response?.answers.nps).toBe(10);
    expect(second.response?.answers).not.toHaveProperty('improve');
    const rows = await t.database.db
      .select()
      .from(surveyResponses)
      .where(eq(surveyResponses.registrationId, a.id));
    expect(rows).toHaveLength(1);
    // The database refuses a second row for the same pass.
    await expect(
      t.database.db
        .insert(surveyResponses)
        .values({ surveyId: rows[0].surveyId, registrationId: a.id, answers: {}, submittedAt: new Date() }),
    ).rejects.toThrow();

    await staff.post(api(event.id, '/close'));
    const closed = (await client.get(pass(a.passToken))).json() as PassSurvey;
    expect(closed).toMatchObject({ canRespond: false, reason: 'closed' });
    expect(closed.response?.answers.nps).toBe(10);
    expect(problem(await client.put(pass(a.passToken), { answers: GOOD })).code).toBe('surveys.closed');
    await staff.post(api(event.id, '/open'));
    expect((await client.put(pass(a.passToken), { answers: GOOD })).statusCode).toBe(200);
  });

  it('stores one row when the same pass submits several times at once', async () => {
    const { a } = await setup({ open: true });
    const results = await Promise.all(
      [6, 7, 8, 9, 10].map((nps) => client.put(pass(a.passToken), { answers: { ...GOOD, nps } })),
    );
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    const rows = await t.database.db
      .select()
      .from(surveyResponses)
      .where(eq(surveyResponses.registrationId, a.id));
    expect(rows).toHaveLength(1);
  });

  it('lets only the audience answer: arrived by default, every confirmed pass when chosen', async () => {
    const { event, eventSiteId, absent, detail } = await setup({ open: true });
    const cancelled = await buildAttendee(t.database, event, eventSiteId, { status: 'cancelled' });
    const view = (await client.get(pass(absent.passToken))).json() as PassSurvey;
    expect(view).toMatchObject({ canRespond: false, reason: 'not_invited' });
    expect(view.survey?.definition.title).toBe(detail.definition.title);
    const refused = problem(await client.put(pass(absent.passToken), { answers: GOOD }));
    expect(refused).toMatchObject({ status: 403, code: 'surveys.not_invited' });

    await staff.put(api(event.id), { ...withDefinition(detail, () => {}), audience: 'confirmed' });
    expect((await client.put(pass(absent.passToken), { answers: GOOD })).statusCode).toBe(200);
    expect(problem(await client.put(pass(cancelled.passToken), { answers: GOOD })).code).toBe(
      'surveys.not_invited',
    );
  });
});

describe('sending and reminders', () => {
  const messages = (eventId: string, type: string) =>
    t.database.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.eventId, eventId), eq(outbox.messageType, type)));

  it('opens the survey and invites the arrived audience once, with their pass link', async () => {
    const { event, eventSiteId, a, b, absent } = await setup();
    const noEmail = await buildAttendee(t.database, event, eventSiteId, { email: null });
    const result = (await staff.post(api(event.id, '/send'), {})).json() as SendResult;
    expect(result).toEqual({ status: 'open', audience: 3, queued: 2, skipped: 0, unreachable: 1 });
    const sent = await messages(event.id, 'survey_invite');
    expect(sent.map((m) => m.recipient).sort()).toEqual([a.email, b.email].sort());
    const toA = sent.find((m) => m.recipient === a.email)!;
    expect(toA.body).toContain(`http://guanmo.test/p/${a.passToken}/survey`);
    expect(toA.body).toContain(a.name);
    expect(toA.subject).toContain('满意度调查');
    expect(sent.some((m) => m.recipient === absent.email)).toBe(false);
    expect(noEmail.email).toBeNull();

    // Again: nobody twice; a walk-in checked in since is invited.
    const again = (await staff.post(api(event.id, '/send'), {})).json() as SendResult;
    expect(again).toMatchObject({ queued: 0, skipped: 3 });
    const walkIn = await buildAttendee(t.database, event, eventSiteId);
    expect(((await staff.post(api(event.id, '/send'), {})).json() as SendResult).queued).toBe(1);
    expect((await messages(event.id, 'survey_invite')).map((m) => m.recipient)).toContain(walkIn.email);

    // Choosing the confirmed audience adds the ones who never checked in.
    const wider = (await staff.post(api(event.id, '/send'), { audience: 'confirmed' })).json() as SendResult;
    expect(wider).toMatchObject({ audience: 5, queued: 1 });
  });

  it('reminds only non-respondents, at most once per cooldown, and lists them with masked mobiles', async () => {
    const { event, eventSiteId, a, b } = await setup();
    const c = await buildAttendee(t.database, event, eventSiteId, { mobile: '13812345678' });
    await staff.post(api(event.id, '/send'), {});
    await client.put(pass(a.passToken), { answers: GOOD });

    const list = (await staff.get(api(event.id, '/non-respondents'))).json() as NonRespondents;
    expect(list.audience).toBe(3);
    expect(list.items.map((p) => p.registrationId).sort()).toEqual([b.id, c.id].sort());
    const listed = list.items.find((p) => p.registrationId === c.id)!;
    expect(listed).toMatchObject({ name: c.name, mobileMasked: '138****5678', hasEmail: true, reminders: 0 });
    expect(listed.invitedAt).not.toBeNull();
    expect(JSON.stringify(list)).not.toContain('13812345678');

    // Just invited: the reminder waits for the cooldown.
    expect((await staff.post(api(event.id, '/remind'))).json()).toMatchObject({ queued: 0, skipped: 2 });
    const now = t.clock.now();
    try {
      t.clock.set(new Date(now.getTime() + 2 * 3600_000));
      expect((await staff.post(api(event.id, '/remind'))).json()).toMatchObject({ queued: 2, skipped: 0 });
      expect((await staff.post(api(event.id, '/remind'))).json()).toMatchObject({ queued: 0, skipped: 2 });
    } finally {
      t.clock.set(new Date());
    }
    const reminders = await messages(event.id, 'survey_reminder');
    expect(reminders.map((m) => m.recipient).sort()).toEqual([b.email, c.email].sort());
    expect(reminders[0].body).toContain('/survey');
    const after = (await staff.get(api(event.id, '/non-respondents'))).json() as NonRespondents;
    expect(after.items.every((p) => p.reminders === 1 && p.lastRemindedAt)).toBe(true);

    await staff.post(api(event.id, '/close'));
    expect(problem(await staff.post(api(event.id, '/remind'))).code).toBe('surveys.not_open');
  });

  it('counts people without an e-mail address as unreachable, also right after their invitation', async () => {
    const { event, eventSiteId } = await setup();
    await buildAttendee(t.database, event, eventSiteId, { email: null });
    const sent = (await staff.post(api(event.id, '/send'), {})).json() as SendResult;
    expect(sent).toMatchObject({ audience: 3, queued: 2, skipped: 0, unreachable: 1 });

    // Within the cooldown: the two invited by e-mail wait, the one without an address is unreachable.
    const soon = (await staff.post(api(event.id, '/remind'))).json() as SendResult;
    expect(soon).toMatchObject({ queued: 0, skipped: 2, unreachable: 1 });
    const now = t.clock.now();
    try {
      t.clock.set(new Date(now.getTime() + 2 * 3600_000));
      const later = (await staff.post(api(event.id, '/remind'))).json() as SendResult;
      expect(later).toMatchObject({ queued: 2, skipped: 0, unreachable: 1 });
    } finally {
      t.clock.set(new Date());
    }
    expect(await messages(event.id, 'survey_reminder')).toHaveLength(2);
  });
});

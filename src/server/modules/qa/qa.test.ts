import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ImportResult,
  PassBoard,
  PassQuestion,
  QaSettings,
  Screen,
  StaffBoard,
  StaffQuestion,
  VoteResult,
} from '../../../contract/qa.js';
import { buildUser } from '../../test/factories.js';
import { createTestApp, problem, type TestApp, type TestClient } from '../../test/harness.js';
import { auditLog } from '../audit/audit.table.js';
import { setEventStatus } from '../observations/observations.fixtures.js';
import { observationNotes, observations } from '../observations/observations.table.js';
import { qaFigures } from './qa.figures.js';
import { buildQaEvent, buildQaPass } from './qa.fixtures.js';
import { PREPARED_QUESTIONS } from './qa.prepared.js';
import { ERASED_QUESTION } from './qa.privacy.js';
import { qaQuestions, qaVotes } from './qa.table.js';

let t: TestApp;
let anon: TestClient;
let staff: TestClient;
let admin: TestClient;
let member: TestClient;
let host: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  anon = t.anonymous();
  staff = await t.as(await buildUser(t.database, { role: 'staff' }));
  admin = await t.as(await buildUser(t.database, { role: 'admin' }));
  member = await t.as(await buildUser(t.database, { role: 'member' }));
  host = await t.as(await buildUser(t.database, { role: 'host' }));
});
afterAll(() => t.close());

const pass = (token: string) => `/api/v1/passes/${token}/qa`;
const ev = (eventId: string) => `/api/v1/events/${eventId}/qa`;

async function askAs(token: string, text: string, extra: Record<string, unknown> = {}) {
  const res = await anon.post(`${pass(token)}/questions`, { text, ...extra });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as PassQuestion;
}
async function act(eventId: string, questionId: string, action: string, body?: unknown) {
  const res = await staff.post(`${ev(eventId)}/questions/${questionId}/${action}`, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as StaffQuestion;
}
const vote = (token: string, questionId: string, on = true) =>
  on
    ? anon.post(`${pass(token)}/questions/${questionId}/vote`)
    : anon.delete(`${pass(token)}/questions/${questionId}/vote`);
const boardOf = async (token: string, sort = 'votes') =>
  (await anon.get(`${pass(token)}?sort=${sort}`)).json() as PassBoard;
const staffBoardOf = async (eventId: string, sort = 'votes') =>
  (await staff.get(`${ev(eventId)}?sort=${sort}`)).json() as StaffBoard;
async function setPreModeration(eventId: string, on: boolean) {
  const res = await staff.patch(`${ev(eventId)}/settings`, { preModeration: on });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as QaSettings;
}

describe('access', () => {
  it('refuses staff routes to visitors (401), members and hosts (403); unknown events are 404', async () => {
    const { event } = await buildQaEvent(t);
    expect(problem(await anon.get(ev(event.id))).status).toBe(401);
    expect(problem(await member.get(ev(event.id))).code).toBe('access.denied');
    expect(problem(await host.post(`${ev(event.id)}/import`, {})).code).toBe('access.denied');
    expect(problem(await member.patch(`${ev(event.id)}/settings`, { open: false })).status).toBe(403);
    expect(problem(await staff.get(ev(randomUUID()))).status).toBe(404);
    expect((await admin.get(ev(event.id))).statusCode).toBe(200);
  });

  it('answers a translated 400 for bad input and 404 for an unknown pass', async () => {
    const { a } = await buildQaEvent(t);
    const empty = problem(await anon.post(`${pass(a.passToken)}/questions`, { text: '   ' }));
    expect(empty.status).toBe(400);
    expect(empty.errors?.[0].path).toBe('body.text');
    const long = problem(await anon.post(`${pass(a.passToken)}/questions`, { text: '问'.repeat(501) }));
    expect(long.status).toBe(400);
    expect(problem(await anon.get(pass('x'.repeat(30)))).code).toBe('pass.not_found');
    const en = await t.anonymous('en-US').post(`${pass(a.passToken)}/questions/${randomUUID()}/vote`);
    expect(problem(en).detail).toMatch(/question/i);
  });

  it('lets only confirmed passes take part; closed events and closed asking are refused', async () => {
    const { event, eventSiteId, a } = await buildQaEvent(t);
    const waitlisted = await buildQaPass(t.database, event, eventSiteId, 'waitlisted');
    const cancelled = await buildQaPass(t.database, event, eventSiteId, 'cancelled');
    expect(problem(await anon.get(pass(waitlisted.passToken))).code).toBe('qa.not_confirmed');
    expect(problem(await anon.post(`${pass(cancelled.passToken)}/questions`, { text: '能问吗?' })).code).toBe(
      'qa.pass_cancelled',
    );

    await staff.patch(`${ev(event.id)}/settings`, { open: false });
    expect(problem(await anon.post(`${pass(a.passToken)}/questions`, { text: '还能问吗?' })).code).toBe(
      'qa.asking_closed',
    );
    expect(await boardOf(a.passToken)).toMatchObject({
      open: false,
      canAsk: false,
      refusal: 'qa.asking_closed',
    });
    await staff.patch(`${ev(event.id)}/settings`, { open: true });
    const q = await askAs(a.passToken, '可以问了吗?');

    await setEventStatus(t.database, event.id, 'completed');
    expect(problem(await anon.post(`${pass(a.passToken)}/questions`, { text: '结束后?' })).code).toBe(
      'qa.event_not_live',
    );
    expect(problem(await vote(a.passToken, q.id)).code).toBe('qa.event_not_live');
    const board = await boardOf(a.passToken);
    expect(board.canAsk).toBe(false);
    expect(board.questions.map((x) => x.id)).toEqual([q.id]);
  });
});

describe('asking', () => {
  it('shows a live question at once without pre-moderation, with its author unless anonymous', async () => {
    const { event, a, b } = await buildQaEvent(t);
    const named = await askAs(a.passToken, '设备房无人化改造投入多少?');
    expect(named).toMatchObject({
      source: 'live',
      status: 'approved',
      anonymous: false,
      authorName: a.name,
      authorUnit: a.unitName,
      mine: true,
      votedByMe: false,
    });
    const hidden = await askAs(b.passToken, '物业费收缴率多少?', { anonymous: true });
    expect(hidden).toMatchObject({ anonymous: true, authorName: null, authorUnit: null, mine: true });
    // The author is kept for abuse handling, but no view shows it.
    const [row] = await t.database.db.select().from(qaQuestions).where(eq(qaQuestions.id, hidden.id));
    expect(row.registrationId).toBe(b.id);
    const seenByA = (await boardOf(a.passToken)).questions.find((q) => q.id === hidden.id);
    expect(seenByA).toMatchObject({ authorName: null, authorUnit: null, mine: false });
    const seenByStaff = (await staffBoardOf(event.id)).questions.find((q) => q.id === hidden.id);
    expect(seenByStaff).toMatchObject({ anonymous: true, authorName: null, authorUnit: null });
    expect(JSON.stringify(await staffBoardOf(event.id))).not.toContain(b.name);
  });

  it('a retried ask with the same clientId returns the first question; another pass cannot take the id', async () => {
    const { a, b } = await buildQaEvent(t);
    const clientId = randomUUID();
    const first = await askAs(a.passToken, '重试会重复吗?', { clientId });
    const again = await askAs(a.passToken, '重试会重复吗?', { clientId });
    expect(again.id).toBe(first.id);
    expect(first.id).toBe(clientId);
    const rows = await t.database.db.select().from(qaQuestions).where(eq(qaQuestions.registrationId, a.id));
    expect(rows).toHaveLength(1);
    expect(problem(await anon.post(`${pass(b.passToken)}/questions`, { clientId, text: '抢占' })).code).toBe(
      'qa.client_id_taken',
    );
  });

  it('under pre-moderation a question waits: only its author sees it until staff approve it', async () => {
    const { event, a, b } = await buildQaEvent(t);
    expect((await setPreModeration(event.id, true)).preModeration).toBe(true);
    const q = await askAs(a.passToken, '绿化养护外包还是自管?');
    expect(q.status).toBe('pending');
    expect((await boardOf(a.passToken)).questions.map((x) => [x.id, x.status])).toEqual([[q.id, 'pending']]);
    expect((await boardOf(b.passToken)).questions).toEqual([]);
    expect(problem(await vote(b.passToken, q.id)).status).toBe(404);
    expect((await staffBoardOf(event.id)).counts.pending).toBe(1);

    const approved = await act(event.id, q.id, 'approve');
    expect(approved.status).toBe('approved');
    expect(approved.approvedAt).not.toBeNull();
    expect((await boardOf(b.passToken)).questions.map((x) => x.id)).toEqual([q.id]);
    // Approving twice changes nothing.
    expect((await act(event.id, q.id, 'approve')).updatedAt).toBe(approved.updatedAt);
  });
});

describe('votes', () => {
  it('one vote per pass and question, withdrawable, both idempotent; concurrent votes count once', async () => {
    const { event, a, b, c } = await buildQaEvent(t);
    const q = await askAs(a.passToken, '智慧平台的业主使用率有多高?');
    const results = await Promise.all([
      vote(b.passToken, q.id),
      vote(b.passToken, q.id),
      vote(b.passToken, q.id),
    ]);
    for (const res of results) expect(res.json()).toMatchObject({ questionId: q.id, votedByMe: true });
    expect(((await vote(b.passToken, q.id)).json() as VoteResult).votes).toBe(1);
    expect(((await vote(c.passToken, q.id)).json() as VoteResult).votes).toBe(2);
    const rows = await t.database.db.select().from(qaVotes).where(eq(qaVotes.questionId, q.id));
    expect(rows).toHaveLength(2);

    const withdrawn = (await vote(b.passToken, q.id, false)).json() as VoteResult;
    expect(withdrawn).toEqual({ questionId: q.id, votes: 1, votedByMe: false });
    expect(((await vote(b.passToken, q.id, false)).json() as VoteResult).votes).toBe(1);
    const board = await boardOf(c.passToken);
    expect(board.questions[0]).toMatchObject({ id: q.id, votes: 1, votedByMe: true });
    expect((await boardOf(b.passToken)).questions[0].votedByMe).toBe(false);
    expect((await staffBoardOf(event.id)).questions[0].votes).toBe(1);
  });

  it('sorts by votes (pinned first) or by time (newest first)', async () => {
    const { event, a, b, c } = await buildQaEvent(t);
    t.clock.set(new Date(Date.now() - 3000));
    const q1 = await askAs(a.passToken, '第一个问题');
    t.clock.set(new Date(Date.now() - 2000));
    const q2 = await askAs(a.passToken, '第二个问题');
    t.clock.set(new Date(Date.now() - 1000));
    const q3 = await askAs(a.passToken, '第三个问题');
    t.clock.set(new Date());
    await vote(b.passToken, q2.id);
    await vote(c.passToken, q2.id);
    await vote(b.passToken, q3.id);
    const ids = (board: { questions: { id: string }[] }) => board.questions.map((q) => q.id);
    expect(ids(await boardOf(a.passToken, 'votes'))).toEqual([q2.id, q3.id, q1.id]);
    expect(ids(await boardOf(a.passToken, 'time'))).toEqual([q3.id, q2.id, q1.id]);
    await act(event.id, q1.id, 'pin');
    expect(ids(await boardOf(a.passToken, 'votes'))).toEqual([q1.id, q2.id, q3.id]);
    expect(ids(await staffBoardOf(event.id, 'time'))).toEqual([q1.id, q3.id, q2.id]);
  });
});

describe('moderation', () => {
  it('pins at most one question; pending questions cannot be pinned; hiding unpins', async () => {
    const { event, a } = await buildQaEvent(t);
    const q1 = await askAs(a.passToken, '问题一');
    const q2 = await askAs(a.passToken, '问题二');
    expect((await act(event.id, q1.id, 'pin')).pinned).toBe(true);
    expect((await act(event.id, q2.id, 'pin')).pinned).toBe(true);
    const pinned = await t.database.db
      .select()
      .from(qaQuestions)
      .where(and(eq(qaQuestions.eventId, event.id), eq(qaQuestions.pinned, true)));
    expect(pinned.map((q) => q.id)).toEqual([q2.id]);
    expect((await act(event.id, q2.id, 'unpin')).pinned).toBe(false);
    await act(event.id, q2.id, 'pin');
    const hidden = await act(event.id, q2.id, 'hide');
    expect(hidden).toMatchObject({ status: 'hidden', pinned: false });
    expect(problem(await staff.post(`${ev(event.id)}/questions/${q2.id}/pin`)).code).toBe('qa.not_visible');
    expect(problem(await staff.post(`${ev(event.id)}/questions/${q2.id}/answer`, {})).code).toBe(
      'qa.question_hidden',
    );
    expect((await boardOf(a.passToken)).questions.map((q) => q.id)).toEqual([q1.id]);
  });

  it('marks answered with the answer and who gave it, unpins, and reopens', async () => {
    const { event, a } = await buildQaEvent(t);
    const q = await askAs(a.passToken, '应急响应需要多长时间?');
    await act(event.id, q.id, 'pin');
    const answered = await act(event.id, q.id, 'answer', {
      answer: '5 分钟内到场',
      answeredBy: '项目经理 王总',
    });
    expect(answered).toMatchObject({
      status: 'answered',
      answer: '5 分钟内到场',
      answeredBy: '项目经理 王总',
      pinned: false,
    });
    expect(answered.answeredAt).not.toBeNull();
    expect((await boardOf(a.passToken)).questions[0]).toMatchObject({
      status: 'answered',
      answer: '5 分钟内到场',
    });
    const reopened = await act(event.id, q.id, 'reopen');
    expect(reopened).toMatchObject({ status: 'approved', answer: null, answeredBy: null, answeredAt: null });
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, q.id));
    expect(audit.map((e) => e.action).sort()).toEqual(['qa.answer', 'qa.pin', 'qa.reopen']);
  });

  it('merges duplicates: votes move to the target, a pass that voted both counts once', async () => {
    const { event, eventSiteId, a, b, c } = await buildQaEvent(t);
    const d = await buildQaPass(t.database, event, eventSiteId);
    const target = await askAs(a.passToken, '如何平衡服务品质与运营成本?');
    const dup = await askAs(b.passToken, '服务品质和成本怎么平衡?');
    const dupOfDup = await askAs(d.passToken, '品质与成本如何兼顾?');
    await act(event.id, dupOfDup.id, 'merge', { targetId: dup.id });
    await vote(c.passToken, target.id);
    await vote(c.passToken, dup.id); // c voted both: counts once after the merge
    await vote(d.passToken, dup.id);
    await vote(a.passToken, dup.id);
    expect(
      problem(await staff.post(`${ev(event.id)}/questions/${dup.id}/merge`, { targetId: dup.id })).code,
    ).toBe('qa.merge_into_itself');

    const merged = await act(event.id, dup.id, 'merge', { targetId: target.id });
    expect(merged).toMatchObject({ id: target.id, votes: 3, mergedCount: 2 });
    const voters = await t.database.db.select().from(qaVotes).where(eq(qaVotes.questionId, target.id));
    expect(voters.map((v) => v.registrationId).sort()).toEqual([a.id, c.id, d.id].sort());
    const board = await staffBoardOf(event.id);
    expect(board.questions.find((q) => q.id === dup.id)).toMatchObject({
      status: 'merged',
      mergedIntoId: target.id,
      votes: 0,
    });
    expect(board.questions.find((q) => q.id === dupOfDup.id)?.mergedIntoId).toBe(target.id);
    expect((await boardOf(c.passToken)).questions.map((q) => q.id)).toEqual([target.id]);
    expect(problem(await staff.post(`${ev(event.id)}/questions/${dup.id}/approve`)).code).toBe(
      'qa.question_merged',
    );
    expect(
      problem(await staff.post(`${ev(event.id)}/questions/${target.id}/merge`, { targetId: dup.id })).code,
    ).toBe('qa.merge_target_unavailable');
  });

  it('staff add and edit prepared questions; edits are audited', async () => {
    const { event, a } = await buildQaEvent(t);
    const res = await staff.post(`${ev(event.id)}/questions`, { text: '社区活动经费从哪里来?' });
    expect(res.statusCode, res.body).toBe(201);
    const q = res.json() as StaffQuestion;
    expect(q).toMatchObject({ source: 'prepared', status: 'approved', authorName: null, anonymous: false });
    const edited = await staff.patch(`${ev(event.id)}/questions/${q.id}`, {
      text: '社区活动的经费从哪里来?',
    });
    expect((edited.json() as StaffQuestion).text).toBe('社区活动的经费从哪里来?');
    expect((await boardOf(a.passToken)).questions[0].text).toBe('社区活动的经费从哪里来?');
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, q.id), eq(auditLog.action, 'qa.edit')));
    expect(entry.before).toEqual({ text: '社区活动经费从哪里来?' });
  });
});

describe('import', () => {
  it('imports prepared, registration and observation questions once, as pending', async () => {
    const { event, eventSiteId, version, a, b, c } = await buildQaEvent(t);
    const asker = await buildQaPass(t.database, event, eventSiteId, 'confirmed', '贵项目的物业费标准是多少?');
    await buildQaPass(t.database, event, eventSiteId, 'cancelled', '取消了的人的问题');
    const dim = version.dimensions[0];
    await t.database.db.insert(observationNotes).values({
      id: randomUUID(),
      registrationId: a.id,
      eventId: event.id,
      kind: 'problem',
      text: '门禁高峰期排队,如何改进?',
      sentToQa: true,
      clientUpdatedAt: new Date(),
    });
    await t.database.db.insert(observations).values({
      id: randomUUID(),
      registrationId: b.id,
      eventId: event.id,
      pointId: dim.points[0].id,
      dimensionId: dim.id,
      answers: [{ questionId: dim.questions[0].id, text: '想知道运维费用', sentToQa: true }],
      clientUpdatedAt: new Date(),
    });

    const first = await staff.post(`${ev(event.id)}/import`, {});
    expect(first.statusCode, first.body).toBe(200);
    const dimensionQuestions = version.dimensions.flatMap((d) => d.questions);
    expect(dimensionQuestions.length).toBeGreaterThanOrEqual(8);
    expect((first.json() as ImportResult).created).toEqual({
      prepared: PREPARED_QUESTIONS.length + dimensionQuestions.length,
      registration: 1,
      observation: 2,
    });
    const again = await staff.post(`${ev(event.id)}/import`, {
      sources: ['prepared', 'registration', 'observation'],
    });
    expect((again.json() as ImportResult).created).toEqual({ prepared: 0, registration: 0, observation: 0 });

    const board = await staffBoardOf(event.id, 'time');
    expect(board.counts.pending).toBe(PREPARED_QUESTIONS.length + dimensionQuestions.length + 3);
    const texts = board.questions.map((q) => q.text);
    expect(texts).toContain('在当前市场环境下，物业公司面临的最大挑战是什么？');
    expect(texts).toContain('如何平衡服务品质与运营成本？');
    expect(texts).toContain('这套系统投入成本多少?运维费用如何?业主使用率有多高?');
    expect(texts).toContain('除了基础物业费,你们还有哪些主要的收入来源?利润率如何?');
    expect(texts).not.toContain('取消了的人的问题');
    expect(board.questions.find((q) => q.source === 'registration')).toMatchObject({
      text: '贵项目的物业费标准是多少?',
      authorName: asker.name,
    });
    expect(
      board.questions
        .filter((q) => q.source === 'observation')
        .map((q) => q.text)
        .sort(),
    ).toEqual([`${dim.questions[0].text}——想知道运维费用`, '门禁高峰期排队,如何改进?'].sort());
    // Nothing imported is shown to attendees before staff approve it (its author sees it waiting).
    expect((await boardOf(c.passToken)).questions).toEqual([]);
    expect((await boardOf(a.passToken)).questions).toMatchObject([{ status: 'pending', mine: true }]);
  });
});

describe('presenter screen', () => {
  it('needs the screen key or a staff session; shows only visible questions; a new key locks the old link', async () => {
    const { event, a } = await buildQaEvent(t);
    const settings = (await staffBoardOf(event.id)).settings;
    const url = (key?: string) => `/api/v1/public/events/${event.slug}/qa/screen${key ? `?key=${key}` : ''}`;
    expect(problem(await anon.get(url())).status).toBe(404);
    expect(problem(await anon.get(url('wrong-key'))).status).toBe(404);
    expect(problem(await member.get(url())).status).toBe(404);
    const shown = await askAs(a.passToken, '大屏能看到吗?');
    await setPreModeration(event.id, true);
    const waiting = await askAs(a.passToken, '待审核的问题');
    const res = await anon.get(url(settings.screenKey));
    expect(res.statusCode, res.body).toBe(200);
    const screen = res.json() as Screen;
    expect(screen.questions.map((q) => q.id)).toEqual([shown.id]);
    expect(screen.current?.id).toBe(shown.id);
    expect(screen.joinUrl).toBe(`http://guanmo.test/e/${event.slug}/qa`);
    expect(JSON.stringify(screen)).not.toContain(waiting.id);
    expect((await staff.get(url())).statusCode).toBe(200);

    const rotated = (await staff.post(`${ev(event.id)}/settings/screen-key`)).json() as QaSettings;
    expect(rotated.screenKey).not.toBe(settings.screenKey);
    expect(problem(await anon.get(url(settings.screenKey))).status).toBe(404);
    expect((await anon.get(url(rotated.screenKey))).statusCode).toBe(200);
  });
});

describe('privacy and figures', () => {
  it('exports and erases a person’s questions and votes; the counts stay', async () => {
    const { event, a, b } = await buildQaEvent(t);
    const mine = await askAs(a.passToken, '我的个人问题', { anonymous: true });
    const theirs = await askAs(b.passToken, '别人的问题');
    await vote(a.passToken, theirs.id);
    await vote(b.passToken, mine.id);
    const exported = (await anon.get(`/api/v1/passes/${a.passToken}/export`)).json() as {
      qa: { questions: { text: string; anonymous: boolean }[]; votes: { questionId: string }[] };
    };
    expect(exported.qa.questions).toMatchObject([{ text: '我的个人问题', anonymous: true }]);
    expect(exported.qa.votes.map((v) => v.questionId)).toEqual([theirs.id]);
    const before = await qaFigures(t.ctx(), event.id);

    expect((await anon.post(`/api/v1/passes/${a.passToken}/erase`)).statusCode).toBeLessThan(300);
    const rows = await t.database.db.select().from(qaQuestions).where(eq(qaQuestions.eventId, event.id));
    const erased = rows.find((q) => q.id === mine.id)!;
    expect(erased).toMatchObject({ text: ERASED_QUESTION, registrationId: null, anonymous: true, votes: 1 });
    expect(rows.find((q) => q.id === theirs.id)?.votes).toBe(0);
    expect(await t.database.db.select().from(qaVotes).where(eq(qaVotes.registrationId, a.id))).toEqual([]);
    const after = await qaFigures(t.ctx(), event.id);
    expect(after).toEqual({ ...before, votes: before.votes - 1 });
  });

  it('figures follow what happened: asked, answered, by source, votes (merged, hidden and unapproved imports left out)', async () => {
    const { event, a, b, c } = await buildQaEvent(t);
    await staff.post(`${ev(event.id)}/import`, { sources: ['prepared'] });
    const q1 = await askAs(a.passToken, '问题甲');
    const q2 = await askAs(b.passToken, '问题乙');
    const q3 = await askAs(c.passToken, '问题丙');
    const spam = await askAs(c.passToken, '广告');
    await vote(a.passToken, q2.id);
    await vote(b.passToken, q1.id);
    await vote(c.passToken, q1.id);
    await act(event.id, q3.id, 'merge', { targetId: q1.id });
    await act(event.id, spam.id, 'hide');
    await act(event.id, q1.id, 'answer', { answer: '好', answeredBy: '主持人' });
    const board = await staffBoardOf(event.id);
    expect(board.counts.pending).toBeGreaterThan(1);
    const chosen = board.questions.find((q) => q.source === 'prepared');
    await act(event.id, chosen?.id ?? '', 'approve');
    expect(await qaFigures(t.ctx(), event.id)).toEqual({
      asked: 3,
      answered: 1,
      bySource: { prepared: 1, registration: 0, observation: 0, live: 2 },
      votes: 3,
    });
  });
});

import { randomBytes, randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Note, Observation, Scorecard, SharedView } from '../../../contract/observations.js';
import { realtimeEvents } from '../../core/realtime.table.js';
import { buildUser } from '../../test/factories.js';
import { createTestApp, problem, type TestApp, type TestClient } from '../../test/harness.js';
import { jpegWithGps, pngBomb } from '../files/files.fixtures.js';
import { files } from '../files/files.table.js';
import {
  buildObservedEvent,
  buildPass,
  buildPointsTemplate,
  setEventStatus,
} from './observations.fixtures.js';
import { eraseObservations, exportObservations } from './observations.privacy.js';
import { sentToQa } from './observations.staff.js';
import { notePhotos, observationNotes, observations } from './observations.table.js';

let t: TestApp;
let client: TestClient;
let staff: TestClient;
let member: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  client = t.anonymous();
  staff = await t.as(await buildUser(t.database, { role: 'staff' }));
  member = await t.as(await buildUser(t.database, { role: 'member' }));
});
afterAll(() => t.close());

const base = (token: string) => `/api/v1/passes/${token}`;
let tick = 0;
/** Client times that always move forward. */
const at = (offsetSeconds = 0) =>
  new Date(Date.UTC(2026, 11, 18, 6, 0, 0) + (++tick + offsetSeconds) * 1000).toISOString();

async function setup() {
  const built = await buildObservedEvent(t);
  const a = await buildPass(t.database, built.event, built.eventSiteId);
  const b = await buildPass(t.database, built.event, built.eventSiteId);
  const dims = built.version.dimensions;
  return { ...built, a, b, dims, p0: dims[0].points[0], p1: dims[0].points[1], p2: dims[1].points[0] };
}

const putObservation = (token: string, clientId: string, body: Record<string, unknown>) =>
  client.put(`${base(token)}/observations/${clientId}`, body);
const putNote = (token: string, clientId: string, body: Record<string, unknown>) =>
  client.put(`${base(token)}/notes/${clientId}`, body);

/** multipart/form-data: text fields first, then files (field name → bytes). */
function multipart(fields: Record<string, string>, fileParts: Record<string, Buffer>) {
  const boundary = `----obs${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  for (const [name, data] of Object.entries(fileParts))
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${name}.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
      ),
      data,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    body: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const postPhoto = (
  token: string,
  noteId: string,
  fields: Record<string, string>,
  fileParts: Record<string, Buffer>,
) => {
  const { body, headers } = multipart(fields, fileParts);
  return client.request('POST', `${base(token)}/notes/${noteId}/photos`, body, headers);
};

const fileCount = async () => Number((await t.database.db.select({ n: count() }).from(files))[0].n);
const scorecard = async (token: string) => (await client.get(`${base(token)}/scorecard`)).json() as Scorecard;

describe('pass access', () => {
  it('404 for an unknown pass token on every attendee route', async () => {
    const token = randomBytes(24).toString('base64url');
    const id = randomUUID();
    for (const res of [
      await client.get(`${base(token)}/scorecard`),
      await putObservation(token, id, { pointId: id, score: 3, updatedAt: at() }),
      await putNote(token, id, { kind: 'highlight', text: 'x', updatedAt: at() }),
      await client.get(`${base(token)}/shared`),
      await client.post(`${base(token)}/submit`),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(problem(res).code).toBe('pass.not_found');
    }
  });

  it('400 with field errors for a bad body', async () => {
    const { a } = await setup();
    const res = await putObservation(a.passToken, randomUUID(), { pointId: 'nope', score: 'five' });
    expect(res.statusCode).toBe(400);
    const paths = problem(res).errors?.map((e) => e.path) ?? [];
    expect(paths).toEqual(expect.arrayContaining(['body.pointId', 'body.score', 'body.updatedAt']));
  });

  it('409 observations.pass_cancelled for a cancelled pass', async () => {
    const { event, eventSiteId, p0 } = await setup();
    const cancelled = await buildPass(t.database, event, eventSiteId, 'cancelled');
    const res = await putObservation(cancelled.passToken, randomUUID(), {
      pointId: p0.id,
      score: 4,
      updatedAt: at(),
    });
    expect(res.statusCode).toBe(409);
    expect(problem(res).code).toBe('observations.pass_cancelled');
  });

  it('403 observations.not_confirmed for a waitlisted pass', async () => {
    const { event, eventSiteId, p0 } = await setup();
    const waiting = await buildPass(t.database, event, eventSiteId, 'waitlisted');
    const res = await putObservation(waiting.passToken, randomUUID(), {
      pointId: p0.id,
      score: 4,
      updatedAt: at(),
    });
    expect(res.statusCode).toBe(403);
    expect(problem(res).code).toBe('observations.not_confirmed');
  });

  it('409 observations.locked once the event is completed; reading still works', async () => {
    const { event, a, p0 } = await setup();
    await setEventStatus(t.database, event.id, 'completed');
    const res = await putObservation(a.passToken, randomUUID(), {
      pointId: p0.id,
      score: 4,
      updatedAt: at(),
    });
    expect(res.statusCode).toBe(409);
    expect(problem(res).code).toBe('observations.locked');
    const card = await scorecard(a.passToken);
    expect(card.event.readOnly).toBe(true);
  });

  it('a client id already used by another attendee is refused (the token decides who)', async () => {
    const { a, b, p0 } = await setup();
    const id = randomUUID();
    expect(
      (await putObservation(a.passToken, id, { pointId: p0.id, score: 4, updatedAt: at() })).statusCode,
    ).toBe(200);
    const res = await putObservation(b.passToken, id, { pointId: p0.id, score: 1, updatedAt: at(60) });
    expect(res.statusCode).toBe(409);
    expect(problem(res).code).toBe('observations.client_id_taken');
    const [row] = await t.database.db.select().from(observations).where(eq(observations.id, id));
    expect(row.score).toBe(4);
  });
});

describe('scores', () => {
  it('refuses a score outside the point scale, and N/A with a score', async () => {
    const { a, p0 } = await setup();
    const six = await putObservation(a.passToken, randomUUID(), {
      pointId: p0.id,
      score: 6,
      updatedAt: at(),
    });
    expect(six.statusCode).toBe(400);
    expect(problem(six).errors?.[0].path).toBe('score');
    const both = await putObservation(a.passToken, randomUUID(), {
      pointId: p0.id,
      score: 3,
      na: true,
      updatedAt: at(),
    });
    expect(problem(both).code).toBe('observations.invalid');
  });

  it('refuses a point of another template and a question of another point', async () => {
    const { a, p0, dims } = await setup();
    const other = await putObservation(a.passToken, randomUUID(), {
      pointId: randomUUID(),
      score: 3,
      updatedAt: at(),
    });
    expect(other.statusCode).toBe(400);
    const foreignQuestion = dims[1].questions[0].id;
    const res = await putObservation(a.passToken, randomUUID(), {
      pointId: p0.id,
      score: 3,
      answers: [{ questionId: foreignQuestion, text: '多少钱?' }],
      updatedAt: at(),
    });
    expect(res.statusCode).toBe(400);
    expect(problem(res).errors?.[0].path).toBe('answers.0.questionId');
  });

  it('the same client id twice gives one item and the same answer', async () => {
    const { a, p0, dims } = await setup();
    const id = randomUUID();
    const body = {
      pointId: p0.id,
      score: 4,
      answers: [{ questionId: dims[0].questions[0].id, text: '约 30 万元', sentToQa: true }],
      updatedAt: at(),
    };
    const first = await putObservation(a.passToken, id, body);
    const second = await putObservation(a.passToken, id, body);
    expect(first.statusCode).toBe(200);
    expect(second.json()).toEqual(first.json());
    expect((first.json() as Observation).answers[0].sentToQa).toBe(true);
    const rows = await t.database.db.select().from(observations).where(eq(observations.registrationId, a.id));
    expect(rows).toHaveLength(1);
  });

  it('an older updatedAt than stored is ignored and the stored item returned', async () => {
    const { a, p0 } = await setup();
    const id = randomUUID();
    const newer = at(100);
    await putObservation(a.passToken, id, { pointId: p0.id, score: 5, updatedAt: newer });
    const stale = await putObservation(a.passToken, id, { pointId: p0.id, score: 2, updatedAt: at(-100) });
    expect(stale.statusCode).toBe(200);
    expect(stale.json()).toMatchObject({ score: 5, updatedAt: newer });
  });

  it('one answer per point: a second client id for the same point updates it when newer', async () => {
    const { a, p0 } = await setup();
    const first = randomUUID();
    await putObservation(a.passToken, first, { pointId: p0.id, score: 2, updatedAt: at() });
    const res = await putObservation(a.passToken, randomUUID(), {
      pointId: p0.id,
      na: true,
      score: null,
      updatedAt: at(10),
    });
    expect(res.json()).toMatchObject({ id: first, na: true, score: null });
    const rows = await t.database.db.select().from(observations).where(eq(observations.registrationId, a.id));
    expect(rows).toHaveLength(1);
  });

  it('publishes a small realtime event for the live wall on each change', async () => {
    const { event, a, p0, eventSiteId, dims } = await setup();
    await putObservation(a.passToken, randomUUID(), { pointId: p0.id, score: 3, updatedAt: at() });
    const events = await t.database.db
      .select()
      .from(realtimeEvents)
      .where(eq(realtimeEvents.channel, `event:${event.id}:observations`));
    expect(events).toHaveLength(1);
    expect(events[0].data).toEqual({ kind: 'observation', eventSiteId, dimensionId: dims[0].id });
  });
});

describe('scorecard', () => {
  it('has the template, the route stops with their points, own items and progress', async () => {
    const { a, b, p0, dims } = await setup();
    await putObservation(a.passToken, randomUUID(), { pointId: p0.id, score: 5, updatedAt: at() });
    await putNote(b.passToken, randomUUID(), {
      kind: 'problem',
      text: 'B 的私密笔记',
      shared: false,
      updatedAt: at(),
    });
    const card = await scorecard(a.passToken);
    expect(card.template.dimensions).toHaveLength(5);
    expect(card.stops.length).toBe(6);
    expect(card.stops.some((s) => s.pointIds.length > 0)).toBe(true);
    expect(card.observations).toHaveLength(1);
    expect(card.notes).toHaveLength(0);
    expect(card.progress).toMatchObject({ totalPoints: 17, scored: 1, na: 0 });
    expect(card.sharedDimensionIds).toEqual([dims[0].id]);
  });
});

describe('notes, shared view and +1', () => {
  it("another attendee's private note is never visible; shared notes show once the dimension is open", async () => {
    const { a, b, p0 } = await setup();
    await putNote(b.passToken, randomUUID(), {
      kind: 'problem',
      text: '私密',
      shared: false,
      pointId: p0.id,
      updatedAt: at(),
    });
    const sharedId = randomUUID();
    await putNote(b.passToken, sharedId, {
      kind: 'highlight',
      text: '人脸识别很快',
      pointId: p0.id,
      updatedAt: at(),
    });

    const before = (await client.get(`${base(a.passToken)}/shared`)).json() as SharedView;
    expect(before.openDimensionIds).toEqual([]);
    expect(before.notes).toEqual([]);

    await putObservation(a.passToken, randomUUID(), { pointId: p0.id, score: 4, updatedAt: at() });
    const after = (await client.get(`${base(a.passToken)}/shared`)).json() as SharedView;
    expect(after.notes.map((n) => n.id)).toEqual([sharedId]);
    expect(after.aggregate.dimensions).toHaveLength(1);
  });

  it('submit opens every dimension', async () => {
    const { a } = await setup();
    const res = await client.post(`${base(a.passToken)}/submit`);
    expect(res.statusCode).toBe(200);
    const view = (await client.get(`${base(a.passToken)}/shared`)).json() as SharedView;
    expect(view.submitted).toBe(true);
    expect(view.openDimensionIds).toHaveLength(5);
  });

  it('a route-stop note without a point is accepted; a stop of another route is refused', async () => {
    const { a } = await setup();
    const card = await scorecard(a.passToken);
    const ok = await putNote(a.passToken, randomUUID(), {
      kind: 'suggestion',
      text: '车库指示牌可以更醒目',
      routeStopId: card.stops[4].id,
      updatedAt: at(),
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ pointId: null, dimensionId: null, routeStopId: card.stops[4].id });
    const bad = await putNote(a.passToken, randomUUID(), {
      kind: 'suggestion',
      routeStopId: randomUUID(),
      updatedAt: at(),
    });
    expect(bad.statusCode).toBe(400);
    expect(problem(bad).errors?.[0].path).toBe('routeStopId');
  });

  it('+1 once per attendee, never on an own note, and can be taken back', async () => {
    const { a, b } = await setup();
    const noteId = randomUUID();
    await putNote(b.passToken, noteId, { kind: 'highlight', text: '好', updatedAt: at() });
    const own = await client.post(`${base(b.passToken)}/notes/${noteId}/vote`);
    expect(problem(own).code).toBe('observations.own_note_vote');
    await client.post(`${base(a.passToken)}/notes/${noteId}/vote`);
    const twice = await client.post(`${base(a.passToken)}/notes/${noteId}/vote`);
    expect(twice.json()).toEqual({ noteId, votes: 1, votedByMe: true });
    const back = await client.delete(`${base(a.passToken)}/notes/${noteId}/vote`);
    expect(back.json()).toEqual({ noteId, votes: 0, votedByMe: false });
  });

  it('a private note cannot be +1ed by others (404)', async () => {
    const { a, b } = await setup();
    const noteId = randomUUID();
    await putNote(b.passToken, noteId, { kind: 'highlight', text: '私密', shared: false, updatedAt: at() });
    expect((await client.post(`${base(a.passToken)}/notes/${noteId}/vote`)).statusCode).toBe(404);
  });

  it('a deleted note stays deleted when an earlier PUT is replayed (410)', async () => {
    const { a } = await setup();
    const noteId = randomUUID();
    const body = { kind: 'problem', text: '消防通道堆物', updatedAt: at() };
    await putNote(a.passToken, noteId, body);
    expect((await client.delete(`${base(a.passToken)}/notes/${noteId}`)).statusCode).toBe(200);
    expect((await client.delete(`${base(a.passToken)}/notes/${noteId}`)).statusCode).toBe(200);
    const replay = await putNote(a.passToken, noteId, body);
    expect(replay.statusCode).toBe(410);
    expect((await scorecard(a.passToken)).notes).toHaveLength(0);
  });
});

describe('photos', () => {
  it('a photo with its note commits both; EXIF/GPS stripped; a repeat stores nothing more', async () => {
    const { a } = await setup();
    const noteId = randomUUID();
    const photoId = randomUUID();
    const note = JSON.stringify({ kind: 'highlight', text: '门禁', updatedAt: at() });
    const jpeg = await jpegWithGps();
    const filesBefore = await fileCount();
    const res = await postPhoto(a.passToken, noteId, { clientId: photoId, note }, { file: jpeg });
    expect(res.statusCode).toBe(201);
    const saved = res.json() as Note;
    expect(saved.photos).toHaveLength(1);
    expect(await fileCount()).toBe(filesBefore + 1);

    const image = await client.get(saved.photos[0].url);
    expect(image.statusCode).toBe(200);
    const meta = await sharp(image.rawPayload).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.format).toBe('webp');

    const again = await postPhoto(a.passToken, noteId, { clientId: photoId, note }, { file: jpeg });
    expect(again.statusCode).toBe(200);
    expect((again.json() as Note).photos.map((p) => p.id)).toEqual([photoId]);
    expect(await fileCount()).toBe(filesBefore + 1);
  });

  it('an annotated photo keeps its original, shown to its author only', async () => {
    const { a, b } = await setup();
    const noteId = randomUUID();
    const note = JSON.stringify({ kind: 'highlight', text: '标注', updatedAt: at() });
    const res = await postPhoto(
      a.passToken,
      noteId,
      { clientId: randomUUID(), note },
      { file: await jpegWithGps(400, 300), original: await jpegWithGps(400, 300) },
    );
    expect(res.statusCode).toBe(201);
    const photo = (res.json() as Note).photos[0];
    expect(photo.originalUrl).not.toBeNull();
    await client.post(`${base(b.passToken)}/submit`);
    const view = (await client.get(`${base(b.passToken)}/shared`)).json() as SharedView;
    const seen = view.notes.find((n) => n.id === noteId);
    expect(seen?.photos[0].originalUrl).toBeNull();
    expect((await client.get(seen?.photos[0].thumbUrl ?? '')).statusCode).toBe(200);
    const originalId = photo.originalUrl?.split('/').at(-1) ?? '';
    expect((await client.get(`${base(b.passToken)}/photos/${originalId}`)).statusCode).toBe(404);
  });

  it('a refused photo leaves no note when they came together', async () => {
    const { a } = await setup();
    const noteId = randomUUID();
    const note = JSON.stringify({ kind: 'problem', text: '损坏', updatedAt: at() });
    const res = await postPhoto(
      a.passToken,
      noteId,
      { clientId: randomUUID(), note },
      { file: Buffer.from('not an image at all') },
    );
    expect(res.statusCode).toBe(400);
    expect(
      await t.database.db.select().from(observationNotes).where(eq(observationNotes.id, noteId)),
    ).toEqual([]);
  });

  it('a refused note leaves no photo (and no file) when they came together', async () => {
    const { a } = await setup();
    const before = await fileCount();
    const note = JSON.stringify({ kind: 'nonsense', updatedAt: at() });
    const res = await postPhoto(
      a.passToken,
      randomUUID(),
      { clientId: randomUUID(), note },
      { file: await jpegWithGps() },
    );
    expect(res.statusCode).toBe(400);
    expect(problem(res).errors?.[0].path).toBe('note.kind');
    expect(await fileCount()).toBe(before);
  });

  it('without its note fields a photo needs an existing note (404)', async () => {
    const { a } = await setup();
    const res = await postPhoto(
      a.passToken,
      randomUUID(),
      { clientId: randomUUID() },
      { file: await jpegWithGps() },
    );
    expect(res.statusCode).toBe(404);
  });

  it.each([
    [
      'a renamed non-image',
      async () => Buffer.from('%PDF-1.4 a document renamed to .jpg'),
      400,
      'files.unsupported_type',
    ],
    [
      'a truncated JPEG',
      async () => (await jpegWithGps(1200, 900)).subarray(0, 3000),
      400,
      'files.image_invalid',
    ],
    ['a decompression bomb', pngBomb, 400, 'files.too_many_pixels'],
    ['a 50 MB file', async () => Buffer.alloc(50 * 1024 * 1024, 0xff), 413, 'files.too_large'],
  ])('refuses %s with a clear error and stores nothing', async (_name, make, status, code) => {
    const { a } = await setup();
    const noteId = randomUUID();
    const before = await fileCount();
    const note = JSON.stringify({ kind: 'highlight', text: 'x', updatedAt: at() });
    const res = await postPhoto(
      a.passToken,
      noteId,
      { clientId: randomUUID(), note },
      { file: await make() },
    );
    expect(res.statusCode).toBe(status);
    expect(problem(res).code).toBe(code);
    expect(await fileCount()).toBe(before);
    expect(
      await t.database.db.select().from(observationNotes).where(eq(observationNotes.id, noteId)),
    ).toEqual([]);
  });
});

describe('offline sync', () => {
  it('an interrupted sync retried in a different order gives no duplicates and loses nothing', async () => {
    const { a, b, p0, p1, p2 } = await setup();
    const noteA = randomUUID();
    const noteB = randomUUID();
    const photo = randomUUID();
    const jpeg = await jpegWithGps(320, 240);
    const queue: (() => Promise<{ statusCode: number }>)[] = [
      () => putObservation(a.passToken, randomUUIDFor('o0'), { pointId: p0.id, score: 4, updatedAt: T.o0 }),
      () =>
        putObservation(a.passToken, randomUUIDFor('o1'), {
          pointId: p1.id,
          na: true,
          score: null,
          updatedAt: T.o1,
        }),
      () => putObservation(a.passToken, randomUUIDFor('o2'), { pointId: p2.id, score: 2, updatedAt: T.o2 }),
      () =>
        putNote(a.passToken, noteA, { kind: 'highlight', text: '保洁到位', pointId: p2.id, updatedAt: T.n1 }),
      () =>
        postPhoto(
          a.passToken,
          noteB,
          { clientId: photo, note: JSON.stringify({ kind: 'problem', text: '充电桩', updatedAt: T.n2 }) },
          { file: jpeg },
        ),
      () => client.post(`${base(b.passToken)}/submit`),
    ];
    // First attempt: only half got through before the connection dropped.
    for (const send of queue.slice(0, 3)) expect((await send()).statusCode).toBeLessThan(300);
    const filesBefore = await fileCount();
    // The retry sends everything again, in another order, twice.
    for (const send of [...queue].reverse()) expect((await send()).statusCode).toBeLessThan(300);
    for (const send of [queue[4], queue[1], queue[3], queue[0], queue[2], queue[5]])
      expect((await send()).statusCode).toBeLessThan(300);

    const card = await scorecard(a.passToken);
    expect(card.observations.map((o) => [o.pointId, o.score, o.na]).sort()).toEqual(
      [
        [p0.id, 4, false],
        [p1.id, null, true],
        [p2.id, 2, false],
      ].sort(),
    );
    expect(card.notes.map((n) => n.id).sort()).toEqual([noteA, noteB].sort());
    expect(card.notes.find((n) => n.id === noteB)?.photos.map((p) => p.id)).toEqual([photo]);
    expect(await fileCount()).toBe(filesBefore + 1);
    const photoRows = await t.database.db
      .select()
      .from(notePhotos)
      .where(eq(notePhotos.registrationId, a.id));
    expect(photoRows).toHaveLength(1);
  });
});

describe('send to Q&A', () => {
  it('notes and guiding-question answers flagged sentToQa are listed for the Q&A module', async () => {
    const { event, a, p0, dims } = await setup();
    const question = dims[0].questions[0].id;
    await putObservation(a.passToken, randomUUID(), {
      pointId: p0.id,
      score: null,
      answers: [
        { questionId: question, text: '投入多少?', sentToQa: true },
        { questionId: dims[0].questions[1].id, text: '只是自己记下', sentToQa: false },
      ],
      updatedAt: at(),
    });
    const noteId = randomUUID();
    await putNote(a.passToken, noteId, {
      kind: 'suggestion',
      text: '请讲讲运维费用',
      sentToQa: true,
      updatedAt: at(),
    });
    await putNote(a.passToken, randomUUID(), { kind: 'suggestion', text: '不发送', updatedAt: at() });
    const result = await sentToQa(t.ctx(), event.id);
    expect(result.notes.map((n) => n.noteId)).toEqual([noteId]);
    expect(result.answers.map((x) => [x.questionId, x.text])).toEqual([[question, '投入多少?']]);
  });
});

describe('personal data (PIPL hooks)', () => {
  it('export lists what the attendee recorded; erase removes notes, photos and answers, keeps scores', async () => {
    const { a, p0, dims } = await setup();
    await putObservation(a.passToken, randomUUID(), {
      pointId: p0.id,
      score: 4,
      answers: [{ questionId: dims[0].questions[0].id, text: '个人看法' }],
      updatedAt: at(),
    });
    const note = JSON.stringify({ kind: 'highlight', text: '有人脸的照片', updatedAt: at() });
    await postPhoto(
      a.passToken,
      randomUUID(),
      { clientId: randomUUID(), note },
      { file: await jpegWithGps(200, 150) },
    );
    const exported = await exportObservations(t.ctx(), a.id);
    expect(exported.notes[0].photoFileIds).toHaveLength(1);
    const before = await fileCount();
    const { removeBytes } = await eraseObservations(t.ctx(), a.id);
    await removeBytes();
    expect(await fileCount()).toBe(before - 1);
    const after = await exportObservations(t.ctx(), a.id);
    expect(after.notes).toEqual([]);
    expect(after.observations).toMatchObject([{ score: 4, answers: [] }]);
  });
});

describe('concurrent retries', () => {
  it('the same writes sent at once give one row each and never a 500', async () => {
    const { a, p0 } = await setup();
    const id = randomUUID();
    const noteId = randomUUID();
    const body = { pointId: p0.id, score: 3, updatedAt: at() };
    const note = { kind: 'highlight', text: '同时到达', updatedAt: at() };
    const results = await Promise.all([
      ...Array.from({ length: 4 }, () => putObservation(a.passToken, id, body)),
      ...Array.from({ length: 4 }, () => putObservation(a.passToken, randomUUID(), body)),
      ...Array.from({ length: 4 }, () => putNote(a.passToken, noteId, note)),
    ]);
    expect(results.map((r) => r.statusCode)).toEqual(Array(12).fill(200));
    const rows = await t.database.db.select().from(observations).where(eq(observations.registrationId, a.id));
    expect(rows).toHaveLength(1);
    const notes = await t.database.db
      .select()
      .from(observationNotes)
      .where(eq(observationNotes.registrationId, a.id));
    expect(notes).toHaveLength(1);
  });
});

const ids = new Map<string, string>();
function randomUUIDFor(key: string) {
  if (!ids.has(key)) ids.set(key, randomUUID());
  return ids.get(key) as string;
}
const T = { o0: at(), o1: at(), o2: at(), n1: at(), n2: at() };

describe('staff views', () => {
  it('summary, notes and wall: 401 anonymous, 403 member', async () => {
    const { event } = await setup();
    for (const path of ['summary', 'notes', 'wall', 'stream']) {
      expect((await client.get(`/api/v1/events/${event.id}/observations/${path}`)).statusCode).toBe(401);
      expect((await member.get(`/api/v1/events/${event.id}/observations/${path}`)).statusCode).toBe(403);
    }
  });

  it('400 for a bad notes filter', async () => {
    const { event } = await setup();
    const res = await staff.get(`/api/v1/events/${event.id}/observations/notes?kind=gossip`);
    expect(res.statusCode).toBe(400);
  });

  it('the summary aggregates per site with N/A out of the denominator; staff see private notes', async () => {
    const { event, a, b, p0, p1 } = await setup();
    await putObservation(a.passToken, randomUUID(), { pointId: p0.id, score: 5, updatedAt: at() });
    await putObservation(b.passToken, randomUUID(), { pointId: p0.id, score: 3, updatedAt: at() });
    await putObservation(b.passToken, randomUUID(), {
      pointId: p1.id,
      na: true,
      score: null,
      updatedAt: at(),
    });
    await putNote(b.passToken, randomUUID(), {
      kind: 'problem',
      text: '私密',
      shared: false,
      pointId: p0.id,
      updatedAt: at(),
    });
    const summary = (await staff.get(`/api/v1/events/${event.id}/observations/summary`)).json();
    const dim = summary.sites[0].dimensions[0];
    expect(dim.points[0]).toMatchObject({ percent: 75, raters: 2, scored: 2 });
    expect(dim.points[1]).toMatchObject({ percent: null, na: 1 });
    expect(dim.percent).toBe(75);
    expect(summary.sites[0].raters).toBe(2);
    expect(summary.contributors).toBe(2);
    const notes = (await staff.get(`/api/v1/events/${event.id}/observations/notes?kind=problem`)).json();
    expect(notes).toHaveLength(1);
    expect(notes[0].shared).toBe(false);
    const wall = (await staff.get(`/api/v1/events/${event.id}/observations/wall`)).json();
    expect(wall.sites[0].topProblems).toHaveLength(0);
    expect(wall.sites[0].radar[0].value).toBe(75);
  });

  it('a points-based template aggregates earned ÷ possible', async () => {
    const { versionId, pointIds } = await buildPointsTemplate(t.database);
    const built = await buildObservedEvent(t, versionId);
    const a = await buildPass(t.database, built.event, built.eventSiteId);
    await putObservation(a.passToken, randomUUID(), { pointId: pointIds[0], score: 2, updatedAt: at() });
    await putObservation(a.passToken, randomUUID(), { pointId: pointIds[1], score: 0.5, updatedAt: at() });
    await putObservation(a.passToken, randomUUID(), {
      pointId: pointIds[2],
      na: true,
      score: null,
      updatedAt: at(),
    });
    const offStep = await putObservation(a.passToken, randomUUID(), {
      pointId: pointIds[1],
      score: 0.3,
      updatedAt: at(),
    });
    expect(problem(offStep).errors?.[0].message).toBeTruthy();
    const summary = (await staff.get(`/api/v1/events/${built.event.id}/observations/summary`)).json();
    expect(summary.sites[0]).toMatchObject({ scoringMode: 'points_sum', total: 83.33 });
  });
});

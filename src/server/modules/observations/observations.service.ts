import { and, count, eq, isNull } from 'drizzle-orm';
import {
  type NoteInput,
  OBSERVATION_LIMITS,
  type ObservationInput,
  observationsChannel,
} from '../../../contract/observations.js';
import { type Ctx, inTransaction } from '../../core/context.js';
import { AppError, conflict, notFound } from '../../core/errors.js';
import { publish } from '../../core/realtime.js';
import { deleteFileRow, deleteStoredBytes } from '../files/files.service.js';
import { registrations } from '../registrations/registrations.table.js';
import { routeStops } from '../route-stops/route-stops.table.js';
import { answerProblem } from '../templates/scoring.js';
import { eventTemplate, type Pass, pointIndex, writablePass } from './observations.pass.js';
import { liveNote, presentNotes, presentObservation } from './observations.present.js';
import {
  notePhotos,
  noteVotes,
  observationNotes,
  observationSubmissions,
  observations,
} from './observations.table.js';

type FieldError = { path: string; key: string; params?: Record<string, string | number> };
const invalidFields = (errors: FieldError[]) => new AppError('observations.invalid', 400, {}, errors);

/** Tells the live wall something changed (inside the write's transaction, delivered at commit). */
export function announce(
  ctx: Ctx,
  pass: Pass,
  kind: 'observation' | 'note' | 'photo' | 'vote' | 'submit',
  dimensionId: string | null,
) {
  return publish(ctx, observationsChannel(pass.event.id), kind, {
    kind,
    eventSiteId: pass.reg.eventSiteId,
    dimensionId,
  });
}

/** Checks a score and guiding-question answers against the point (400 with field errors). */
async function checkObservation(ctx: Ctx, pass: Pass, input: ObservationInput) {
  const version = await eventTemplate(ctx, pass.event);
  const point = pointIndex(version).get(input.pointId);
  if (!point) throw invalidFields([{ path: 'pointId', key: 'errors.templates.answer.unknown_point' }]);
  const errors: FieldError[] = [];
  if (input.na && input.score !== null)
    errors.push({ path: 'score', key: 'errors.observations.na_with_score' });
  else {
    const problem = answerProblem(
      { ...point, allowNa: point.allowNa },
      { pointId: point.id, score: input.score, na: input.na },
    );
    if (problem) errors.push({ path: input.na ? 'na' : 'score', key: `errors.${problem}` });
  }
  const dimension = version.dimensions.find((d) => d.id === point.dimensionId);
  const allowed = new Set([...point.questions, ...(dimension?.questions ?? [])].map((q) => q.id));
  const seen = new Set<string>();
  input.answers.forEach((a, i) => {
    if (!allowed.has(a.questionId))
      errors.push({ path: `answers.${i}.questionId`, key: 'errors.observations.question_not_of_point' });
    else if (seen.has(a.questionId))
      errors.push({ path: `answers.${i}.questionId`, key: 'errors.templates.answer.duplicate' });
    seen.add(a.questionId);
  });
  if (errors.length) throw invalidFields(errors);
  return point;
}

/**
 * `PUT …/observations/:clientId`: creates or updates the attendee's answer for the point. One
 * answer per point: when the point already has one (under this or another client id), the write
 * with the later client `updatedAt` wins; an older or equally old write changes nothing. Either
 * way the stored answer is returned, so a retry gets the same item.
 */
export async function putObservation(ctx: Ctx, token: string, clientId: string, input: ObservationInput) {
  return inTransaction(ctx, async (tx) => {
    const pass = await writablePass(tx, token, true);
    const point = await checkObservation(tx, pass, input);
    const [byId] = await tx.db.select().from(observations).where(eq(observations.id, clientId));
    if (byId && (byId.registrationId !== pass.reg.id || byId.pointId !== input.pointId))
      throw conflict('observations.client_id_taken');
    const [stored] = byId
      ? [byId]
      : await tx.db
          .select()
          .from(observations)
          .where(and(eq(observations.registrationId, pass.reg.id), eq(observations.pointId, input.pointId)));
    const clientUpdatedAt = new Date(input.updatedAt);
    const values = {
      score: input.na ? null : input.score,
      na: input.na,
      answers: input.answers.map((a) => ({ questionId: a.questionId, text: a.text, sentToQa: a.sentToQa })),
      clientUpdatedAt,
      updatedAt: tx.clock.now(),
    };
    if (stored && stored.clientUpdatedAt >= clientUpdatedAt) return presentObservation(stored);
    const [row] = stored
      ? await tx.db.update(observations).set(values).where(eq(observations.id, stored.id)).returning()
      : await tx.db
          .insert(observations)
          .values({
            id: clientId,
            registrationId: pass.reg.id,
            eventId: pass.event.id,
            pointId: point.id,
            dimensionId: point.dimensionId,
            createdAt: tx.clock.now(),
            ...values,
          })
          .returning();
    await announce(tx, pass, 'observation', point.dimensionId);
    return presentObservation(row);
  });
}

/** Where a note points: its point (with the dimension) and a stop of the attendee's route. */
async function noteTarget(ctx: Ctx, pass: Pass, input: NoteInput) {
  const errors: FieldError[] = [];
  let dimensionId: string | null = null;
  if (input.pointId) {
    const point = pointIndex(await eventTemplate(ctx, pass.event)).get(input.pointId);
    if (!point) errors.push({ path: 'pointId', key: 'errors.templates.answer.unknown_point' });
    else dimensionId = point.dimensionId;
  }
  if (input.routeStopId) {
    const [stop] = await ctx.db
      .select({ id: routeStops.id })
      .from(routeStops)
      .where(and(eq(routeStops.id, input.routeStopId), eq(routeStops.eventSiteId, pass.reg.eventSiteId)));
    if (!stop) errors.push({ path: 'routeStopId', key: 'errors.observations.route_stop_unknown' });
  }
  if (errors.length) throw invalidFields(errors);
  return dimensionId;
}

/**
 * Creates or updates a note inside the caller's transaction (the pass is already locked). Used by
 * `PUT …/notes/:clientId` and by a photo upload that carries its note. Returns the stored row and
 * whether it changed.
 */
export async function writeNote(tx: Ctx, pass: Pass, clientId: string, input: NoteInput) {
  const [stored] = await tx.db.select().from(observationNotes).where(eq(observationNotes.id, clientId));
  if (stored && stored.registrationId !== pass.reg.id) throw conflict('observations.client_id_taken');
  if (stored?.deletedAt) throw new AppError('observations.note_deleted', 410);
  const dimensionId = await noteTarget(tx, pass, input);
  const clientUpdatedAt = new Date(input.updatedAt);
  if (stored && stored.clientUpdatedAt >= clientUpdatedAt) return { row: stored, changed: false };
  const values = {
    kind: input.kind,
    text: input.text,
    shared: input.shared,
    pointId: input.pointId,
    dimensionId,
    routeStopId: input.routeStopId,
    sentToQa: input.sentToQa,
    clientUpdatedAt,
    updatedAt: tx.clock.now(),
  };
  if (stored) {
    const [row] = await tx.db
      .update(observationNotes)
      .set(values)
      .where(eq(observationNotes.id, clientId))
      .returning();
    return { row, changed: true };
  }
  const [{ n }] = await tx.db
    .select({ n: count() })
    .from(observationNotes)
    .where(and(eq(observationNotes.registrationId, pass.reg.id), isNull(observationNotes.deletedAt)));
  if (Number(n) >= OBSERVATION_LIMITS.notesPerAttendee)
    throw conflict('observations.too_many_notes', { max: OBSERVATION_LIMITS.notesPerAttendee });
  const [row] = await tx.db
    .insert(observationNotes)
    .values({
      id: clientId,
      registrationId: pass.reg.id,
      eventId: pass.event.id,
      createdAt: tx.clock.now(),
      ...values,
    })
    .returning();
  return { row, changed: true };
}

const passViewer = (token: string, pass: Pass) =>
  ({ kind: 'pass', token, registrationId: pass.reg.id }) as const;

export async function putNote(ctx: Ctx, token: string, clientId: string, input: NoteInput) {
  return inTransaction(ctx, async (tx) => {
    const pass = await writablePass(tx, token, true);
    const { row, changed } = await writeNote(tx, pass, clientId, input);
    if (changed) await announce(tx, pass, 'note', row.dimensionId);
    const [note] = await presentNotes(tx, [row], passViewer(token, pass));
    return note;
  });
}

/**
 * `DELETE …/notes/:clientId`: deletes the note and its photos, and leaves a tombstone so a late
 * replay of an earlier PUT (or photo) is answered 410 instead of bringing the note back. Deleting
 * a note the server never saw stores the tombstone too. Repeating it is harmless.
 */
export async function deleteNote(ctx: Ctx, token: string, clientId: string) {
  const keys = await inTransaction(ctx, async (tx) => {
    const pass = await writablePass(tx, token, true);
    const [stored] = await tx.db.select().from(observationNotes).where(eq(observationNotes.id, clientId));
    if (stored && stored.registrationId !== pass.reg.id) throw notFound('@entities.observation_note');
    if (stored?.deletedAt) return [];
    const now = tx.clock.now();
    if (!stored) {
      await tx.db.insert(observationNotes).values({
        id: clientId,
        registrationId: pass.reg.id,
        eventId: pass.event.id,
        kind: 'highlight',
        clientUpdatedAt: now,
        deletedAt: now,
      });
      return [];
    }
    const photos = await tx.db.delete(notePhotos).where(eq(notePhotos.noteId, clientId)).returning();
    const removed: string[] = [];
    for (const photo of photos) {
      removed.push(...(await deleteFileRow(tx, photo.fileId)));
      if (photo.originalFileId) removed.push(...(await deleteFileRow(tx, photo.originalFileId)));
    }
    await tx.db.delete(noteVotes).where(eq(noteVotes.noteId, clientId));
    await tx.db
      .update(observationNotes)
      .set({ deletedAt: now, text: '', updatedAt: now })
      .where(eq(observationNotes.id, clientId));
    await announce(tx, pass, 'note', stored.dimensionId);
    return removed;
  });
  // Bytes go only after the commit (a rolled-back delete must not lose them).
  await deleteStoredBytes(ctx, keys);
}

/** A shared note of the attendee's site that is not their own: what may get a +1. */
async function votableNote(ctx: Ctx, pass: Pass, noteId: string) {
  const note = await liveNote(ctx, noteId);
  if (!note?.shared || note.eventId !== pass.event.id) throw notFound('@entities.observation_note');
  const [author] = await ctx.db
    .select({ eventSiteId: registrations.eventSiteId })
    .from(registrations)
    .where(eq(registrations.id, note.registrationId));
  if (author?.eventSiteId !== pass.reg.eventSiteId) throw notFound('@entities.observation_note');
  if (note.registrationId === pass.reg.id) throw conflict('observations.own_note_vote');
  return note;
}

/** "+1 — I saw this too" (`POST`), or taking it back (`DELETE`); both idempotent. */
export async function setVote(ctx: Ctx, token: string, noteId: string, voted: boolean) {
  return inTransaction(ctx, async (tx) => {
    const pass = await writablePass(tx, token, true);
    const note = await votableNote(tx, pass, noteId);
    const mine = and(eq(noteVotes.noteId, noteId), eq(noteVotes.registrationId, pass.reg.id));
    const changed = voted
      ? await tx.db
          .insert(noteVotes)
          .values({ noteId, registrationId: pass.reg.id, createdAt: tx.clock.now() })
          .onConflictDoNothing()
          .returning()
      : await tx.db.delete(noteVotes).where(mine).returning();
    if (changed.length) await announce(tx, pass, 'vote', note.dimensionId);
    const [{ n }] = await tx.db.select({ n: count() }).from(noteVotes).where(eq(noteVotes.noteId, noteId));
    return { noteId, votes: Number(n), votedByMe: voted };
  });
}

/** "I have finished" (`POST …/submit`): opens the whole shared view; the first time is kept. */
export async function submitObservations(ctx: Ctx, token: string) {
  return inTransaction(ctx, async (tx) => {
    const pass = await writablePass(tx, token, true);
    const inserted = await tx.db
      .insert(observationSubmissions)
      .values({ registrationId: pass.reg.id, eventId: pass.event.id, submittedAt: tx.clock.now() })
      .onConflictDoNothing()
      .returning();
    if (inserted.length) await announce(tx, pass, 'submit', null);
    const [row] = await tx.db
      .select()
      .from(observationSubmissions)
      .where(eq(observationSubmissions.registrationId, pass.reg.id));
    return { submittedAt: row.submittedAt.toISOString() };
  });
}

import { and, asc, count, eq, isNotNull, isNull, or } from 'drizzle-orm';
import { toTime } from '../../../contract/agenda.js';
import type {
  AttendanceFigures,
  ObservationFigures,
  RetrospectiveFigures,
} from '../../../contract/retrospectives.js';
import type { Ctx } from '../../core/context.js';
import { agendaItems } from '../agenda/agenda.table.js';
import { checkins } from '../checkin/checkin.table.js';
import type { EventRow } from '../events/events.guard.js';
import { notePhotos, observationNotes, observations } from '../observations/observations.table.js';
import { qaFigures } from '../qa/qa.figures.js';
import { registrations } from '../registrations/registrations.table.js';
import { agendaPunctuality } from '../run-of-show/run-of-show.service.js';
import { surveyFigures } from '../surveys/surveys.figures.js';

/** part ÷ whole as a 0–1 share with 3 decimals; null (not NaN) when there is no whole. */
export const share = (part: number, whole: number) =>
  whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null;
const perHead = (total: number, heads: number) =>
  heads > 0 ? Math.round((total / heads) * 100) / 100 : null;

/**
 * The moment after which arriving is late, in minutes of the event day: the end of the first
 * sign-in item (集合签到 13:30–14:00 → 14:00, as the check-in dashboard counts), or the start of
 * the first item when the agenda has no sign-in. Null without an agenda.
 */
async function lateAfterMinute(ctx: Ctx, eventId: string): Promise<number | null> {
  const items = await ctx.db
    .select({ type: agendaItems.type, start: agendaItems.startMinute, end: agendaItems.endMinute })
    .from(agendaItems)
    .where(eq(agendaItems.eventId, eventId))
    .orderBy(asc(agendaItems.startMinute), asc(agendaItems.position));
  const signIn = items.find((i) => i.type === 'sign_in');
  if (signIn) return signIn.end;
  return items[0]?.start ?? null;
}

/** Registrations → confirmed → arrived, and who arrived late. */
export async function attendanceFigures(ctx: Ctx, event: EventRow): Promise<AttendanceFigures> {
  const rows = await ctx.db
    .select({ status: registrations.status, arrivedAt: checkins.scannedAt })
    .from(registrations)
    .leftJoin(checkins, and(eq(checkins.registrationId, registrations.id), isNull(checkins.undoneAt)))
    .where(eq(registrations.eventId, event.id));
  const minute = await lateAfterMinute(ctx, event.id);
  const lateAfter = minute === null ? null : new Date(`${event.eventDate}T${toTime(minute)}:00+08:00`);

  // Someone who came counts as confirmed whatever happened to the registration afterwards.
  const bucket = (r: (typeof rows)[number]) => (r.arrivedAt ? 'confirmed' : r.status);
  const arrived = rows.filter((r) => r.arrivedAt);
  const confirmed = rows.filter((r) => bucket(r) === 'confirmed').length;
  const late = lateAfter ? arrived.filter((r) => (r.arrivedAt as Date) > lateAfter).length : null;
  return {
    registered: rows.length,
    cancelled: rows.filter((r) => bucket(r) === 'cancelled').length,
    waitlisted: rows.filter((r) => bucket(r) === 'waitlisted').length,
    pending: rows.filter((r) => bucket(r) === 'pending').length,
    confirmed,
    arrived: arrived.length,
    late,
    lateAfter: minute === null ? null : toTime(minute),
    confirmedRate: share(confirmed, rows.length),
    arrivalRate: share(arrived.length, confirmed),
    lateRate: late === null ? null : share(late, arrived.length),
  };
}

/** Scores, notes and photos the attendees recorded (deleted notes and their photos left out). */
export async function observationFigures(
  ctx: Ctx,
  eventId: string,
  arrived: number,
): Promise<ObservationFigures> {
  const rated = and(
    eq(observations.eventId, eventId),
    or(isNotNull(observations.score), eq(observations.na, true)),
  );
  const liveNotes = and(eq(observationNotes.eventId, eventId), isNull(observationNotes.deletedAt));
  const [ratingRows, noteRows, [photoRow], raters, writers] = await Promise.all([
    ctx.db.select({ n: count() }).from(observations).where(rated),
    ctx.db
      .select({ kind: observationNotes.kind, n: count() })
      .from(observationNotes)
      .where(liveNotes)
      .groupBy(observationNotes.kind),
    ctx.db
      .select({ n: count() })
      .from(notePhotos)
      .innerJoin(observationNotes, eq(observationNotes.id, notePhotos.noteId))
      .where(liveNotes),
    ctx.db.selectDistinct({ id: observations.registrationId }).from(observations).where(rated),
    ctx.db.selectDistinct({ id: observationNotes.registrationId }).from(observationNotes).where(liveNotes),
  ]);
  const kinds = { highlight: 0, problem: 0, suggestion: 0 };
  for (const r of noteRows) kinds[r.kind] = Number(r.n);
  const ratings = Number(ratingRows[0]?.n ?? 0);
  const notes = kinds.highlight + kinds.problem + kinds.suggestion;
  const photos = Number(photoRow?.n ?? 0);
  const observers = new Set([...raters, ...writers].map((r) => r.id)).size;
  return {
    observers,
    ratings,
    notes,
    highlights: kinds.highlight,
    problems: kinds.problem,
    suggestions: kinds.suggestion,
    photos,
    observerRate: share(observers, arrived),
    ratingsPerAttendee: perHead(ratings, arrived),
    notesPerAttendee: perHead(notes, arrived),
    photosPerAttendee: perHead(photos, arrived),
  };
}

/** Every figure of the retrospective, computed now from the other modules' tables. No access check. */
export async function retrospectiveFigures(ctx: Ctx, event: EventRow): Promise<RetrospectiveFigures> {
  const attendance = await attendanceFigures(ctx, event);
  const [agenda, observed, qa, survey] = await Promise.all([
    agendaPunctuality(ctx, event.id),
    observationFigures(ctx, event.id, attendance.arrived),
    qaFigures(ctx, event.id),
    surveyFigures(ctx, event.id),
  ]);
  return {
    attendance,
    agenda,
    observations: observed,
    qa: { ...qa, answeredRate: share(qa.answered, qa.asked) },
    survey: {
      ...survey,
      responseRate: survey.responseRate === null ? null : Math.round(survey.responseRate * 1000) / 1000,
    },
  };
}

import { and, asc, count, desc, eq, isNull, ne, type SQL } from 'drizzle-orm';
import type { ObservationSummary, StaffNote, StaffNotesQuery, Wall } from '../../../contract/observations.js';
import { authorize } from '../../core/access.js';
import type { Ctx } from '../../core/context.js';
import { loadEvent } from '../events/events.guard.js';
import { eventSites } from '../events/events.table.js';
import { registrations } from '../registrations/registrations.table.js';
import { sites } from '../sites/sites.table.js';
import { type AggregateNote, aggregateSite } from './observations.aggregate.js';
import { eventTemplate } from './observations.pass.js';
import { observationsPolicy } from './observations.policy.js';
import { byVotes, presentNotes } from './observations.present.js';
import { observationNotes, observationSubmissions, observations } from './observations.table.js';

const TOP_NOTES = 5;

export async function eventSitesOf(ctx: Ctx, eventId: string) {
  return ctx.db
    .select({ id: eventSites.id, siteName: sites.name })
    .from(eventSites)
    .innerJoin(sites, eq(sites.id, eventSites.siteId))
    .where(eq(eventSites.eventId, eventId))
    .orderBy(asc(eventSites.position));
}

/** Answers of the event's attendees (cancelled registrations left out), with their site. */
export async function answersOf(ctx: Ctx, eventId: string, eventSiteId?: string) {
  return ctx.db
    .select({
      registrationId: observations.registrationId,
      pointId: observations.pointId,
      score: observations.score,
      na: observations.na,
      eventSiteId: registrations.eventSiteId,
    })
    .from(observations)
    .innerJoin(registrations, eq(registrations.id, observations.registrationId))
    .where(
      and(
        eq(observations.eventId, eventId),
        ne(registrations.status, 'cancelled'),
        eventSiteId ? eq(registrations.eventSiteId, eventSiteId) : undefined,
      ),
    );
}

/** Live notes of the event with author and site; `sharedOnly` for what attendees and the wall see. */
export async function notesOf(
  ctx: Ctx,
  eventId: string,
  filter: { sharedOnly?: boolean; where?: SQL[] } = {},
) {
  return ctx.db
    .select({
      note: observationNotes,
      authorName: registrations.name,
      unitName: registrations.unitName,
      eventSiteId: registrations.eventSiteId,
    })
    .from(observationNotes)
    .innerJoin(registrations, eq(registrations.id, observationNotes.registrationId))
    .where(
      and(
        eq(observationNotes.eventId, eventId),
        isNull(observationNotes.deletedAt),
        ne(registrations.status, 'cancelled'),
        filter.sharedOnly ? eq(observationNotes.shared, true) : undefined,
        ...(filter.where ?? []),
      ),
    )
    .orderBy(desc(observationNotes.createdAt));
}

type NoteWithAuthor = Awaited<ReturnType<typeof notesOf>>[number];

async function staffNotes(ctx: Ctx, rows: NoteWithAuthor[]): Promise<StaffNote[]> {
  const presented = await presentNotes(
    ctx,
    rows.map((r) => r.note),
    { kind: 'staff' },
  );
  return presented.map((note, i) => ({
    ...note,
    authorName: rows[i].authorName,
    unitName: rows[i].unitName,
    eventSiteId: rows[i].eventSiteId,
  }));
}

const aggregateNotes = (rows: NoteWithAuthor[]): AggregateNote[] =>
  rows.map((r) => ({ pointId: r.note.pointId, dimensionId: r.note.dimensionId, kind: r.note.kind }));

/** `GET /events/:id/observations/summary`: every site's aggregate and its most +1'd notes. */
export async function observationSummary(ctx: Ctx, eventId: string): Promise<ObservationSummary> {
  authorize(ctx, observationsPolicy, 'read');
  const event = await loadEvent(ctx, eventId);
  const siteRows = await eventSitesOf(ctx, eventId);
  const [{ attendees }] = await ctx.db
    .select({ attendees: count() })
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), eq(registrations.status, 'confirmed')));
  const [{ submitted }] = await ctx.db
    .select({ submitted: count() })
    .from(observationSubmissions)
    .where(eq(observationSubmissions.eventId, eventId));
  if (!event.templateVersionId) {
    return {
      eventId,
      templateVersionId: null,
      sites: [],
      attendees: Number(attendees),
      contributors: 0,
      submitted: Number(submitted),
    };
  }
  const version = await eventTemplate(ctx, event);
  const answers = await answersOf(ctx, eventId);
  const notes = await notesOf(ctx, eventId);
  const contributors = new Set([
    ...answers.map((a) => a.registrationId),
    ...notes.map((n) => n.note.registrationId),
  ]);
  const result: ObservationSummary['sites'] = [];
  for (const site of siteRows) {
    const siteNotes = notes.filter((n) => n.eventSiteId === site.id);
    const aggregate = aggregateSite(
      version,
      answers.filter((a) => a.eventSiteId === site.id),
      aggregateNotes(siteNotes),
    );
    const top = (await staffNotes(ctx, siteNotes)).sort(byVotes).slice(0, TOP_NOTES);
    result.push({ eventSiteId: site.id, siteName: site.siteName, ...aggregate, topNotes: top });
  }
  return {
    eventId,
    templateVersionId: event.templateVersionId,
    sites: result,
    attendees: Number(attendees),
    contributors: contributors.size,
    submitted: Number(submitted),
  };
}

/** `GET /events/:id/observations/notes`: every note (private ones too), filtered. */
export async function listStaffNotes(ctx: Ctx, eventId: string, query: StaffNotesQuery) {
  authorize(ctx, observationsPolicy, 'read');
  await loadEvent(ctx, eventId);
  const where: SQL[] = [];
  if (query.kind) where.push(eq(observationNotes.kind, query.kind));
  if (query.dimensionId) where.push(eq(observationNotes.dimensionId, query.dimensionId));
  if (query.pointId) where.push(eq(observationNotes.pointId, query.pointId));
  if (query.routeStopId) where.push(eq(observationNotes.routeStopId, query.routeStopId));
  if (query.eventSiteId) where.push(eq(registrations.eventSiteId, query.eventSiteId));
  const notes = await staffNotes(ctx, await notesOf(ctx, eventId, { where }));
  if (query.sort === 'votes') notes.sort(byVotes);
  return notes.slice(0, query.limit);
}

/** `GET /events/:id/observations/wall`: radar and the top shared highlights/problems per site. */
export async function observationWall(ctx: Ctx, eventId: string): Promise<Wall> {
  authorize(ctx, observationsPolicy, 'read');
  const event = await loadEvent(ctx, eventId);
  const siteRows = await eventSitesOf(ctx, eventId);
  const version = event.templateVersionId ? await eventTemplate(ctx, event) : null;
  const answers = version ? await answersOf(ctx, eventId) : [];
  const notes = await notesOf(ctx, eventId, { sharedOnly: true });
  const result: Wall['sites'] = [];
  for (const site of siteRows) {
    const siteNotes = notes.filter((n) => n.eventSiteId === site.id);
    const aggregate = version
      ? aggregateSite(
          version,
          answers.filter((a) => a.eventSiteId === site.id),
          aggregateNotes(siteNotes),
        )
      : null;
    const presented = (await staffNotes(ctx, siteNotes)).sort(byVotes);
    // The big screen names the unit, never the person.
    const forWall = (kind: string) =>
      presented
        .filter((n) => n.kind === kind)
        .slice(0, TOP_NOTES)
        .map(({ authorName: _a, unitName, eventSiteId: _s, ...note }) => ({
          ...note,
          mine: false,
          authorUnit: unitName,
        }));
    result.push({
      eventSiteId: site.id,
      siteName: site.siteName,
      raters: aggregate?.raters ?? 0,
      total: aggregate?.total ?? null,
      radar: aggregate?.radar ?? [],
      notes: aggregate?.notes ?? { highlight: 0, problem: 0, suggestion: 0 },
      topHighlights: forWall('highlight'),
      topProblems: forWall('problem'),
    });
  }
  return { eventId, theme: event.theme, generatedAt: ctx.clock.now().toISOString(), sites: result };
}

/**
 * The "send to Q&A" hook: notes and guiding-question answers attendees sent to the Q&A, oldest
 * first, for the Q&A module to pick up (no access check: its callers check their own).
 */
export async function sentToQa(ctx: Ctx, eventId: string) {
  const notes = await ctx.db
    .select({
      noteId: observationNotes.id,
      registrationId: observationNotes.registrationId,
      text: observationNotes.text,
      kind: observationNotes.kind,
      pointId: observationNotes.pointId,
      at: observationNotes.updatedAt,
    })
    .from(observationNotes)
    .where(
      and(
        eq(observationNotes.eventId, eventId),
        eq(observationNotes.sentToQa, true),
        isNull(observationNotes.deletedAt),
      ),
    )
    .orderBy(asc(observationNotes.updatedAt));
  const answered = await ctx.db
    .select()
    .from(observations)
    .where(eq(observations.eventId, eventId))
    .orderBy(asc(observations.updatedAt));
  const answers = answered.flatMap((o) =>
    o.answers
      .filter((a) => a.sentToQa && a.text)
      .map((a) => ({
        observationId: o.id,
        registrationId: o.registrationId,
        pointId: o.pointId,
        questionId: a.questionId,
        text: a.text,
        at: o.updatedAt,
      })),
  );
  return { notes, answers };
}

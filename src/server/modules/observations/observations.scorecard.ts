import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { Scorecard, SharedView } from '../../../contract/observations.js';
import { groupPositionChannel } from '../../../contract/run-of-show.js';
import type { Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { eventSites } from '../events/events.table.js';
import { routeStops } from '../route-stops/route-stops.table.js';
import { groupWhereabouts } from '../run-of-show/run-of-show.positions.js';
import { sites } from '../sites/sites.table.js';
import { aggregateSite } from './observations.aggregate.js';
import { eventTemplate, passOf, writeRefusal } from './observations.pass.js';
import { byVotes, presentNotes, presentObservation } from './observations.present.js';
import { answersOf, notesOf } from './observations.staff.js';
import { observationNotes, observationSubmissions, observations } from './observations.table.js';

async function ownAnswers(ctx: Ctx, registrationId: string) {
  return ctx.db.select().from(observations).where(eq(observations.registrationId, registrationId));
}

async function submittedAt(ctx: Ctx, registrationId: string) {
  const [row] = await ctx.db
    .select()
    .from(observationSubmissions)
    .where(eq(observationSubmissions.registrationId, registrationId));
  return row?.submittedAt ?? null;
}

/**
 * The shared-view rule: a dimension opens for an attendee once they have scored or marked N/A
 * at least one point of it; "submit" opens every dimension. First impressions stay independent.
 */
function openDimensions(
  dimensionIds: string[],
  own: { dimensionId: string; score: number | null; na: boolean }[],
  submitted: boolean,
) {
  if (submitted) return dimensionIds;
  const rated = new Set(own.filter((o) => o.na || o.score !== null).map((o) => o.dimensionId));
  return dimensionIds.filter((id) => rated.has(id));
}

/** `GET /passes/:token/scorecard`: the template, the attendee's route and everything they recorded. */
export async function getScorecard(ctx: Ctx, token: string): Promise<Scorecard> {
  const pass = await passOf(ctx, token);
  const { reg, event } = pass;
  const version = await eventTemplate(ctx, event);
  const [site] = await ctx.db
    .select({ name: sites.name })
    .from(eventSites)
    .innerJoin(sites, eq(sites.id, eventSites.siteId))
    .where(eq(eventSites.id, reg.eventSiteId));
  const dimensionOf = new Map<string, string>();
  for (const d of version.dimensions) for (const p of d.points) dimensionOf.set(p.id, d.id);
  const stops = await ctx.db
    .select()
    .from(routeStops)
    .where(eq(routeStops.eventSiteId, reg.eventSiteId))
    .orderBy(asc(routeStops.position));
  const own = await ownAnswers(ctx, reg.id);
  const noteRows = await ctx.db
    .select()
    .from(observationNotes)
    .where(and(eq(observationNotes.registrationId, reg.id), isNull(observationNotes.deletedAt)))
    .orderBy(desc(observationNotes.createdAt));
  const notes = await presentNotes(ctx, noteRows, { kind: 'pass', token, registrationId: reg.id });
  const submitted = await submittedAt(ctx, reg.id);
  const group = reg.groupId ? await groupWhereabouts(ctx, reg.groupId) : null;

  const scoredPoints = version.dimensions.flatMap((d) =>
    d.points.filter((p) => p.scheme !== 'unscored').map((p) => ({ dimensionId: d.id, pointId: p.id })),
  );
  const answered = new Set(own.filter((o) => o.na || o.score !== null).map((o) => o.pointId));
  return {
    event: {
      id: event.id,
      theme: event.theme,
      eventDate: event.eventDate,
      status: event.status,
      readOnly: writeRefusal(pass) !== null,
    },
    registration: {
      id: reg.id,
      name: reg.name,
      eventSiteId: reg.eventSiteId,
      siteName: site?.name ?? '',
      status: reg.status,
    },
    template: version,
    stops: stops.map((s) => ({
      id: s.id,
      position: s.position,
      name: s.name,
      minutes: s.minutes,
      pointIds: s.pointIds,
      dimensionIds: [...new Set(s.pointIds.map((p) => dimensionOf.get(p)).filter((d): d is string => !!d))],
      guideNotes: s.guideNotes,
    })),
    group,
    observations: own.map(presentObservation),
    notes,
    progress: {
      totalPoints: scoredPoints.length,
      scored: own.filter((o) => !o.na && o.score !== null).length,
      na: own.filter((o) => o.na).length,
      notes: notes.length,
      photos: notes.reduce((sum, n) => sum + n.photos.length, 0),
      byDimension: version.dimensions.map((d) => ({
        dimensionId: d.id,
        total: scoredPoints.filter((p) => p.dimensionId === d.id).length,
        answered: scoredPoints.filter((p) => p.dimensionId === d.id && answered.has(p.pointId)).length,
      })),
    },
    submittedAt: submitted?.toISOString() ?? null,
    sharedDimensionIds: openDimensions(
      version.dimensions.map((d) => d.id),
      own,
      !!submitted,
    ),
  };
}

/**
 * `GET /passes/:token/stream`: the channel on which the guide's position reports for the pass's
 * group arrive (404 `observations.no_group` while the attendee has no group).
 */
export async function passGroupStream(ctx: Ctx, token: string) {
  const { reg } = await passOf(ctx, token);
  if (!reg.groupId) throw new AppError('observations.no_group', 404);
  return groupPositionChannel(reg.groupId);
}

/** `GET /passes/:token/shared`: the site's aggregate and shared notes, for open dimensions only. */
export async function getSharedView(ctx: Ctx, token: string): Promise<SharedView> {
  const { reg, event } = await passOf(ctx, token);
  const version = await eventTemplate(ctx, event);
  const submitted = !!(await submittedAt(ctx, reg.id));
  const own = await ownAnswers(ctx, reg.id);
  const open = new Set(
    openDimensions(
      version.dimensions.map((d) => d.id),
      own,
      submitted,
    ),
  );
  const [site] = await ctx.db
    .select({ name: sites.name })
    .from(eventSites)
    .innerJoin(sites, eq(sites.id, eventSites.siteId))
    .where(eq(eventSites.id, reg.eventSiteId));
  const visibleNote = (dimensionId: string | null) => (dimensionId ? open.has(dimensionId) : open.size > 0);
  const shared = (await notesOf(ctx, event.id, { sharedOnly: true })).filter(
    (n) => n.eventSiteId === reg.eventSiteId && visibleNote(n.note.dimensionId),
  );
  const answers = (await answersOf(ctx, event.id, reg.eventSiteId)).filter((a) =>
    open.has(dimensionIdOf(version, a.pointId)),
  );
  const limited = { ...version, dimensions: version.dimensions.filter((d) => open.has(d.id)) };
  const aggregate = aggregateSite(
    limited,
    answers,
    shared.map((n) => ({ pointId: n.note.pointId, dimensionId: n.note.dimensionId, kind: n.note.kind })),
  );
  const notes = (
    await presentNotes(
      ctx,
      shared.map((n) => n.note),
      { kind: 'pass', token, registrationId: reg.id },
    )
  ).sort(byVotes);
  return {
    submitted,
    openDimensionIds: [...open],
    aggregate: { eventSiteId: reg.eventSiteId, siteName: site?.name ?? '', ...aggregate },
    notes,
  };
}

function dimensionIdOf(version: { dimensions: { id: string; points: { id: string }[] }[] }, pointId: string) {
  return version.dimensions.find((d) => d.points.some((p) => p.id === pointId))?.id ?? '';
}

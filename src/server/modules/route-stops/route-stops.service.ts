import { and, asc, eq, inArray } from 'drizzle-orm';
import type {
  EventRoute,
  RoutePointOption,
  RouteStopInput,
  SiteRoute,
} from '../../../contract/route-stops.js';
import { authorize } from '../../core/access.js';
import { type Ctx, inTransaction } from '../../core/context.js';
import { invalid, notFound } from '../../core/errors.js';
import { itemRows, tourMinutes } from '../agenda/agenda.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { assertPlanEditable, loadEvent, touchEvent } from '../events/events.guard.js';
import { eventsPolicy } from '../events/events.policy.js';
import { eventSites } from '../events/events.table.js';
import { sites } from '../sites/sites.table.js';
import { templateDimensions, templatePoints } from '../templates/templates.table.js';
import { DEFAULT_ROUTE } from './route-stops.defaults.js';
import { routeStops } from './route-stops.table.js';

/** The points of a template version with their dimensions, in template order. */
export async function versionPoints(ctx: Ctx, versionId: string | null): Promise<RoutePointOption[]> {
  if (!versionId) return [];
  const rows = await ctx.db
    .select({
      id: templatePoints.id,
      title: templatePoints.title,
      dimensionId: templatePoints.dimensionId,
      dimensionName: templateDimensions.name,
    })
    .from(templatePoints)
    .innerJoin(templateDimensions, eq(templateDimensions.id, templatePoints.dimensionId))
    .where(eq(templatePoints.versionId, versionId))
    .orderBy(asc(templateDimensions.position), asc(templatePoints.position));
  return rows;
}

/** Every event site's route, with its total against the agenda's tour slot. */
export async function routeOf(ctx: Ctx, eventId: string): Promise<EventRoute> {
  const event = await loadEvent(ctx, eventId);
  const [siteRows, agendaRows, points] = await Promise.all([
    ctx.db
      .select({ id: eventSites.id, siteId: eventSites.siteId, siteName: sites.name })
      .from(eventSites)
      .innerJoin(sites, eq(sites.id, eventSites.siteId))
      .where(eq(eventSites.eventId, eventId))
      .orderBy(asc(eventSites.position)),
    itemRows(ctx, eventId),
    versionPoints(ctx, event.templateVersionId),
  ]);
  const dimensionOf = new Map(points.map((p) => [p.id, p.dimensionId]));
  const stops = siteRows.length
    ? await ctx.db
        .select()
        .from(routeStops)
        .where(
          inArray(
            routeStops.eventSiteId,
            siteRows.map((s) => s.id),
          ),
        )
        .orderBy(asc(routeStops.position))
    : [];
  const tour = tourMinutes(agendaRows);
  const result: SiteRoute[] = siteRows.map((site) => {
    const own = stops.filter((s) => s.eventSiteId === site.id);
    const totalMinutes = own.reduce((sum, s) => sum + s.minutes, 0);
    return {
      eventSiteId: site.id,
      siteId: site.siteId,
      siteName: site.siteName,
      stops: own.map((s) => ({
        id: s.id,
        position: s.position,
        name: s.name,
        minutes: s.minutes,
        pointIds: s.pointIds,
        dimensionIds: [...new Set(s.pointIds.map((p) => dimensionOf.get(p)).filter((d): d is string => !!d))],
        guideNotes: s.guideNotes,
      })),
      totalMinutes,
      tourMinutes: tour,
      exceedsTour: totalMinutes > tour,
    };
  });
  return { eventId, sites: result };
}

export async function getRoute(ctx: Ctx, eventId: string) {
  authorize(ctx, eventsPolicy, 'read');
  return routeOf(ctx, eventId);
}

export async function getRoutePoints(ctx: Ctx, eventId: string) {
  authorize(ctx, eventsPolicy, 'read');
  const event = await loadEvent(ctx, eventId);
  return versionPoints(ctx, event.templateVersionId);
}

async function loadEventSite(ctx: Ctx, eventId: string, eventSiteId: string) {
  const [row] = await ctx.db
    .select()
    .from(eventSites)
    .where(and(eq(eventSites.id, eventSiteId), eq(eventSites.eventId, eventId)));
  if (!row) throw notFound('@entities.event_site');
  return row;
}

async function writeStops(tx: Ctx, eventSiteId: string, stops: RouteStopInput[]) {
  await tx.db.delete(routeStops).where(eq(routeStops.eventSiteId, eventSiteId));
  if (!stops.length) return;
  await tx.db.insert(routeStops).values(
    stops.map((s, position) => ({
      eventSiteId,
      position,
      name: s.name,
      minutes: s.minutes,
      pointIds: [...new Set(s.pointIds)],
      guideNotes: s.guideNotes ?? null,
    })),
  );
}

/** Replaces one site's route with the given ordered stops. Points must belong to the event's template. */
export async function replaceRoute(ctx: Ctx, eventId: string, eventSiteId: string, stops: RouteStopInput[]) {
  authorize(ctx, eventsPolicy, 'write');
  return inTransaction(ctx, async (tx) => {
    const event = await loadEvent(tx, eventId, true);
    assertPlanEditable(event);
    await loadEventSite(tx, eventId, eventSiteId);
    const known = new Set((await versionPoints(tx, event.templateVersionId)).map((p) => p.id));
    const unknown = stops.flatMap((s) => s.pointIds).filter((id) => !known.has(id));
    if (unknown.length) throw invalid('route_stops.point_not_in_template');
    await writeStops(tx, eventSiteId, stops);
    await touchEvent(tx, eventId);
    await recordAudit(tx, {
      action: 'route.replace',
      entityType: 'event',
      entityId: eventId,
      after: { eventSiteId, stops },
    });
    return routeOf(tx, eventId);
  });
}

/** The seed's six stops, each with the template points whose titles match its keywords. */
export function defaultStops(lang: Ctx['lang'], points: RoutePointOption[]): RouteStopInput[] {
  return DEFAULT_ROUTE.map((stop) => ({
    name: stop.name[lang],
    minutes: stop.minutes,
    pointIds: points.filter((p) => stop.pointKeywords.some((k) => p.title.includes(k))).map((p) => p.id),
    guideNotes: stop.guideNotes[lang],
  }));
}

export async function applyDefaultRoute(ctx: Ctx, eventId: string, eventSiteId: string) {
  authorize(ctx, eventsPolicy, 'write');
  return inTransaction(ctx, async (tx) => {
    const event = await loadEvent(tx, eventId, true);
    assertPlanEditable(event);
    await loadEventSite(tx, eventId, eventSiteId);
    const stops = defaultStops(tx.lang, await versionPoints(tx, event.templateVersionId));
    await writeStops(tx, eventSiteId, stops);
    await touchEvent(tx, eventId);
    await recordAudit(tx, {
      action: 'route.apply_default',
      entityType: 'event',
      entityId: eventId,
      after: { eventSiteId },
    });
    return routeOf(tx, eventId);
  });
}

import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import {
  type Board,
  groupPositionChannel,
  type PositionInput,
  runOfShowChannel,
} from '../../../contract/run-of-show.js';
import { authorize } from '../../core/access.js';
import type { Actor } from '../../core/context.js';
import { type Ctx, inTransaction } from '../../core/context.js';
import { conflict, invalid, notFound } from '../../core/errors.js';
import { publish } from '../../core/realtime.js';
import { recordAudit } from '../audit/audit.service.js';
import { loadEvent } from '../events/events.guard.js';
import { eventSites } from '../events/events.table.js';
import { groups } from '../groups/groups.table.js';
import { routeStops } from '../route-stops/route-stops.table.js';
import { sites } from '../sites/sites.table.js';
import { users } from '../users/users.table.js';
import { assertShowOpen, assertSiteOfActor, eventForActor } from './run-of-show.access.js';
import { runOfShowPolicy } from './run-of-show.policy.js';
import { groupPositions } from './run-of-show.table.js';

const MINUTE = 60000;

/** Every group of the event (a host: the groups of their own site) with where it is now. */
export async function boardOf(ctx: Ctx, actor: Actor, eventId: string): Promise<Board> {
  const now = ctx.clock.now();
  const siteRows = await ctx.db
    .select({ id: eventSites.id, siteId: eventSites.siteId, siteName: sites.name })
    .from(eventSites)
    .innerJoin(sites, eq(sites.id, eventSites.siteId))
    .where(eq(eventSites.eventId, eventId))
    .orderBy(asc(eventSites.position));
  const visibleSites = siteRows.filter((s) => actor.role !== 'host' || s.siteId === actor.siteId);
  const siteIds = visibleSites.map((s) => s.id);
  if (!siteIds.length) return { eventId, now: now.toISOString(), groups: [], sites: [] };
  const stops = await ctx.db
    .select()
    .from(routeStops)
    .where(inArray(routeStops.eventSiteId, siteIds))
    .orderBy(asc(routeStops.position));
  const groupRows = await ctx.db
    .select({ group: groups, guideUserName: users.name })
    .from(groups)
    .leftJoin(users, eq(users.id, groups.guideUserId))
    .where(and(eq(groups.eventId, eventId), inArray(groups.eventSiteId, siteIds)))
    .orderBy(asc(groups.position));
  const reports = await ctx.db
    .select({ position: groupPositions, reportedByName: users.name })
    .from(groupPositions)
    .leftJoin(users, eq(users.id, groupPositions.reportedBy))
    .where(eq(groupPositions.eventId, eventId))
    .orderBy(asc(groupPositions.at), asc(groupPositions.createdAt));
  const stopById = new Map(stops.map((s) => [s.id, s]));
  const boardGroups: Board['groups'] = groupRows.map(({ group, guideUserName }) => {
    const own = reports.filter((r) => r.position.groupId === group.id);
    const history = own.map((r, i) => {
      const stop = r.position.routeStopId ? stopById.get(r.position.routeStopId) : undefined;
      const until = own[i + 1]?.position.at ?? now;
      const minutesThere = Math.max(0, Math.floor((until.getTime() - r.position.at.getTime()) / MINUTE));
      const plannedMinutes = stop?.minutes ?? null;
      return {
        routeStopId: r.position.routeStopId,
        stopName: stop?.name ?? r.position.stopName,
        stopPosition: stop?.position ?? null,
        at: r.position.at.toISOString(),
        minutesThere,
        plannedMinutes,
        overstay: plannedMinutes !== null && minutesThere > plannedMinutes,
        reportedByName: r.reportedByName,
      };
    });
    return {
      groupId: group.id,
      name: group.name,
      eventSiteId: group.eventSiteId,
      siteName: visibleSites.find((s) => s.id === group.eventSiteId)?.siteName ?? '',
      guideName: guideUserName ?? group.guideName,
      current: history.at(-1) ?? null,
      history,
    };
  });
  return {
    eventId,
    now: now.toISOString(),
    groups: boardGroups,
    sites: visibleSites.map((s) => ({
      eventSiteId: s.id,
      siteName: s.siteName,
      stops: stops
        .filter((stop) => stop.eventSiteId === s.id)
        .map((stop) => ({ id: stop.id, position: stop.position, name: stop.name, minutes: stop.minutes })),
    })),
  };
}

/** `GET /events/:id/run-of-show/board` */
export async function getBoard(ctx: Ctx, eventId: string) {
  const actor = authorize(ctx, runOfShowPolicy, 'read');
  await eventForActor(ctx, actor, eventId);
  return boardOf(ctx, actor, eventId);
}

/**
 * A guide reports the group's current stop. Staff for any group; a host for the groups of their
 * own site. With a `clientId`, a repeated report changes nothing.
 */
export async function reportPosition(ctx: Ctx, eventId: string, groupId: string, input: PositionInput) {
  const actor = authorize(ctx, runOfShowPolicy, 'report');
  return inTransaction(ctx, async (tx) => {
    const event = await eventForActor(tx, actor, eventId);
    const [group] = await tx.db
      .select()
      .from(groups)
      .where(and(eq(groups.id, groupId), eq(groups.eventId, eventId)));
    if (!group) throw notFound('@entities.group');
    await assertSiteOfActor(tx, actor, group.eventSiteId);
    assertShowOpen(await loadEvent(tx, event.id));
    const [stop] = await tx.db
      .select()
      .from(routeStops)
      .where(and(eq(routeStops.id, input.routeStopId), eq(routeStops.eventSiteId, group.eventSiteId)));
    if (!stop) throw invalid('run_of_show.stop_not_on_site');
    const repeat = input.clientId
      ? (await tx.db.select().from(groupPositions).where(eq(groupPositions.id, input.clientId)))[0]
      : undefined;
    if (repeat && repeat.groupId !== groupId) throw conflict('run_of_show.client_id_taken');
    if (!repeat) {
      const at = input.at ? new Date(input.at) : tx.clock.now();
      await tx.db.insert(groupPositions).values({
        ...(input.clientId ? { id: input.clientId } : {}),
        eventId,
        groupId,
        routeStopId: stop.id,
        stopName: stop.name,
        at,
        reportedBy: actor.userId,
      });
      await recordAudit(tx, {
        action: 'run_of_show.group_position',
        entityType: 'group',
        entityId: groupId,
        after: { routeStopId: stop.id, stopName: stop.name, at: at.toISOString() },
      });
      const news = { groupId, routeStopId: stop.id, at: at.toISOString() };
      await publish(tx, runOfShowChannel(eventId), 'group_position', news);
      await publish(tx, groupPositionChannel(groupId), 'group_position', news);
    }
    const board = await boardOf(tx, actor, eventId);
    const entry = board.groups.find((g) => g.groupId === groupId);
    if (!entry) throw notFound('@entities.group');
    return entry;
  });
}

/**
 * A group with its latest reported stop (latest by reported time, as on the board), for the
 * attendee's scorecard. No access check: the caller holds the pass of a member of the group.
 */
export async function groupWhereabouts(ctx: Ctx, groupId: string) {
  const [group] = await ctx.db
    .select({ id: groups.id, name: groups.name })
    .from(groups)
    .where(eq(groups.id, groupId));
  if (!group) return null;
  const [last] = await ctx.db
    .select()
    .from(groupPositions)
    .where(eq(groupPositions.groupId, groupId))
    .orderBy(desc(groupPositions.at), desc(groupPositions.createdAt))
    .limit(1);
  return {
    ...group,
    current: last
      ? { routeStopId: last.routeStopId, stopName: last.stopName, at: last.at.toISOString() }
      : null,
  };
}

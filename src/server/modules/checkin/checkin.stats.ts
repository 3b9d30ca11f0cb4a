import { and, asc, eq, isNull } from 'drizzle-orm';
import type { CheckinStats } from '../../../contract/checkin.js';
import { authorize } from '../../core/access.js';
import type { Ctx } from '../../core/context.js';
import { agendaItems } from '../agenda/agenda.table.js';
import { loadEvent } from '../events/events.guard.js';
import { eventSites } from '../events/events.table.js';
import { groups } from '../groups/groups.table.js';
import { registrations } from '../registrations/registrations.table.js';
import { sites } from '../sites/sites.table.js';
import { checkinPolicy } from './checkin.policy.js';
import { checkins } from './checkin.table.js';

const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

function tally<K>(rows: { key: K; arrived: boolean }[]) {
  const map = new Map<K, { expected: number; arrived: number }>();
  for (const r of rows) {
    const entry = map.get(r.key) ?? { expected: 0, arrived: 0 };
    entry.expected++;
    if (r.arrived) entry.arrived++;
    map.set(r.key, entry);
  }
  return map;
}

/**
 * The live check-in dashboard: who is expected (confirmed), who arrived, who came late (after the
 * sign-in slot of the agenda ended), by site, unit and group.
 */
export async function checkinStats(ctx: Ctx, eventId: string): Promise<CheckinStats> {
  authorize(ctx, checkinPolicy, 'read');
  const event = await loadEvent(ctx, eventId);
  const [signIn] = await ctx.db
    .select({ end: agendaItems.endMinute })
    .from(agendaItems)
    .where(and(eq(agendaItems.eventId, eventId), eq(agendaItems.type, 'sign_in')))
    .orderBy(asc(agendaItems.startMinute))
    .limit(1);
  const lateAfter = signIn ? new Date(`${event.eventDate}T${hhmm(signIn.end)}:00+08:00`) : null;

  const rows = await ctx.db
    .select({
      id: registrations.id,
      name: registrations.name,
      unitName: registrations.unitName,
      status: registrations.status,
      eventSiteId: registrations.eventSiteId,
      siteName: sites.name,
      groupId: registrations.groupId,
      groupName: groups.name,
      at: checkins.scannedAt,
    })
    .from(registrations)
    .innerJoin(eventSites, eq(eventSites.id, registrations.eventSiteId))
    .innerJoin(sites, eq(sites.id, eventSites.siteId))
    .leftJoin(groups, eq(groups.id, registrations.groupId))
    .leftJoin(checkins, and(eq(checkins.registrationId, registrations.id), isNull(checkins.undoneAt)))
    .where(eq(registrations.eventId, eventId));
  // Expected are the confirmed; anyone checked in counts as arrived.
  const counted = rows.filter((r) => r.status === 'confirmed' || r.at);
  const arrived = counted.filter((r) => r.at);
  const isLate = (at: Date | null) => !!(at && lateAfter && at > lateAfter);

  const bySite = tally(counted.map((r) => ({ key: r.eventSiteId, arrived: !!r.at })));
  const byUnit = tally(counted.map((r) => ({ key: r.unitName, arrived: !!r.at })));
  const byGroup = tally(counted.map((r) => ({ key: r.groupId, arrived: !!r.at })));
  const siteNames = new Map(rows.map((r) => [r.eventSiteId, r.siteName]));
  const groupNames = new Map(rows.map((r) => [r.groupId, r.groupName]));
  return {
    expected: counted.length,
    arrived: arrived.length,
    late: arrived.filter((r) => isLate(r.at)).length,
    lateAfter: signIn ? hhmm(signIn.end) : null,
    bySite: [...bySite].map(([eventSiteId, v]) => ({
      eventSiteId,
      siteName: siteNames.get(eventSiteId) ?? '',
      ...v,
    })),
    byUnit: [...byUnit].map(([unitName, v]) => ({ unitName, ...v })).sort((a, b) => b.expected - a.expected),
    byGroup: [...byGroup].map(([groupId, v]) => ({
      groupId,
      groupName: groupNames.get(groupId) ?? null,
      ...v,
    })),
    recent: arrived
      .sort((a, b) => b.at!.getTime() - a.at!.getTime())
      .slice(0, 50)
      .map((r) => ({
        registrationId: r.id,
        name: r.name,
        unitName: r.unitName,
        at: r.at!.toISOString(),
        late: isLate(r.at),
      })),
  };
}

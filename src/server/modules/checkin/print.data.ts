import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { associations } from '../association/association.table.js';
import { loadEvent } from '../events/events.guard.js';
import { eventSites } from '../events/events.table.js';
import { groups } from '../groups/groups.table.js';
import { registrations } from '../registrations/registrations.table.js';
import { sites } from '../sites/sites.table.js';
import { users } from '../users/users.table.js';
import { checkins } from './checkin.table.js';

export type PrintPerson = {
  registrationId: string;
  name: string;
  unitName: string;
  position: string | null;
  mobile: string | null;
  email: string | null;
  status: string;
  siteName: string;
  groupName: string | null;
  guideName: string | null;
  passUrl: string;
  answers: Record<string, unknown>;
  consentedAt: Date | null;
  checkedInAt: Date | null;
  createdAt: Date;
};

/** The people to print for an event: confirmed by default (badges, sign-in sheets). */
export async function printData(ctx: Ctx, eventId: string, opts: { allStatuses?: boolean } = {}) {
  const event = await loadEvent(ctx, eventId);
  const [association] = await ctx.db.select({ name: associations.name }).from(associations).limit(1);
  const rows = await ctx.db
    .select({
      reg: registrations,
      siteName: sites.name,
      groupName: groups.name,
      groupPosition: groups.position,
      guideName: groups.guideName,
      guideUser: users.name,
      checkedInAt: checkins.scannedAt,
    })
    .from(registrations)
    .innerJoin(eventSites, eq(eventSites.id, registrations.eventSiteId))
    .innerJoin(sites, eq(sites.id, eventSites.siteId))
    .leftJoin(groups, eq(groups.id, registrations.groupId))
    .leftJoin(users, eq(users.id, groups.guideUserId))
    .leftJoin(checkins, and(eq(checkins.registrationId, registrations.id), isNull(checkins.undoneAt)))
    .where(
      and(
        eq(registrations.eventId, eventId),
        isNull(registrations.anonymizedAt),
        opts.allStatuses ? undefined : eq(registrations.status, 'confirmed'),
      ),
    )
    .orderBy(
      asc(eventSites.position),
      asc(groups.position),
      asc(registrations.unitName),
      asc(registrations.name),
    );
  const people: PrintPerson[] = rows.map((r) => ({
    registrationId: r.reg.id,
    name: r.reg.name,
    unitName: r.reg.unitName,
    position: r.reg.position,
    mobile: r.reg.mobile,
    email: r.reg.email,
    status: r.reg.status,
    siteName: r.siteName,
    groupName: r.groupName,
    guideName: r.guideUser ?? r.guideName ?? null,
    passUrl: `${ctx.config.publicUrl}/p/${r.reg.passToken}`,
    answers: r.reg.answers,
    consentedAt: r.reg.consentedAt,
    checkedInAt: r.checkedInAt,
    createdAt: r.reg.createdAt,
  }));
  return { event, associationName: association?.name ?? '', people };
}

/** People grouped for a sheet: by group (ungrouped last) or by unit. */
export function sections(people: PrintPerson[], by: 'group' | 'unit', ungroupedLabel: string) {
  const map = new Map<string, PrintPerson[]>();
  for (const p of people) {
    const key =
      by === 'group'
        ? p.groupName
          ? `${p.siteName} · ${p.groupName}`
          : `${p.siteName} · ${ungroupedLabel}`
        : p.unitName;
    map.set(key, [...(map.get(key) ?? []), p]);
  }
  return [...map.entries()].map(([title, list]) => ({ title, people: list }));
}

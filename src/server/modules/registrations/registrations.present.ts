import { eq, inArray } from 'drizzle-orm';
import { maskMobile } from '../../../contract/common.js';
import type { Registration } from '../../../contract/registrations.js';
import { isStaffOrAdmin } from '../../core/access.js';
import type { Ctx } from '../../core/context.js';
import { eventSites } from '../events/events.table.js';
import { sites } from '../sites/sites.table.js';
import { type RegistrationRow, waitlistPosition } from './registrations.service.js';

export type Extras = { checkedInAt?: Map<string, Date>; groupNames?: Map<string, string> };

export async function presentRegistrations(
  ctx: Ctx,
  rows: RegistrationRow[],
  extras: Extras = {},
): Promise<Registration[]> {
  const siteIds = [...new Set(rows.map((r) => r.eventSiteId))];
  const siteNames = new Map(
    siteIds.length
      ? (
          await ctx.db
            .select({ id: eventSites.id, name: sites.name })
            .from(eventSites)
            .innerJoin(sites, eq(sites.id, eventSites.siteId))
            .where(inArray(eventSites.id, siteIds))
        ).map((s) => [s.id, s.name])
      : [],
  );
  const seesMobiles = isStaffOrAdmin(ctx.actor);
  return Promise.all(
    rows.map(async (r) => ({
      id: r.id,
      eventId: r.eventId,
      eventSiteId: r.eventSiteId,
      siteName: siteNames.get(r.eventSiteId) ?? '',
      status: r.status,
      waitlistPosition: await waitlistPosition(ctx, r),
      name: r.name,
      memberUnitId: r.memberUnitId,
      unitName: r.unitName,
      position: r.position,
      mobile: seesMobiles ? r.mobile : maskMobile(r.mobile),
      email: r.email,
      focusDimensionIds: r.focusDimensionIds,
      questions: r.questions,
      answers: r.answers,
      consentVersion: r.consentVersion,
      consentedAt: r.consentedAt?.toISOString() ?? null,
      checkedInAt: extras.checkedInAt?.get(r.id)?.toISOString() ?? null,
      groupId: r.groupId,
      groupName: (r.groupId && extras.groupNames?.get(r.groupId)) || null,
      anonymized: !!r.anonymizedAt,
      createdAt: r.createdAt.toISOString(),
    })),
  );
}

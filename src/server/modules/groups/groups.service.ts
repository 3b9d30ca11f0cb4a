import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  AutoGroupInput,
  createGroupSchema,
  Group,
  GroupMember,
  updateGroupSchema,
} from '../../../contract/groups.js';
import { authorize } from '../../core/access.js';
import { type Ctx, inTransaction } from '../../core/context.js';
import { AppError, notFound } from '../../core/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { checkins } from '../checkin/checkin.table.js';
import { loadEvent } from '../events/events.guard.js';
import { eventSites } from '../events/events.table.js';
import { registrations } from '../registrations/registrations.table.js';
import { sites } from '../sites/sites.table.js';
import { users } from '../users/users.table.js';
import { planGroups } from './grouping.js';
import { groupsPolicy } from './groups.policy.js';
import { groups } from './groups.table.js';

const groupName = (ctx: Ctx, n: number) => (ctx.lang === 'en-US' ? `Group ${n}` : `第${n}组`);

async function members(ctx: Ctx, eventId: string) {
  const rows = await ctx.db
    .select({ reg: registrations, checkinId: checkins.id })
    .from(registrations)
    .leftJoin(checkins, and(eq(checkins.registrationId, registrations.id), isNull(checkins.undoneAt)))
    .where(and(eq(registrations.eventId, eventId), eq(registrations.status, 'confirmed')))
    .orderBy(asc(registrations.unitName), asc(registrations.name));
  return rows.map(({ reg, checkinId }) => ({
    member: {
      registrationId: reg.id,
      name: reg.name,
      unitName: reg.unitName,
      memberUnitId: reg.memberUnitId,
      position: reg.position,
      focusDimensionIds: reg.focusDimensionIds,
      checkedIn: !!checkinId,
    } satisfies GroupMember,
    groupId: reg.groupId,
    eventSiteId: reg.eventSiteId,
  }));
}

export async function groupsOverview(ctx: Ctx, eventId: string) {
  authorize(ctx, groupsPolicy, 'read');
  await loadEvent(ctx, eventId);
  const rows = await ctx.db
    .select({ group: groups, siteName: sites.name, guideUser: users.name })
    .from(groups)
    .innerJoin(eventSites, eq(eventSites.id, groups.eventSiteId))
    .innerJoin(sites, eq(sites.id, eventSites.siteId))
    .leftJoin(users, eq(users.id, groups.guideUserId))
    .where(eq(groups.eventId, eventId))
    .orderBy(asc(eventSites.position), asc(groups.position));
  const people = await members(ctx, eventId);
  const list: Group[] = rows.map(({ group, siteName, guideUser }) => ({
    id: group.id,
    eventSiteId: group.eventSiteId,
    siteName,
    name: group.name,
    position: group.position,
    guideUserId: group.guideUserId,
    guideName: guideUser ?? group.guideName,
    guidePhone: group.guidePhone,
    members: people.filter((p) => p.groupId === group.id).map((p) => p.member),
  }));
  const known = new Set(list.map((g) => g.id));
  const guides = await ctx.db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(
      and(
        or(eq(users.role, 'staff'), eq(users.role, 'host'), eq(users.role, 'admin')),
        isNull(users.disabledAt),
      ),
    )
    .orderBy(asc(users.name));
  return {
    groups: list,
    ungrouped: people
      .filter((p) => !p.groupId || !known.has(p.groupId))
      .map((p) => ({ ...p.member, eventSiteId: p.eventSiteId })),
    guides,
  };
}

/** Replaces the site's groups with a balanced plan of its confirmed registrants. */
export async function autoGroup(ctx: Ctx, eventId: string, input: AutoGroupInput) {
  authorize(ctx, groupsPolicy, 'manage');
  await inTransaction(ctx, async (tx) => {
    await loadEvent(tx, eventId, true);
    const [site] = await tx.db
      .select()
      .from(eventSites)
      .where(and(eq(eventSites.id, input.eventSiteId), eq(eventSites.eventId, eventId)));
    if (!site) throw notFound('@entities.event_site');
    const people = (await members(tx, eventId)).filter((p) => p.eventSiteId === site.id);
    if (!people.length) throw new AppError('groups.nobody_confirmed', 409);
    const count = input.mode === 'count' ? input.value : Math.ceil(people.length / input.value);
    const plan = planGroups(
      people.map((p) => ({
        id: p.member.registrationId,
        unit: p.member.memberUnitId ?? p.member.unitName,
        focus: p.member.focusDimensionIds[0] ?? null,
      })),
      count,
      input,
    );
    const old = await tx.db.select().from(groups).where(eq(groups.eventSiteId, site.id));
    await tx.db.update(registrations).set({ groupId: null }).where(eq(registrations.eventSiteId, site.id));
    await tx.db.delete(groups).where(eq(groups.eventSiteId, site.id));
    for (const [i, ids] of plan.entries()) {
      const previous = old[i];
      const [group] = await tx.db
        .insert(groups)
        .values({
          eventId,
          eventSiteId: site.id,
          name: groupName(tx, i + 1),
          position: i,
          // Guides stay with the group of the same number when regrouping.
          guideUserId: previous?.guideUserId ?? null,
          guideName: previous?.guideName ?? null,
          guidePhone: previous?.guidePhone ?? null,
        })
        .returning();
      if (ids.length)
        await tx.db.update(registrations).set({ groupId: group.id }).where(inArray(registrations.id, ids));
    }
    await recordAudit(tx, {
      action: 'groups.auto',
      entityType: 'event',
      entityId: eventId,
      after: { ...input, groups: plan.length },
    });
  });
  return groupsOverview(ctx, eventId);
}

export async function createGroup(ctx: Ctx, eventId: string, input: z.infer<typeof createGroupSchema>) {
  authorize(ctx, groupsPolicy, 'manage');
  await inTransaction(ctx, async (tx) => {
    await loadEvent(tx, eventId, true);
    const existing = await tx.db.select().from(groups).where(eq(groups.eventSiteId, input.eventSiteId));
    const [site] = await tx.db
      .select()
      .from(eventSites)
      .where(and(eq(eventSites.id, input.eventSiteId), eq(eventSites.eventId, eventId)));
    if (!site) throw notFound('@entities.event_site');
    const [row] = await tx.db
      .insert(groups)
      .values({ eventId, eventSiteId: site.id, name: input.name, position: existing.length })
      .returning();
    await recordAudit(tx, { action: 'groups.create', entityType: 'group', entityId: row.id, after: row });
  });
  return groupsOverview(ctx, eventId);
}

async function groupOf(ctx: Ctx, groupId: string) {
  const [row] = await ctx.db.select().from(groups).where(eq(groups.id, groupId));
  if (!row) throw notFound('@entities.group');
  return row;
}

export async function updateGroup(ctx: Ctx, groupId: string, input: z.infer<typeof updateGroupSchema>) {
  authorize(ctx, groupsPolicy, 'manage');
  const before = await groupOf(ctx, groupId);
  await inTransaction(ctx, async (tx) => {
    if (input.guideUserId) {
      const [guide] = await tx.db.select().from(users).where(eq(users.id, input.guideUserId));
      if (!guide || guide.role === 'member' || guide.disabledAt)
        throw new AppError('groups.guide_invalid', 400);
    }
    const [after] = await tx.db
      .update(groups)
      .set({ ...input, updatedAt: tx.clock.now() })
      .where(eq(groups.id, groupId))
      .returning();
    await recordAudit(tx, { action: 'groups.update', entityType: 'group', entityId: groupId, before, after });
  });
  return groupsOverview(ctx, before.eventId);
}

export async function deleteGroup(ctx: Ctx, groupId: string) {
  authorize(ctx, groupsPolicy, 'manage');
  const before = await groupOf(ctx, groupId);
  await inTransaction(ctx, async (tx) => {
    await tx.db.update(registrations).set({ groupId: null }).where(eq(registrations.groupId, groupId));
    await tx.db.delete(groups).where(eq(groups.id, groupId));
    await recordAudit(tx, { action: 'groups.delete', entityType: 'group', entityId: groupId, before });
  });
  return groupsOverview(ctx, before.eventId);
}

/** Manual moves (drag and drop): into a group of the same site, or out of every group. */
export async function moveMembers(
  ctx: Ctx,
  eventId: string,
  registrationIds: string[],
  groupId: string | null,
) {
  authorize(ctx, groupsPolicy, 'manage');
  await inTransaction(ctx, async (tx) => {
    const target = groupId ? await groupOf(tx, groupId) : null;
    if (target && target.eventId !== eventId) throw notFound('@entities.group');
    const regs = await tx.db.select().from(registrations).where(inArray(registrations.id, registrationIds));
    if (regs.length !== new Set(registrationIds).size || regs.some((r) => r.eventId !== eventId))
      throw notFound('@entities.registration');
    if (target && regs.some((r) => r.eventSiteId !== target.eventSiteId))
      throw new AppError('groups.other_site', 409);
    await tx.db
      .update(registrations)
      .set({ groupId: target?.id ?? null })
      .where(inArray(registrations.id, registrationIds));
    await recordAudit(tx, {
      action: 'groups.move',
      entityType: 'event',
      entityId: eventId,
      after: { registrationIds, groupId },
    });
  });
  return groupsOverview(ctx, eventId);
}

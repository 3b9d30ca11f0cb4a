import { and, asc, count, eq, inArray, isNull, max, ne, sql } from 'drizzle-orm';
import type { RegisterInput, RegisterResult, RegistrationStatus } from '../../../contract/registrations.js';
import { CONSENT_VERSION } from '../../../contract/registrations.js';
import { isStaffOrAdmin } from '../../core/access.js';
import { newToken } from '../../core/auth/tokens.js';
import { type Ctx, inTransaction } from '../../core/context.js';
import { AppError, conflict, invalid, notFound } from '../../core/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { eventSites, events } from '../events/events.table.js';
import { memberUnits } from '../member-units/member-units.table.js';
import { sites } from '../sites/sites.table.js';
import { templateDimensions } from '../templates/templates.table.js';
import { fieldsOf, settingsOf, validateAnswers } from './registration-form.js';
import { notifyRegistrant } from './registrations.notify.js';
import { registrations } from './registrations.table.js';

export type EventRow = typeof events.$inferSelect;
export type RegistrationRow = typeof registrations.$inferSelect;

/** Statuses that hold a seat. A pending registration (awaiting approval) keeps its seat. */
export const SEAT_HOLDING: RegistrationStatus[] = ['confirmed', 'pending'];

export async function eventBySlug(ctx: Ctx, slug: string, forUpdate = false) {
  const query = ctx.db.select().from(events).where(eq(events.slug, slug.toLowerCase()));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row || row.status === 'draft') throw notFound('@entities.event');
  return row;
}

export async function lockEvent(ctx: Ctx, eventId: string) {
  const [row] = await ctx.db.select().from(events).where(eq(events.id, eventId)).for('update');
  if (!row) throw notFound('@entities.event');
  return row;
}

export async function sitesOfEvent(ctx: Ctx, eventId: string) {
  return ctx.db
    .select({
      id: eventSites.id,
      siteId: eventSites.siteId,
      capacity: eventSites.capacity,
      siteName: sites.name,
      position: eventSites.position,
    })
    .from(eventSites)
    .innerJoin(sites, eq(sites.id, eventSites.siteId))
    .where(eq(eventSites.eventId, eventId))
    .orderBy(asc(eventSites.position));
}

/** Seats held per event site and in total. */
export async function seatsTaken(ctx: Ctx, eventId: string) {
  const rows = await ctx.db
    .select({ eventSiteId: registrations.eventSiteId, n: count() })
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), inArray(registrations.status, SEAT_HOLDING)))
    .groupBy(registrations.eventSiteId);
  const bySite = new Map(rows.map((r) => [r.eventSiteId, r.n]));
  return { bySite, total: rows.reduce((sum, r) => sum + r.n, 0) };
}

export function registrationOpen(
  event: EventRow,
  now: Date,
): { open: boolean; reason: 'not_published' | 'deadline_passed' | 'closed' | null } {
  if (event.status !== 'published')
    return { open: false, reason: event.status === 'draft' ? 'not_published' : 'closed' };
  if (now >= event.registrationDeadline) return { open: false, reason: 'deadline_passed' };
  return { open: true, reason: null };
}

async function nextWaitlistSeq(ctx: Ctx, eventId: string) {
  const [row] = await ctx.db
    .select({ seq: max(registrations.waitlistSeq) })
    .from(registrations)
    .where(eq(registrations.eventId, eventId));
  return (row?.seq ?? 0) + 1;
}

export async function waitlistPosition(
  ctx: Ctx,
  reg: Pick<RegistrationRow, 'status' | 'eventSiteId' | 'waitlistSeq'>,
) {
  if (reg.status !== 'waitlisted' || reg.waitlistSeq === null) return null;
  const [row] = await ctx.db
    .select({ n: count() })
    .from(registrations)
    .where(
      and(
        eq(registrations.eventSiteId, reg.eventSiteId),
        eq(registrations.status, 'waitlisted'),
        sql`${registrations.waitlistSeq} <= ${reg.waitlistSeq}`,
      ),
    );
  return row.n;
}

/** Chooses the event site: the one given, or the only one; two sites need a choice. */
async function resolveEventSite(ctx: Ctx, eventId: string, eventSiteId: string | null | undefined) {
  const list = await sitesOfEvent(ctx, eventId);
  if (eventSiteId) {
    const site = list.find((s) => s.id === eventSiteId);
    if (!site)
      throw new AppError('validation.failed', 400, {}, [
        { path: 'body.eventSiteId', key: 'validation.site_choice' },
      ]);
    return site;
  }
  if (list.length === 1) return list[0];
  throw new AppError('validation.failed', 400, {}, [
    { path: 'body.eventSiteId', key: 'validation.site_required' },
  ]);
}

/** Seat on the site if both the site and the event have room; else the waitlist. */
async function seatStatus(
  ctx: Ctx,
  event: EventRow,
  site: { id: string; capacity: number },
  requiresApproval: boolean,
) {
  const taken = await seatsTaken(ctx, event.id);
  const siteFull = (taken.bySite.get(site.id) ?? 0) >= site.capacity;
  const eventFull = taken.total >= event.capacity;
  if (siteFull || eventFull) return 'waitlisted' as const;
  return requiresApproval ? ('pending' as const) : ('confirmed' as const);
}

async function validFocus(ctx: Ctx, event: EventRow, ids: string[]) {
  if (!ids.length) return [];
  if (!event.templateVersionId) throw invalid('registration.focus_invalid');
  const dims = await ctx.db
    .select({ id: templateDimensions.id })
    .from(templateDimensions)
    .where(eq(templateDimensions.versionId, event.templateVersionId));
  const known = new Set(dims.map((d) => d.id));
  if (ids.some((id) => !known.has(id))) {
    throw new AppError('validation.failed', 400, {}, [
      { path: 'body.focusDimensionIds', key: 'validation.focus_invalid' },
    ]);
  }
  return [...new Set(ids)];
}

export async function resolveUnit(
  ctx: Ctx,
  input: Pick<RegisterInput, 'memberUnitId' | 'unitName'>,
  allowNonMembers: boolean,
) {
  if (input.memberUnitId) {
    const [unit] = await ctx.db.select().from(memberUnits).where(eq(memberUnits.id, input.memberUnitId));
    if (!unit || unit.archivedAt) {
      throw new AppError('validation.failed', 400, {}, [
        { path: 'body.memberUnitId', key: 'validation.unit_unknown' },
      ]);
    }
    return { memberUnitId: unit.id, unitName: unit.name };
  }
  if (!allowNonMembers) throw new AppError('registration.members_only', 400);
  if (!input.unitName) {
    throw new AppError('validation.failed', 400, {}, [
      { path: 'body.unitName', key: 'validation.unit_required' },
    ]);
  }
  return { memberUnitId: null, unitName: input.unitName };
}

async function assertUnitQuota(
  ctx: Ctx,
  eventId: string,
  memberUnitId: string | null,
  quota: number | null,
  exceptId?: string,
) {
  if (!quota || !memberUnitId) return;
  const [row] = await ctx.db
    .select({ n: count() })
    .from(registrations)
    .where(
      and(
        eq(registrations.eventId, eventId),
        eq(registrations.memberUnitId, memberUnitId),
        ne(registrations.status, 'cancelled'),
        exceptId ? ne(registrations.id, exceptId) : undefined,
      ),
    );
  if (row.n >= quota) throw conflict('registration.unit_quota', { quota });
}

export async function assertMobileFree(ctx: Ctx, eventId: string, mobile: string, exceptId?: string) {
  const [clash] = await ctx.db
    .select({ id: registrations.id })
    .from(registrations)
    .where(
      and(
        eq(registrations.eventId, eventId),
        eq(registrations.mobile, mobile),
        ne(registrations.status, 'cancelled'),
        exceptId ? ne(registrations.id, exceptId) : undefined,
      ),
    );
  if (clash) throw conflict('registration.duplicate');
}

export const passUrl = (ctx: Ctx, token: string) => `${ctx.config.publicUrl}/p/${token}`;

/**
 * 报名. Serialised per event by locking the event row, so concurrent registrations for the last
 * seats can never overbook: exactly the free seats are confirmed, the rest waitlisted.
 * Staff may register someone after the deadline or while registration is closed.
 */
export async function register(ctx: Ctx, eventId: string, input: RegisterInput): Promise<RegisterResult> {
  const byStaff = isStaffOrAdmin(ctx.actor);
  if (input.consentVersion !== CONSENT_VERSION) throw conflict('registration.consent_outdated');
  const assertOpen = (event: EventRow) => {
    const state = registrationOpen(event, ctx.clock.now());
    const staffMayAdd = byStaff && ['published', 'registration_closed', 'in_progress'].includes(event.status);
    if (!state.open && !staffMayAdd) {
      throw conflict(
        state.reason === 'deadline_passed' ? 'registration.deadline_passed' : 'registration.not_open',
      );
    }
  };
  // Everything that does not depend on who else registered is checked before taking the event
  // lock: the locked part is what serialises a registration rush, so it is kept short.
  const [unlocked] = await ctx.db.select().from(events).where(eq(events.id, eventId));
  if (!unlocked) throw notFound('@entities.event');
  assertOpen(unlocked);
  const settings = await settingsOf(ctx, eventId);
  const site = await resolveEventSite(ctx, eventId, input.eventSiteId);
  const unit = await resolveUnit(ctx, input, settings.allowNonMembers || byStaff);
  const answers = validateAnswers(await fieldsOf(ctx, eventId), input.answers);
  const focus = await validFocus(ctx, unlocked, input.focusDimensionIds);
  try {
    return await inTransaction(ctx, async (tx) => {
      const event = await lockEvent(tx, eventId);
      assertOpen(event);
      await assertMobileFree(tx, eventId, input.mobile);
      await assertUnitQuota(tx, eventId, unit.memberUnitId, settings.unitQuota);
      const status = await seatStatus(tx, event, site, settings.requiresApproval);
      const now = tx.clock.now();
      const [row] = await tx.db
        .insert(registrations)
        .values({
          eventId,
          eventSiteId: site.id,
          status,
          waitlistSeq: status === 'waitlisted' ? await nextWaitlistSeq(tx, eventId) : null,
          ...unit,
          name: input.name,
          position: input.position,
          mobile: input.mobile,
          email: input.email ?? null,
          focusDimensionIds: focus,
          questions: input.questions ?? null,
          answers,
          passToken: newToken(),
          consentVersion: input.consentVersion,
          consentedAt: now,
          userId: ctx.actor && !byStaff ? ctx.actor.userId : null,
          createdBy: ctx.actor?.userId ?? null,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      if (byStaff) {
        await recordAudit(tx, {
          action: 'registration.create',
          entityType: 'registration',
          entityId: row.id,
          after: { ...row, passToken: undefined },
        });
      }
      const position = await waitlistPosition(tx, row);
      await notifyRegistrant(tx, event, row, status === 'waitlisted' ? 'waitlisted' : 'confirmation', {
        waitlistPosition: position ?? '',
      });
      return {
        registrationId: row.id,
        status,
        waitlistPosition: position,
        passToken: row.passToken,
        passUrl: passUrl(tx, row.passToken),
      };
    });
  } catch (error) {
    // Two requests with the same mobile racing past the check: the unique index decides.
    if (
      (error as { code?: string; cause?: { code?: string } })?.code === '23505' ||
      (error as { cause?: { code?: string } })?.cause?.code === '23505'
    ) {
      throw conflict('registration.duplicate');
    }
    throw error;
  }
}

/**
 * Fills free seats from the waitlist in order (per site), after a cancellation, a move or a
 * capacity change. Runs inside the caller's transaction with the event row locked.
 */
export async function promoteWaitlist(ctx: Ctx, event: EventRow) {
  const settings = await settingsOf(ctx, event.id);
  const promoted: RegistrationRow[] = [];
  for (const site of await sitesOfEvent(ctx, event.id)) {
    for (;;) {
      const taken = await seatsTaken(ctx, event.id);
      if ((taken.bySite.get(site.id) ?? 0) >= site.capacity || taken.total >= event.capacity) break;
      const [next] = await ctx.db
        .select()
        .from(registrations)
        .where(and(eq(registrations.eventSiteId, site.id), eq(registrations.status, 'waitlisted')))
        .orderBy(asc(registrations.waitlistSeq))
        .limit(1);
      if (!next) break;
      const status = settings.requiresApproval ? 'pending' : 'confirmed';
      const [row] = await ctx.db
        .update(registrations)
        .set({ status, waitlistSeq: null, updatedAt: ctx.clock.now() })
        .where(eq(registrations.id, next.id))
        .returning();
      promoted.push(row);
      await notifyRegistrant(ctx, event, row, 'promoted');
    }
  }
  return promoted;
}

/** Cancels (by the registrant through the pass, or by staff) and promotes the next in line. */
export async function cancelRegistration(ctx: Ctx, reg: RegistrationRow, reason: string | null = null) {
  return inTransaction(ctx, async (tx) => {
    const event = await lockEvent(tx, reg.eventId);
    const [current] = await tx.db.select().from(registrations).where(eq(registrations.id, reg.id));
    if (current.status === 'cancelled') throw conflict('registration.already_cancelled');
    const [row] = await tx.db
      .update(registrations)
      .set({ status: 'cancelled', waitlistSeq: null, cancelledAt: tx.clock.now(), updatedAt: tx.clock.now() })
      .where(eq(registrations.id, reg.id))
      .returning();
    await recordAudit(tx, {
      action: 'registration.cancel',
      entityType: 'registration',
      entityId: reg.id,
      before: { status: current.status },
      after: { status: 'cancelled', reason },
    });
    await notifyRegistrant(tx, event, row, 'cancelled', { reason: reason ?? '' });
    await promoteWaitlist(tx, event);
    return row;
  });
}

/** Moves a registration to the other site of a two-site event; waitlisted there when full. */
export async function moveRegistration(ctx: Ctx, reg: RegistrationRow, eventSiteId: string) {
  return inTransaction(ctx, async (tx) => {
    const event = await lockEvent(tx, reg.eventId);
    const [current] = await tx.db.select().from(registrations).where(eq(registrations.id, reg.id));
    if (current.status === 'cancelled') throw conflict('registration.already_cancelled');
    if (current.eventSiteId === eventSiteId) return current;
    const target = await resolveEventSite(tx, event.id, eventSiteId);
    // Free the seat first, then take one on the target site if there is room.
    await tx.db
      .update(registrations)
      .set({ status: 'waitlisted', eventSiteId: target.id })
      .where(eq(registrations.id, reg.id));
    const settings = await settingsOf(tx, event.id);
    const status = await seatStatus(
      tx,
      event,
      target,
      settings.requiresApproval && current.status === 'pending',
    );
    const [row] = await tx.db
      .update(registrations)
      .set({
        status,
        waitlistSeq: status === 'waitlisted' ? await nextWaitlistSeq(tx, event.id) : null,
        groupId: null,
        updatedAt: tx.clock.now(),
      })
      .where(eq(registrations.id, reg.id))
      .returning();
    await recordAudit(tx, {
      action: 'registration.move',
      entityType: 'registration',
      entityId: reg.id,
      before: { eventSiteId: current.eventSiteId, status: current.status },
      after: { eventSiteId: row.eventSiteId, status: row.status },
    });
    await promoteWaitlist(tx, event);
    return row;
  });
}

export async function registrationById(ctx: Ctx, id: string) {
  const [row] = await ctx.db.select().from(registrations).where(eq(registrations.id, id));
  if (!row) throw notFound('@entities.registration');
  return row;
}

export async function registrationByToken(ctx: Ctx, token: string) {
  const [row] = await ctx.db
    .select()
    .from(registrations)
    .where(and(eq(registrations.passToken, token), isNull(registrations.anonymizedAt)));
  if (!row) throw new AppError('pass.not_found', 404);
  return row;
}

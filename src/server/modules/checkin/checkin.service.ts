import { createHash } from 'node:crypto';
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type {
  CheckinListEntry,
  CheckinResultCode,
  ScanInput,
  ScanResult,
} from '../../../contract/checkin.js';
import { authorize } from '../../core/access.js';
import { type Ctx, inTransaction } from '../../core/context.js';
import { AppError, notFound } from '../../core/errors.js';
import { publish } from '../../core/realtime.js';
import { recordAudit } from '../audit/audit.service.js';
import { loadEvent } from '../events/events.guard.js';
import { eventSites } from '../events/events.table.js';
import { groups } from '../groups/groups.table.js';
import { registrations } from '../registrations/registrations.table.js';
import { sites } from '../sites/sites.table.js';
import { users } from '../users/users.table.js';
import { checkinPolicy } from './checkin.policy.js';
import { checkinScans, checkins } from './checkin.table.js';

export const UNDO_WINDOW_MS = 60_000;
export const checkinChannel = (eventId: string) => `event:${eventId}:checkin`;
export const hashPassToken = (token: string) => createHash('sha256').update(token).digest('hex');

type RegistrationRow = typeof registrations.$inferSelect;

async function describeRegistration(ctx: Ctx, reg: RegistrationRow) {
  const [site] = await ctx.db
    .select({ name: sites.name })
    .from(eventSites)
    .innerJoin(sites, eq(sites.id, eventSites.siteId))
    .where(eq(eventSites.id, reg.eventSiteId));
  const [group] = reg.groupId
    ? await ctx.db
        .select({ name: groups.name, guideName: groups.guideName, guideUser: users.name })
        .from(groups)
        .leftJoin(users, eq(users.id, groups.guideUserId))
        .where(eq(groups.id, reg.groupId))
    : [];
  return {
    id: reg.id,
    name: reg.name,
    unitName: reg.unitName,
    position: reg.position,
    status: reg.status,
    eventSiteId: reg.eventSiteId,
    siteName: site?.name ?? '',
    groupName: group?.name ?? null,
    guideName: group ? (group.guideUser ?? group.guideName ?? null) : null,
  };
}

async function presentCheckin(ctx: Ctx, row: typeof checkins.$inferSelect) {
  const [staff] = row.staffId
    ? await ctx.db.select({ name: users.name }).from(users).where(eq(users.id, row.staffId))
    : [];
  return {
    id: row.id,
    at: row.scannedAt.toISOString(),
    byName: staff?.name ?? null,
    deviceId: row.deviceId,
    method: row.method,
  };
}

/**
 * 签到: one scan, in one transaction that locks the registration, like pretix's perform_checkin.
 * A nonce seen before returns the answer it got then. Scans of the same person from two offline
 * devices resolve to the earliest scan; every scan stays in the log.
 */
export async function scan(ctx: Ctx, eventId: string, input: ScanInput): Promise<ScanResult> {
  const actor = authorize(ctx, checkinPolicy, 'scan');
  const [seen] = await ctx.db.select().from(checkinScans).where(eq(checkinScans.nonce, input.nonce));
  if (seen) return sameScan(seen, eventId);
  try {
    return await inTransaction(ctx, async (tx) => {
      const event = await loadEvent(tx, eventId);
      const now = tx.clock.now();
      const scannedAt = input.scannedAt
        ? new Date(Math.min(new Date(input.scannedAt).getTime(), now.getTime()))
        : now;
      const lookup = input.registrationId
        ? eq(registrations.id, input.registrationId)
        : eq(registrations.passToken, input.token!.replace(/^.*\/p\//, '').trim());
      const [reg] = await tx.db.select().from(registrations).where(lookup).for('update');

      let code: CheckinResultCode;
      let checkin: typeof checkins.$inferSelect | undefined;
      if (!reg || reg.anonymizedAt) code = 'unknown';
      else if (reg.eventId !== event.id) code = 'other_event';
      else if (input.eventSiteId && reg.eventSiteId !== input.eventSiteId) code = 'other_site';
      else if (reg.status === 'cancelled') code = 'cancelled';
      else if (reg.status === 'waitlisted') code = 'waitlisted';
      else if (reg.status === 'pending') code = 'pending';
      else {
        [checkin] = await tx.db
          .select()
          .from(checkins)
          .where(and(eq(checkins.registrationId, reg.id), isNull(checkins.undoneAt)));
        code = checkin ? 'already_checked_in' : 'checked_in';
      }

      const scanId = crypto.randomUUID();
      if (code === 'checked_in' && reg) {
        [checkin] = await tx.db
          .insert(checkins)
          .values({
            eventId,
            eventSiteId: reg.eventSiteId,
            registrationId: reg.id,
            scanId,
            method: input.method,
            scannedAt,
            receivedAt: now,
            deviceId: input.deviceId ?? null,
            staffId: actor.userId,
          })
          .returning();
      } else if (code === 'already_checked_in' && checkin && scannedAt < checkin.scannedAt) {
        // An offline device scanned earlier than the check-in we know of: the earliest wins.
        [checkin] = await tx.db
          .update(checkins)
          .set({
            scannedAt,
            deviceId: input.deviceId ?? null,
            staffId: actor.userId,
            scanId,
            method: input.method,
          })
          .where(eq(checkins.id, checkin.id))
          .returning();
      }

      const result: ScanResult = {
        scanId,
        code,
        registration:
          reg && code !== 'unknown' && code !== 'other_event' ? await describeRegistration(tx, reg) : null,
        checkin: checkin ? await presentCheckin(tx, checkin) : null,
        undoUntil: code === 'checked_in' ? new Date(now.getTime() + UNDO_WINDOW_MS).toISOString() : null,
      };
      await tx.db.insert(checkinScans).values({
        id: scanId,
        eventId,
        eventSiteId: input.eventSiteId ?? null,
        registrationId: reg && code !== 'unknown' ? reg.id : null,
        nonce: input.nonce,
        method: input.method,
        scannedAt,
        receivedAt: now,
        deviceId: input.deviceId ?? null,
        staffId: actor.userId,
        resultCode: code,
        result,
      });
      if (code === 'checked_in' && result.registration) {
        await publish(tx, checkinChannel(eventId), 'checkin', {
          registrationId: result.registration.id,
          name: result.registration.name,
          unitName: result.registration.unitName,
          groupName: result.registration.groupName,
          at: scannedAt.toISOString(),
        });
      }
      return result;
    });
  } catch (error) {
    // The same nonce arriving twice at once: the unique index let one in; answer with its result.
    const code =
      (error as { code?: string; cause?: { code?: string } }).code ??
      (error as { cause?: { code?: string } }).cause?.code;
    if (code === '23505') {
      const [first] = await ctx.db.select().from(checkinScans).where(eq(checkinScans.nonce, input.nonce));
      if (first) return sameScan(first, eventId);
    }
    throw error;
  }
}

function sameScan(row: typeof checkinScans.$inferSelect, eventId: string): ScanResult {
  if (row.eventId !== eventId) throw new AppError('checkin.nonce_reused', 409);
  return row.result as ScanResult;
}

/** Undo a check-in within a minute of it (a wrong person scanned). */
export async function undoCheckin(ctx: Ctx, eventId: string, checkinId: string) {
  authorize(ctx, checkinPolicy, 'scan');
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .select()
      .from(checkins)
      .where(and(eq(checkins.id, checkinId), eq(checkins.eventId, eventId), isNull(checkins.undoneAt)))
      .for('update');
    if (!row) throw notFound('@entities.checkin');
    if (tx.clock.now().getTime() - row.receivedAt.getTime() > UNDO_WINDOW_MS)
      throw new AppError('checkin.undo_expired', 409);
    await tx.db.update(checkins).set({ undoneAt: tx.clock.now() }).where(eq(checkins.id, row.id));
    await recordAudit(tx, {
      action: 'checkin.undo',
      entityType: 'registration',
      entityId: row.registrationId,
      before: { checkinId: row.id },
    });
    await publish(tx, checkinChannel(eventId), 'undo', { registrationId: row.registrationId });
  });
}

/** The list an offline scanner keeps: every registration of the event (or one site). */
export async function checkinList(
  ctx: Ctx,
  eventId: string,
  eventSiteId?: string,
): Promise<CheckinListEntry[]> {
  authorize(ctx, checkinPolicy, 'read');
  await loadEvent(ctx, eventId);
  const rows = await ctx.db
    .select({
      reg: registrations,
      siteName: sites.name,
      groupName: groups.name,
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
        eventSiteId ? eq(registrations.eventSiteId, eventSiteId) : undefined,
      ),
    )
    .orderBy(asc(registrations.name));
  return rows.map((r) => ({
    registrationId: r.reg.id,
    tokenHash: hashPassToken(r.reg.passToken),
    name: r.reg.name,
    unitName: r.reg.unitName,
    position: r.reg.position,
    mobileLast4: r.reg.mobile ? r.reg.mobile.slice(-4) : null,
    status: r.reg.status,
    eventSiteId: r.reg.eventSiteId,
    siteName: r.siteName,
    groupName: r.groupName,
    guideName: r.guideUser ?? r.guideName ?? null,
    checkedInAt: r.checkedInAt?.toISOString() ?? null,
  }));
}

/** Every scan of the event, newest first (the log keeps conflicting offline scans too). */
export async function scanLog(ctx: Ctx, eventId: string) {
  authorize(ctx, checkinPolicy, 'read');
  const rows = await ctx.db
    .select()
    .from(checkinScans)
    .where(eq(checkinScans.eventId, eventId))
    .orderBy(desc(checkinScans.receivedAt))
    .limit(500);
  return rows.map((r) => ({
    id: r.id,
    registrationId: r.registrationId,
    code: r.resultCode,
    method: r.method,
    scannedAt: r.scannedAt.toISOString(),
    receivedAt: r.receivedAt.toISOString(),
    deviceId: r.deviceId,
  }));
}

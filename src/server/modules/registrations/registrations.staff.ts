import { and, asc, count, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Page } from '../../../contract/common.js';
import type {
  Registration,
  RegistrationQuery,
  staffUpdateSchema,
  substituteSchema,
} from '../../../contract/registrations.js';
import { authorize } from '../../core/access.js';
import { newToken } from '../../core/auth/tokens.js';
import { type Ctx, inTransaction } from '../../core/context.js';
import { conflict } from '../../core/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { loadEvent } from '../events/events.guard.js';
import { fieldsOf, validateAnswers } from './registration-form.js';
import { notifyRegistrant } from './registrations.notify.js';
import { registrationsPolicy } from './registrations.policy.js';
import { presentRegistrations } from './registrations.present.js';
import {
  assertMobileFree,
  cancelRegistration,
  lockEvent,
  moveRegistration,
  registrationById,
  resolveUnit,
} from './registrations.service.js';
import { registrations } from './registrations.table.js';

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listRegistrations(
  ctx: Ctx,
  eventId: string,
  query: RegistrationQuery,
): Promise<Page<Registration>> {
  authorize(ctx, registrationsPolicy, 'manage');
  await loadEvent(ctx, eventId);
  const conditions: SQL[] = [eq(registrations.eventId, eventId)];
  if (query.status) conditions.push(eq(registrations.status, query.status));
  if (query.eventSiteId) conditions.push(eq(registrations.eventSiteId, query.eventSiteId));
  if (query.memberUnitId) conditions.push(eq(registrations.memberUnitId, query.memberUnitId));
  if (query.q) {
    const like = `%${likeEscape(query.q)}%`;
    conditions.push(
      or(
        ilike(registrations.name, like),
        ilike(registrations.unitName, like),
        ilike(registrations.mobile, like),
      )!,
    );
  }
  const where = and(...conditions);
  const [rows, [{ total }]] = await Promise.all([
    ctx.db
      .select()
      .from(registrations)
      .where(where)
      .orderBy(asc(registrations.createdAt), asc(registrations.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    ctx.db.select({ total: count() }).from(registrations).where(where),
  ]);
  return { items: await presentRegistrations(ctx, rows), total, page: query.page, pageSize: query.pageSize };
}

export async function getRegistration(ctx: Ctx, id: string) {
  authorize(ctx, registrationsPolicy, 'manage');
  const [presented] = await presentRegistrations(ctx, [await registrationById(ctx, id)]);
  return presented;
}

export async function updateRegistration(ctx: Ctx, id: string, input: z.infer<typeof staffUpdateSchema>) {
  authorize(ctx, registrationsPolicy, 'manage');
  return inTransaction(ctx, async (tx) => {
    const before = await registrationById(tx, id);
    await lockEvent(tx, before.eventId);
    if (input.mobile && input.mobile !== before.mobile)
      await assertMobileFree(tx, before.eventId, input.mobile, id);
    const answers = input.answers
      ? validateAnswers(await fieldsOf(tx, before.eventId), input.answers)
      : undefined;
    const { eventSiteId, memberUnitId, unitName, ...fields } = input;
    const unit =
      memberUnitId !== undefined || unitName !== undefined
        ? await resolveUnit(tx, { memberUnitId, unitName }, true)
        : {};
    await tx.db
      .update(registrations)
      .set({ ...fields, ...unit, ...(answers ? { answers } : {}), updatedAt: tx.clock.now() })
      .where(eq(registrations.id, id));
    if (eventSiteId && eventSiteId !== before.eventSiteId) await moveRegistration(tx, before, eventSiteId);
    const after = await registrationById(tx, id);
    await recordAudit(tx, {
      action: 'registration.update',
      entityType: 'registration',
      entityId: id,
      before,
      after,
    });
    return (await presentRegistrations(tx, [after]))[0];
  });
}

export async function approveRegistration(ctx: Ctx, id: string) {
  authorize(ctx, registrationsPolicy, 'manage');
  return inTransaction(ctx, async (tx) => {
    const before = await registrationById(tx, id);
    const event = await lockEvent(tx, before.eventId);
    if (before.status !== 'pending') throw conflict('registration.not_pending');
    const [row] = await tx.db
      .update(registrations)
      .set({ status: 'confirmed', approvedAt: tx.clock.now(), updatedAt: tx.clock.now() })
      .where(eq(registrations.id, id))
      .returning();
    await recordAudit(tx, {
      action: 'registration.approve',
      entityType: 'registration',
      entityId: id,
      before: { status: 'pending' },
      after: { status: 'confirmed' },
    });
    await notifyRegistrant(tx, event, row, 'approved');
    return (await presentRegistrations(tx, [row]))[0];
  });
}

export async function staffCancel(ctx: Ctx, id: string, reason: string | null) {
  authorize(ctx, registrationsPolicy, 'manage');
  const row = await cancelRegistration(ctx, await registrationById(ctx, id), reason);
  return (await presentRegistrations(ctx, [row]))[0];
}

export async function staffMove(ctx: Ctx, id: string, eventSiteId: string) {
  authorize(ctx, registrationsPolicy, 'manage');
  const row = await moveRegistration(ctx, await registrationById(ctx, id), eventSiteId);
  return (await presentRegistrations(ctx, [row]))[0];
}

/**
 * 替换参会人: a colleague from the same unit takes the seat. The seat, site and group stay; the
 * person and the pass change (the old pass stops working).
 */
export async function substitute(ctx: Ctx, id: string, input: z.infer<typeof substituteSchema>) {
  authorize(ctx, registrationsPolicy, 'manage');
  return inTransaction(ctx, async (tx) => {
    const before = await registrationById(tx, id);
    const event = await lockEvent(tx, before.eventId);
    if (before.status === 'cancelled') throw conflict('registration.already_cancelled');
    await assertMobileFree(tx, before.eventId, input.mobile, id);
    const [row] = await tx.db
      .update(registrations)
      .set({
        name: input.name,
        position: input.position,
        mobile: input.mobile,
        email: input.email ?? null,
        passToken: newToken(),
        questions: null,
        answers: {},
        focusDimensionIds: [],
        updatedAt: tx.clock.now(),
      })
      .where(eq(registrations.id, id))
      .returning();
    await recordAudit(tx, {
      action: 'registration.substitute',
      entityType: 'registration',
      entityId: id,
      before: { name: before.name, mobile: before.mobile },
      after: { name: row.name, mobile: row.mobile },
    });
    await notifyRegistrant(tx, event, row, 'confirmation');
    return (await presentRegistrations(tx, [row]))[0];
  });
}

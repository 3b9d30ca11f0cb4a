import { and, asc, count, eq, isNull, max } from 'drizzle-orm';
import type {
  RetroAction,
  RetroActionInput,
  RetroActionPatch,
  RetroNotes,
  RetroNotesInput,
  Retrospective,
} from '../../../contract/retrospectives.js';
import { RETRO_LIMITS } from '../../../contract/retrospectives.js';
import { authorize } from '../../core/access.js';
import { type Ctx, inTransaction } from '../../core/context.js';
import { conflict, invalid, notFound } from '../../core/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { todayInChina } from '../events/events.dates.js';
import { assertFollowUpEditable, type EventRow, loadEvent } from '../events/events.guard.js';
import { users } from '../users/users.table.js';
import { retrospectiveFigures } from './retrospectives.figures.js';
import { retrospectivesPolicy } from './retrospectives.policy.js';
import { retroActions, retrospectives } from './retrospectives.table.js';

type ActionRow = typeof retroActions.$inferSelect;

async function notesOf(ctx: Ctx, eventId: string): Promise<RetroNotes> {
  const [row] = await ctx.db
    .select({ retro: retrospectives, byName: users.name })
    .from(retrospectives)
    .leftJoin(users, eq(users.id, retrospectives.updatedBy))
    .where(eq(retrospectives.eventId, eventId));
  if (!row)
    return { keep: null, improve: null, summary: null, version: 0, updatedAt: null, updatedByName: null };
  return {
    keep: row.retro.keep,
    improve: row.retro.improve,
    summary: row.retro.summary,
    version: row.retro.version,
    updatedAt: row.retro.updatedAt.toISOString(),
    updatedByName: row.byName ?? null,
  };
}

function presentAction(row: ActionRow, today: string): RetroAction {
  return {
    id: row.id,
    position: row.position,
    title: row.title,
    ownerName: row.ownerName,
    ownerUserId: row.ownerUserId,
    dueDate: row.dueDate,
    status: row.status,
    doneAt: row.doneAt?.toISOString() ?? null,
    overdue: row.status === 'open' && row.dueDate < today,
  };
}

/** The actions in due order (then as added). */
export async function actionsOf(ctx: Ctx, eventId: string): Promise<RetroAction[]> {
  const today = todayInChina(ctx.clock);
  const rows = await ctx.db
    .select()
    .from(retroActions)
    .where(eq(retroActions.eventId, eventId))
    .orderBy(asc(retroActions.dueDate), asc(retroActions.position));
  return rows.map((r) => presentAction(r, today));
}

/** Figures, notes and actions of an event, as its page and its DOCX show them. No access check. */
export async function retrospectiveOf(ctx: Ctx, event: EventRow): Promise<Retrospective> {
  const figures = await retrospectiveFigures(ctx, event);
  const [notes, actions] = await Promise.all([notesOf(ctx, event.id), actionsOf(ctx, event.id)]);
  return {
    eventId: event.id,
    theme: event.theme,
    eventDate: event.eventDate,
    status: event.status,
    today: todayInChina(ctx.clock),
    editable: event.status !== 'archived',
    figures,
    notes,
    actions,
    links: { docx: `/api/v1/events/${event.id}/retrospective.docx` },
  };
}

/** `GET /events/:id/retrospective` */
export async function getRetrospective(ctx: Ctx, eventId: string): Promise<Retrospective> {
  authorize(ctx, retrospectivesPolicy, 'read');
  return retrospectiveOf(ctx, await loadEvent(ctx, eventId));
}

/** Runs a write on a not-archived event in one transaction (the event row locked) and answers anew. */
async function retroWrite(ctx: Ctx, eventId: string, change: (tx: Ctx) => Promise<void>) {
  authorize(ctx, retrospectivesPolicy, 'write');
  return inTransaction(ctx, async (tx) => {
    assertFollowUpEditable(await loadEvent(tx, eventId, true));
    await change(tx);
    return retrospectiveOf(tx, await loadEvent(tx, eventId));
  });
}

/** Saves keep / improve / summary, refusing a save based on an older version (409). */
export function saveNotes(ctx: Ctx, eventId: string, input: RetroNotesInput) {
  return retroWrite(ctx, eventId, async (tx) => {
    const [before] = await tx.db.select().from(retrospectives).where(eq(retrospectives.eventId, eventId));
    const current = before?.version ?? 0;
    if (input.version !== current) throw conflict('retrospectives.notes_changed');
    const values = {
      keep: input.keep ?? null,
      improve: input.improve ?? null,
      summary: input.summary ?? null,
      version: current + 1,
      updatedBy: tx.actor?.userId ?? null,
      updatedAt: tx.clock.now(),
    };
    const [after] = before
      ? await tx.db.update(retrospectives).set(values).where(eq(retrospectives.id, before.id)).returning()
      : await tx.db
          .insert(retrospectives)
          .values({ eventId, ...values })
          .returning();
    await recordAudit(tx, {
      action: 'retrospectives.save_notes',
      entityType: 'retrospective',
      entityId: after.id,
      before: before ? { keep: before.keep, improve: before.improve, summary: before.summary } : null,
      after: { keep: after.keep, improve: after.improve, summary: after.summary },
    });
  });
}

/** An owner user must be an active admin or staff member (who can see the retrospective). */
async function assertOwner(ctx: Ctx, userId: string | null | undefined) {
  if (!userId) return;
  const [user] = await ctx.db
    .select({ role: users.role })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.disabledAt)));
  if (!user || (user.role !== 'admin' && user.role !== 'staff'))
    throw invalid('retrospectives.owner_invalid');
}

async function loadAction(ctx: Ctx, eventId: string, actionId: string): Promise<ActionRow> {
  const [row] = await ctx.db
    .select()
    .from(retroActions)
    .where(and(eq(retroActions.id, actionId), eq(retroActions.eventId, eventId)));
  if (!row) throw notFound('@entities.retro_action');
  return row;
}

export function addAction(ctx: Ctx, eventId: string, input: RetroActionInput) {
  return retroWrite(ctx, eventId, async (tx) => {
    await assertOwner(tx, input.ownerUserId);
    const [{ n, last }] = await tx.db
      .select({ n: count(), last: max(retroActions.position) })
      .from(retroActions)
      .where(eq(retroActions.eventId, eventId));
    if (n >= RETRO_LIMITS.actions)
      throw conflict('retrospectives.too_many_actions', { max: RETRO_LIMITS.actions });
    const [row] = await tx.db
      .insert(retroActions)
      .values({
        eventId,
        position: (last ?? -1) + 1,
        title: input.title,
        ownerName: input.ownerName,
        ownerUserId: input.ownerUserId ?? null,
        dueDate: input.dueDate,
        status: input.status,
        doneAt: input.status === 'done' ? tx.clock.now() : null,
      })
      .returning();
    await recordAudit(tx, {
      action: 'retrospectives.add_action',
      entityType: 'retro_action',
      entityId: row.id,
      after: row,
    });
  });
}

export function updateAction(ctx: Ctx, eventId: string, actionId: string, patch: RetroActionPatch) {
  return retroWrite(ctx, eventId, async (tx) => {
    const before = await loadAction(tx, eventId, actionId);
    if (patch.ownerUserId !== undefined) await assertOwner(tx, patch.ownerUserId);
    const status = patch.status ?? before.status;
    const [after] = await tx.db
      .update(retroActions)
      .set({
        ...(patch.title !== undefined && { title: patch.title }),
        ...(patch.ownerName !== undefined && { ownerName: patch.ownerName }),
        ...(patch.ownerUserId !== undefined && { ownerUserId: patch.ownerUserId }),
        ...(patch.dueDate !== undefined && { dueDate: patch.dueDate }),
        status,
        doneAt: status === 'done' ? (before.doneAt ?? tx.clock.now()) : null,
        updatedAt: tx.clock.now(),
      })
      .where(eq(retroActions.id, actionId))
      .returning();
    await recordAudit(tx, {
      action: 'retrospectives.update_action',
      entityType: 'retro_action',
      entityId: actionId,
      before,
      after,
    });
  });
}

export function deleteAction(ctx: Ctx, eventId: string, actionId: string) {
  return retroWrite(ctx, eventId, async (tx) => {
    const before = await loadAction(tx, eventId, actionId);
    await tx.db.delete(retroActions).where(eq(retroActions.id, actionId));
    await recordAudit(tx, {
      action: 'retrospectives.delete_action',
      entityType: 'retro_action',
      entityId: actionId,
      before,
    });
  });
}

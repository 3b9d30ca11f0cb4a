import { and, asc, eq, isNotNull, isNull, lte, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type MarkInput, type RunOfShow, runOfShowChannel } from '../../../contract/run-of-show.js';
import { authorize } from '../../core/access.js';
import { type Ctx, inTransaction } from '../../core/context.js';
import { conflict, invalid, notFound } from '../../core/errors.js';
import { publish } from '../../core/realtime.js';
import { agendaItems } from '../agenda/agenda.table.js';
import { recordAudit } from '../audit/audit.service.js';
import { loadEvent } from '../events/events.guard.js';
import { users } from '../users/users.table.js';
import { assertShowOpen, eventForActor } from './run-of-show.access.js';
import { runOfShowPolicy } from './run-of-show.policy.js';
import { agendaActuals } from './run-of-show.table.js';
import { punctualityOf, timelineItem, warningsOf } from './run-of-show.timing.js';

const startedBy = alias(users, 'started_by_user');
const endedBy = alias(users, 'ended_by_user');

/** The agenda as planned and as it really went, at the ctx clock's now. No access check. */
export async function timelineOf(ctx: Ctx, eventId: string): Promise<RunOfShow> {
  const event = await loadEvent(ctx, eventId);
  const now = ctx.clock.now();
  const rows = await ctx.db
    .select({
      item: agendaItems,
      actual: agendaActuals,
      startedByName: startedBy.name,
      endedByName: endedBy.name,
    })
    .from(agendaItems)
    .leftJoin(agendaActuals, eq(agendaActuals.agendaItemId, agendaItems.id))
    .leftJoin(startedBy, eq(startedBy.id, agendaActuals.startedBy))
    .leftJoin(endedBy, eq(endedBy.id, agendaActuals.endedBy))
    .where(eq(agendaItems.eventId, eventId))
    .orderBy(asc(agendaItems.startMinute), asc(agendaItems.position));
  const items = rows.map((r) =>
    timelineItem(
      r.item,
      r.actual
        ? {
            startedAt: r.actual.startedAt,
            endedAt: r.actual.endedAt,
            startedByName: r.startedByName,
            endedByName: r.endedByName,
          }
        : undefined,
      event.eventDate,
      now,
    ),
  );
  const running = items.filter((i) => i.state === 'running');
  const current =
    running.sort((a, b) => (b.actualStartAt ?? '').localeCompare(a.actualStartAt ?? ''))[0] ?? null;
  // The next item: the first pending one after the current item (or the first pending one).
  const after = current ? items.indexOf(current) : -1;
  const next = items.find((i, index) => i.state === 'pending' && index > after) ?? null;
  return {
    eventId,
    theme: event.theme,
    eventDate: event.eventDate,
    now: now.toISOString(),
    items,
    current,
    countdown: current
      ? {
          plannedEndAt: current.plannedEndAt,
          remainingSeconds: Math.floor((new Date(current.plannedEndAt).getTime() - now.getTime()) / 1000),
        }
      : null,
    next,
    warnings: warningsOf(items, now),
    punctuality: punctualityOf(items),
  };
}

/** `GET /events/:id/run-of-show` */
export async function getRunOfShow(ctx: Ctx, eventId: string) {
  const actor = authorize(ctx, runOfShowPolicy, 'read');
  await eventForActor(ctx, actor, eventId);
  return timelineOf(ctx, eventId);
}

/**
 * For the retrospective: the on-time rate of the agenda and its total overrun (see
 * run-of-show.timing.ts punctualityOf). No access check: callers check their own.
 */
export async function agendaPunctuality(ctx: Ctx, eventId: string) {
  return (await timelineOf(ctx, eventId)).punctuality;
}

async function loadItem(ctx: Ctx, eventId: string, itemId: string) {
  const [item] = await ctx.db
    .select()
    .from(agendaItems)
    .where(and(eq(agendaItems.id, itemId), eq(agendaItems.eventId, eventId)));
  if (!item) throw notFound('@entities.agenda_item');
  return item;
}

/** The item's actual-times row, created empty when missing; locked for this transaction. */
async function actualRow(tx: Ctx, eventId: string, itemId: string) {
  await tx.db.insert(agendaActuals).values({ eventId, agendaItemId: itemId }).onConflictDoNothing();
  const [row] = await tx.db
    .select()
    .from(agendaActuals)
    .where(eq(agendaActuals.agendaItemId, itemId))
    .for('update');
  return row;
}

/**
 * Marks an item started or ended (idempotent: the first time stays). Starting an item ends the
 * item(s) still running at that moment.
 */
export async function markItem(
  ctx: Ctx,
  eventId: string,
  itemId: string,
  edge: 'start' | 'end',
  input: MarkInput,
) {
  const actor = authorize(ctx, runOfShowPolicy, 'mark');
  return inTransaction(ctx, async (tx) => {
    assertShowOpen(await loadEvent(tx, eventId));
    const item = await loadItem(tx, eventId, itemId);
    const at = input.at ? new Date(input.at) : tx.clock.now();
    const row = await actualRow(tx, eventId, itemId);
    const now = tx.clock.now();
    if (edge === 'start' && !row.startedAt) {
      const running = await tx.db
        .update(agendaActuals)
        .set({ endedAt: at, endedBy: actor.userId, updatedAt: now })
        .where(
          and(
            eq(agendaActuals.eventId, eventId),
            ne(agendaActuals.agendaItemId, itemId),
            isNotNull(agendaActuals.startedAt),
            isNull(agendaActuals.endedAt),
            lte(agendaActuals.startedAt, at),
          ),
        )
        .returning();
      await tx.db
        .update(agendaActuals)
        .set({ startedAt: at, startedBy: actor.userId, updatedAt: now })
        .where(eq(agendaActuals.id, row.id));
      await recordAudit(tx, {
        action: 'run_of_show.start',
        entityType: 'agenda_item',
        entityId: itemId,
        after: { title: item.title, at: at.toISOString(), ended: running.map((r) => r.agendaItemId) },
      });
      for (const ended of running)
        await publish(tx, runOfShowChannel(eventId), 'item_ended', { agendaItemId: ended.agendaItemId });
      await publish(tx, runOfShowChannel(eventId), 'item_started', { agendaItemId: itemId });
    }
    if (edge === 'end' && !row.endedAt) {
      if (!row.startedAt) throw conflict('run_of_show.not_started');
      if (at < row.startedAt) throw invalid('run_of_show.end_before_start');
      await tx.db
        .update(agendaActuals)
        .set({ endedAt: at, endedBy: actor.userId, updatedAt: now })
        .where(eq(agendaActuals.id, row.id));
      await recordAudit(tx, {
        action: 'run_of_show.end',
        entityType: 'agenda_item',
        entityId: itemId,
        after: { title: item.title, at: at.toISOString() },
      });
      await publish(tx, runOfShowChannel(eventId), 'item_ended', { agendaItemId: itemId });
    }
    return timelineOf(tx, eventId);
  });
}

/** Clears an item's actual times (a mistaken tap). */
export async function resetItem(ctx: Ctx, eventId: string, itemId: string) {
  authorize(ctx, runOfShowPolicy, 'mark');
  return inTransaction(ctx, async (tx) => {
    assertShowOpen(await loadEvent(tx, eventId));
    const item = await loadItem(tx, eventId, itemId);
    const removed = await tx.db
      .delete(agendaActuals)
      .where(eq(agendaActuals.agendaItemId, itemId))
      .returning();
    if (removed.length) {
      await recordAudit(tx, {
        action: 'run_of_show.reset',
        entityType: 'agenda_item',
        entityId: itemId,
        before: { title: item.title, startedAt: removed[0].startedAt, endedAt: removed[0].endedAt },
      });
      await publish(tx, runOfShowChannel(eventId), 'item_reset', { agendaItemId: itemId });
    }
    return timelineOf(tx, eventId);
  });
}

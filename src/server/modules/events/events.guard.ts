import { eq } from 'drizzle-orm';
import { type EventStatus, LOCKED_STATUSES } from '../../../contract/events.js';
import type { Ctx } from '../../core/context.js';
import { conflict, notFound } from '../../core/errors.js';
import { events } from './events.table.js';

export type EventRow = typeof events.$inferSelect;

/** The event row, or 404. Pass `forUpdate` inside a write to serialise concurrent changes. */
export async function loadEvent(ctx: Ctx, id: string, forUpdate = false): Promise<EventRow> {
  const query = ctx.db.select().from(events).where(eq(events.id, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('@entities.event');
  return row;
}

/** The plan (fields, agenda, route) is frozen once the event is completed. */
export function assertPlanEditable(event: { status: EventStatus }) {
  if (LOCKED_STATUSES.includes(event.status)) throw conflict('events.locked');
}

/** Follow-up work (checklist, materials) goes on after the event, until it is archived. */
export function assertFollowUpEditable(event: { status: EventStatus }) {
  if (event.status === 'archived') throw conflict('events.locked');
}

/** Marks the event as changed, so lists sort and caches refresh. */
export async function touchEvent(ctx: Ctx, id: string) {
  await ctx.db.update(events).set({ updatedAt: ctx.clock.now() }).where(eq(events.id, id));
}

import { and, eq } from 'drizzle-orm';
import type { Actor, Ctx } from '../../core/context.js';
import { conflict, forbidden, notFound } from '../../core/errors.js';
import { type EventRow, loadEvent } from '../events/events.guard.js';
import { eventSites } from '../events/events.table.js';

/** A host sees an event only when one of its sites is the host's own (others: 404, not leaked). */
export async function eventForActor(ctx: Ctx, actor: Actor, eventId: string): Promise<EventRow> {
  const event = await loadEvent(ctx, eventId);
  if (actor.role === 'host') {
    if (!actor.siteId) throw notFound('@entities.event');
    const [own] = await ctx.db
      .select({ id: eventSites.id })
      .from(eventSites)
      .where(and(eq(eventSites.eventId, eventId), eq(eventSites.siteId, actor.siteId)));
    if (!own) throw notFound('@entities.event');
  }
  return event;
}

/** A host may act only for an event site of their own site. */
export async function assertSiteOfActor(ctx: Ctx, actor: Actor, eventSiteId: string) {
  if (actor.role !== 'host') return;
  const [site] = await ctx.db.select().from(eventSites).where(eq(eventSites.id, eventSiteId));
  if (!site || site.siteId !== actor.siteId) throw forbidden();
}

/** Actual times can be recorded once the event is published and until it is archived. */
export function assertShowOpen(event: EventRow) {
  if (event.status === 'draft') throw conflict('run_of_show.not_open');
  if (event.status === 'archived') throw conflict('events.locked');
}

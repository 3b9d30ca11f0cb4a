import { and, asc, eq, ne } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { eventSites, events } from './events.table.js';

/**
 * Small reads for the public event page, the notice and the host brief (documents module).
 * Access is the caller's job.
 */

/** The id of a public (anything but draft) event by its slug; 404 for drafts and unknown slugs. */
export async function publicEventIdBySlug(ctx: Ctx, slug: string): Promise<string> {
  const [row] = await ctx.db
    .select({ id: events.id })
    .from(events)
    .where(and(eq(events.slug, slug.toLowerCase()), ne(events.status, 'draft')));
  if (!row) throw notFound('@entities.event');
  return row.id;
}

/** Events (any status but draft) visiting the site, newest first. */
export async function publicEventsAtSite(ctx: Ctx, siteId: string) {
  return ctx.db
    .select({ id: events.id, theme: events.theme, eventDate: events.eventDate, status: events.status })
    .from(events)
    .innerJoin(eventSites, eq(eventSites.eventId, events.id))
    .where(and(eq(eventSites.siteId, siteId), ne(events.status, 'draft')))
    .orderBy(asc(events.eventDate));
}

import { eq, min } from 'drizzle-orm';
import type { MessageType } from '../../../contract/notifications.js';
import type { Ctx } from '../../core/context.js';
import { agendaItems } from '../agenda/agenda.table.js';
import { eventSites, type events } from '../events/events.table.js';
import { enqueue } from '../notifications/outbox.service.js';
import { sites } from '../sites/sites.table.js';
import type { registrations } from './registrations.table.js';

const hhmm = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/**
 * Queues the e-mail for a registration change. Goes through the outbox inside the caller's
 * transaction: a mail server that is down never fails a registration.
 */
export async function notifyRegistrant(
  ctx: Ctx,
  event: typeof events.$inferSelect,
  reg: typeof registrations.$inferSelect,
  type: Extract<
    MessageType,
    'confirmation' | 'waitlisted' | 'promoted' | 'approved' | 'cancelled' | 'reminder'
  >,
  extra: Record<string, string | number> = {},
) {
  if (!reg.email) return;
  const [site] = await ctx.db
    .select({ name: sites.name, address: sites.address })
    .from(eventSites)
    .innerJoin(sites, eq(sites.id, eventSites.siteId))
    .where(eq(eventSites.id, reg.eventSiteId));
  const [first] = await ctx.db
    .select({ start: min(agendaItems.startMinute) })
    .from(agendaItems)
    .where(eq(agendaItems.eventId, event.id));
  await enqueue(ctx, {
    channel: 'email',
    recipient: reg.email,
    type,
    locale: ctx.lang,
    eventId: event.id,
    dedupeKey: type === 'reminder' ? `reminder:${reg.id}` : null,
    params: {
      name: reg.name,
      eventTheme: event.theme,
      eventDate: event.eventDate,
      eventTime: first?.start !== null && first?.start !== undefined ? hhmm(first.start) : '',
      place: event.meetingPoint ?? site?.address ?? '',
      siteName: site?.name ?? '',
      passUrl: `${ctx.config.publicUrl}/p/${reg.passToken}`,
      eventUrl: `${ctx.config.publicUrl}/e/${event.slug}`,
      notes: event.notes ?? '',
      ...extra,
    },
  });
}

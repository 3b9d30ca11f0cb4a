import { and, eq, min, ne } from 'drizzle-orm';
import type { AgendaChange } from '../../../contract/agenda.js';
import type { MessageType } from '../../../contract/notifications.js';
import type { Ctx } from '../../core/context.js';
import { agendaItems } from '../agenda/agenda.table.js';
import { eventSites, type events } from '../events/events.table.js';
import { enqueue } from '../notifications/outbox.service.js';
import { sites } from '../sites/sites.table.js';
import { registrations } from './registrations.table.js';

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
    'confirmation' | 'waitlisted' | 'promoted' | 'approved' | 'cancelled' | 'reminder' | 'agenda_changed'
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

/** One line per change, in the registrant's language, for the "agenda changed" message. */
export function describeAgendaChanges(changes: AgendaChange[], lang: 'zh-CN' | 'en-US') {
  const words =
    lang === 'en-US'
      ? { added: 'Added', removed: 'Removed', changed: 'Changed', sep: ': ' }
      : { added: '新增', removed: '取消', changed: '调整', sep: '：' };
  return changes
    .map((c) => {
      const detail = c.fields.map((f) => `${f.before ?? '—'} → ${f.after ?? '—'}`).join('; ');
      return `${words[c.kind]}${words.sep}${c.title}${detail ? ` (${detail})` : ''}`;
    })
    .join('\n');
}

/** Tells everyone still registered (not cancelled) that a re-published agenda changed. */
export async function notifyAgendaChanged(
  ctx: Ctx,
  event: typeof events.$inferSelect,
  changes: AgendaChange[],
) {
  if (!changes.length) return 0;
  const people = await ctx.db
    .select()
    .from(registrations)
    .where(and(eq(registrations.eventId, event.id), ne(registrations.status, 'cancelled')));
  const text = describeAgendaChanges(changes, ctx.lang);
  for (const reg of people) await notifyRegistrant(ctx, event, reg, 'agenda_changed', { changes: text });
  return people.length;
}

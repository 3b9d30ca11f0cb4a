import { eq } from 'drizzle-orm';
import {
  type Blocker,
  EVENT_TRANSITIONS,
  type EventStatus,
  type TransitionCheck,
} from '../../../contract/events.js';
import { authorize } from '../../core/access.js';
import { type Ctx, inTransaction } from '../../core/context.js';
import { AppError, conflict } from '../../core/errors.js';
import { itemRows, snapshotAgenda } from '../agenda/agenda.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { routeOf } from '../route-stops/route-stops.service.js';
import { registrationCount } from './events.attendance.js';
import { todayInChina } from './events.dates.js';
import { type EventRow, loadEvent } from './events.guard.js';
import { eventsPolicy } from './events.policy.js';
import { eventById } from './events.service.js';
import { events } from './events.table.js';

type BlockerItem = TransitionCheck['blockers'][number];

/** What stands in the way of publishing: agenda items, a route per site, complete notice fields. */
async function publishBlockers(ctx: Ctx, event: EventRow): Promise<BlockerItem[]> {
  const blockers: BlockerItem[] = [];
  const add = (code: Blocker, siteName?: string) => blockers.push(siteName ? { code, siteName } : { code });
  if (!(await itemRows(ctx, event.id)).length) add('no_agenda_items');
  const route = await routeOf(ctx, event.id);
  if (!route.sites.length) add('no_sites');
  for (const site of route.sites) if (!site.stops.length) add('route_missing', site.siteName);
  if (!event.templateVersionId) add('template_missing');
  // The notice (rendered by the documents module from these fields) needs date, place, deadline, contact.
  if (!event.eventDate) add('notice_date');
  if (!event.meetingPoint) add('notice_place');
  if (!event.registrationDeadline) add('notice_deadline');
  else if (event.registrationDeadline.getTime() <= ctx.clock.now().getTime()) add('deadline_passed');
  if (!event.contactName || !event.contactPhone) add('notice_contact');
  return blockers;
}

async function blockersFor(ctx: Ctx, event: EventRow, to: EventStatus): Promise<BlockerItem[]> {
  if (event.status === 'draft' && to === 'published') return publishBlockers(ctx, event);
  if (event.status === 'published' && to === 'draft') {
    return (await registrationCount(ctx, event.id)) > 0 ? [{ code: 'has_registrations' }] : [];
  }
  if (to === 'in_progress' && todayInChina(ctx.clock) < event.eventDate)
    return [{ code: 'before_event_day' }];
  return [];
}

/** The moves open from the current status, each with what blocks it. */
export async function transitionChecks(ctx: Ctx, event: EventRow): Promise<TransitionCheck[]> {
  const checks: TransitionCheck[] = [];
  for (const to of EVENT_TRANSITIONS[event.status]) {
    const blockers = await blockersFor(ctx, event, to);
    checks.push({ to, allowed: blockers.length === 0, blockers });
  }
  return checks;
}

/** Moves the event along its lifecycle; publishing also publishes the agenda if it changed. */
export async function transitionEvent(ctx: Ctx, id: string, to: EventStatus) {
  authorize(ctx, eventsPolicy, 'transition');
  return inTransaction(ctx, async (tx) => {
    const event = await loadEvent(tx, id, true);
    if (!EVENT_TRANSITIONS[event.status].includes(to)) {
      throw conflict('events.transition_not_allowed', {
        from: `@enums.eventStatus.${event.status}`,
        to: `@enums.eventStatus.${to}`,
      });
    }
    const blockers = await blockersFor(tx, event, to);
    if (blockers.length) {
      throw new AppError(
        'events.transition_blocked',
        409,
        { to: `@enums.eventStatus.${to}` },
        blockers.map((b) => ({
          path: `blockers.${b.code}`,
          key: `events.blockers.${b.code}`,
          params: { site: b.siteName ?? '' },
        })),
      );
    }
    let agendaVersion: number | null = null;
    if (to === 'published') agendaVersion = await snapshotAgenda(tx, id);
    await tx.db
      .update(events)
      .set({ status: to, statusChangedAt: tx.clock.now(), updatedAt: tx.clock.now() })
      .where(eq(events.id, id));
    await recordAudit(tx, {
      action: 'event.transition',
      entityType: 'event',
      entityId: id,
      before: { status: event.status },
      after: { status: to, agendaVersion },
    });
    return eventById(tx, id);
  });
}

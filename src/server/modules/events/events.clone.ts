import { asc, eq } from 'drizzle-orm';
import type { CloneInput, Event } from '../../../contract/events.js';
import { authorize } from '../../core/access.js';
import { type Ctx, inTransaction } from '../../core/context.js';
import { agendaItems } from '../agenda/agenda.table.js';
import { recordAudit } from '../audit/audit.service.js';
import { checklistTasks } from '../checklists/checklists.table.js';
import { materials } from '../materials/materials.table.js';
import { routeStops } from '../route-stops/route-stops.table.js';
import { daysBetween } from './events.dates.js';
import { loadEvent } from './events.guard.js';
import { eventsPolicy } from './events.policy.js';
import { assertDeadlineBeforeDate, eventById, freeSlug } from './events.service.js';
import { eventSites, events } from './events.table.js';

const strip = <T extends { id: string; createdAt: Date; updatedAt?: Date }>(row: T) => {
  const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = row;
  return rest;
};

/**
 * A new draft on another date with the same plan: sites, agenda, route, checklist offsets (tasks
 * back to todo) and materials (not ready). Registrations, versions and history are not copied.
 */
export async function cloneEvent(ctx: Ctx, sourceId: string, input: CloneInput): Promise<Event> {
  const actor = authorize(ctx, eventsPolicy, 'write');
  return inTransaction(ctx, async (tx) => {
    const source = await loadEvent(tx, sourceId);
    const shiftMs = daysBetween(source.eventDate, input.eventDate) * 86400000;
    const deadline = input.registrationDeadline
      ? new Date(input.registrationDeadline)
      : new Date(source.registrationDeadline.getTime() + shiftMs);
    assertDeadlineBeforeDate(deadline, input.eventDate);
    const now = tx.clock.now();
    const {
      slug: _s,
      status: _st,
      statusChangedAt: _sc,
      clonedFromId: _cf,
      createdBy: _cb,
      ...fields
    } = strip(source);
    const [row] = await tx.db
      .insert(events)
      .values({
        ...fields,
        theme: input.theme ?? source.theme,
        eventDate: input.eventDate,
        registrationDeadline: deadline,
        issueNumber:
          input.issueNumber !== undefined
            ? input.issueNumber
            : source.issueNumber
              ? source.issueNumber + 1
              : null,
        slug: await freeSlug(tx, input.eventDate),
        status: 'draft',
        statusChangedAt: now,
        clonedFromId: source.id,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();

    const siteRows = await tx.db
      .select()
      .from(eventSites)
      .where(eq(eventSites.eventId, sourceId))
      .orderBy(asc(eventSites.position));
    for (const site of siteRows) {
      const [copy] = await tx.db
        .insert(eventSites)
        .values({ ...strip(site), eventId: row.id })
        .returning();
      const stops = await tx.db.select().from(routeStops).where(eq(routeStops.eventSiteId, site.id));
      if (stops.length) {
        await tx.db.insert(routeStops).values(stops.map((s) => ({ ...strip(s), eventSiteId: copy.id })));
      }
    }
    const items = await tx.db.select().from(agendaItems).where(eq(agendaItems.eventId, sourceId));
    if (items.length)
      await tx.db.insert(agendaItems).values(items.map((i) => ({ ...strip(i), eventId: row.id })));
    const tasks = await tx.db.select().from(checklistTasks).where(eq(checklistTasks.eventId, sourceId));
    if (tasks.length) {
      await tx.db
        .insert(checklistTasks)
        .values(tasks.map((t) => ({ ...strip(t), eventId: row.id, status: 'todo' as const, doneAt: null })));
    }
    const stuff = await tx.db.select().from(materials).where(eq(materials.eventId, sourceId));
    if (stuff.length) {
      await tx.db
        .insert(materials)
        .values(stuff.map((m) => ({ ...strip(m), eventId: row.id, ready: false })));
    }

    const event = await eventById(tx, row.id);
    await recordAudit(tx, {
      action: 'event.clone',
      entityType: 'event',
      entityId: row.id,
      after: { from: sourceId, event },
    });
    return event;
  });
}

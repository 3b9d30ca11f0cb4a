import { and, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { memberUnits } from '../member-units/member-units.table.js';
import { SEAT_HOLDING } from './registrations.service.js';
import { registrations } from './registrations.table.js';

/**
 * Who holds a seat (confirmed or pending) at an event — or at one of its sites — as the host
 * brief summarises it: unit types, positions, unit names and the questions sent in for the host.
 * No names or phone numbers leave here. Access is the caller's job (documents module).
 */
export async function attendeeComposition(ctx: Ctx, eventId: string, eventSiteId: string | null) {
  const conditions = [eq(registrations.eventId, eventId), inArray(registrations.status, SEAT_HOLDING)];
  if (eventSiteId) conditions.push(eq(registrations.eventSiteId, eventSiteId));
  return ctx.db
    .select({
      unitName: registrations.unitName,
      unitType: memberUnits.unitType,
      position: registrations.position,
      questions: registrations.questions,
    })
    .from(registrations)
    .leftJoin(memberUnits, eq(memberUnits.id, registrations.memberUnitId))
    .where(and(...conditions));
}

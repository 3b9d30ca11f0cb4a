import { and, count, eq, inArray, ne } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { registrations } from '../registrations/registrations.table.js';
import { events } from './events.table.js';

/** Registrations that are not cancelled (confirmed, pending and waitlisted). */
export async function registrationCount(ctx: Ctx, eventId: string): Promise<number> {
  const [row] = await ctx.db
    .select({ n: count() })
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), ne(registrations.status, 'cancelled')));
  return row?.n ?? 0;
}

/**
 * How many people to plan materials for: the capacity while registration is open (seats may
 * still fill), then the people holding a seat (confirmed or pending approval).
 */
export async function expectedAttendance(ctx: Ctx, eventId: string): Promise<number> {
  const [event] = await ctx.db
    .select({ capacity: events.capacity, status: events.status })
    .from(events)
    .where(eq(events.id, eventId));
  if (!event) return 0;
  if (event.status === 'draft' || event.status === 'published') return event.capacity;
  const [row] = await ctx.db
    .select({ n: count() })
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), inArray(registrations.status, ['confirmed', 'pending'])));
  return row?.n ?? 0;
}

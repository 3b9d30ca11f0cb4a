import { eq } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { events } from './events.table.js';

/**
 * Hook points for the registration module, which will count real registrations here. Until then
 * nobody is registered and the expected attendance is the capacity.
 */
export async function registrationCount(_ctx: Ctx, _eventId: string): Promise<number> {
  return 0;
}

/** How many people to plan materials for: capacity until registrations exist. */
export async function expectedAttendance(ctx: Ctx, eventId: string): Promise<number> {
  const [row] = await ctx.db.select({ capacity: events.capacity }).from(events).where(eq(events.id, eventId));
  return row?.capacity ?? 0;
}

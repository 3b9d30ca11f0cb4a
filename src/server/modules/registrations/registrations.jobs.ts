import { and, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { pruneEvents } from '../../core/realtime.js';
import { events } from '../events/events.table.js';
import { eraseExpiredPersonalData } from './pass.service.js';
import { notifyRegistrant } from './registrations.notify.js';
import { registrations } from './registrations.table.js';

/** The calendar date in China time (events are dated in China time). */
export function chinaDate(at: Date, plusDays = 0) {
  return new Date(at.getTime() + 8 * 3600000 + plusDays * 86400000).toISOString().slice(0, 10);
}

/** T-1 reminders for tomorrow's events. The dedupe key makes every run after the first a no-op. */
export async function sendReminders(ctx: Ctx) {
  const tomorrow = chinaDate(ctx.clock.now(), 1);
  const due = await ctx.db
    .select()
    .from(events)
    .where(and(eq(events.eventDate, tomorrow), inArray(events.status, ['published', 'registration_closed'])));
  let queued = 0;
  for (const event of due) {
    const people = await ctx.db
      .select()
      .from(registrations)
      .where(and(eq(registrations.eventId, event.id), eq(registrations.status, 'confirmed')));
    for (const reg of people) {
      await notifyRegistrant(ctx, event, reg, 'reminder');
      if (reg.email) queued++;
    }
  }
  return { queued };
}

/** Housekeeping that runs every hour in each process; every step is idempotent. */
export async function runPeriodicJobs(ctx: Ctx) {
  const reminders = await sendReminders(ctx);
  const retention = await eraseExpiredPersonalData(ctx);
  await pruneEvents(ctx.db, new Date(ctx.clock.now().getTime() - 7 * 86400000));
  return { ...reminders, ...retention };
}

export function startPeriodicJobs(ctx: Ctx, opts: { intervalMs: number; log: (error: unknown) => void }) {
  const run = () => runPeriodicJobs(ctx).catch(opts.log);
  const first = setTimeout(run, 5000);
  const timer = setInterval(run, opts.intervalMs);
  return {
    stop() {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}

import { eq } from 'drizzle-orm';
import type { QaSettings } from '../../../contract/qa.js';
import { newToken } from '../../core/auth/tokens.js';
import type { Ctx } from '../../core/context.js';
import { qaSettings } from './qa.table.js';

export type QaSettingsRow = typeof qaSettings.$inferSelect;

const ensureRow = (ctx: Ctx, eventId: string) =>
  ctx.db.insert(qaSettings).values({ eventId, screenKey: newToken() }).onConflictDoNothing();

/** The event's Q&A settings (made with the defaults on first use). */
export async function settingsOf(ctx: Ctx, eventId: string): Promise<QaSettingsRow> {
  const [row] = await ctx.db.select().from(qaSettings).where(eq(qaSettings.eventId, eventId));
  if (row) return row;
  await ensureRow(ctx, eventId);
  const [made] = await ctx.db.select().from(qaSettings).where(eq(qaSettings.eventId, eventId));
  return made;
}

/**
 * Call first in every Q&A write transaction: locks the event's settings row until commit. Writes of
 * one event run one after the other, so their realtime events get ids in commit order and a client
 * resuming from Last-Event-ID never skips one that committed late.
 */
export async function lockQa(ctx: Ctx, eventId: string): Promise<QaSettingsRow> {
  await ensureRow(ctx, eventId);
  const [row] = await ctx.db.select().from(qaSettings).where(eq(qaSettings.eventId, eventId)).for('update');
  return row;
}

export const presentSettings = (row: QaSettingsRow): QaSettings => ({
  preModeration: row.preModeration,
  open: row.open,
  screenKey: row.screenKey,
});

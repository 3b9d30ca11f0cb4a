import type { Ctx } from '../../core/context.js';
import { associations } from '../association/association.table.js';

/** The association's group-robot webhooks, kept in `associations.settings.notifications`. */
export type StoredWebhookSettings = {
  wecomUrl: string | null;
  dingtalkUrl: string | null;
  dingtalkSecret: string | null;
};

export const EMPTY_WEBHOOK_SETTINGS: StoredWebhookSettings = {
  wecomUrl: null,
  dingtalkUrl: null,
  dingtalkSecret: null,
};

/** Unchecked read for the services that enqueue messages (not an endpoint). */
export async function webhookSettings(
  ctx: Ctx,
): Promise<StoredWebhookSettings & { associationName: string | null }> {
  const [row] = await ctx.db
    .select({ name: associations.name, settings: associations.settings })
    .from(associations)
    .limit(1);
  const stored = (row?.settings?.notifications ?? {}) as Partial<StoredWebhookSettings>;
  return { ...EMPTY_WEBHOOK_SETTINGS, ...stored, associationName: row?.name ?? null };
}

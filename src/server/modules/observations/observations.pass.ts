import { and, eq, isNull } from 'drizzle-orm';
import { OBSERVATION_OPEN_STATUSES } from '../../../contract/observations.js';
import type { TemplateVersion } from '../../../contract/templates.js';
import type { Ctx } from '../../core/context.js';
import { AppError, conflict } from '../../core/errors.js';
import { events } from '../events/events.table.js';
import { registrations } from '../registrations/registrations.table.js';
import { loadVersion } from '../templates/templates.tree.js';

export type PassRow = typeof registrations.$inferSelect;
export type EventRow = typeof events.$inferSelect;
export type Pass = { reg: PassRow; event: EventRow };

/**
 * The pass token is the credential: it decides whose observations are read and written. A token
 * that matches nothing (or an erased registration) answers 404 `pass.not_found`.
 */
export async function passOf(ctx: Ctx, token: string, forUpdate = false): Promise<Pass> {
  const query = ctx.db
    .select()
    .from(registrations)
    .where(and(eq(registrations.passToken, token), isNull(registrations.anonymizedAt)));
  // Locking the registration serialises one attendee's writes (offline replays arrive at once).
  const [reg] = forUpdate ? await query.for('update') : await query;
  if (!reg) throw new AppError('pass.not_found', 404);
  const [event] = await ctx.db.select().from(events).where(eq(events.id, reg.eventId));
  return { reg, event };
}

/** Why this pass may not write now, as an error; null when it may. */
export function writeRefusal({ reg, event }: Pass): AppError | null {
  if (event.status === 'completed' || event.status === 'archived') return conflict('observations.locked');
  if (!(OBSERVATION_OPEN_STATUSES as readonly string[]).includes(event.status))
    return conflict('observations.not_open');
  if (reg.status === 'cancelled') return conflict('observations.pass_cancelled');
  if (reg.status !== 'confirmed') return new AppError('observations.not_confirmed', 403);
  if (!event.templateVersionId) return conflict('observations.no_template');
  return null;
}

/** The pass, refused unless it may write (inside a write's transaction: locked). */
export async function writablePass(ctx: Ctx, token: string, forUpdate = false): Promise<Pass> {
  const pass = await passOf(ctx, token, forUpdate);
  const refusal = writeRefusal(pass);
  if (refusal) throw refusal;
  return pass;
}

// Published versions never change, so their trees are kept in memory once read.
const versionCache = new Map<string, TemplateVersion>();

/** The event's template version with its tree (409 `observations.no_template` without one). */
export async function eventTemplate(ctx: Ctx, event: EventRow): Promise<TemplateVersion> {
  const versionId = event.templateVersionId;
  if (!versionId) throw conflict('observations.no_template');
  const cached = versionCache.get(versionId);
  if (cached) return cached;
  const version = await loadVersion(ctx, versionId);
  if (version.status === 'published') {
    if (versionCache.size > 100) versionCache.clear();
    versionCache.set(versionId, version);
  }
  return version;
}

export type PointInfo = TemplateVersion['dimensions'][number]['points'][number] & { dimensionId: string };

/** Point id → point (with its dimension id). */
export function pointIndex(version: TemplateVersion): Map<string, PointInfo> {
  const map = new Map<string, PointInfo>();
  for (const d of version.dimensions) for (const p of d.points) map.set(p.id, { ...p, dimensionId: d.id });
  return map;
}

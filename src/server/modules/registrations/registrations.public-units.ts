import { and, asc, ilike, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../../core/context.js';
import { memberUnits } from '../member-units/member-units.table.js';
import { eventBySlug } from './registrations.service.js';

export const PUBLIC_UNITS_LIMIT = 20;

export const publicUnitsQuerySchema = z.object({ q: z.string().trim().max(50).optional() });
export const publicUnitSchema = z.object({ id: z.uuid(), name: z.string() });
export type PublicUnit = z.infer<typeof publicUnitSchema>;

/** `%`, `_` and `\` typed by a person are matched literally. */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The member-unit picker of the public registration page: names and ids of non-archived units
 * matching `q` (at most 20), for an event that is not a draft. Unit names are public (the
 * association's member list); nothing else about a unit is shown.
 */
export async function publicMemberUnits(
  ctx: Ctx,
  slug: string,
  q: string | undefined,
): Promise<PublicUnit[]> {
  await eventBySlug(ctx, slug);
  const filters = [isNull(memberUnits.archivedAt)];
  if (q) filters.push(ilike(memberUnits.name, likePattern(q)));
  return ctx.db
    .select({ id: memberUnits.id, name: memberUnits.name })
    .from(memberUnits)
    .where(and(...filters))
    .orderBy(asc(memberUnits.name), asc(memberUnits.id))
    .limit(PUBLIC_UNITS_LIMIT);
}

import type { Ctx } from '../../core/context.js';
import { t } from '../../core/i18n.js';
import { attendeeComposition } from '../registrations/registrations.summary.js';
import type { AttendeeSummary } from './documents.types.js';

function countBy(values: string[]) {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts]
    .map(([label, count]) => ({ label, count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'zh-CN'));
}

/**
 * Who is coming to the event (or to one of its sites), for the host brief: counts by unit type and
 * position, the units and the questions sent in for the host — from the registrations holding a
 * seat. Before anyone has registered the expected number is the planned capacity.
 */
export async function attendeeSummary(
  ctx: Ctx,
  eventId: string,
  plan: { capacity: number; eventSiteId: string | null },
): Promise<AttendeeSummary> {
  const rows = await attendeeComposition(ctx, eventId, plan.eventSiteId);
  if (!rows.length) {
    return {
      registrationStarted: false,
      expected: plan.capacity,
      byUnitType: [],
      byPosition: [],
      units: [],
      questions: [],
    };
  }
  const unknown = t(ctx.lang, 'documents.host_brief.not_given');
  return {
    registrationStarted: true,
    expected: rows.length,
    byUnitType: countBy(rows.map((r) => t(ctx.lang, `enums.unitType.${r.unitType ?? 'other'}`))),
    byPosition: countBy(rows.map((r) => r.position?.trim() || unknown)),
    units: [...new Set(rows.map((r) => r.unitName))].sort((a, b) => a.localeCompare(b, 'zh-CN')),
    questions: rows.map((r) => r.questions?.trim() ?? '').filter(Boolean),
  };
}

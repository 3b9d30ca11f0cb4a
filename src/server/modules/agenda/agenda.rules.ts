import {
  AGENDA_DAY,
  type AgendaChange,
  type AgendaItem,
  type AgendaWarning,
  FORMAT_SPAN_MINUTES,
  toMinutes,
} from '../../../contract/agenda.js';
import type { EventFormat } from '../../../contract/events.js';

type Timed = { id: string; startMinute: number; endMinute: number; position: number };

/** Agenda order: by start, then end, then the previous position. */
export function byTime<T extends Timed>(items: T[]): T[] {
  return [...items].sort(
    (a, b) => a.startMinute - b.startMinute || a.endMinute - b.endMinute || a.position - b.position,
  );
}

/** Overlaps and gaps between neighbours, items outside the day, and a span too long for the format. */
export function agendaWarnings(items: (Timed & { type: string })[], format: EventFormat): AgendaWarning[] {
  const sorted = byTime(items);
  const warnings: AgendaWarning[] = [];
  const dayStart = toMinutes(AGENDA_DAY.start);
  const dayEnd = toMinutes(AGENDA_DAY.end);
  let latest: Timed | null = null; // the item reaching furthest so far
  for (const item of sorted) {
    if (item.startMinute < dayStart || item.endMinute > dayEnd) {
      warnings.push({ code: 'outside_day', itemIds: [item.id] });
    }
    if (latest) {
      const overlap = Math.min(latest.endMinute, item.endMinute) - item.startMinute;
      if (item.startMinute < latest.endMinute && overlap > 0) {
        warnings.push({ code: 'overlap', itemIds: [latest.id, item.id], minutes: overlap });
      }
      if (item.startMinute > latest.endMinute) {
        warnings.push({
          code: 'gap',
          itemIds: [latest.id, item.id],
          minutes: item.startMinute - latest.endMinute,
        });
      }
    }
    if (!latest || item.endMinute >= latest.endMinute) latest = item;
  }
  if (sorted.length) {
    const span = Math.max(...sorted.map((i) => i.endMinute)) - sorted[0].startMinute;
    if (span > FORMAT_SPAN_MINUTES[format]) {
      warnings.push({ code: 'span_exceeds_format', itemIds: [], minutes: span });
    }
    if (!sorted.some((i) => i.type === 'tour')) warnings.push({ code: 'no_tour', itemIds: [] });
  }
  return warnings;
}

/**
 * New start and end minutes after moving and/or resizing one item. With `shiftFollowing`, every
 * item after it in agenda order moves by the change of its end time.
 */
export function shiftPlan(
  items: Timed[],
  itemId: string,
  change: { start?: string; durationMinutes?: number; shiftFollowing: boolean },
): Map<string, { startMinute: number; endMinute: number }> {
  const sorted = byTime(items);
  const index = sorted.findIndex((i) => i.id === itemId);
  const item = sorted[index];
  const start = change.start !== undefined ? toMinutes(change.start) : item.startMinute;
  const duration = change.durationMinutes ?? item.endMinute - item.startMinute;
  const delta = start + duration - item.endMinute;
  const plan = new Map([[item.id, { startMinute: start, endMinute: start + duration }]]);
  if (change.shiftFollowing && delta !== 0) {
    for (const next of sorted.slice(index + 1)) {
      plan.set(next.id, { startMinute: next.startMinute + delta, endMinute: next.endMinute + delta });
    }
  }
  return plan;
}

const COMPARED: (keyof AgendaItem)[] = ['start', 'end', 'type', 'title', 'speaker', 'place', 'notes'];

/** What changed from the last published version to the current items. */
export function agendaChanges(published: AgendaItem[], current: AgendaItem[]): AgendaChange[] {
  const before = new Map(published.map((i) => [i.id, i]));
  const now = new Set(current.map((i) => i.id));
  const changes: AgendaChange[] = [];
  for (const item of current) {
    const old = before.get(item.id);
    if (!old) {
      changes.push({ kind: 'added', itemId: item.id, title: item.title, fields: [] });
      continue;
    }
    const fields = COMPARED.filter((f) => (old[f] ?? null) !== (item[f] ?? null)).map((f) => ({
      field: f,
      before: old[f] === null || old[f] === undefined ? null : String(old[f]),
      after: item[f] === null || item[f] === undefined ? null : String(item[f]),
    }));
    if (fields.length) changes.push({ kind: 'changed', itemId: item.id, title: item.title, fields });
  }
  for (const old of published) {
    if (!now.has(old.id)) changes.push({ kind: 'removed', itemId: old.id, title: old.title, fields: [] });
  }
  return changes;
}

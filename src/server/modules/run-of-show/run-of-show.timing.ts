import { toTime } from '../../../contract/agenda.js';
import {
  ON_TIME_TOLERANCE_MINUTES,
  type Punctuality,
  type RunOfShowItem,
} from '../../../contract/run-of-show.js';

/**
 * Planned against actual times of an agenda, as pure functions (no database, no clock).
 * Planned times are the agenda's minutes on the event date in China time (+08:00).
 */
export type PlannedItem = {
  id: string;
  position: number;
  type: RunOfShowItem['type'];
  title: string;
  startMinute: number;
  endMinute: number;
};
export type ActualTimes = {
  startedAt: Date | null;
  endedAt: Date | null;
  startedByName: string | null;
  endedByName: string | null;
};

const MINUTE = 60000;

export function plannedAt(eventDate: string, minute: number): Date {
  return new Date(`${eventDate}T${toTime(minute)}:00+08:00`);
}

const minutesBetween = (later: Date, earlier: Date) =>
  Math.round((later.getTime() - earlier.getTime()) / MINUTE);

export function timelineItem(
  item: PlannedItem,
  actual: ActualTimes | undefined,
  eventDate: string,
  now: Date,
): RunOfShowItem {
  const plannedStartAt = plannedAt(eventDate, item.startMinute);
  const plannedEndAt = plannedAt(eventDate, item.endMinute);
  const startedAt = actual?.startedAt ?? null;
  const endedAt = actual?.endedAt ?? null;
  const state = endedAt ? 'done' : startedAt ? 'running' : 'pending';
  const startDelayMinutes = startedAt ? minutesBetween(startedAt, plannedStartAt) : null;
  let overrunMinutes: number | null = null;
  if (endedAt) overrunMinutes = Math.max(0, minutesBetween(endedAt, plannedEndAt));
  else if (startedAt)
    overrunMinutes = Math.max(0, Math.floor((now.getTime() - plannedEndAt.getTime()) / MINUTE));
  const onTime =
    state === 'done'
      ? (startDelayMinutes ?? 0) <= ON_TIME_TOLERANCE_MINUTES &&
        (overrunMinutes ?? 0) <= ON_TIME_TOLERANCE_MINUTES
      : null;
  return {
    agendaItemId: item.id,
    position: item.position,
    type: item.type,
    title: item.title,
    plannedStart: toTime(item.startMinute),
    plannedEnd: toTime(item.endMinute),
    plannedStartAt: plannedStartAt.toISOString(),
    plannedEndAt: plannedEndAt.toISOString(),
    actualStartAt: startedAt?.toISOString() ?? null,
    actualEndAt: endedAt?.toISOString() ?? null,
    state,
    startDelayMinutes,
    overrunMinutes,
    onTime,
    startedByName: actual?.startedByName ?? null,
    endedByName: actual?.endedByName ?? null,
  };
}

/**
 * On-time rate and total overrun: over items with a planned duration that have both actual
 * times. An item is on time when it started at most ON_TIME_TOLERANCE_MINUTES after its planned
 * start and ended at most that long after its planned end. Overrun = actual end − planned end,
 * counted when positive.
 */
export function punctualityOf(items: RunOfShowItem[]): Punctuality {
  const timed = items.filter((i) => i.plannedEnd !== i.plannedStart);
  const finished = timed.filter((i) => i.state === 'done');
  const onTime = finished.filter((i) => i.onTime).length;
  return {
    items: timed.length,
    finished: finished.length,
    onTime,
    onTimeRate: finished.length ? Math.round((onTime / finished.length) * 1000) / 1000 : null,
    totalOverrunMinutes: finished.reduce((sum, i) => sum + (i.overrunMinutes ?? 0), 0),
  };
}

/** Warnings for the operator: the running item overruns or started late; the next one is due. */
export function warningsOf(items: RunOfShowItem[], now: Date) {
  const warnings: {
    code: 'overrun' | 'late_start' | 'should_have_started';
    agendaItemId: string;
    minutes: number;
  }[] = [];
  for (const item of items) {
    if (item.state !== 'running') continue;
    if ((item.overrunMinutes ?? 0) > 0)
      warnings.push({ code: 'overrun', agendaItemId: item.agendaItemId, minutes: item.overrunMinutes ?? 0 });
    if ((item.startDelayMinutes ?? 0) > ON_TIME_TOLERANCE_MINUTES)
      warnings.push({
        code: 'late_start',
        agendaItemId: item.agendaItemId,
        minutes: item.startDelayMinutes ?? 0,
      });
  }
  const next = items.find((i) => i.state === 'pending');
  if (next) {
    const late = Math.floor((now.getTime() - new Date(next.plannedStartAt).getTime()) / MINUTE);
    if (late > ON_TIME_TOLERANCE_MINUTES)
      warnings.push({ code: 'should_have_started', agendaItemId: next.agendaItemId, minutes: late });
  }
  return warnings;
}

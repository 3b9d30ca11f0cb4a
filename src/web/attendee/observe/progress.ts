import type { Scorecard } from '../../../contract/observations.js';
import type { TemplateDimension, TemplatePoint } from '../../../contract/templates.js';
import { isAnswered, type ScorecardView } from './records.js';

export type Progress = { answered: number; total: number };
export type PointRef = { point: TemplatePoint; dimension: TemplateDimension };

/** Point id → point with its dimension. */
export function pointsById(card: Scorecard): Map<string, PointRef> {
  const map = new Map<string, PointRef>();
  for (const dimension of card.template.dimensions)
    for (const point of dimension.points) map.set(point.id, { point, dimension });
  return map;
}

/** Scored or N/A out of the points that take a score (unscored points are left out). */
export function progressOf(points: TemplatePoint[], view: ScorecardView): Progress {
  const scorable = points.filter((p) => p.scheme !== 'unscored');
  return {
    answered: scorable.filter((p) => isAnswered(view.observations.get(p.id))).length,
    total: scorable.length,
  };
}

export const isComplete = (p: Progress) => p.total > 0 && p.answered >= p.total;

/**
 * The stop where the guide last reported the attendee's group (by id; by name when the route was
 * edited since the report); null without a group, a report, or a matching stop. A scorecard
 * cached before groups were part of it has no `group` at all.
 */
export function reportedStopId(card: Scorecard): string | null {
  const current = card.group?.current;
  if (!current) return null;
  const byId = current.routeStopId ? card.stops.find((s) => s.id === current.routeStopId) : undefined;
  return byId?.id ?? card.stops.find((s) => s.name === current.stopName)?.id ?? null;
}

/**
 * The stop to show first: where the group is (reportedStopId); without a report, the first stop
 * (in route order) with a point still to score; the first stop when all are done.
 */
export function currentStopId(card: Scorecard, view: ScorecardView, byId: Map<string, PointRef>) {
  const reported = reportedStopId(card);
  if (reported) return reported;
  for (const stop of card.stops) {
    const points = stop.pointIds.map((id) => byId.get(id)?.point).filter((p): p is TemplatePoint => !!p);
    const progress = progressOf(points, view);
    if (progress.answered < progress.total) return stop.id;
  }
  return card.stops[0]?.id ?? null;
}

/** The current stop first, then the others in route order. */
export function stopsInOrder<T extends { id: string }>(stops: T[], currentId: string | null): T[] {
  return [...stops.filter((s) => s.id === currentId), ...stops.filter((s) => s.id !== currentId)];
}

/** A position report (a `group_position` event) moves the group past what this scorecard knows. */
export function isNewerPosition(card: Scorecard | null, news: { groupId?: unknown; at?: unknown }): boolean {
  const group = card?.group;
  if (!group || news.groupId !== group.id || typeof news.at !== 'string') return false;
  return !group.current || Date.parse(news.at) > Date.parse(group.current.at);
}

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
 * The stop to show first: the first one (in route order) with a point still to score; the first
 * stop when all are done. (A group's reported position takes over once the pass knows it.)
 */
export function currentStopId(card: Scorecard, view: ScorecardView, byId: Map<string, PointRef>) {
  for (const stop of card.stops) {
    const points = stop.pointIds.map((id) => byId.get(id)?.point).filter((p): p is TemplatePoint => !!p);
    const progress = progressOf(points, view);
    if (progress.answered < progress.total) return stop.id;
  }
  return card.stops[0]?.id ?? null;
}

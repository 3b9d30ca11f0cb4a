import type {
  DimensionAggregate,
  KindCounts,
  NoteKind,
  PointAggregate,
  SiteAggregate,
} from '../../../contract/observations.js';
import type { TemplateVersion } from '../../../contract/templates.js';
import { normalize, type ScoringPoint } from '../templates/scoring.js';

/**
 * Live aggregation of many attendees' answers for one site, with the semantics of
 * templates/scoring.ts (docs/templates.md) applied to the group instead of one sheet:
 *
 *   point:      n̄ₚ = mean over the raters who scored p of normalize(p, s)   (0–100)
 *               N/A answers and unscored points are never in a mean; a point nobody scored is null.
 *               points_sum: ēₚ = mean points earned (n̄ₚ/100 × maxₚ), possibleₚ = maxₚ
 *   weighted_average:
 *               dimension% = Σ wₚ·n̄ₚ ÷ Σ wₚ          over points with at least one score
 *               total      = Σ W_d·dimension%_d ÷ Σ W_d  over dimensions with a dimension%
 *   points_sum: dimension% = Σ ēₚ ÷ Σ maxₚ × 100     over points with at least one score
 *               total      = Σ ē ÷ Σ max × 100          (实得分 ÷ 应得分 × 100)
 *
 * So a point everyone marked N/A leaves the denominator exactly as N/A does on one sheet. The
 * radar is dimension% per dimension. Raters: attendees with a score or N/A there. Figures are
 * rounded to 2 decimals at the end.
 */
export type AggregateAnswer = { registrationId: string; pointId: string; score: number | null; na: boolean };
export type AggregateNote = { pointId: string | null; dimensionId: string | null; kind: NoteKind };

const round2 = (n: number) => Math.round((n + Number.EPSILON) * 100) / 100;
const roundOrNull = (n: number | null) => (n === null ? null : round2(n));
const emptyCounts = (): KindCounts => ({ highlight: 0, problem: 0, suggestion: 0 });

function countKinds(notes: AggregateNote[]): KindCounts {
  const counts = emptyCounts();
  for (const n of notes) counts[n.kind]++;
  return counts;
}

export function aggregateSite(
  version: Pick<TemplateVersion, 'scoringMode' | 'dimensions'>,
  answers: AggregateAnswer[],
  notes: AggregateNote[],
): Pick<SiteAggregate, 'scoringMode' | 'total' | 'raters' | 'notes' | 'dimensions' | 'radar'> {
  const mode = version.scoringMode;
  const byPoint = new Map<string, AggregateAnswer[]>();
  for (const a of answers) {
    if (a.score === null && !a.na) continue; // answers only: not a rating
    const list = byPoint.get(a.pointId) ?? [];
    list.push(a);
    byPoint.set(a.pointId, list);
  }
  const raters = new Set<string>();
  const dimensions: DimensionAggregate[] = version.dimensions.map((d) => {
    const dimRaters = new Set<string>();
    let weighted = 0;
    let weights = 0;
    let earnedSum = 0;
    let possibleSum = 0;
    const points: PointAggregate[] = d.points.map((p) => {
      const list = byPoint.get(p.id) ?? [];
      for (const a of list) {
        dimRaters.add(a.registrationId);
        raters.add(a.registrationId);
      }
      const scored = p.scheme === 'unscored' ? [] : list.filter((a) => !a.na && a.score !== null);
      const histogram = new Map<number, number>();
      for (const a of scored) histogram.set(a.score as number, (histogram.get(a.score as number) ?? 0) + 1);
      const point = p as ScoringPoint;
      const percent = scored.length
        ? scored.reduce((sum, a) => sum + normalize(point, a.score as number), 0) / scored.length
        : null;
      const mean = scored.length
        ? scored.reduce((sum, a) => sum + (a.score as number), 0) / scored.length
        : null;
      let earned: number | null = null;
      let possible: number | null = null;
      if (percent !== null) {
        weighted += p.weight * percent;
        weights += p.weight;
        if (mode === 'points_sum') {
          possible = p.maxPoints ?? 0;
          earned = (percent / 100) * possible;
          earnedSum += earned;
          possibleSum += possible;
        }
      }
      return {
        pointId: p.id,
        title: p.title,
        percent: roundOrNull(percent),
        mean: roundOrNull(mean),
        earned: roundOrNull(earned),
        possible: roundOrNull(possible),
        raters: list.length,
        scored: scored.length,
        na: list.filter((a) => a.na).length,
        distribution: [...histogram.entries()]
          .sort((a, b) => a[0] - b[0])
          .map(([score, n]) => ({ score, count: n })),
        notes: countKinds(notes.filter((n) => n.pointId === p.id)),
      };
    });
    const percent =
      mode === 'points_sum'
        ? possibleSum > 0
          ? (earnedSum / possibleSum) * 100
          : null
        : weights > 0
          ? weighted / weights
          : null;
    return {
      dimensionId: d.id,
      name: d.name,
      weight: d.weight,
      percent,
      earned: mode === 'points_sum' && possibleSum > 0 ? earnedSum : null,
      possible: mode === 'points_sum' && possibleSum > 0 ? possibleSum : null,
      raters: dimRaters.size,
      notes: countKinds(notes.filter((n) => n.dimensionId === d.id)),
      points,
    };
  });

  let total: number | null = null;
  if (mode === 'points_sum') {
    const earned = dimensions.reduce((sum, d) => sum + (d.earned ?? 0), 0);
    const possible = dimensions.reduce((sum, d) => sum + (d.possible ?? 0), 0);
    total = possible > 0 ? (earned / possible) * 100 : null;
  } else {
    const rated = dimensions.filter((d) => d.percent !== null && d.weight > 0);
    const weight = rated.reduce((sum, d) => sum + d.weight, 0);
    if (weight > 0) total = rated.reduce((sum, d) => sum + d.weight * (d.percent ?? 0), 0) / weight;
  }
  const rounded = dimensions.map((d) => ({
    ...d,
    percent: roundOrNull(d.percent),
    earned: roundOrNull(d.earned),
    possible: roundOrNull(d.possible),
  }));
  return {
    scoringMode: mode,
    total: roundOrNull(total),
    raters: raters.size,
    notes: countKinds(notes),
    dimensions: rounded,
    radar: rounded.map((d) => ({ dimensionId: d.dimensionId, name: d.name, value: d.percent })),
  };
}

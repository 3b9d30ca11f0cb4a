/**
 * The screening formula (筛选), kept pure so it can be read and tested on its own.
 *
 *  - Per criterion c: mean_c = the mean of the 1–5 scores all scorers gave the site on c, and
 *    sd_c = their population standard deviation.
 *  - Weighted score = Σ_c (weight_c × mean_c) ÷ Σ_c weight_c, both sums over the criteria that
 *    have at least one score. A criterion nobody scored yet neither counts as 0 nor dilutes the
 *    result; a site nobody scored (or scored only on weight-0 criteria) has no score (null).
 *  - Each scorer's own total is the same formula over that scorer's scores alone.
 *  - Spread = highest minus lowest scorer total (0 with one scorer): a large spread means the
 *    scorers disagree and the ranking deserves a discussion.
 */
export type CriterionWeight = { id: string; weight: number };
export type ScoreEntry = { criterionId: string; scorerId: string; score: number };

export type CriterionStats = {
  criterionId: string;
  mean: number | null;
  stddev: number | null;
  count: number;
};
export type SiteScreening = {
  weightedScore: number | null;
  scorerCount: number;
  spread: number | null;
  scorerTotals: { scorerId: string; total: number }[];
  criteria: CriterionStats[];
};

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const populationStddev = (values: number[]) => {
  const m = mean(values);
  return Math.sqrt(mean(values.map((v) => (v - m) ** 2)));
};

/** Σ weight × value ÷ Σ weight over the criteria that have a value; null when that weight is 0. */
export function weightedAverage(
  criteria: CriterionWeight[],
  valueFor: (criterionId: string) => number | null,
) {
  let numerator = 0;
  let denominator = 0;
  for (const c of criteria) {
    const value = valueFor(c.id);
    if (value === null) continue;
    numerator += c.weight * value;
    denominator += c.weight;
  }
  return denominator > 0 ? numerator / denominator : null;
}

export function screenSite(criteria: CriterionWeight[], scores: ScoreEntry[]): SiteScreening {
  const known = new Set(criteria.map((c) => c.id));
  const relevant = scores.filter((s) => known.has(s.criterionId));
  const byCriterion = new Map<string, number[]>();
  for (const s of relevant)
    byCriterion.set(s.criterionId, [...(byCriterion.get(s.criterionId) ?? []), s.score]);

  const stats: CriterionStats[] = criteria.map((c) => {
    const values = byCriterion.get(c.id) ?? [];
    return {
      criterionId: c.id,
      mean: values.length ? mean(values) : null,
      stddev: values.length ? populationStddev(values) : null,
      count: values.length,
    };
  });
  const meanOf = new Map(stats.map((s) => [s.criterionId, s.mean]));
  const weightedScore = weightedAverage(criteria, (id) => meanOf.get(id) ?? null);

  const scorerIds = [...new Set(relevant.map((s) => s.scorerId))];
  const scorerTotals = scorerIds
    .map((scorerId) => {
      const own = new Map(
        relevant.filter((s) => s.scorerId === scorerId).map((s) => [s.criterionId, s.score]),
      );
      return { scorerId, total: weightedAverage(criteria, (id) => own.get(id) ?? null) };
    })
    .filter((t): t is { scorerId: string; total: number } => t.total !== null);
  const totals = scorerTotals.map((t) => t.total);
  const spread = totals.length ? Math.max(...totals) - Math.min(...totals) : null;

  return { weightedScore, scorerCount: scorerIds.length, spread, scorerTotals, criteria: stats };
}

/** Two decimals for display and JSON; the ranking uses the unrounded values. */
export const round2 = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);

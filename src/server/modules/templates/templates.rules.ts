import type { PointScheme, ScoringMode } from '../../../contract/templates.js';

/** What publishing checks (docs/templates.md, "Publishing"). Pure: a tree in, problems out. */
export type RulesTree = {
  scoringMode: ScoringMode;
  passMark: number | null | undefined;
  dimensions: {
    weight: number;
    maxPoints?: number | null;
    points: {
      scheme: PointScheme;
      weight: number;
      maxPoints?: number | null;
      step?: number | null;
    }[];
  }[];
};

export type RuleProblem = { path: string; key: string; params?: Record<string, string | number> };

const EPSILON = 1e-6;
const isMultiple = (value: number, step: number) =>
  Math.abs(value / step - Math.round(value / step)) < EPSILON;
const round2 = (n: number) => Math.round(n * 100) / 100;

function pointProblems(tree: RulesTree, d: number, p: number): RuleProblem[] {
  const point = tree.dimensions[d].points[p];
  const path = `dimensions.${d}.points.${p}`;
  const problems: RuleProblem[] = [];
  const key = (rule: string) => `errors.templates.rules.${rule}`;
  if (point.scheme === 'unscored') return problems;
  if (!(point.weight > 0)) problems.push({ path: `${path}.weight`, key: key('weight_positive') });
  if (point.scheme === 'points_0_n') {
    if (!point.maxPoints) problems.push({ path: `${path}.maxPoints`, key: key('max_points_required') });
    else if (point.step && !isMultiple(point.maxPoints, point.step)) {
      problems.push({ path: `${path}.step`, key: key('step_divides_max') });
    }
  }
  if (tree.scoringMode === 'points_sum') {
    if (point.scheme === 'stars_1_5')
      problems.push({ path: `${path}.scheme`, key: key('stars_in_points_sum') });
    if (point.scheme === 'yes_no_na' && !point.maxPoints) {
      problems.push({ path: `${path}.maxPoints`, key: key('max_points_required') });
    }
  }
  return problems;
}

/** Every reason the tree cannot be published; empty when it can. */
export function publishProblems(tree: RulesTree): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const key = (rule: string) => `errors.templates.rules.${rule}`;
  if (!tree.dimensions.length) problems.push({ path: 'dimensions', key: key('no_dimensions') });
  tree.dimensions.forEach((dimension, d) => {
    const path = `dimensions.${d}`;
    if (!dimension.points.length) problems.push({ path: `${path}.points`, key: key('no_points') });
    if (tree.scoringMode === 'weighted_average' && !(dimension.weight > 0)) {
      problems.push({ path: `${path}.weight`, key: key('weight_positive') });
    }
    dimension.points.forEach((_, p) => {
      problems.push(...pointProblems(tree, d, p));
    });
    if (tree.scoringMode === 'points_sum' && dimension.maxPoints) {
      const sum = dimension.points
        .filter((p) => p.scheme !== 'unscored')
        .reduce((total, p) => total + (p.maxPoints ?? 0), 0);
      if (Math.abs(sum - dimension.maxPoints) > EPSILON) {
        problems.push({
          path: `${path}.maxPoints`,
          key: key('section_sum_mismatch'),
          params: { expected: round2(dimension.maxPoints), actual: round2(sum) },
        });
      }
    }
  });
  const scored = tree.dimensions.some((d) => d.points.some((p) => p.scheme !== 'unscored'));
  if (tree.dimensions.length && !scored) problems.push({ path: 'dimensions', key: key('nothing_scored') });
  return problems;
}

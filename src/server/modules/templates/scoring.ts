import type { PointScheme, ScoringMode } from '../../../contract/templates.js';
import { AppError } from '../../core/errors.js';

/**
 * Scoring of one answer sheet against a template version (formulas in docs/templates.md).
 * Pure functions: no database, no clock. Every figure is rounded to 2 decimals at the end.
 */
export type ScoringPoint = {
  id: string;
  scheme: PointScheme;
  maxPoints: number | null;
  step: number | null;
  weight: number;
  allowNa: boolean;
};
export type ScoringDimension = { id: string; weight: number; points: ScoringPoint[] };
export type ScoringVersion = {
  scoringMode: ScoringMode;
  passMark: number | null;
  dimensions: ScoringDimension[];
};

/** One answer: a score (stars 1–5, points 0–max, yes 1 / no 0) or N/A. Missing = unanswered. */
export type PointAnswer = { pointId: string; score: number | null; na?: boolean };

export type PointStatus = 'scored' | 'na' | 'unanswered' | 'unscored';

export type PointResult = {
  pointId: string;
  status: PointStatus;
  /** The answer as given (stars, points, 1/0). */
  score: number | null;
  /** The answer on 0–100. */
  normalized: number | null;
  /** points_sum: points earned and the points the point was worth. */
  earned: number | null;
  possible: number | null;
};

export type DimensionResult = {
  dimensionId: string;
  /** 0–100; null when nothing in the dimension was scored. */
  percent: number | null;
  earned: number | null;
  possible: number | null;
  scored: number;
  na: number;
  unanswered: number;
};

export type ScoreSheet = {
  scoringMode: ScoringMode;
  /** 0–100; null when nothing was scored. */
  total: number | null;
  earned: number | null;
  possible: number | null;
  passMark: number | null;
  /** Decided only on a complete sheet with a pass mark; otherwise null. */
  passed: boolean | null;
  /** Every scored point answered (a score or N/A). */
  complete: boolean;
  dimensions: DimensionResult[];
  points: PointResult[];
};

const EPSILON = 1e-9;
const round2 = (n: number) => Math.round((n + Number.EPSILON) * 100) / 100;
const roundOrNull = (n: number | null) => (n === null ? null : round2(n));

const isMultiple = (value: number, step: number) => {
  const ratio = value / step;
  return Math.abs(ratio - Math.round(ratio)) < 1e-6;
};

/** The i18n key (under errors.) of what is wrong with an answer, or null when it fits the point. */
export function answerProblem(point: ScoringPoint, answer: PointAnswer): string | null {
  if (answer.na) {
    if (point.scheme === 'unscored') return 'templates.answer.unscored';
    return point.allowNa ? null : 'templates.answer.na_not_allowed';
  }
  if (answer.score === null) return null;
  const s = answer.score;
  if (!Number.isFinite(s)) return 'templates.answer.out_of_range';
  switch (point.scheme) {
    case 'unscored':
      return 'templates.answer.unscored';
    case 'stars_1_5':
      return Number.isInteger(s) && s >= 1 && s <= 5 ? null : 'templates.answer.out_of_range';
    case 'yes_no_na':
      return s === 0 || s === 1 ? null : 'templates.answer.out_of_range';
    case 'points_0_n': {
      const max = point.maxPoints ?? 0;
      if (s < 0 || s > max + EPSILON) return 'templates.answer.out_of_range';
      if (point.step && !isMultiple(s, point.step)) return 'templates.answer.off_step';
      return null;
    }
  }
}

/** A scored answer on 0–100: stars (s−1)/4, points s/max, yes 100 / no 0. */
export function normalize(point: ScoringPoint, score: number): number {
  switch (point.scheme) {
    case 'stars_1_5':
      return ((score - 1) / 4) * 100;
    case 'points_0_n':
      return point.maxPoints ? (score / point.maxPoints) * 100 : 0;
    case 'yes_no_na':
      return score >= 1 ? 100 : 0;
    case 'unscored':
      return 0;
  }
}

/** Points earned and possible in a points_sum table (yes earns maxPoints, no earns 0). */
function pointsOf(point: ScoringPoint, score: number): { earned: number; possible: number } {
  const possible = point.maxPoints ?? 0;
  if (point.scheme === 'points_0_n') return { earned: score, possible };
  if (point.scheme === 'yes_no_na') return { earned: score >= 1 ? possible : 0, possible };
  // stars in a points table: the stars' share of the point's value (publishing forbids it).
  return { earned: (normalize(point, score) / 100) * possible, possible };
}

function indexAnswers(version: ScoringVersion, answers: PointAnswer[]) {
  const points = new Map<string, ScoringPoint>();
  for (const d of version.dimensions) for (const p of d.points) points.set(p.id, p);
  const byPoint = new Map<string, PointAnswer>();
  const problems: { path: string; key: string }[] = [];
  answers.forEach((answer, i) => {
    const point = points.get(answer.pointId);
    const problem = !point
      ? 'templates.answer.unknown_point'
      : byPoint.has(answer.pointId)
        ? 'templates.answer.duplicate'
        : answerProblem(point, answer);
    if (problem) problems.push({ path: `answers.${i}`, key: `errors.${problem}` });
    else byPoint.set(answer.pointId, answer);
  });
  if (problems.length) throw new AppError('templates.invalid_answers', 400, {}, problems);
  return byPoint;
}

function scorePoint(point: ScoringPoint, answer: PointAnswer | undefined, mode: ScoringMode): PointResult {
  const base = { pointId: point.id, score: null, normalized: null, earned: null, possible: null };
  if (point.scheme === 'unscored') return { ...base, status: 'unscored' };
  if (answer?.na) return { ...base, status: 'na' };
  if (!answer || answer.score === null) return { ...base, status: 'unanswered' };
  const normalized = normalize(point, answer.score);
  const points = mode === 'points_sum' ? pointsOf(point, answer.score) : null;
  return {
    pointId: point.id,
    status: 'scored',
    score: answer.score,
    normalized,
    earned: points?.earned ?? null,
    possible: points?.possible ?? null,
  };
}

function scoreDimension(dimension: ScoringDimension, results: PointResult[], mode: ScoringMode) {
  const count = (s: PointStatus) => results.filter((r) => r.status === s).length;
  const scored = results.filter((r) => r.status === 'scored');
  let percent: number | null = null;
  let earned: number | null = null;
  let possible: number | null = null;
  if (mode === 'points_sum') {
    earned = scored.reduce((sum, r) => sum + (r.earned ?? 0), 0);
    possible = scored.reduce((sum, r) => sum + (r.possible ?? 0), 0);
    percent = possible > 0 ? (earned / possible) * 100 : null;
  } else {
    const weights = new Map(dimension.points.map((p) => [p.id, p.weight]));
    const totalWeight = scored.reduce((sum, r) => sum + (weights.get(r.pointId) ?? 0), 0);
    if (totalWeight > 0) {
      percent =
        scored.reduce((sum, r) => sum + (weights.get(r.pointId) ?? 0) * (r.normalized ?? 0), 0) / totalWeight;
    }
  }
  return {
    dimensionId: dimension.id,
    percent,
    earned,
    possible,
    scored: scored.length,
    na: count('na'),
    unanswered: count('unanswered'),
  };
}

/**
 * Point, dimension and total scores of one sheet. N/A and unanswered points leave the
 * denominator; unscored points never count. Throws AppError `templates.invalid_answers` (400,
 * listing each bad answer) for an answer that does not fit its point.
 */
export function computeScores(version: ScoringVersion, answers: PointAnswer[]): ScoreSheet {
  const mode = version.scoringMode;
  const byPoint = indexAnswers(version, answers);
  const points: PointResult[] = [];
  const dimensions: DimensionResult[] = [];
  for (const dimension of version.dimensions) {
    const results = dimension.points.map((p) => scorePoint(p, byPoint.get(p.id), mode));
    points.push(...results);
    dimensions.push(scoreDimension(dimension, results, mode));
  }

  let total: number | null = null;
  let earned: number | null = null;
  let possible: number | null = null;
  if (mode === 'points_sum') {
    earned = dimensions.reduce((sum, d) => sum + (d.earned ?? 0), 0);
    possible = dimensions.reduce((sum, d) => sum + (d.possible ?? 0), 0);
    total = possible > 0 ? (earned / possible) * 100 : null;
  } else {
    const rated = version.dimensions
      .map((d, i) => ({ weight: d.weight, percent: dimensions[i].percent }))
      .filter((d) => d.percent !== null && d.weight > 0);
    const totalWeight = rated.reduce((sum, d) => sum + d.weight, 0);
    if (totalWeight > 0) total = rated.reduce((sum, d) => sum + d.weight * (d.percent ?? 0), 0) / totalWeight;
  }

  const complete = points.every((p) => p.status !== 'unanswered');
  const passed =
    version.passMark !== null && complete && total !== null ? round2(total) >= version.passMark : null;
  return {
    scoringMode: mode,
    total: roundOrNull(total),
    earned: roundOrNull(earned),
    possible: roundOrNull(possible),
    passMark: version.passMark,
    passed,
    complete,
    dimensions: dimensions.map((d) => ({
      ...d,
      percent: roundOrNull(d.percent),
      earned: roundOrNull(d.earned),
      possible: roundOrNull(d.possible),
    })),
    points: points.map((p) => ({
      ...p,
      normalized: roundOrNull(p.normalized),
      earned: roundOrNull(p.earned),
      possible: roundOrNull(p.possible),
    })),
  };
}

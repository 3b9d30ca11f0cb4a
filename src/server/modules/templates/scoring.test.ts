import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.js';
import { computeScores, type ScoringPoint, type ScoringVersion } from './scoring.js';

const point = (id: string, overrides: Partial<ScoringPoint> = {}): ScoringPoint => ({
  id,
  scheme: 'stars_1_5',
  maxPoints: null,
  step: null,
  weight: 1,
  allowNa: true,
  ...overrides,
});

/** Two dimensions of stars: A (a1, a2) and B (b1). */
const stars: ScoringVersion = {
  scoringMode: 'weighted_average',
  passMark: null,
  dimensions: [
    { id: 'A', weight: 1, points: [point('a1'), point('a2')] },
    { id: 'B', weight: 1, points: [point('b1')] },
  ],
};

/** A points table: section S1 (2 + 1 points, step 0.5), section S2 (yes/no worth 2). */
const pointsTable: ScoringVersion = {
  scoringMode: 'points_sum',
  passMark: 90,
  dimensions: [
    {
      id: 'S1',
      weight: 1,
      points: [
        point('p1', { scheme: 'points_0_n', maxPoints: 2, step: 0.5 }),
        point('p2', { scheme: 'points_0_n', maxPoints: 1, step: 0.5, allowNa: false }),
      ],
    },
    { id: 'S2', weight: 1, points: [point('y1', { scheme: 'yes_no_na', maxPoints: 2 })] },
  ],
};

const bad = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
  }
  throw new Error('expected an AppError');
};

describe('computeScores — refusals', () => {
  it('refuses an answer for a point the version does not have', () => {
    const error = bad(() => computeScores(stars, [{ pointId: 'zz', score: 3 }]));
    expect(error.code).toBe('templates.invalid_answers');
    expect(error.fieldErrors).toEqual([{ path: 'answers.0', key: 'errors.templates.answer.unknown_point' }]);
  });

  it('refuses stars outside 1–5 and fractional stars', () => {
    for (const score of [0, 6, 2.5]) {
      expect(bad(() => computeScores(stars, [{ pointId: 'a1', score }])).fieldErrors?.[0].key).toBe(
        'errors.templates.answer.out_of_range',
      );
    }
  });

  it('refuses points off the step and above the maximum', () => {
    expect(bad(() => computeScores(pointsTable, [{ pointId: 'p1', score: 1.25 }])).fieldErrors?.[0].key).toBe(
      'errors.templates.answer.off_step',
    );
    expect(bad(() => computeScores(pointsTable, [{ pointId: 'p1', score: 2.5 }])).fieldErrors?.[0].key).toBe(
      'errors.templates.answer.out_of_range',
    );
  });

  it('refuses N/A where the point does not allow it', () => {
    const error = bad(() => computeScores(pointsTable, [{ pointId: 'p2', score: null, na: true }]));
    expect(error.fieldErrors?.[0].key).toBe('errors.templates.answer.na_not_allowed');
  });

  it('refuses two answers for one point and lists every bad answer', () => {
    const error = bad(() =>
      computeScores(stars, [
        { pointId: 'a1', score: 3 },
        { pointId: 'a1', score: 4 },
        { pointId: 'b1', score: 9 },
      ]),
    );
    expect(error.fieldErrors?.map((f) => f.path)).toEqual(['answers.1', 'answers.2']);
  });
});

describe('computeScores — weighted_average', () => {
  it('maps stars 1–5 onto 0–100 linearly', () => {
    const sheet = computeScores(stars, [
      { pointId: 'a1', score: 1 },
      { pointId: 'a2', score: 5 },
      { pointId: 'b1', score: 4 },
    ]);
    expect(sheet.points.map((p) => p.normalized)).toEqual([0, 100, 75]);
    expect(sheet.dimensions.map((d) => d.percent)).toEqual([50, 75]);
    expect(sheet.total).toBe(62.5);
    expect(sheet.complete).toBe(true);
  });

  it('leaves an N/A point out of the denominator', () => {
    const sheet = computeScores(stars, [
      { pointId: 'a1', score: 5 },
      { pointId: 'a2', score: null, na: true },
      { pointId: 'b1', score: 5 },
    ]);
    expect(sheet.dimensions[0]).toMatchObject({ percent: 100, scored: 1, na: 1 });
    expect(sheet.total).toBe(100);
  });

  it('leaves a dimension with nothing scored out of the total', () => {
    const sheet = computeScores(stars, [
      { pointId: 'a1', score: 3 },
      { pointId: 'b1', score: null, na: true },
    ]);
    expect(sheet.dimensions[1].percent).toBeNull();
    expect(sheet.total).toBe(50);
    expect(sheet.complete).toBe(false); // a2 unanswered
  });

  it('weighs points inside a dimension and dimensions in the total', () => {
    const weighted: ScoringVersion = {
      scoringMode: 'weighted_average',
      passMark: 60,
      dimensions: [
        { id: 'A', weight: 3, points: [point('a1', { weight: 3 }), point('a2', { weight: 1 })] },
        { id: 'B', weight: 1, points: [point('b1', { scheme: 'yes_no_na' })] },
      ],
    };
    const sheet = computeScores(weighted, [
      { pointId: 'a1', score: 5 },
      { pointId: 'a2', score: 1 },
      { pointId: 'b1', score: 0 },
    ]);
    expect(sheet.dimensions.map((d) => d.percent)).toEqual([75, 0]);
    expect(sheet.total).toBe(56.25);
    expect(sheet.passed).toBe(false);
  });

  it('answers null totals when nothing is answered, and never decides a pass', () => {
    const sheet = computeScores({ ...stars, passMark: 50 }, []);
    expect(sheet.total).toBeNull();
    expect(sheet.passed).toBeNull();
    expect(sheet.points.every((p) => p.status === 'unanswered')).toBe(true);
  });

  it('never counts unscored points', () => {
    const withNote: ScoringVersion = {
      ...stars,
      dimensions: [{ id: 'A', weight: 1, points: [point('a1'), point('n1', { scheme: 'unscored' })] }],
    };
    const sheet = computeScores(withNote, [{ pointId: 'a1', score: 5 }]);
    expect(sheet.points[1].status).toBe('unscored');
    expect(sheet.total).toBe(100);
    expect(sheet.complete).toBe(true);
  });
});

describe('computeScores — points_sum', () => {
  it('adds points, yes earning the full value and no earning nothing', () => {
    const sheet = computeScores(pointsTable, [
      { pointId: 'p1', score: 1.5 },
      { pointId: 'p2', score: 1 },
      { pointId: 'y1', score: 1 },
    ]);
    expect(sheet.dimensions.map((d) => [d.earned, d.possible])).toEqual([
      [2.5, 3],
      [2, 2],
    ]);
    expect([sheet.earned, sheet.possible, sheet.total]).toEqual([4.5, 5, 90]);
    expect(sheet.passed).toBe(true);
  });

  it('fails a sheet below the pass mark', () => {
    const sheet = computeScores(pointsTable, [
      { pointId: 'p1', score: 2 },
      { pointId: 'p2', score: 1 },
      { pointId: 'y1', score: 0 },
    ]);
    expect(sheet.total).toBe(60);
    expect(sheet.passed).toBe(false);
  });

  it('scales the total by the points that apply (实得分 ÷ 应得分 × 100) when an item is N/A', () => {
    const sheet = computeScores(pointsTable, [
      { pointId: 'p1', score: 2 },
      { pointId: 'p2', score: 0.5 },
      { pointId: 'y1', score: null, na: true },
    ]);
    expect([sheet.earned, sheet.possible]).toEqual([2.5, 3]);
    expect(sheet.total).toBe(83.33);
    expect(sheet.dimensions[1]).toMatchObject({ percent: null, na: 1 });
  });

  it('decides the pass mark only on a complete sheet', () => {
    const sheet = computeScores(pointsTable, [
      { pointId: 'p1', score: 2 },
      { pointId: 'p2', score: 1 },
    ]);
    expect(sheet.total).toBe(100);
    expect(sheet.complete).toBe(false);
    expect(sheet.passed).toBeNull();
  });
});

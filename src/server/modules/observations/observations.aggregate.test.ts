import { describe, expect, it } from 'vitest';
import type { TemplateVersion } from '../../../contract/templates.js';
import { type AggregateAnswer, aggregateSite } from './observations.aggregate.js';

const D1 = '00000000-0000-4000-8000-000000000d01';
const D2 = '00000000-0000-4000-8000-000000000d02';
const P = (n: number) => `00000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`;

const point = (
  id: string,
  overrides: Partial<TemplateVersion['dimensions'][number]['points'][number]> = {},
) => ({
  id,
  title: id,
  hint: null,
  scheme: 'stars_1_5' as const,
  maxPoints: null,
  step: null,
  weight: 1,
  deductionRule: null,
  checkMethod: 'on_site' as const,
  allowNa: true,
  questions: [],
  ...overrides,
});
const dimension = (id: string, points: ReturnType<typeof point>[], weight = 1) => ({
  id,
  name: id,
  description: null,
  weight,
  maxPoints: null,
  questions: [],
  points,
});
const answer = (
  registrationId: string,
  pointId: string,
  score: number | null,
  na = false,
): AggregateAnswer => ({
  registrationId,
  pointId,
  score,
  na,
});

describe('aggregateSite (weighted_average)', () => {
  const version = {
    scoringMode: 'weighted_average' as const,
    dimensions: [dimension(D1, [point(P(1)), point(P(2), { weight: 3 })]), dimension(D2, [point(P(3))], 2)],
  };

  it('averages each point over its raters and weights the points', () => {
    // P1: 5★ and 3★ → 100 and 50 → 75; P2 (weight 3): 1★ → 0. D1 = (75·1 + 0·3) ÷ 4 = 18.75.
    const result = aggregateSite(
      version,
      [answer('a', P(1), 5), answer('b', P(1), 3), answer('a', P(2), 1)],
      [],
    );
    expect(result.dimensions[0].points[0].percent).toBe(75);
    expect(result.dimensions[0].points[0].mean).toBe(4);
    expect(result.dimensions[0].percent).toBe(18.75);
  });

  it('leaves N/A out of the denominator: a point everyone marked N/A does not count', () => {
    const result = aggregateSite(version, [answer('a', P(1), 5), answer('a', P(2), null, true)], []);
    expect(result.dimensions[0].percent).toBe(100);
    expect(result.dimensions[0].points[1]).toMatchObject({ percent: null, na: 1, raters: 1, scored: 0 });
  });

  it('weights dimensions in the total and skips dimensions without a score', () => {
    // D1 100 (weight 1), D2 50 (weight 2) → (100 + 100) ÷ 3 = 66.67
    const both = aggregateSite(version, [answer('a', P(1), 5), answer('b', P(3), 3)], []);
    expect(both.total).toBe(66.67);
    const one = aggregateSite(version, [answer('a', P(1), 5)], []);
    expect(one.total).toBe(100);
    expect(one.radar.map((r) => r.value)).toEqual([100, null]);
  });

  it('counts raters once per attendee and builds the distribution', () => {
    const result = aggregateSite(
      version,
      [answer('a', P(1), 4), answer('b', P(1), 4), answer('c', P(1), 2), answer('a', P(2), 5)],
      [],
    );
    expect(result.raters).toBe(3);
    expect(result.dimensions[0].raters).toBe(3);
    expect(result.dimensions[0].points[0].distribution).toEqual([
      { score: 2, count: 1 },
      { score: 4, count: 2 },
    ]);
  });

  it('does not count answers-only rows (no score, not N/A) as ratings', () => {
    const result = aggregateSite(version, [answer('a', P(1), null)], []);
    expect(result.raters).toBe(0);
    expect(result.total).toBeNull();
  });

  it('counts notes per kind, per dimension and per point', () => {
    const result = aggregateSite(
      version,
      [],
      [
        { pointId: P(1), dimensionId: D1, kind: 'highlight' },
        { pointId: P(1), dimensionId: D1, kind: 'problem' },
        { pointId: null, dimensionId: null, kind: 'suggestion' },
      ],
    );
    expect(result.notes).toEqual({ highlight: 1, problem: 1, suggestion: 1 });
    expect(result.dimensions[0].notes).toEqual({ highlight: 1, problem: 1, suggestion: 0 });
    expect(result.dimensions[0].points[0].notes.problem).toBe(1);
  });
});

describe('aggregateSite (points_sum, a deduction-style table)', () => {
  const version = {
    scoringMode: 'points_sum' as const,
    dimensions: [
      dimension(D1, [
        point(P(1), { scheme: 'points_0_n', maxPoints: 2, step: 0.5 }),
        point(P(2), { scheme: 'points_0_n', maxPoints: 1, step: 0.5 }),
        point(P(3), { scheme: 'yes_no_na', maxPoints: 2 }),
      ]),
    ],
  };

  it('matches the single-sheet example of docs/templates.md: 2, 0.5, N/A → 2.5 ÷ 3 = 83.33', () => {
    const result = aggregateSite(
      version,
      [answer('a', P(1), 2), answer('a', P(2), 0.5), answer('a', P(3), null, true)],
      [],
    );
    expect(result.dimensions[0]).toMatchObject({ earned: 2.5, possible: 3, percent: 83.33 });
    expect(result.total).toBe(83.33);
  });

  it('averages the points earned over raters (deductions of 0.5 and 1 from 2 → 1.25 of 2)', () => {
    const result = aggregateSite(
      version,
      [answer('a', P(1), 1.5), answer('b', P(1), 1), answer('a', P(3), 1), answer('b', P(3), 0)],
      [],
    );
    const [p1, , p3] = result.dimensions[0].points;
    expect(p1).toMatchObject({ earned: 1.25, possible: 2, percent: 62.5 });
    expect(p3).toMatchObject({ earned: 1, possible: 2, percent: 50 });
    // (1.25 + 1) ÷ (2 + 2) = 56.25
    expect(result.total).toBe(56.25);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planGroups } from './grouping.js';

const people = (spec: [string, number][]) =>
  spec.flatMap(([unit, n]) =>
    Array.from({ length: n }, (_, i) => ({ id: `${unit}-${i}`, unit, focus: null })),
  );

describe('planGroups', () => {
  it('places everyone exactly once, in groups whose sizes differ by at most one', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('A', 'B', 'C', 'D', 'E'), fc.constantFrom('f1', 'f2', null)), {
          maxLength: 80,
        }),
        fc.integer({ min: 1, max: 12 }),
        fc.boolean(),
        (spec, k, spread) => {
          const input = spec.map(([unit, focus], i) => ({ id: String(i), unit, focus }));
          const plan = planGroups(input, k, { spreadUnits: spread, balanceFocus: true });
          const flat = plan.flat();
          expect(flat.sort()).toEqual(input.map((p) => p.id).sort());
          const sizes = plan.map((g) => g.length);
          if (input.length) expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('spreads colleagues of one unit over the groups', () => {
    const plan = planGroups(
      people([
        ['A', 3],
        ['B', 3],
        ['C', 3],
      ]),
      3,
      { spreadUnits: true, balanceFocus: false },
    );
    for (const group of plan) expect(new Set(group.map((id) => id[0])).size).toBe(3);
  });

  it('keeps colleagues together when asked', () => {
    const plan = planGroups(
      people([
        ['A', 2],
        ['B', 2],
        ['C', 2],
      ]),
      3,
      { spreadUnits: false, balanceFocus: false },
    );
    for (const group of plan) expect(new Set(group.map((id) => id[0])).size).toBe(1);
  });

  it('balances focus interests when units allow', () => {
    const input = [
      { id: '1', unit: 'A', focus: 'smart' },
      { id: '2', unit: 'B', focus: 'smart' },
      { id: '3', unit: 'C', focus: 'safety' },
      { id: '4', unit: 'D', focus: 'safety' },
    ];
    const plan = planGroups(input, 2, { spreadUnits: true, balanceFocus: true });
    for (const group of plan) {
      const focuses = group.map((id) => input.find((p) => p.id === id)!.focus);
      expect(new Set(focuses).size).toBe(2);
    }
  });
});

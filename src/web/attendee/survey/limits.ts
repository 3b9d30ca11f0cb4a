/**
 * The contract's scale ranges and text limits, copied so the phone bundle does not load the
 * contract module (and zod with it); limits.test.ts keeps the copies equal.
 */
export const SCALE_RANGE = {
  stars: { min: 1, max: 5 },
  scale5: { min: 1, max: 5 },
  scale10: { min: 1, max: 10 },
} as const;
export const NPS_RANGE = { min: 0, max: 10 } as const;
export const TEXT_LIMITS = { shortText: 200, longText: 5000 } as const;

import { z } from 'zod';
import { optionalText, text } from './common.js';

/**
 * How a quantity is worked out: a fixed number per event, a number per attendee, or a number per
 * attendee plus a spare percentage (rounded up).
 */
export const QUANTITY_RULES = ['per_event', 'per_attendee', 'per_attendee_spare'] as const;
export type QuantityRule = (typeof QUANTITY_RULES)[number];

export const materialInputSchema = z.object({
  name: text(100),
  rule: z.enum(QUANTITY_RULES),
  /** Per event: the quantity; per attendee: how many each attendee gets. */
  baseQuantity: z.number().int().min(0).max(100000),
  sparePercent: z.number().int().min(0).max(200).default(0),
  optional: z.boolean().default(false),
  ready: z.boolean().default(false),
  notes: optionalText(500),
});
export type MaterialInput = z.infer<typeof materialInputSchema>;

export const materialSchema = z.object({
  id: z.uuid(),
  position: z.number().int(),
  name: z.string(),
  rule: z.enum(QUANTITY_RULES),
  baseQuantity: z.number().int(),
  sparePercent: z.number().int(),
  optional: z.boolean(),
  ready: z.boolean(),
  notes: z.string().nullable(),
  /** Worked out from the rule and the expected attendance. */
  quantity: z.number().int(),
});
export type Material = z.infer<typeof materialSchema>;

export const materialsSchema = z.object({
  eventId: z.uuid(),
  expectedAttendance: z.number().int(),
  items: z.array(materialSchema),
});
export type Materials = z.infer<typeof materialsSchema>;

export const materialParamsSchema = z.object({ id: z.uuid(), materialId: z.uuid() });
export const materialReadySchema = z.object({ ready: z.boolean() });

/** The quantity a rule yields for an attendance. */
export function materialQuantity(
  m: { rule: QuantityRule; baseQuantity: number; sparePercent: number },
  attendance: number,
): number {
  if (m.rule === 'per_event') return m.baseQuantity;
  if (m.rule === 'per_attendee') return m.baseQuantity * attendance;
  // Integer arithmetic avoids 1.1 × 100 = 110.00000000000001 rounding up to 111.
  return Math.ceil((m.baseQuantity * attendance * (100 + m.sparePercent)) / 100);
}

import { z } from 'zod';
import { emailSchema, LIMITS, mobileSchema, optionalText, pageQuerySchema, text } from './common.js';
import { MEMBER_LEVELS, PROJECT_TYPES, UNIT_TYPES } from './enums.js';
import { isValidUscc } from './uscc.js';

export const usccSchema = z.string().trim().toUpperCase().refine(isValidUscc, { message: 'validation.uscc' });

export const contactInputSchema = z.object({
  name: text(50),
  position: optionalText(50),
  mobile: mobileSchema.nullable().optional(),
  email: emailSchema.nullable().optional(),
  isPrimary: z.boolean().default(false),
});
export type ContactInput = z.infer<typeof contactInputSchema>;

export const memberUnitInputSchema = z.object({
  name: text(100),
  uscc: usccSchema,
  unitType: z.enum(UNIT_TYPES),
  level: z.enum(MEMBER_LEVELS),
  projectTypes: z.array(z.enum(PROJECT_TYPES)).max(PROJECT_TYPES.length).default([]),
  address: optionalText(200),
  projectCount: z.number().int().min(0).max(100000).nullable().optional(),
  staffCount: z.number().int().min(0).max(1000000).nullable().optional(),
  note: optionalText(LIMITS.mediumText),
  contacts: z.array(contactInputSchema).max(20).default([]),
});
export type MemberUnitInput = z.infer<typeof memberUnitInputSchema>;

export const contactSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  position: z.string().nullable(),
  /** Masked (138****1234) for everyone but admins and staff. */
  mobile: z.string().nullable(),
  email: z.string().nullable(),
  isPrimary: z.boolean(),
});

export const memberUnitSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  uscc: z.string(),
  unitType: z.enum(UNIT_TYPES),
  level: z.enum(MEMBER_LEVELS),
  projectTypes: z.array(z.enum(PROJECT_TYPES)),
  address: z.string().nullable(),
  projectCount: z.number().int().nullable(),
  staffCount: z.number().int().nullable(),
  note: z.string().nullable(),
  archived: z.boolean(),
  contacts: z.array(contactSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type MemberUnit = z.infer<typeof memberUnitSchema>;

export const memberUnitQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  unitType: z.enum(UNIT_TYPES).optional(),
  level: z.enum(MEMBER_LEVELS).optional(),
  projectType: z.enum(PROJECT_TYPES).optional(),
  archived: z.enum(['true', 'false', 'all']).default('false'),
});
export type MemberUnitQuery = z.infer<typeof memberUnitQuerySchema>;

/** One spreadsheet row as the import preview reports it. */
export const importRowSchema = z.object({
  row: z.number().int(),
  /** The normalised unit when the row is valid. */
  unit: memberUnitInputSchema.nullable(),
  action: z.enum(['create', 'update', 'error']),
  errors: z.array(z.object({ column: z.string(), message: z.string() })),
  raw: z.record(z.string(), z.string()),
});
export type ImportRow = z.infer<typeof importRowSchema>;

export const importPreviewSchema = z.object({
  rows: z.array(importRowSchema),
  valid: z.number().int(),
  invalid: z.number().int(),
});

export const importCommitSchema = z.object({ units: z.array(memberUnitInputSchema).min(1).max(5000) });
export const importResultSchema = z.object({ created: z.number().int(), updated: z.number().int() });

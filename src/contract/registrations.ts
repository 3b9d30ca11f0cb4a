import { z } from 'zod';
import { emailSchema, LIMITS, mobileSchema, optionalText, pageQuerySchema, text } from './common.js';

export const REGISTRATION_STATUSES = ['pending', 'confirmed', 'waitlisted', 'cancelled'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** Bump when the consent text (attendee.consent.* in the locale files) changes. */
export const CONSENT_VERSION = '2026-11-v1';

export const FIELD_TYPES = ['text', 'number', 'single_choice', 'multiple_choice', 'date', 'yes_no'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const fieldInputSchema = z
  .object({
    label: text(100),
    type: z.enum(FIELD_TYPES),
    required: z.boolean().default(false),
    options: z.array(text(100)).max(30).default([]),
    /** Shown only when another field's answer equals (or, for multiple choice, contains) this value. */
    showIf: z
      .object({ fieldId: z.uuid(), equals: z.string().max(100) })
      .nullable()
      .default(null),
  })
  .refine((f) => !(f.type === 'single_choice' || f.type === 'multiple_choice') || f.options.length >= 2, {
    message: 'validation.field_options',
    path: ['options'],
  });
export type FieldInput = z.infer<typeof fieldInputSchema>;

export const fieldSchema = z.object({
  id: z.uuid(),
  label: z.string(),
  type: z.enum(FIELD_TYPES),
  required: z.boolean(),
  options: z.array(z.string()),
  showIf: z.object({ fieldId: z.uuid(), equals: z.string() }).nullable(),
  position: z.number().int(),
});
export type Field = z.infer<typeof fieldSchema>;

export const settingsSchema = z.object({
  /** At most this many active registrations per member unit; null = no limit. */
  unitQuota: z.number().int().min(1).max(1000).nullable(),
  requiresApproval: z.boolean(),
  allowNonMembers: z.boolean(),
  /** Personal data of the event is erased this many days after the event date. */
  retentionDays: z.number().int().min(1).max(3650),
});
export type RegistrationSettings = z.infer<typeof settingsSchema>;

export const answerValueSchema = z.union([
  z.string().max(LIMITS.mediumText),
  z.number(),
  z.boolean(),
  z.array(z.string().max(100)).max(30),
]);
export const answersSchema = z.record(z.uuid(), answerValueSchema).default({});

const personFields = {
  name: text(50),
  position: text(50),
  mobile: mobileSchema,
  email: emailSchema.nullable().optional(),
  focusDimensionIds: z.array(z.uuid()).max(20).default([]),
  questions: optionalText(1000),
  answers: answersSchema,
};

export const registerInputSchema = z
  .object({
    ...personFields,
    memberUnitId: z.uuid().nullable().optional(),
    /** Free-text unit name, for events open to non-members. */
    unitName: optionalText(100),
    eventSiteId: z.uuid().nullable().optional(),
    consent: z.literal(true, { message: 'validation.consent_required' }),
    consentVersion: z.string().max(50),
  })
  .refine((v) => !!v.memberUnitId || !!v.unitName, {
    message: 'validation.unit_required',
    path: ['memberUnitId'],
  });
export type RegisterInput = z.infer<typeof registerInputSchema>;

/** What the registrant may change through the pass until the deadline. */
export const passUpdateSchema = z.object({
  position: text(50).optional(),
  email: emailSchema.nullable().optional(),
  focusDimensionIds: z.array(z.uuid()).max(20).optional(),
  questions: optionalText(1000),
  answers: answersSchema.optional(),
  eventSiteId: z.uuid().optional(),
});
export type PassUpdate = z.infer<typeof passUpdateSchema>;

export const staffUpdateSchema = passUpdateSchema.extend({
  name: text(50).optional(),
  mobile: mobileSchema.optional(),
  memberUnitId: z.uuid().nullable().optional(),
  unitName: optionalText(100),
});

export const substituteSchema = z.object({
  name: text(50),
  position: text(50),
  mobile: mobileSchema,
  email: emailSchema.nullable().optional(),
});

export const registrationSchema = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  eventSiteId: z.uuid(),
  siteName: z.string(),
  status: z.enum(REGISTRATION_STATUSES),
  waitlistPosition: z.number().int().nullable(),
  name: z.string(),
  memberUnitId: z.uuid().nullable(),
  unitName: z.string(),
  position: z.string().nullable(),
  /** Masked (138****1234) for everyone but admins and staff. */
  mobile: z.string().nullable(),
  email: z.string().nullable(),
  focusDimensionIds: z.array(z.uuid()),
  questions: z.string().nullable(),
  answers: z.record(z.string(), z.unknown()),
  consentVersion: z.string().nullable(),
  consentedAt: z.string().nullable(),
  checkedInAt: z.string().nullable(),
  groupId: z.uuid().nullable(),
  groupName: z.string().nullable(),
  anonymized: z.boolean(),
  createdAt: z.string(),
});
export type Registration = z.infer<typeof registrationSchema>;

export const registrationQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  status: z.enum(REGISTRATION_STATUSES).optional(),
  eventSiteId: z.uuid().optional(),
  memberUnitId: z.uuid().optional(),
});
export type RegistrationQuery = z.infer<typeof registrationQuerySchema>;

export const registerResultSchema = z.object({
  registrationId: z.uuid(),
  status: z.enum(REGISTRATION_STATUSES),
  waitlistPosition: z.number().int().nullable(),
  passToken: z.string(),
  passUrl: z.string(),
});
export type RegisterResult = z.infer<typeof registerResultSchema>;

export const formSchema = z.object({
  eventId: z.uuid(),
  slug: z.string(),
  theme: z.string(),
  eventDate: z.string(),
  registrationDeadline: z.string(),
  open: z.boolean(),
  closedReason: z.enum(['not_published', 'deadline_passed', 'closed']).nullable(),
  sites: z.array(
    z.object({
      eventSiteId: z.uuid(),
      siteName: z.string(),
      capacity: z.number().int(),
      remaining: z.number().int(),
    }),
  ),
  remaining: z.number().int(),
  settings: settingsSchema,
  fields: z.array(fieldSchema),
  dimensions: z.array(z.object({ id: z.uuid(), name: z.string() })),
  consentVersion: z.string(),
});
export type RegistrationForm = z.infer<typeof formSchema>;

export const passTokenParamsSchema = z.object({ token: z.string().min(20).max(100) });
export const slugParamsSchema = z.object({ slug: z.string().min(1).max(60) });
export const resendPassSchema = z.object({ mobile: mobileSchema });

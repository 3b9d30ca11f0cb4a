import { z } from 'zod';
import { LIMITS, optionalText, pageQuerySchema, text } from './common.js';

/** 活动目的 — the seed's four objectives. */
export const EVENT_OBJECTIVES = ['learn_experience', 'exchange', 'innovation', 'benchmark'] as const;
export type EventObjective = (typeof EVENT_OBJECTIVES)[number];

export const EVENT_FORMATS = ['half_day', 'full_day'] as const;
export type EventFormat = (typeof EVENT_FORMATS)[number];

/** draft → published (registration open) → registration_closed → in_progress → completed → archived. */
export const EVENT_STATUSES = [
  'draft',
  'published',
  'registration_closed',
  'in_progress',
  'completed',
  'archived',
] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** The only moves allowed; everything else is refused. published → draft needs nobody registered. */
export const EVENT_TRANSITIONS: Record<EventStatus, readonly EventStatus[]> = {
  draft: ['published'],
  published: ['registration_closed', 'draft'],
  registration_closed: ['in_progress'],
  in_progress: ['completed'],
  completed: ['archived'],
  archived: [],
};

/** Statuses in which the plan (event fields, agenda, route, checklist, materials) can no longer change. */
export const LOCKED_STATUSES: readonly EventStatus[] = ['completed', 'archived'];

export const EVENT_LIMITS = { maxSites: 2, capacityMax: 5000, feeMaxYuan: 100000 } as const;

/** A mobile (13812345678) or a landline (0755-12345678, 010 1234 5678 转 8). */
export const PHONE_RE = /^[0-9+][0-9 ()+\-转]{4,28}[0-9]$/;

export const SLUG_RE = /^[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])$/;
export const slugSchema = z.string().trim().toLowerCase().regex(SLUG_RE, { message: 'validation.slug' });

/** A calendar date, YYYY-MM-DD (China time). */
export const dateSchema = z.iso.date({ message: 'validation.date' });
export const dateTimeSchema = z.iso.datetime({ offset: true, message: 'validation.datetime' });

export const eventSiteInputSchema = z.object({
  siteId: z.uuid(),
  capacity: z.number().int().min(1).max(EVENT_LIMITS.capacityMax),
});

export const eventInputSchema = z.object({
  theme: text(100),
  objectives: z.array(z.enum(EVENT_OBJECTIVES)).min(1).max(EVENT_OBJECTIVES.length),
  focusDimensionIds: z.array(z.uuid()).max(50).default([]),
  eventDate: dateSchema,
  format: z.enum(EVENT_FORMATS),
  sites: z.array(eventSiteInputSchema).min(1).max(EVENT_LIMITS.maxSites),
  templateVersionId: z.uuid().nullable().optional(),
  capacity: z.number().int().min(1).max(EVENT_LIMITS.capacityMax),
  /** In yuan, 0 for free; at most two decimals. */
  fee: z.number().min(0).max(EVENT_LIMITS.feeMaxYuan).multipleOf(0.01),
  registrationDeadline: dateTimeSchema,
  meetingPoint: optionalText(200),
  contactName: optionalText(50),
  contactPhone: z
    .string()
    .trim()
    .regex(PHONE_RE, { message: 'validation.phone' })
    .or(z.literal('').transform(() => null))
    .nullable()
    .optional(),
  notes: optionalText(LIMITS.longText),
  slug: slugSchema.nullable().optional(),
  seriesName: optionalText(100),
  issueNumber: z.number().int().min(1).max(10000).nullable().optional(),
});
export type EventInput = z.infer<typeof eventInputSchema>;

export const eventSiteSchema = z.object({
  id: z.uuid(),
  siteId: z.uuid(),
  siteName: z.string(),
  capacity: z.number().int(),
  position: z.number().int(),
});
export type EventSite = z.infer<typeof eventSiteSchema>;

export const eventSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  theme: z.string(),
  objectives: z.array(z.enum(EVENT_OBJECTIVES)),
  focusDimensionIds: z.array(z.uuid()),
  eventDate: z.string(),
  format: z.enum(EVENT_FORMATS),
  sites: z.array(eventSiteSchema),
  templateVersionId: z.uuid().nullable(),
  capacity: z.number().int(),
  fee: z.number(),
  registrationDeadline: z.string(),
  meetingPoint: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  notes: z.string().nullable(),
  seriesName: z.string().nullable(),
  issueNumber: z.number().int().nullable(),
  status: z.enum(EVENT_STATUSES),
  statusChangedAt: z.string().nullable(),
  clonedFromId: z.uuid().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Event = z.infer<typeof eventSchema>;

export const eventQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  status: z.enum(EVENT_STATUSES).optional(),
  from: dateSchema.optional(),
  to: dateSchema.optional(),
});
export type EventQuery = z.infer<typeof eventQuerySchema>;

export const BLOCKERS = [
  'no_agenda_items',
  'route_missing',
  'no_sites',
  'template_missing',
  'notice_date',
  'notice_place',
  'notice_deadline',
  'notice_contact',
  'deadline_passed',
  'has_registrations',
  'before_event_day',
] as const;
export type Blocker = (typeof BLOCKERS)[number];

export const transitionCheckSchema = z.object({
  to: z.enum(EVENT_STATUSES),
  allowed: z.boolean(),
  blockers: z.array(z.object({ code: z.enum(BLOCKERS), siteName: z.string().optional() })),
});
export type TransitionCheck = z.infer<typeof transitionCheckSchema>;

export const transitionInputSchema = z.object({ to: z.enum(EVENT_STATUSES) });

export const cloneInputSchema = z.object({
  eventDate: dateSchema,
  /** Defaults to the source's deadline moved by the same number of days as the date. */
  registrationDeadline: dateTimeSchema.optional(),
  theme: text(100).optional(),
  issueNumber: z.number().int().min(1).max(10000).nullable().optional(),
});
export type CloneInput = z.infer<typeof cloneInputSchema>;

export const overdueTaskSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  dueDate: z.string(),
  assigneeName: z.string().nullable(),
});

export const eventDashboardSchema = z.object({
  event: eventSchema,
  transitions: z.array(transitionCheckSchema),
  overdueTasks: z.array(overdueTaskSchema),
  tasks: z.object({ total: z.number().int(), done: z.number().int() }),
  agenda: z.object({
    items: z.number().int(),
    warnings: z.number().int(),
    publishedVersion: z.number().int().nullable(),
    unpublishedChanges: z.boolean(),
  }),
  route: z.array(
    z.object({
      eventSiteId: z.uuid(),
      siteName: z.string(),
      stops: z.number().int(),
      totalMinutes: z.number().int(),
      tourMinutes: z.number().int(),
    }),
  ),
  materials: z.object({ total: z.number().int(), ready: z.number().int() }),
  registrations: z.number().int(),
  expectedAttendance: z.number().int(),
});
export type EventDashboard = z.infer<typeof eventDashboardSchema>;

/** Seed texts the wizard offers and the notice quotes (in the caller's language). */
export const eventOptionsSchema = z.object({
  themes: z.array(z.string()),
  objectives: z.array(
    z.object({ code: z.enum(EVENT_OBJECTIVES), label: z.string(), explanation: z.string() }),
  ),
  defaultNotes: z.string(),
});
export type EventOptions = z.infer<typeof eventOptionsSchema>;

export const eventIdParamsSchema = z.object({ id: z.uuid() });

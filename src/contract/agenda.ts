import { z } from 'zod';
import { LIMITS, optionalText, text } from './common.js';

export const AGENDA_ITEM_TYPES = ['sign_in', 'welcome', 'tour', 'sharing', 'qa', 'closing', 'break'] as const;
export type AgendaItemType = (typeof AGENDA_ITEM_TYPES)[number];

export const AGENDA_TEMPLATES = ['half_day', 'full_day'] as const;
export type AgendaTemplate = (typeof AGENDA_TEMPLATES)[number];

/** The window an agenda item must stay in; outside it the agenda warns. */
export const AGENDA_DAY = { start: '07:00', end: '21:00' } as const;
/** Longest sensible span from first start to last end per format, in minutes. */
export const FORMAT_SPAN_MINUTES = { half_day: 300, full_day: 600 } as const;

export const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;
/** A time of day, HH:MM (24 h). */
export const timeSchema = z.string().regex(TIME_RE, { message: 'validation.time' });

export const toMinutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
export const toTime = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export const agendaItemInputSchema = z
  .object({
    start: timeSchema,
    /** Equal to start for a moment without duration (e.g. 17:00 活动结束). */
    end: timeSchema,
    type: z.enum(AGENDA_ITEM_TYPES),
    title: text(100),
    speaker: optionalText(100),
    place: optionalText(100),
    notes: optionalText(LIMITS.longText),
  })
  .refine((v) => toMinutes(v.end) >= toMinutes(v.start), {
    message: 'validation.end_before_start',
    path: ['end'],
  });
export type AgendaItemInput = z.infer<typeof agendaItemInputSchema>;

/** Moves and/or lengthens one item; with shiftFollowing the later items move by the same amount. */
export const agendaItemShiftSchema = z
  .object({
    start: timeSchema.optional(),
    durationMinutes: z.number().int().min(0).max(720).optional(),
    shiftFollowing: z.boolean().default(true),
  })
  .refine((v) => v.start !== undefined || v.durationMinutes !== undefined, {
    message: 'validation.start_or_duration',
    path: ['start'],
  });
export type AgendaItemShift = z.infer<typeof agendaItemShiftSchema>;

export const agendaItemSchema = z.object({
  id: z.uuid(),
  position: z.number().int(),
  start: z.string(),
  end: z.string(),
  durationMinutes: z.number().int(),
  type: z.enum(AGENDA_ITEM_TYPES),
  title: z.string(),
  speaker: z.string().nullable(),
  place: z.string().nullable(),
  notes: z.string().nullable(),
});
export type AgendaItem = z.infer<typeof agendaItemSchema>;

export const AGENDA_WARNINGS = ['overlap', 'gap', 'outside_day', 'span_exceeds_format', 'no_tour'] as const;
export const agendaWarningSchema = z.object({
  code: z.enum(AGENDA_WARNINGS),
  itemIds: z.array(z.uuid()),
  minutes: z.number().int().optional(),
});
export type AgendaWarning = z.infer<typeof agendaWarningSchema>;

export const CHANGE_KINDS = ['added', 'removed', 'changed'] as const;
export const agendaChangeSchema = z.object({
  kind: z.enum(CHANGE_KINDS),
  itemId: z.uuid(),
  title: z.string(),
  /** For changes: which fields differ, with before and after values. */
  fields: z.array(
    z.object({ field: z.string(), before: z.string().nullable(), after: z.string().nullable() }),
  ),
});
export type AgendaChange = z.infer<typeof agendaChangeSchema>;

export const agendaVersionSchema = z.object({
  id: z.uuid(),
  version: z.number().int(),
  publishedAt: z.string(),
  publishedByName: z.string().nullable(),
  items: z.array(agendaItemSchema),
});
export type AgendaVersion = z.infer<typeof agendaVersionSchema>;

export const agendaSchema = z.object({
  eventId: z.uuid(),
  items: z.array(agendaItemSchema),
  warnings: z.array(agendaWarningSchema),
  publishedVersion: z.number().int().nullable(),
  publishedAt: z.string().nullable(),
  /** What changed since the last published version (everything is "added" before the first). */
  changes: z.array(agendaChangeSchema),
});
export type Agenda = z.infer<typeof agendaSchema>;

export const applyTemplateSchema = z.object({ template: z.enum(AGENDA_TEMPLATES) });

export const agendaItemParamsSchema = z.object({ id: z.uuid(), itemId: z.uuid() });

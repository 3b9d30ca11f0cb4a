import { z } from 'zod';
import { LIMITS, optionalText, text } from './common.js';
import { dateSchema, EVENT_STATUSES } from './events.js';
import { punctualitySchema } from './run-of-show.js';

/**
 * 复盘 — the retrospective of an event: figures computed from what happened (never typed in) and
 * the organisers' notes (保持 / 改进 / 总结) with improvement actions (改进措施).
 *
 * Every rate is a share 0–1 rounded to 3 decimals, null when its denominator is 0 (never NaN).
 */
const rate = z.number().nullable();

export const RETRO_LIMITS = { notesText: LIMITS.longText, actionTitle: 300, actions: 200 } as const;

export const attendanceFiguresSchema = z.object({
  /** Every registration of the event, whatever became of it (cancelled included). */
  registered: z.number().int(),
  cancelled: z.number().int(),
  waitlisted: z.number().int(),
  pending: z.number().int(),
  /** Registrations holding a confirmed seat (or checked in). */
  confirmed: z.number().int(),
  /** Confirmed registrations with an effective check-in. */
  arrived: z.number().int(),
  /** Arrived after `lateAfter`. Null when the agenda gives no time to be late against. */
  late: z.number().int().nullable(),
  /**
   * China time HH:MM after which a check-in is late: the end of the first sign-in item of the
   * agenda (as the check-in dashboard counts), else the start of the first agenda item.
   */
  lateAfter: z.string().nullable(),
  /** confirmed ÷ registered */
  confirmedRate: rate,
  /** arrived ÷ confirmed (出席率) */
  arrivalRate: rate,
  /** late ÷ arrived */
  lateRate: rate,
});
export type AttendanceFigures = z.infer<typeof attendanceFiguresSchema>;

export const observationFiguresSchema = z.object({
  /** Attendees with at least one score, N/A or note. */
  observers: z.number().int(),
  /** Points scored or marked N/A. */
  ratings: z.number().int(),
  notes: z.number().int(),
  highlights: z.number().int(),
  problems: z.number().int(),
  suggestions: z.number().int(),
  photos: z.number().int(),
  /** observers ÷ arrived */
  observerRate: rate,
  /** Per arrived attendee, 2 decimals; null when nobody arrived. */
  ratingsPerAttendee: z.number().nullable(),
  notesPerAttendee: z.number().nullable(),
  photosPerAttendee: z.number().nullable(),
});
export type ObservationFigures = z.infer<typeof observationFiguresSchema>;

export const qaFiguresSchema = z.object({
  asked: z.number().int(),
  answered: z.number().int(),
  /** answered ÷ asked */
  answeredRate: rate,
  votes: z.number().int(),
  /** Questions by where they came from (prepared, registration, observation, pass …). */
  bySource: z.record(z.string(), z.number().int()),
});
export type QaFigures = z.infer<typeof qaFiguresSchema>;

export const surveyFiguresSchema = z.object({
  invited: z.number().int(),
  responses: z.number().int(),
  responseRate: rate,
  /** Mean of the rating questions normalised to 1–5 (surveys.results.ts); null without answers. */
  satisfactionAverage: z.number().nullable(),
  /** −100 … 100; null without NPS answers. */
  nps: z.number().nullable(),
});
export type SurveyFigures = z.infer<typeof surveyFiguresSchema>;

export const retrospectiveFiguresSchema = z.object({
  attendance: attendanceFiguresSchema,
  agenda: punctualitySchema,
  observations: observationFiguresSchema,
  qa: qaFiguresSchema,
  /** Zeros and nulls while the event has no survey or it was never opened. */
  survey: surveyFiguresSchema,
});
export type RetrospectiveFigures = z.infer<typeof retrospectiveFiguresSchema>;

/**
 * `PUT /events/:id/retrospective/notes` — the organisers' notes. `version` is the one read with
 * the retrospective (0 before anything was saved); when someone saved in between, 409
 * `retrospectives.notes_changed` and nothing is overwritten.
 */
export const retroNotesInputSchema = z.object({
  keep: optionalText(RETRO_LIMITS.notesText),
  improve: optionalText(RETRO_LIMITS.notesText),
  summary: optionalText(RETRO_LIMITS.notesText),
  version: z.number().int().min(0).max(1_000_000),
});
export type RetroNotesInput = z.infer<typeof retroNotesInputSchema>;

export const retroNotesSchema = z.object({
  keep: z.string().nullable(),
  improve: z.string().nullable(),
  summary: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  updatedByName: z.string().nullable(),
});
export type RetroNotes = z.infer<typeof retroNotesSchema>;

export const RETRO_ACTION_STATUSES = ['open', 'done'] as const;
export type RetroActionStatus = (typeof RETRO_ACTION_STATUSES)[number];

/**
 * `POST /events/:id/retrospective/actions` — an improvement action (改进措施). The owner is a
 * name (anyone, e.g. the host's project manager) and optionally an active staff or admin user.
 */
export const retroActionInputSchema = z.object({
  title: text(RETRO_LIMITS.actionTitle),
  ownerName: text(LIMITS.shortText),
  ownerUserId: z.uuid().nullable().optional(),
  dueDate: dateSchema,
  status: z.enum(RETRO_ACTION_STATUSES).default('open'),
});
export type RetroActionInput = z.infer<typeof retroActionInputSchema>;

/** `PATCH /events/:id/retrospective/actions/:actionId` — any of the fields. */
export const retroActionPatchSchema = z
  .object({
    title: text(RETRO_LIMITS.actionTitle).optional(),
    ownerName: text(LIMITS.shortText).optional(),
    ownerUserId: z.uuid().nullable().optional(),
    dueDate: dateSchema.optional(),
    status: z.enum(RETRO_ACTION_STATUSES).optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), {
    message: 'validation.nothing_to_change',
  });
export type RetroActionPatch = z.infer<typeof retroActionPatchSchema>;

export const retroActionSchema = z.object({
  id: z.uuid(),
  position: z.number().int(),
  title: z.string(),
  ownerName: z.string(),
  ownerUserId: z.uuid().nullable(),
  dueDate: z.string(),
  status: z.enum(RETRO_ACTION_STATUSES),
  doneAt: z.string().nullable(),
  /** Open and due before today (China time). */
  overdue: z.boolean(),
});
export type RetroAction = z.infer<typeof retroActionSchema>;

export const retroActionParamsSchema = z.object({ id: z.uuid(), actionId: z.uuid() });

/** `GET /events/:id/retrospective` */
export const retrospectiveSchema = z.object({
  eventId: z.uuid(),
  theme: z.string(),
  eventDate: z.string(),
  status: z.enum(EVENT_STATUSES),
  /** Today in China time (for due dates). */
  today: z.string(),
  /** Whether notes and actions can still change (not once the event is archived). */
  editable: z.boolean(),
  figures: retrospectiveFiguresSchema,
  notes: retroNotesSchema,
  actions: z.array(retroActionSchema),
  links: z.object({ docx: z.string() }),
});
export type Retrospective = z.infer<typeof retrospectiveSchema>;

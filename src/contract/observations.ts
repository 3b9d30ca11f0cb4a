import { z } from 'zod';
import { routeStopSchema } from './route-stops.js';
import { SCORING_MODES, templateVersionSchema } from './templates.js';

/**
 * On-site observation (观察记录): what an attendee records on the phone through the personal pass
 * (no account: the pass token is the credential), what staff see, and the live wall.
 *
 * Offline-safe sync: every item carries a client-generated UUID (`clientId`) that is its id on the
 * server, and a client `updatedAt` (ISO time of the change on the phone). Every write is an
 * idempotent PUT: the same request twice gives the same answer; a write older than what is stored
 * (by `updatedAt`) changes nothing and answers the stored item. The queue may replay its requests
 * in any order.
 */

/** 亮点 (to learn) · 问题 (problem found) · 建议 (suggestion). */
export const NOTE_KINDS = ['highlight', 'problem', 'suggestion'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

export const OBSERVATION_LIMITS = {
  noteText: 2000,
  answerText: 2000,
  answersPerObservation: 40,
  photosPerNote: 6,
  notesPerAttendee: 300,
  /** Multipart text fields (the `note` JSON included) may be this long. */
  fieldBytes: 16 * 1024,
} as const;

/** Event statuses in which attendees may record observations. */
export const OBSERVATION_OPEN_STATUSES = ['published', 'registration_closed', 'in_progress'] as const;

const clientTime = z.iso.datetime({ offset: true, message: 'validation.datetime' });

export const passParamsSchema = z.object({ token: z.string().min(20).max(100) });
export const passItemParamsSchema = passParamsSchema.extend({ clientId: z.uuid() });
export const passNoteParamsSchema = passParamsSchema.extend({ noteId: z.uuid() });
export const passFileParamsSchema = passParamsSchema.extend({ fileId: z.uuid() });

// ---- Attendee writes ----

/** The answer to one guiding question (of the point or of its dimension). */
export const questionAnswerInputSchema = z.object({
  questionId: z.uuid(),
  text: z.string().trim().max(OBSERVATION_LIMITS.answerText),
  /** "Send to Q&A": the answer is offered to the Q&A module (read by it later). */
  sentToQa: z.boolean().default(false),
});

/**
 * `PUT /passes/:token/observations/:clientId` — the score of one point. `score` follows the
 * point's scheme (stars 1–5, points 0–max in steps, yes 1 / no 0); `na: true` means N/A (不适用)
 * and requires `score: null`. Both null/false = not scored yet (answers only).
 */
export const observationInputSchema = z.object({
  pointId: z.uuid(),
  score: z.number().finite().nullable().default(null),
  na: z.boolean().default(false),
  answers: z.array(questionAnswerInputSchema).max(OBSERVATION_LIMITS.answersPerObservation).default([]),
  updatedAt: clientTime,
});
export type ObservationInput = z.infer<typeof observationInputSchema>;

/** `PUT /passes/:token/notes/:clientId` — a note about a point and/or a route stop. */
export const noteInputSchema = z.object({
  kind: z.enum(NOTE_KINDS),
  text: z.string().trim().max(OBSERVATION_LIMITS.noteText).default(''),
  /** Shared notes are seen by other attendees (after they unlock the shared view) and on the wall. */
  shared: z.boolean().default(true),
  pointId: z.uuid().nullable().default(null),
  routeStopId: z.uuid().nullable().default(null),
  sentToQa: z.boolean().default(false),
  updatedAt: clientTime,
});
export type NoteInput = z.infer<typeof noteInputSchema>;

/**
 * `POST /passes/:token/notes/:clientId/photos` is multipart/form-data; text fields FIRST, then
 * files:
 * - `clientId` (required): the photo's UUID; a repeat returns the stored photo, stores nothing.
 * - `note` (optional): the note as JSON (noteInputSchema). Send it when the note may not have
 *   reached the server yet: note and photo are then written in ONE transaction (both or neither).
 *   Without it the note must exist (404 `not_found` otherwise; 410 `observations.note_deleted`).
 * - `position` (optional): order of the photo in the note (0, 1, …); appended by default.
 * - `file` (required): the image (JPEG/PNG/WebP/AVIF; at most FILE_LIMITS.maxUploadBytes).
 * - `original` (optional): for an annotated photo, the unannotated image (kept, not shown).
 * Answers 201 with the note (and its photos), 200 on a repeat.
 */
export const photoFieldsSchema = z.object({
  clientId: z.uuid(),
  note: z.string().max(OBSERVATION_LIMITS.fieldBytes).optional(),
  position: z.coerce.number().int().min(0).max(100).optional(),
});

// ---- What the server answers ----

export const questionAnswerSchema = z.object({
  questionId: z.uuid(),
  text: z.string(),
  sentToQa: z.boolean(),
});

export const observationSchema = z.object({
  id: z.uuid(),
  pointId: z.uuid(),
  dimensionId: z.uuid(),
  score: z.number().nullable(),
  na: z.boolean(),
  answers: z.array(questionAnswerSchema),
  updatedAt: z.string(),
  createdAt: z.string(),
});
export type Observation = z.infer<typeof observationSchema>;

export const notePhotoSchema = z.object({
  id: z.uuid(),
  fileId: z.uuid(),
  position: z.number().int(),
  /** The (annotated) image, resized, metadata removed. */
  url: z.string(),
  thumbUrl: z.string(),
  /** The unannotated image, when the photo was annotated. */
  originalUrl: z.string().nullable(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
});
export type NotePhoto = z.infer<typeof notePhotoSchema>;

export const noteSchema = z.object({
  id: z.uuid(),
  kind: z.enum(NOTE_KINDS),
  text: z.string(),
  shared: z.boolean(),
  pointId: z.uuid().nullable(),
  dimensionId: z.uuid().nullable(),
  routeStopId: z.uuid().nullable(),
  sentToQa: z.boolean(),
  /** "+1 — I saw this too". */
  votes: z.number().int(),
  votedByMe: z.boolean(),
  mine: z.boolean(),
  photos: z.array(notePhotoSchema),
  updatedAt: z.string(),
  createdAt: z.string(),
});
export type Note = z.infer<typeof noteSchema>;

/** A note as staff see it: with its author. */
export const staffNoteSchema = noteSchema.extend({
  authorName: z.string(),
  unitName: z.string(),
  eventSiteId: z.uuid(),
});
export type StaffNote = z.infer<typeof staffNoteSchema>;

export const scorecardStopSchema = routeStopSchema;

export const progressSchema = z.object({
  /** Scored points of the template (unscored points excluded). */
  totalPoints: z.number().int(),
  scored: z.number().int(),
  na: z.number().int(),
  notes: z.number().int(),
  photos: z.number().int(),
  byDimension: z.array(
    z.object({ dimensionId: z.uuid(), total: z.number().int(), answered: z.number().int() }),
  ),
});

/** `GET /passes/:token/scorecard` — everything the phone needs to work offline. */
export const scorecardSchema = z.object({
  event: z.object({
    id: z.uuid(),
    theme: z.string(),
    eventDate: z.string(),
    status: z.string(),
    /** True once writes are refused (event completed, pass not confirmed). */
    readOnly: z.boolean(),
  }),
  registration: z.object({
    id: z.uuid(),
    name: z.string(),
    eventSiteId: z.uuid(),
    siteName: z.string(),
    status: z.string(),
  }),
  template: templateVersionSchema,
  /** The route of the attendee's site, each stop with the points to observe there. */
  stops: z.array(scorecardStopSchema),
  /**
   * The attendee's group and where its guide last reported it (the run of show); null without a
   * group. `current.routeStopId` is null when the route was edited since (match by `stopName`).
   */
  group: z
    .object({
      id: z.uuid(),
      name: z.string(),
      current: z
        .object({ routeStopId: z.uuid().nullable(), stopName: z.string(), at: z.string() })
        .nullable(),
    })
    .nullable(),
  observations: z.array(observationSchema),
  notes: z.array(noteSchema),
  progress: progressSchema,
  submittedAt: z.string().nullable(),
  /** Dimensions whose shared view is open to this attendee (see GET …/shared). */
  sharedDimensionIds: z.array(z.uuid()),
});
export type Scorecard = z.infer<typeof scorecardSchema>;

/**
 * `GET /passes/:token/manifest` (application/manifest+json): installs the scorecard as an app
 * (PWA) that opens on the pass's own `/p/<token>/observe`. The colours are attendee.css's header
 * blue and page grey; the icons are public/icons/attendee-*.png (scripts/make-attendee-icons.ts).
 */
export const ATTENDEE_APP_COLOURS = { theme: '#0b3a82', background: '#f4f6fa' } as const;
export const webManifestSchema = z.object({
  id: z.string(),
  name: z.string(),
  short_name: z.string(),
  description: z.string(),
  lang: z.string(),
  start_url: z.string(),
  scope: z.string(),
  display: z.literal('standalone'),
  orientation: z.literal('portrait'),
  theme_color: z.string(),
  background_color: z.string(),
  icons: z.array(
    z.object({ src: z.string(), sizes: z.string(), type: z.string(), purpose: z.enum(['any', 'maskable']) }),
  ),
});
export type WebManifest = z.infer<typeof webManifestSchema>;

// ---- Aggregation (observations.aggregate.ts documents the formulas) ----

export const distributionSchema = z.array(z.object({ score: z.number(), count: z.number().int() }));

export const kindCountsSchema = z.object({
  highlight: z.number().int(),
  problem: z.number().int(),
  suggestion: z.number().int(),
});
export type KindCounts = z.infer<typeof kindCountsSchema>;

export const pointAggregateSchema = z.object({
  pointId: z.uuid(),
  title: z.string(),
  /** 0–100 (mean of the raters' normalized scores); null when nobody scored it. */
  percent: z.number().nullable(),
  /** Mean of the raw scores (stars, points, yes = 1). */
  mean: z.number().nullable(),
  /** points_sum: mean points earned and the point's max. */
  earned: z.number().nullable(),
  possible: z.number().nullable(),
  /** Attendees who scored it or marked it N/A. */
  raters: z.number().int(),
  scored: z.number().int(),
  na: z.number().int(),
  distribution: distributionSchema,
  notes: kindCountsSchema,
});
export type PointAggregate = z.infer<typeof pointAggregateSchema>;

export const dimensionAggregateSchema = z.object({
  dimensionId: z.uuid(),
  name: z.string(),
  weight: z.number(),
  percent: z.number().nullable(),
  earned: z.number().nullable(),
  possible: z.number().nullable(),
  raters: z.number().int(),
  notes: kindCountsSchema,
  points: z.array(pointAggregateSchema),
});
export type DimensionAggregate = z.infer<typeof dimensionAggregateSchema>;

export const radarEntrySchema = z.object({
  dimensionId: z.uuid(),
  name: z.string(),
  /** 0–100; null when nothing in the dimension was scored. */
  value: z.number().nullable(),
});

export const siteAggregateSchema = z.object({
  eventSiteId: z.uuid(),
  siteName: z.string(),
  scoringMode: z.enum(SCORING_MODES),
  total: z.number().nullable(),
  /** Attendees of the site with at least one score or N/A. */
  raters: z.number().int(),
  notes: kindCountsSchema,
  dimensions: z.array(dimensionAggregateSchema),
  radar: z.array(radarEntrySchema),
});
export type SiteAggregate = z.infer<typeof siteAggregateSchema>;

/** `GET /events/:id/observations/summary` (staff). */
export const observationSummarySchema = z.object({
  eventId: z.uuid(),
  templateVersionId: z.uuid().nullable(),
  sites: z.array(siteAggregateSchema.extend({ topNotes: z.array(staffNoteSchema) })),
  /** Confirmed attendees, and how many of them recorded something / pressed submit. */
  attendees: z.number().int(),
  contributors: z.number().int(),
  submitted: z.number().int(),
});
export type ObservationSummary = z.infer<typeof observationSummarySchema>;

/** `GET /events/:id/observations/notes` (staff): every note, private ones included. */
export const staffNotesQuerySchema = z.object({
  kind: z.enum(NOTE_KINDS).optional(),
  dimensionId: z.uuid().optional(),
  pointId: z.uuid().optional(),
  eventSiteId: z.uuid().optional(),
  routeStopId: z.uuid().optional(),
  sort: z.enum(['votes', 'recent']).default('votes'),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type StaffNotesQuery = z.infer<typeof staffNotesQuerySchema>;

/** `GET /events/:id/observations/wall` (staff, for the big screen): shared notes only. */
export const wallSchema = z.object({
  eventId: z.uuid(),
  theme: z.string(),
  generatedAt: z.string(),
  sites: z.array(
    z.object({
      eventSiteId: z.uuid(),
      siteName: z.string(),
      raters: z.number().int(),
      total: z.number().nullable(),
      radar: z.array(radarEntrySchema),
      notes: kindCountsSchema,
      topHighlights: z.array(noteSchema.extend({ authorUnit: z.string() })),
      topProblems: z.array(noteSchema.extend({ authorUnit: z.string() })),
    }),
  ),
});
export type Wall = z.infer<typeof wallSchema>;

/**
 * `GET /passes/:token/shared` — the shared view of the attendee's site. A dimension opens once
 * the attendee has scored (or marked N/A) at least one point of it, or once they pressed
 * "submit" (`POST …/submit`, which opens every dimension). This keeps first impressions
 * independent (no anchoring on others' scores). Notes not tied to a point (route stop only)
 * show once any dimension is open.
 */
export const sharedViewSchema = z.object({
  submitted: z.boolean(),
  openDimensionIds: z.array(z.uuid()),
  /** The site aggregate, limited to open dimensions (others are left out). */
  aggregate: siteAggregateSchema,
  /** Shared notes of the site in open dimensions (own ones included, `mine`), most +1s first. */
  notes: z.array(noteSchema),
});
export type SharedView = z.infer<typeof sharedViewSchema>;

export const submitResultSchema = z.object({ submittedAt: z.string() });
export const voteResultSchema = z.object({
  noteId: z.uuid(),
  votes: z.number().int(),
  votedByMe: z.boolean(),
});

/** Realtime channel `event:<id>:observations`: a small hint, the wall refetches. */
export const observationEventSchema = z.object({
  kind: z.enum(['observation', 'note', 'photo', 'vote', 'submit']),
  eventSiteId: z.uuid(),
  dimensionId: z.uuid().nullable(),
});
export const observationsChannel = (eventId: string) => `event:${eventId}:observations`;

/** Photo URLs an attendee can open with the pass (no account). */
export const passPhotoUrl = (token: string, fileId: string, variant: 'main' | 'thumb') =>
  `/api/v1/passes/${token}/photos/${fileId}${variant === 'thumb' ? '/thumb' : ''}`;

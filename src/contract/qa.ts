import { z } from 'zod';

/**
 * Live Q&A (互动问答). Routes (all under /api/v1):
 *
 * Staff (admin, staff; session cookie + CSRF header on writes):
 *   GET    /events/:id/qa                         board: settings, counts, every question (?sort=votes|time)
 *   PATCH  /events/:id/qa/settings                 pre-moderation on/off, accepting questions on/off
 *   POST   /events/:id/qa/settings/screen-key      new presenter-screen key (the old screen link stops working)
 *   POST   /events/:id/qa/import                   import prepared / registration / observation questions
 *                                                  (idempotent; imported questions wait as `pending` for approval)
 *   POST   /events/:id/qa/questions                add a prepared question of the association
 *   PATCH  /events/:id/qa/questions/:questionId    edit a question's text
 *   POST   /events/:id/qa/questions/:questionId/approve|hide|pin|unpin|reopen
 *   POST   /events/:id/qa/questions/:questionId/answer   mark answered (answer text, answered by)
 *   POST   /events/:id/qa/questions/:questionId/merge    merge into { targetId } (votes move, no double count); answers the target
 *   GET    /events/:id/qa/stream                  SSE, staff channel: every change (type `question`, `settings`)
 *
 * Attendee (the pass token is the credential, no account; confirmed registrations only):
 *   GET    /passes/:token/qa                      visible questions + my own pending ones (?sort=votes|time)
 *   POST   /passes/:token/qa/questions            ask (optionally anonymous; `clientId` makes a retry idempotent)
 *   POST   /passes/:token/qa/questions/:questionId/vote    upvote (idempotent)
 *   DELETE /passes/:token/qa/questions/:questionId/vote    withdraw the vote (idempotent)
 *   GET    /passes/:token/qa/stream               SSE, public channel (type `question` | `removed`)
 *
 * Presenter screen (web page /e/<slug>/qa/screen?key=<screenKey>, opened by staff on a projector):
 *   GET    /public/events/:slug/qa/screen?key=    screen data: pinned/top question, queue, join URL
 *   GET    /public/events/:slug/qa/stream?key=    SSE, public channel
 *   Access: the event's secret screen key (in the staff board's settings, rotatable) OR a staff/admin
 *   session; otherwise 404. The screen shows only approved/answered questions (never pending,
 *   hidden or merged ones) and never the author of an anonymous question. The key keeps attendees'
 *   names off the open internet even though the event slug is public.
 *
 * Realtime: two channels per event. The staff channel carries everything; the public channel only
 * questions attendees may see — a question leaving visibility (hidden, merged) is sent as `removed`
 * there, and a pending question never reaches it. SSE ids are increasing per channel; reconnect with
 * Last-Event-ID (the browser's EventSource does this itself) to get exactly what was missed. Open a
 * stream with `?since=<lastEventId>` of the board just read, so nothing between the read and the
 * connection is lost (without it the stream replays the channel from its start).
 * Stream payloads carry no per-person data (`votedByMe`, `mine`): the attendee page keeps those from
 * its own GET and vote answers.
 */

export const QA_STATUSES = ['pending', 'approved', 'answered', 'hidden', 'merged'] as const;
export type QaStatus = (typeof QA_STATUSES)[number];
/** What attendees and the screen see. */
export const QA_VISIBLE_STATUSES = ['approved', 'answered'] as const satisfies readonly QaStatus[];

/**
 * prepared: the association's list (the seed's common questions and the template's guiding
 * questions, imported, or added by staff) · registration: "questions for the host" given at
 * registration · observation: a note or guiding-question answer sent to the Q&A · live: asked from
 * the pass during the event.
 */
export const QA_SOURCES = ['prepared', 'registration', 'observation', 'live'] as const;
export type QaSource = (typeof QA_SOURCES)[number];

export const QA_SORTS = ['votes', 'time'] as const;
export type QaSort = (typeof QA_SORTS)[number];

/** What `POST /events/:id/qa/import` can import. */
export const QA_IMPORT_SOURCES = ['prepared', 'registration', 'observation'] as const;
export type QaImportSource = (typeof QA_IMPORT_SOURCES)[number];

export const QA_MODERATION_ACTIONS = ['approve', 'hide', 'pin', 'unpin', 'reopen'] as const;
export type QaModerationAction = (typeof QA_MODERATION_ACTIONS)[number];

export const QA_LIMITS = {
  questionText: 500,
  answerText: 2000,
  answeredBy: 100,
  /** Live questions one pass may ask in one event (abuse guard). */
  questionsPerPass: 50,
} as const;

// ---- Params and queries ----

export const qaEventParamsSchema = z.object({ id: z.uuid() });
export const qaQuestionParamsSchema = qaEventParamsSchema.extend({ questionId: z.uuid() });
export const qaPassParamsSchema = z.object({ token: z.string().min(20).max(100) });
export const qaPassQuestionParamsSchema = qaPassParamsSchema.extend({ questionId: z.uuid() });
export const qaScreenParamsSchema = z.object({ slug: z.string().min(1).max(100) });
export const qaScreenQuerySchema = z.object({ key: z.string().max(100).optional() });

export const qaListQuerySchema = z.object({
  sort: z.enum(QA_SORTS).default('votes'),
});
export type QaListQuery = z.infer<typeof qaListQuerySchema>;

// ---- Inputs ----

const questionText = z.string().trim().min(1).max(QA_LIMITS.questionText);

/** `POST /passes/:token/qa/questions` */
export const askInputSchema = z.object({
  /** A client-made UUID: the question's id, so a retried request returns the first result. */
  clientId: z.uuid().optional(),
  text: questionText,
  anonymous: z.boolean().default(false),
});
export type AskInput = z.infer<typeof askInputSchema>;

/** `POST /events/:id/qa/questions` — a prepared question of the association (shown at once). */
export const preparedInputSchema = z.object({ text: questionText });
export type PreparedInput = z.infer<typeof preparedInputSchema>;

/** `PATCH /events/:id/qa/questions/:questionId` */
export const editQuestionInputSchema = z.object({ text: questionText });
export type EditQuestionInput = z.infer<typeof editQuestionInputSchema>;

/** `POST /events/:id/qa/questions/:questionId/answer` */
export const answerInputSchema = z.object({
  answer: z.string().trim().max(QA_LIMITS.answerText).default(''),
  /** Who answered (e.g. the host's speaker), free text. */
  answeredBy: z.string().trim().max(QA_LIMITS.answeredBy).default(''),
});
export type AnswerInput = z.infer<typeof answerInputSchema>;

/** `POST /events/:id/qa/questions/:questionId/merge` — this question is a duplicate of `targetId`. */
export const mergeInputSchema = z.object({ targetId: z.uuid() });
export type MergeInput = z.infer<typeof mergeInputSchema>;

/** `POST /events/:id/qa/import` — defaults to every source. */
export const importInputSchema = z.object({
  sources: z
    .array(z.enum(QA_IMPORT_SOURCES))
    .min(1)
    .max(3)
    .default([...QA_IMPORT_SOURCES]),
});
export type ImportInput = z.infer<typeof importInputSchema>;

/** `PATCH /events/:id/qa/settings` */
export const qaSettingsInputSchema = z.object({
  /** On: new live questions are `pending` until staff approve them. */
  preModeration: z.boolean().optional(),
  /** Off: attendees can no longer ask (they can still read and vote). */
  open: z.boolean().optional(),
});
export type QaSettingsInput = z.infer<typeof qaSettingsInputSchema>;

// ---- Outputs ----

export const qaSettingsSchema = z.object({
  preModeration: z.boolean(),
  open: z.boolean(),
  /** Secret for the presenter screen link `/e/<slug>/qa/screen?key=<screenKey>` (staff only). */
  screenKey: z.string(),
});
export type QaSettings = z.infer<typeof qaSettingsSchema>;

/**
 * A question as attendees and the screen see it. `authorName`/`authorUnit` are null when the
 * question is anonymous (show "匿名") or has no person behind it (prepared: the association).
 */
export const publicQuestionSchema = z.object({
  id: z.uuid(),
  source: z.enum(QA_SOURCES),
  status: z.enum(QA_STATUSES),
  text: z.string(),
  anonymous: z.boolean(),
  authorName: z.string().nullable(),
  authorUnit: z.string().nullable(),
  votes: z.number().int(),
  pinned: z.boolean(),
  answer: z.string().nullable(),
  answeredBy: z.string().nullable(),
  answeredAt: z.string().nullable(),
  createdAt: z.string(),
});
export type PublicQuestion = z.infer<typeof publicQuestionSchema>;

/** A question on the attendee's page: plus whether it is theirs and whether they voted. */
export const passQuestionSchema = publicQuestionSchema.extend({
  mine: z.boolean(),
  votedByMe: z.boolean(),
});
export type PassQuestion = z.infer<typeof passQuestionSchema>;

/** A question as staff see it (an anonymous question's author stays hidden here too). */
export const staffQuestionSchema = publicQuestionSchema.extend({
  eventId: z.uuid(),
  /** Set when status is `merged`: the question it was merged into. */
  mergedIntoId: z.uuid().nullable(),
  /** Questions merged into this one. */
  mergedCount: z.number().int(),
  approvedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type StaffQuestion = z.infer<typeof staffQuestionSchema>;

export const qaCountsSchema = z.object(
  Object.fromEntries(QA_STATUSES.map((s) => [s, z.number().int()])) as Record<QaStatus, z.ZodNumber>,
);
export type QaCounts = z.infer<typeof qaCountsSchema>;

/** `GET /events/:id/qa` */
export const staffBoardSchema = z.object({
  eventId: z.uuid(),
  slug: z.string().nullable(),
  theme: z.string(),
  settings: qaSettingsSchema,
  counts: qaCountsSchema,
  /** The stream's position when this was read: open the stream with `?since=<lastEventId>`. */
  lastEventId: z.number().int(),
  /** Every question (every status), sorted as asked; the pinned one first. */
  questions: z.array(staffQuestionSchema),
});
export type StaffBoard = z.infer<typeof staffBoardSchema>;

/** `GET /passes/:token/qa` */
export const passBoardSchema = z.object({
  event: z.object({ id: z.uuid(), slug: z.string().nullable(), theme: z.string(), status: z.string() }),
  preModeration: z.boolean(),
  open: z.boolean(),
  /** Whether this pass may ask and vote now (false: read only; `refusal` says why, an error code). */
  canAsk: z.boolean(),
  refusal: z.string().nullable(),
  /** The stream's position when this was read: open the stream with `?since=<lastEventId>`. */
  lastEventId: z.number().int(),
  /** Visible questions and my own pending ones, the pinned one first. */
  questions: z.array(passQuestionSchema),
});
export type PassBoard = z.infer<typeof passBoardSchema>;

export const voteResultSchema = z.object({
  questionId: z.uuid(),
  votes: z.number().int(),
  votedByMe: z.boolean(),
});
export type VoteResult = z.infer<typeof voteResultSchema>;

export const importResultSchema = z.object({
  /** New questions per source (0 when everything was imported before). */
  created: z.object({
    prepared: z.number().int(),
    registration: z.number().int(),
    observation: z.number().int(),
  }),
});
export type ImportResult = z.infer<typeof importResultSchema>;

/** `GET /public/events/:slug/qa/screen` — the presenter view. */
export const screenSchema = z.object({
  event: z.object({ id: z.uuid(), slug: z.string(), theme: z.string(), eventDate: z.string() }),
  /** Where attendees join (show as a QR code): their pass opens the Q&A from there. */
  joinUrl: z.string(),
  /** The pinned question, else the open (approved) question with the most votes, else null. */
  current: publicQuestionSchema.nullable(),
  /** The stream's position when this was read: open the stream with `?since=<lastEventId>`. */
  lastEventId: z.number().int(),
  /** Visible questions by votes (then time), the current one included. */
  questions: z.array(publicQuestionSchema),
});
export type Screen = z.infer<typeof screenSchema>;

// ---- Realtime ----

/** Staff channel: `question` → StaffQuestion; `settings` → QaSettings. */
export const qaStaffChannel = (eventId: string) => `event:${eventId}:qa:staff`;
/** Public channel: `question` → PublicQuestion (insert or update); `removed` → { id }. */
export const qaPublicChannel = (eventId: string) => `event:${eventId}:qa:public`;
export const QA_STREAM_TYPES = ['question', 'removed', 'settings'] as const;
export const qaRemovedSchema = z.object({ id: z.uuid() });

/** The attendee-facing join page the screen's QR code points at. */
export const qaJoinPath = (slug: string) => `/e/${encodeURIComponent(slug)}/qa`;
/** The presenter screen's address (relative to the site). */
export const qaScreenPath = (slug: string, key: string) =>
  `/e/${encodeURIComponent(slug)}/qa/screen?key=${encodeURIComponent(key)}`;

import { z } from 'zod';
import { LANGS } from './common.js';

/**
 * Satisfaction survey (满意度调查): one survey per event, answered through the personal pass
 * (one response per pass, editable until the survey closes).
 *
 * Routes (all under /api/v1):
 *
 * Staff (admin, staff):
 * - `GET    /events/:id/survey`                  SurveyDetail; the first call creates the survey
 *                                                  from the default template (in the caller's language)
 * - `PUT    /events/:id/survey`                  surveyInputSchema → SurveyDetail. 400
 *                                                  `surveys.invalid_definition` with field errors;
 *                                                  409 `surveys.change_breaks_responses` once
 *                                                  responses exist and the change is not additive;
 *                                                  409 `surveys.anonymity_locked` (see below)
 * - `POST   /events/:id/survey/validate`         validateInputSchema → validationResultSchema
 *                                                  (nothing saved; for live builder feedback)
 * - `POST   /events/:id/survey/reset`            resetInputSchema → SurveyDetail (default template
 *                                                  again; 409 `surveys.has_responses` when answered)
 * - `POST   /events/:id/survey/open`             → SurveyDetail (draft|closed → open; reopen allowed)
 * - `POST   /events/:id/survey/close`            → SurveyDetail (open → closed)
 * - `POST   /events/:id/survey/send`             sendInputSchema → sendResultSchema: opens the
 *                                                  survey and queues `survey_invite` to every
 *                                                  audience member not invited yet (idempotent)
 * - `POST   /events/:id/survey/remind`           → sendResultSchema: queues `survey_reminder` to
 *                                                  non-respondents not reminded in the last
 *                                                  REMINDER_COOLDOWN_MINUTES
 * - `GET    /events/:id/survey/results`          → surveyResultsSchema
 * - `GET    /events/:id/survey/responses`        → staffResponsesSchema (anonymised when anonymous)
 * - `GET    /events/:id/survey/non-respondents`  → nonRespondentsSchema
 * - `GET    /events/:id/survey/export.xlsx`      XLSX: sheet 1 summary, sheet 2 responses
 *                                                  (no names or ids when anonymous)
 *
 * Attendee (the pass token is the credential):
 * - `GET    /passes/:token/survey`               → passSurveySchema (survey null when none is open)
 * - `PUT    /passes/:token/survey`               responseInputSchema → passSurveySchema.
 *                                                  400 `surveys.invalid_answers` with field errors
 *                                                  (`body.answers.<questionId>`); 409 `surveys.closed`;
 *                                                  409 `surveys.not_open`; 403 `surveys.not_invited`
 *
 * Public (QR slide for the big screen; attendees still answer through their pass):
 * - `GET    /public/events/:slug/survey`         → surveySlideSchema (404 unless open or closed)
 *
 * Decisions:
 * - Survey texts are data in the organiser's language (the default template is created in the
 *   language of the staff member who first opens it; `reset` can switch it). UI chrome (buttons,
 *   labels, errors) is translated through the locale files.
 * - Audience (who is invited and may answer): `arrived` (default: confirmed AND checked in, i.e.
 *   those who were there at closing) or `confirmed` (every confirmed registration). The response
 *   rate is responses from the audience ÷ audience size.
 * - Editing: the definition may be edited in every state. Once responses exist only additive and
 *   text changes are allowed (new questions/sections/options/rows, any title/label/description,
 *   required flag, order, a larger maxChoices); removing or retyping a question, removing an
 *   option/row, changing a scale or lowering maxChoices answers 409
 *   `surveys.change_breaks_responses` with the offending paths (codes `surveys.change.*`).
 *   Archived events refuse every staff write (409 `events.locked`); opening needs a published
 *   event (409 `surveys.event_not_published`). Closing a closed survey changes nothing.
 * - Anonymous results: may be switched on at any time; switching it off once responses exist is
 *   refused (409 `surveys.anonymity_locked`) — people answered under that promise.
 */

export const SURVEY_STATUSES = ['draft', 'open', 'closed'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

export const SURVEY_AUDIENCES = ['arrived', 'confirmed'] as const;
export type SurveyAudience = (typeof SURVEY_AUDIENCES)[number];

export const QUESTION_TYPES = [
  'rating',
  'nps',
  'single',
  'multiple',
  'matrix',
  'short_text',
  'long_text',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** `stars`: 1–5 stars · `scale5`: 1–5 · `scale10`: 1–10. */
export const RATING_STYLES = ['stars', 'scale5', 'scale10'] as const;
export type RatingStyle = (typeof RATING_STYLES)[number];
/** A matrix rates each row on one numeric scale. */
export const MATRIX_SCALES = ['scale5', 'scale10'] as const;
export type MatrixScale = (typeof MATRIX_SCALES)[number];

export const SCALE_RANGE: Record<RatingStyle, { min: number; max: number }> = {
  stars: { min: 1, max: 5 },
  scale5: { min: 1, max: 5 },
  scale10: { min: 1, max: 10 },
};
export const NPS_RANGE = { min: 0, max: 10 } as const;

export const SURVEY_LIMITS = {
  title: 200,
  description: 1000,
  label: 200,
  sections: 20,
  questionsPerSection: 50,
  questions: 100,
  options: 30,
  rows: 30,
  shortText: 200,
  longText: 5000,
  id: 40,
} as const;

/** Minutes between two reminders to the same person. */
export const REMINDER_COOLDOWN_MINUTES = 60;

/** Ids of sections, questions, options and rows: chosen by the builder, stable across edits. */
export const surveyItemIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]+$/, { message: 'validation.survey_id' })
  .min(1)
  .max(SURVEY_LIMITS.id);

const label = z.string().trim().max(SURVEY_LIMITS.label);
const description = z.string().trim().max(SURVEY_LIMITS.description).nullable().default(null);

export const choiceOptionSchema = z.object({ id: surveyItemIdSchema, label });
export type ChoiceOption = z.infer<typeof choiceOptionSchema>;
export const matrixRowSchema = z.object({ id: surveyItemIdSchema, label });
export type MatrixRow = z.infer<typeof matrixRowSchema>;

const questionBase = {
  id: surveyItemIdSchema,
  title: label,
  description,
  required: z.boolean().default(false),
};
/** Labels under the ends of a scale (e.g. 非常不满意 … 非常满意). */
const scaleLabels = {
  lowLabel: label.nullable().default(null),
  highLabel: label.nullable().default(null),
};

export const ratingQuestionSchema = z.object({
  ...questionBase,
  type: z.literal('rating'),
  style: z.enum(RATING_STYLES),
  ...scaleLabels,
});
export const npsQuestionSchema = z.object({ ...questionBase, type: z.literal('nps'), ...scaleLabels });
export const singleQuestionSchema = z.object({
  ...questionBase,
  type: z.literal('single'),
  options: z.array(choiceOptionSchema).max(SURVEY_LIMITS.options),
});
export const multipleQuestionSchema = z.object({
  ...questionBase,
  type: z.literal('multiple'),
  options: z.array(choiceOptionSchema).max(SURVEY_LIMITS.options),
  /** At most this many choices (null: any number). */
  maxChoices: z.number().int().min(1).max(SURVEY_LIMITS.options).nullable().default(null),
});
export const matrixQuestionSchema = z.object({
  ...questionBase,
  type: z.literal('matrix'),
  rows: z.array(matrixRowSchema).max(SURVEY_LIMITS.rows),
  scale: z.enum(MATRIX_SCALES),
  ...scaleLabels,
});
export const shortTextQuestionSchema = z.object({
  ...questionBase,
  type: z.literal('short_text'),
  placeholder: label.nullable().default(null),
});
export const longTextQuestionSchema = z.object({
  ...questionBase,
  type: z.literal('long_text'),
  placeholder: label.nullable().default(null),
});

export const questionSchema = z.discriminatedUnion('type', [
  ratingQuestionSchema,
  npsQuestionSchema,
  singleQuestionSchema,
  multipleQuestionSchema,
  matrixQuestionSchema,
  shortTextQuestionSchema,
  longTextQuestionSchema,
]);
export type Question = z.infer<typeof questionSchema>;
export type QuestionInput = z.input<typeof questionSchema>;

export const sectionSchema = z.object({
  id: surveyItemIdSchema,
  title: label,
  description,
  questions: z.array(questionSchema).max(SURVEY_LIMITS.questionsPerSection),
});
export type Section = z.infer<typeof sectionSchema>;

/**
 * The definition. Structure is checked by zod (400 with paths); the rules below by the server
 * (400 `surveys.invalid_definition`, field errors at `body.definition.…` with these codes; the
 * texts are the locale keys `errors.<code>`):
 * - `title` not empty (`surveys.validation.title_required`)
 * - at least one question (`surveys.validation.no_questions`, path `sections`)
 * - ids unique (`surveys.validation.duplicate_id`): sections among sections, questions among all
 *   questions, options and rows within their question
 * - every section and question has a title (`surveys.validation.title_required`)
 * - single/multiple: at least 2 options, each labelled (`surveys.validation.options_required`,
 *   `surveys.validation.label_required`); maxChoices ≤ number of options
 *   (`surveys.validation.max_choices`)
 * - matrix: at least 1 row, each labelled (`surveys.validation.rows_required`)
 * - at most SURVEY_LIMITS.questions questions in all (`surveys.validation.too_many_questions`)
 */
export const surveyDefinitionSchema = z.object({
  title: label,
  intro: description,
  /** Shown after submitting. */
  thanks: description,
  sections: z.array(sectionSchema).max(SURVEY_LIMITS.sections),
});
export type SurveyDefinition = z.infer<typeof surveyDefinitionSchema>;
export type SurveyDefinitionInput = z.input<typeof surveyDefinitionSchema>;

// ---- Staff: builder ----

/** `PUT /events/:id/survey` */
export const surveyInputSchema = z.object({
  definition: surveyDefinitionSchema,
  anonymous: z.boolean(),
  audience: z.enum(SURVEY_AUDIENCES),
});
export type SurveyInput = z.infer<typeof surveyInputSchema>;

/** `POST /events/:id/survey/validate` — the PUT body may be sent as is (other keys are ignored). */
export const validateInputSchema = z.object({ definition: surveyDefinitionSchema });
export type ValidateInput = z.infer<typeof validateInputSchema>;

export const resetInputSchema = z.object({ lang: z.enum(LANGS) });
export type ResetInput = z.infer<typeof resetInputSchema>;

export const fieldIssueSchema = z.object({
  path: z.string(),
  /** `surveys.validation.*` or `surveys.change.*`; its text is the locale key `errors.<code>`. */
  code: z.string(),
  /** The key translated into the caller's language. */
  message: z.string(),
});
export type FieldIssue = z.infer<typeof fieldIssueSchema>;
export const validationResultSchema = z.object({
  valid: z.boolean(),
  errors: z.array(fieldIssueSchema),
});
export type ValidationResult = z.infer<typeof validationResultSchema>;

export const surveyDetailSchema = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  status: z.enum(SURVEY_STATUSES),
  anonymous: z.boolean(),
  audience: z.enum(SURVEY_AUDIENCES),
  definition: surveyDefinitionSchema,
  /** Number of responses so far (edits are restricted once > 0). */
  responses: z.number().int(),
  invited: z.number().int(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** When invitations were last queued (null: never sent). */
  sentAt: z.string().nullable(),
  /** Pass page path pattern; `{token}` is the pass token: `/p/{token}/survey`. */
  passPath: z.string(),
  /** Public QR-slide page for the big screen: `/e/<slug>/survey`. */
  slidePath: z.string(),
  updatedAt: z.string(),
});
export type SurveyDetail = z.infer<typeof surveyDetailSchema>;

/** `POST /events/:id/survey/send` — `audience` overrides the stored one (and is stored). */
export const sendInputSchema = z.object({ audience: z.enum(SURVEY_AUDIENCES).optional() });
export type SendInput = z.infer<typeof sendInputSchema>;

export const sendResultSchema = z.object({
  status: z.enum(SURVEY_STATUSES),
  /** Size of the audience now. */
  audience: z.number().int(),
  /** Messages queued now (one per person with an e-mail address). */
  queued: z.number().int(),
  /** People left out because they were invited/reminded already (or answered, for reminders). */
  skipped: z.number().int(),
  /** People without an e-mail address (their pass page still shows the survey). */
  unreachable: z.number().int(),
});
export type SendResult = z.infer<typeof sendResultSchema>;

// ---- Answers ----

/**
 * The value of one answer, by question type: rating/nps → integer; single → option id;
 * multiple → option ids; matrix → { rowId: integer }; short_text/long_text → string.
 * Empty values (`''`, `[]`, `{}`, null) mean "not answered".
 */
export const answerValueSchema = z.union([
  z.number(),
  z.string().max(SURVEY_LIMITS.longText),
  z.array(z.string().max(SURVEY_LIMITS.id)).max(SURVEY_LIMITS.options),
  z.record(z.string().max(SURVEY_LIMITS.id), z.number()),
  z.null(),
]);
export type AnswerValue = z.infer<typeof answerValueSchema>;
export const answersSchema = z.record(z.string().max(SURVEY_LIMITS.id), answerValueSchema);
export type Answers = z.infer<typeof answersSchema>;

/**
 * `PUT /passes/:token/survey` — the whole response (a repeat replaces it). Checked against the
 * definition: unknown question ids, values of the wrong type or outside the scale, unknown
 * option/row ids, too many choices, texts too long, missing required answers (a required matrix
 * needs every row) → 400 `surveys.invalid_answers` with field errors at
 * `body.answers.<questionId>` (codes
 * `surveys.answer.required|invalid|out_of_range|unknown_option|too_many|too_long|unknown_question`).
 */
export const responseInputSchema = z.object({
  answers: answersSchema.refine((a) => Object.keys(a).length <= SURVEY_LIMITS.questions, {
    message: 'validation.too_many',
  }),
});
export type ResponseInput = z.infer<typeof responseInputSchema>;

export const responseSchema = z.object({
  id: z.uuid(),
  answers: answersSchema,
  submittedAt: z.string(),
  updatedAt: z.string(),
});
export type SurveyResponse = z.infer<typeof responseSchema>;

/** `GET /passes/:token/survey` */
export const passSurveySchema = z.object({
  event: z.object({ id: z.uuid(), theme: z.string(), slug: z.string() }),
  registration: z.object({ id: z.uuid(), name: z.string() }),
  /** Null when the event has no survey open or closed (draft surveys are not shown). */
  survey: z
    .object({
      id: z.uuid(),
      status: z.enum(['open', 'closed']),
      anonymous: z.boolean(),
      definition: surveyDefinitionSchema,
    })
    .nullable(),
  response: responseSchema.nullable(),
  /** True when this pass may submit/update now. */
  canRespond: z.boolean(),
  /** Why not: `not_open` (no survey / draft), `closed`, `not_invited` (outside the audience). */
  reason: z.enum(['not_open', 'closed', 'not_invited']).nullable(),
});
export type PassSurvey = z.infer<typeof passSurveySchema>;

// ---- Results (surveys.results.ts documents the formulas) ----

const respondentSchema = z.object({ name: z.string(), unitName: z.string() });

export const valueCountSchema = z.object({ value: z.number().int(), count: z.number().int() });
export const optionCountSchema = z.object({
  optionId: z.string(),
  label: z.string(),
  count: z.number().int(),
  /** count ÷ respondents who answered the question, 0–1. */
  share: z.number(),
});

export const npsSummarySchema = z.object({
  answered: z.number().int(),
  promoters: z.number().int(),
  passives: z.number().int(),
  detractors: z.number().int(),
  /** %promoters (9–10) − %detractors (0–6), −100…100, rounded to 1 decimal; null when unanswered. */
  score: z.number().nullable(),
});
export type NpsSummary = z.infer<typeof npsSummarySchema>;

export const textAnswerSchema = z.object({
  text: z.string(),
  /** Null when the survey is anonymous. */
  respondent: respondentSchema.nullable(),
});

const resultBase = {
  questionId: z.string(),
  sectionId: z.string(),
  title: z.string(),
  required: z.boolean(),
  /** Respondents who answered this question. */
  answered: z.number().int(),
};

export const questionResultSchema = z.discriminatedUnion('type', [
  z.object({
    ...resultBase,
    type: z.literal('rating'),
    style: z.enum(RATING_STYLES),
    min: z.number().int(),
    max: z.number().int(),
    /** Mean, 2 decimals; null when unanswered. */
    average: z.number().nullable(),
    /** One entry per scale value min…max (zeros included). */
    distribution: z.array(valueCountSchema),
  }),
  z.object({
    ...resultBase,
    type: z.literal('nps'),
    average: z.number().nullable(),
    distribution: z.array(valueCountSchema),
    nps: npsSummarySchema,
  }),
  z.object({ ...resultBase, type: z.literal('single'), options: z.array(optionCountSchema) }),
  z.object({ ...resultBase, type: z.literal('multiple'), options: z.array(optionCountSchema) }),
  z.object({
    ...resultBase,
    type: z.literal('matrix'),
    scale: z.enum(MATRIX_SCALES),
    min: z.number().int(),
    max: z.number().int(),
    rows: z.array(
      z.object({
        rowId: z.string(),
        label: z.string(),
        answered: z.number().int(),
        average: z.number().nullable(),
        distribution: z.array(valueCountSchema),
      }),
    ),
  }),
  z.object({ ...resultBase, type: z.literal('short_text'), answers: z.array(textAnswerSchema) }),
  z.object({ ...resultBase, type: z.literal('long_text'), answers: z.array(textAnswerSchema) }),
]);
export type QuestionResult = z.infer<typeof questionResultSchema>;

/** `GET /events/:id/survey/results` */
export const surveyResultsSchema = z.object({
  surveyId: z.uuid(),
  eventId: z.uuid(),
  status: z.enum(SURVEY_STATUSES),
  anonymous: z.boolean(),
  audience: z.enum(SURVEY_AUDIENCES),
  title: z.string(),
  /** The audience size once the survey has been opened (0 before): the rate's denominator. */
  invited: z.number().int(),
  /** All responses (the rate counts only those from the audience). */
  responses: z.number().int(),
  /** Responses from the audience: the rate's numerator ("answered / invited"). */
  answered: z.number().int(),
  /** Responses from the audience ÷ audience size, 0–1; null when nobody is in the audience. */
  responseRate: z.number().nullable(),
  /**
   * Mean over rating items (rating questions and matrix rows) of each item's mean, every item
   * first normalised to 1–5 (v ↦ 1 + 4·(v − min)/(max − min)); 2 decimals; null when none answered.
   */
  satisfactionAverage: z.number().nullable(),
  /** The first NPS question's summary; null when the survey has none. */
  nps: npsSummarySchema.nullable(),
  sections: z.array(z.object({ id: z.string(), title: z.string() })),
  questions: z.array(questionResultSchema),
  generatedAt: z.string(),
});
export type SurveyResults = z.infer<typeof surveyResultsSchema>;

/** `GET /events/:id/survey/responses` */
export const staffResponseSchema = z.object({
  /** Null when anonymous (responses are then listed in a stable but meaningless order). */
  id: z.uuid().nullable(),
  respondent: respondentSchema.nullable(),
  submittedAt: z.string().nullable(),
  answers: answersSchema,
});
export type StaffResponse = z.infer<typeof staffResponseSchema>;
export const staffResponsesSchema = z.object({
  anonymous: z.boolean(),
  items: z.array(staffResponseSchema),
});
export type StaffResponses = z.infer<typeof staffResponsesSchema>;

/** `GET /events/:id/survey/non-respondents` — audience members without a response. */
export const nonRespondentSchema = z.object({
  registrationId: z.uuid(),
  name: z.string(),
  unitName: z.string(),
  /** 138****5678 */
  mobileMasked: z.string().nullable(),
  hasEmail: z.boolean(),
  invitedAt: z.string().nullable(),
  lastRemindedAt: z.string().nullable(),
  reminders: z.number().int(),
});
export type NonRespondent = z.infer<typeof nonRespondentSchema>;
export const nonRespondentsSchema = z.object({
  audience: z.number().int(),
  items: z.array(nonRespondentSchema),
});
export type NonRespondents = z.infer<typeof nonRespondentsSchema>;

/** `GET /public/events/:slug/survey` — for a QR slide; attendees answer through their pass. */
export const surveySlideSchema = z.object({
  eventTheme: z.string(),
  title: z.string(),
  status: z.enum(['open', 'closed']),
  /**
   * Absolute URL of the public survey landing page (`/e/<slug>/survey`), to encode in the QR:
   * an attendee's phone that holds a pass goes on to `/p/<token>/survey`; otherwise the page
   * offers the pass link again by mobile number (`POST /public/events/:slug/resend-pass`).
   */
  joinUrl: z.string(),
  /** The join URL as an SVG QR code. */
  qrSvg: z.string(),
  responses: z.number().int(),
  invited: z.number().int(),
});
export type SurveySlide = z.infer<typeof surveySlideSchema>;

/** Realtime channel `event:<id>:survey`: a hint that results changed; pages refetch. */
export const surveyEventSchema = z.object({ kind: z.enum(['response', 'status', 'definition']) });
export const surveyChannel = (eventId: string) => `event:${eventId}:survey`;

/** The pass page path of the survey. */
export const passSurveyPath = (token: string) => `/p/${token}/survey`;

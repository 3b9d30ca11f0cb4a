import { z } from 'zod';
import { optionalText, text } from './common.js';

/** Observation templates (观察模板): enums, limits and the shapes shared by server and web. */
export const TEMPLATE_KINDS = ['observation', 'assessment'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export const VERSION_STATUSES = ['draft', 'published'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

export const SCORING_MODES = ['weighted_average', 'points_sum'] as const;
export type ScoringMode = (typeof SCORING_MODES)[number];

export const POINT_SCHEMES = ['stars_1_5', 'points_0_n', 'yes_no_na', 'unscored'] as const;
export type PointScheme = (typeof POINT_SCHEMES)[number];

export const CHECK_METHODS = ['on_site', 'documents'] as const;
export type CheckMethod = (typeof CHECK_METHODS)[number];

/** The `format` of an exported template file; a later format gets a new number. */
export const TEMPLATE_FILE_FORMAT = 'guanmo.template/v1';

export const TEMPLATE_LIMITS = {
  name: 100,
  description: 1000,
  title: 200,
  hint: 1000,
  deductionRule: 500,
  question: 500,
  dimensions: 30,
  pointsPerDimension: 60,
  questionsPerItem: 20,
  maxPoints: 1000,
  weight: 1000,
} as const;

const weight = z.number().min(0).max(TEMPLATE_LIMITS.weight);
const pointValue = z.number().positive().max(TEMPLATE_LIMITS.maxPoints);

export const questionInputSchema = z.object({ text: text(TEMPLATE_LIMITS.question) });

export const pointInputSchema = z.object({
  title: text(TEMPLATE_LIMITS.title),
  hint: optionalText(TEMPLATE_LIMITS.hint),
  scheme: z.enum(POINT_SCHEMES),
  /** points_0_n: the most the point is worth; yes_no_na in a points table: what "yes" earns. */
  maxPoints: pointValue.nullable().optional(),
  /** points_0_n: the smallest increment, e.g. 0.5. */
  step: pointValue.nullable().optional(),
  weight: weight.default(1),
  deductionRule: optionalText(TEMPLATE_LIMITS.deductionRule),
  checkMethod: z.enum(CHECK_METHODS).default('on_site'),
  allowNa: z.boolean().default(true),
  questions: z.array(questionInputSchema).max(TEMPLATE_LIMITS.questionsPerItem).default([]),
});
export type PointInput = z.infer<typeof pointInputSchema>;

export const dimensionInputSchema = z.object({
  name: text(TEMPLATE_LIMITS.name),
  description: optionalText(TEMPLATE_LIMITS.description),
  weight: weight.default(1),
  /** A section's value in a points table (e.g. 基础管理 32 分). */
  maxPoints: pointValue.nullable().optional(),
  points: z.array(pointInputSchema).max(TEMPLATE_LIMITS.pointsPerDimension).default([]),
  /** Guiding questions of the whole dimension (points carry their own). */
  questions: z.array(questionInputSchema).max(TEMPLATE_LIMITS.questionsPerItem).default([]),
});
export type DimensionInput = z.infer<typeof dimensionInputSchema>;

/** The whole editable content of a draft version, saved in one PUT. */
export const versionTreeInputSchema = z.object({
  scoringMode: z.enum(SCORING_MODES).default('weighted_average'),
  /** On the 0–100 total. */
  passMark: z.number().min(0).max(100).nullable().optional(),
  dimensions: z.array(dimensionInputSchema).max(TEMPLATE_LIMITS.dimensions).default([]),
});
export type VersionTreeInput = z.infer<typeof versionTreeInputSchema>;

export const templateInputSchema = z.object({
  name: text(TEMPLATE_LIMITS.name),
  description: optionalText(TEMPLATE_LIMITS.description),
  kind: z.enum(TEMPLATE_KINDS).default('observation'),
});
export type TemplateInput = z.infer<typeof templateInputSchema>;

export const templateRenameSchema = z.object({
  name: text(TEMPLATE_LIMITS.name),
  description: optionalText(TEMPLATE_LIMITS.description),
});
export type TemplateRename = z.infer<typeof templateRenameSchema>;

export const templateDuplicateSchema = z.object({
  name: text(TEMPLATE_LIMITS.name).optional(),
  /** The version to copy; the latest one by default. */
  versionId: z.uuid().optional(),
});
export type TemplateDuplicate = z.infer<typeof templateDuplicateSchema>;

export const templateQuerySchema = z.object({
  archived: z.enum(['true', 'false', 'all']).default('false'),
});
export type TemplateQuery = z.infer<typeof templateQuerySchema>;

export const versionParamsSchema = z.object({ versionId: z.uuid() });

/** An exported template file (docs/templates.md). Import validates exactly this. */
export const templateFileSchema = z.object({
  format: z.literal(TEMPLATE_FILE_FORMAT),
  template: z.object({
    name: text(TEMPLATE_LIMITS.name),
    description: optionalText(TEMPLATE_LIMITS.description),
    kind: z.enum(TEMPLATE_KINDS).default('observation'),
  }),
  version: versionTreeInputSchema,
});
export type TemplateFile = z.infer<typeof templateFileSchema>;

// ---- What the server answers ----

export const questionSchema = z.object({ id: z.uuid(), text: z.string() });

export const pointSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  hint: z.string().nullable(),
  scheme: z.enum(POINT_SCHEMES),
  maxPoints: z.number().nullable(),
  step: z.number().nullable(),
  weight: z.number(),
  deductionRule: z.string().nullable(),
  checkMethod: z.enum(CHECK_METHODS),
  allowNa: z.boolean(),
  questions: z.array(questionSchema),
});
export type TemplatePoint = z.infer<typeof pointSchema>;

export const dimensionSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  weight: z.number(),
  maxPoints: z.number().nullable(),
  points: z.array(pointSchema),
  questions: z.array(questionSchema),
});
export type TemplateDimension = z.infer<typeof dimensionSchema>;

export const versionSummarySchema = z.object({
  id: z.uuid(),
  number: z.number().int(),
  status: z.enum(VERSION_STATUSES),
  publishedAt: z.string().nullable(),
  publishedByName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type VersionSummary = z.infer<typeof versionSummarySchema>;

export const templateVersionSchema = versionSummarySchema.extend({
  templateId: z.uuid(),
  templateName: z.string(),
  templateKind: z.enum(TEMPLATE_KINDS),
  scoringMode: z.enum(SCORING_MODES),
  passMark: z.number().nullable(),
  dimensions: z.array(dimensionSchema),
});
export type TemplateVersion = z.infer<typeof templateVersionSchema>;

export const templateSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  kind: z.enum(TEMPLATE_KINDS),
  isDefault: z.boolean(),
  archived: z.boolean(),
  /** The newest version, draft or published. */
  latestVersion: versionSummarySchema.nullable(),
  /** The newest published version: what new events use. */
  currentVersion: versionSummarySchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TemplateSummary = z.infer<typeof templateSummarySchema>;

export const templateDetailSchema = templateSummarySchema.extend({
  versions: z.array(versionSummarySchema),
});
export type TemplateDetail = z.infer<typeof templateDetailSchema>;

/** An exported file as the server writes it (no defaults or transforms, so it serialises as is). */
export const templateFileOutputSchema = z.object({
  format: z.literal(TEMPLATE_FILE_FORMAT),
  exportedAt: z.string(),
  template: z.object({
    name: z.string(),
    description: z.string().nullable(),
    kind: z.enum(TEMPLATE_KINDS),
  }),
  version: z.object({
    number: z.number().int(),
    status: z.enum(VERSION_STATUSES),
    scoringMode: z.enum(SCORING_MODES),
    passMark: z.number().nullable(),
    dimensions: z.array(
      z.object({
        name: z.string(),
        description: z.string().nullable(),
        weight: z.number(),
        maxPoints: z.number().nullable(),
        questions: z.array(z.object({ text: z.string() })),
        points: z.array(
          z.object({
            title: z.string(),
            hint: z.string().nullable(),
            scheme: z.enum(POINT_SCHEMES),
            maxPoints: z.number().nullable(),
            step: z.number().nullable(),
            weight: z.number(),
            deductionRule: z.string().nullable(),
            checkMethod: z.enum(CHECK_METHODS),
            allowNa: z.boolean(),
            questions: z.array(z.object({ text: z.string() })),
          }),
        ),
      }),
    ),
  }),
});
export type TemplateFileOutput = z.infer<typeof templateFileOutputSchema>;

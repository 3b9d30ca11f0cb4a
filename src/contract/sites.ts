import { z } from 'zod';
import { LIMITS, mobileSchema, optionalText, pageQuerySchema, text } from './common.js';
import { PROJECT_TYPES } from './enums.js';

/** 配合意愿: is the managing company willing to open the site and share its experience? */
export const WILLINGNESS = ['yes', 'conditional', 'no'] as const;
export type Willingness = (typeof WILLINGNESS)[number];

/** Level of an honour such as 省级“优秀物业管理小区”. */
export const HONOUR_LEVELS = ['national', 'provincial', 'municipal', 'district'] as const;
export type HonourLevel = (typeof HONOUR_LEVELS)[number];

/** The seed's feature areas (特色突出): the first suggestions of the editable tag list. */
export const DEFAULT_SITE_TAGS = ['智慧物业', '绿色社区', '增值服务', '红色物业', '老旧小区改造'] as const;

/** The seed's screening criteria (筛选标准), equal weights to begin with. */
export const DEFAULT_SCREENING_CRITERIA = [
  { name: '行业声誉', weight: 25, description: '获得过省市级“优秀物业管理小区”等荣誉。' },
  {
    name: '特色突出',
    weight: 25,
    description: '在智慧物业、绿色社区、增值服务、红色物业、老旧小区改造等方面有亮点。',
  },
  {
    name: '代表性强',
    weight: 25,
    description: '项目类型（高端住宅、普通住宅、商业综合体、产业园等）能覆盖大部分会员单位的需求。',
  },
  { name: '配合意愿', weight: 25, description: '物业公司愿意开放并分享经验。' },
] as const;

export const SITE_LIMITS = {
  tagLength: 20,
  tagsPerSite: 20,
  tagList: 60,
  honours: 50,
  photos: 60,
  coverageSites: 10,
  scoreMin: 1,
  scoreMax: 5,
  weightMax: 100,
} as const;

const tagSchema = text(SITE_LIMITS.tagLength);

export const honourInputSchema = z.object({
  level: z.enum(HONOUR_LEVELS),
  title: text(100),
  year: z.number().int().min(1980).max(2100),
});
export type HonourInput = z.infer<typeof honourInputSchema>;

export const siteInputSchema = z.object({
  name: text(100),
  address: optionalText(200),
  district: optionalText(50),
  /** The member unit managing the site, or … */
  managingUnitId: z.uuid().nullable().optional(),
  /** … the managing company's name when it is not a member. */
  managingCompany: optionalText(100),
  projectType: z.enum(PROJECT_TYPES),
  areaM2: z.number().min(0).max(100_000_000).nullable().optional(),
  households: z.number().int().min(0).max(1_000_000).nullable().optional(),
  tags: z.array(tagSchema).max(SITE_LIMITS.tagsPerSite).default([]),
  willingness: z.enum(WILLINGNESS),
  contactName: optionalText(50),
  contactMobile: mobileSchema.nullable().optional(),
  description: optionalText(LIMITS.longText),
  honours: z.array(honourInputSchema).max(SITE_LIMITS.honours).default([]),
});
export type SiteInput = z.infer<typeof siteInputSchema>;

export const honourSchema = honourInputSchema.extend({ id: z.uuid() });
export type Honour = z.infer<typeof honourSchema>;

export const sitePhotoSchema = z.object({
  id: z.uuid(),
  fileId: z.uuid(),
  caption: z.string().nullable(),
  isCover: z.boolean(),
  position: z.number().int(),
  url: z.string(),
  thumbUrl: z.string(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
});
export type SitePhoto = z.infer<typeof sitePhotoSchema>;

export const siteHostSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string().nullable(),
});
export type SiteHost = z.infer<typeof siteHostSchema>;

export const siteSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  address: z.string().nullable(),
  district: z.string().nullable(),
  managingUnitId: z.uuid().nullable(),
  managingUnitName: z.string().nullable(),
  managingCompany: z.string().nullable(),
  projectType: z.enum(PROJECT_TYPES),
  areaM2: z.number().nullable(),
  households: z.number().int().nullable(),
  tags: z.array(z.string()),
  willingness: z.enum(WILLINGNESS),
  contactName: z.string().nullable(),
  /** Masked (138****1234) for everyone but admins and staff. */
  contactMobile: z.string().nullable(),
  description: z.string().nullable(),
  archived: z.boolean(),
  honours: z.array(honourSchema),
  photos: z.array(sitePhotoSchema),
  hosts: z.array(siteHostSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Site = z.infer<typeof siteSchema>;

export const siteSummarySchema = siteSchema
  .pick({
    id: true,
    name: true,
    district: true,
    managingUnitName: true,
    managingCompany: true,
    projectType: true,
    areaM2: true,
    households: true,
    tags: true,
    willingness: true,
    archived: true,
    honours: true,
  })
  .extend({ coverThumbUrl: z.string().nullable(), photoCount: z.number().int() });
export type SiteSummary = z.infer<typeof siteSummarySchema>;

export const siteQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  projectType: z.enum(PROJECT_TYPES).optional(),
  tag: z.string().trim().max(SITE_LIMITS.tagLength).optional(),
  honourLevel: z.enum(HONOUR_LEVELS).optional(),
  willingness: z.enum(WILLINGNESS).optional(),
  archived: z.enum(['true', 'false', 'all']).default('false'),
});
export type SiteQuery = z.infer<typeof siteQuerySchema>;

export const siteTagsSchema = z.object({
  tags: z.array(tagSchema).max(SITE_LIMITS.tagList),
});
export type SiteTags = z.infer<typeof siteTagsSchema>;

export const photoUpdateSchema = z.object({
  caption: optionalText(200),
  isCover: z.literal(true).optional(),
});
export const photoOrderSchema = z.object({
  photoIds: z.array(z.uuid()).min(1).max(SITE_LIMITS.photos),
});
export const sitePhotoParamsSchema = z.object({ id: z.uuid(), photoId: z.uuid() });
export const siteHostParamsSchema = z.object({ id: z.uuid(), userId: z.uuid() });
export const linkHostSchema = z.object({ userId: z.uuid() });

/** A host-role account as the link picker shows it, with the site it is linked to now. */
export const hostAccountSchema = siteHostSchema.extend({
  siteId: z.uuid().nullable(),
  siteName: z.string().nullable(),
});
export type HostAccount = z.infer<typeof hostAccountSchema>;

// ── Screening (筛选) ────────────────────────────────────────────────────────

export const criterionInputSchema = z.object({
  name: text(50),
  weight: z.number().int().min(0).max(SITE_LIMITS.weightMax),
  description: optionalText(LIMITS.mediumText),
});
export type CriterionInput = z.infer<typeof criterionInputSchema>;

export const criterionSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  weight: z.number().int(),
  description: z.string().nullable(),
  position: z.number().int(),
});
export type Criterion = z.infer<typeof criterionSchema>;

export const criteriaOrderSchema = z.object({ criterionIds: z.array(z.uuid()).min(1).max(50) });

export const scoreInputSchema = z.object({
  scores: z
    .array(
      z.object({
        criterionId: z.uuid(),
        /** 1–5; null removes this scorer's score for the criterion. */
        score: z.number().int().min(SITE_LIMITS.scoreMin).max(SITE_LIMITS.scoreMax).nullable(),
        evidence: optionalText(1000),
      }),
    )
    .min(1)
    .max(50),
});
export type ScoreInput = z.infer<typeof scoreInputSchema>;

export const myScoreSchema = z.object({
  siteId: z.uuid(),
  criterionId: z.uuid(),
  score: z.number().int(),
  evidence: z.string().nullable(),
  updatedAt: z.string(),
});
export type MyScore = z.infer<typeof myScoreSchema>;

export const shortlistEntrySchema = z.object({
  rank: z.number().int(),
  siteId: z.uuid(),
  siteName: z.string(),
  projectType: z.enum(PROJECT_TYPES),
  willingness: z.enum(WILLINGNESS),
  /** Σ weight × mean score ÷ Σ weight, over the criteria that have scores; null when none. */
  weightedScore: z.number().nullable(),
  scorerCount: z.number().int(),
  /** Highest minus lowest of the scorers' own weighted totals (0 with one scorer). */
  spread: z.number().nullable(),
  scorerTotals: z.array(z.object({ scorerId: z.uuid(), scorerName: z.string(), total: z.number() })),
  criteria: z.array(
    z.object({
      criterionId: z.uuid(),
      mean: z.number().nullable(),
      /** Population standard deviation of the scores given for the criterion. */
      stddev: z.number().nullable(),
      count: z.number().int(),
    }),
  ),
});
export type ShortlistEntry = z.infer<typeof shortlistEntrySchema>;

// ── Coverage (代表性) ────────────────────────────────────────────────────────

export const coverageQuerySchema = z.object({
  /** Comma-separated site ids. */
  siteIds: z
    .string()
    .trim()
    .min(1)
    .transform((v) => [...new Set(v.split(',').map((s) => s.trim()))])
    .pipe(z.array(z.uuid()).min(1).max(SITE_LIMITS.coverageSites)),
});

export const coverageUnitSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  projectTypes: z.array(z.enum(PROJECT_TYPES)),
});

export const coverageSchema = z.object({
  siteIds: z.array(z.uuid()),
  projectTypes: z.array(z.enum(PROJECT_TYPES)),
  totalUnits: z.number().int(),
  coveredUnits: z.number().int(),
  /** coveredUnits ÷ totalUnits (0 when there are no member units). */
  share: z.number(),
  leftOut: z.array(coverageUnitSchema),
});
export type Coverage = z.infer<typeof coverageSchema>;

const suggestionSchema = z.object({
  siteIds: z.array(z.uuid()),
  siteNames: z.array(z.string()),
  coveredUnits: z.number().int(),
  share: z.number(),
  /** Sum of the sites' screening scores, the tie-breaker. */
  screeningScore: z.number(),
});
export type SuggestedSet = z.infer<typeof suggestionSchema>;

export const coverageSuggestionSchema = z.object({
  totalUnits: z.number().int(),
  best1: suggestionSchema.nullable(),
  best2: suggestionSchema.nullable(),
});
export type CoverageSuggestion = z.infer<typeof coverageSuggestionSchema>;

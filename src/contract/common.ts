import { z } from 'zod';

export const ROLES = ['admin', 'staff', 'member', 'host'] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

export const LANGS = ['zh-CN', 'en-US'] as const;
export type Lang = (typeof LANGS)[number];

export const LIMITS = {
  shortText: 100,
  mediumText: 500,
  longText: 5000,
  pageSizeMax: 100,
  passwordMin: 8,
  passwordMax: 128,
} as const;

export const idSchema = z.uuid();
export const idParamsSchema = z.object({ id: idSchema });

/** Trimmed, non-empty single-line text with a maximum length. */
export const text = (max: number = LIMITS.shortText) => z.string().trim().min(1).max(max);
export const optionalText = (max: number = LIMITS.mediumText) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(20),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

/** RFC 9457 problem details as every error response carries it. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  requestId: z.string().optional(),
});
export type Problem = z.infer<typeof problemSchema>;

/** Mainland mobile numbers: 11 digits, 13x–19x. */
export const MOBILE_RE = /^1[3-9]\d{9}$/;
export const mobileSchema = z.string().trim().regex(MOBILE_RE, { message: 'validation.mobile' });
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'validation.email' }));

export function maskMobile(mobile: string | null | undefined): string | null {
  if (!mobile) return mobile ?? null;
  return mobile.length === 11 ? `${mobile.slice(0, 3)}****${mobile.slice(7)}` : '****';
}

import { z } from 'zod';
import { emailSchema, LIMITS, mobileSchema, pageQuerySchema, roleSchema, text } from './common.js';

export const passwordSchema = z
  .string()
  .min(LIMITS.passwordMin, { message: 'validation.password_short' })
  .max(LIMITS.passwordMax);

export const loginSchema = z.object({
  login: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(LIMITS.passwordMax),
});

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1).max(LIMITS.passwordMax),
  newPassword: passwordSchema,
});

export const meSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string().nullable(),
  mobile: z.string().nullable(),
  role: roleSchema,
  memberUnitId: z.uuid().nullable(),
  memberUnitName: z.string().nullable(),
  siteId: z.uuid().nullable(),
  lang: z.string().nullable(),
});
export type Me = z.infer<typeof meSchema>;

export const updateMeSchema = z.object({
  name: text(50).optional(),
  lang: z.enum(['zh-CN', 'en-US']).optional(),
});

export const userSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string().nullable(),
  mobile: z.string().nullable(),
  role: roleSchema,
  memberUnitId: z.uuid().nullable(),
  memberUnitName: z.string().nullable(),
  position: z.string().nullable(),
  disabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const userQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  role: roleSchema.optional(),
  memberUnitId: z.uuid().optional(),
});

export const createInviteSchema = z
  .object({
    role: roleSchema,
    memberUnitId: z.uuid().nullable().optional(),
    name: text(50).nullable().optional(),
    email: emailSchema.nullable().optional(),
    expiresInDays: z.number().int().min(1).max(30).default(7),
  })
  .refine((v) => v.role !== 'member' || !!v.memberUnitId, {
    message: 'validation.member_needs_unit',
    path: ['memberUnitId'],
  });

export const inviteSchema = z.object({
  id: z.uuid(),
  role: roleSchema,
  memberUnitId: z.uuid().nullable(),
  memberUnitName: z.string().nullable(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  expiresAt: z.string(),
  usedAt: z.string().nullable(),
  createdAt: z.string(),
});
export const createdInviteSchema = inviteSchema.extend({ token: z.string(), url: z.string() });

export const invitePreviewSchema = z.object({
  role: roleSchema,
  memberUnitName: z.string().nullable(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  associationName: z.string(),
});

export const acceptInviteSchema = z
  .object({
    name: text(50),
    email: emailSchema.nullable().optional(),
    mobile: mobileSchema.nullable().optional(),
    position: text(50).nullable().optional(),
    password: passwordSchema,
  })
  .refine((v) => !!v.email || !!v.mobile, { message: 'validation.email_or_mobile', path: ['email'] });

export const tokenParamsSchema = z.object({ token: z.string().min(10).max(200) });

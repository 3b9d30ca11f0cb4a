import { z } from 'zod';
import { emailSchema, mobileSchema, text } from './common.js';
import { passwordSchema } from './users.js';

export const setupStatusSchema = z.object({
  needsSetup: z.boolean(),
  associationName: z.string().nullable(),
});

export const setupSchema = z.object({
  token: z.string().min(10).max(200),
  association: z.object({ name: text(100), region: text(100) }),
  admin: z.object({
    name: text(50),
    email: emailSchema,
    mobile: mobileSchema.nullable().optional(),
    password: passwordSchema,
  }),
  demo: z.boolean().default(false),
});
export type SetupInput = z.infer<typeof setupSchema>;

export const associationSchema = z.object({ id: z.uuid(), name: z.string(), region: z.string() });
export const updateAssociationSchema = z.object({ name: text(100), region: text(100) });

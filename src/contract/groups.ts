import { z } from 'zod';
import { mobileSchema, text } from './common.js';

export const groupMemberSchema = z.object({
  registrationId: z.uuid(),
  name: z.string(),
  unitName: z.string(),
  memberUnitId: z.uuid().nullable(),
  position: z.string().nullable(),
  focusDimensionIds: z.array(z.uuid()),
  checkedIn: z.boolean(),
});
export type GroupMember = z.infer<typeof groupMemberSchema>;

export const groupSchema = z.object({
  id: z.uuid(),
  eventSiteId: z.uuid(),
  siteName: z.string(),
  name: z.string(),
  position: z.number().int(),
  guideUserId: z.uuid().nullable(),
  guideName: z.string().nullable(),
  guidePhone: z.string().nullable(),
  members: z.array(groupMemberSchema),
});
export type Group = z.infer<typeof groupSchema>;

export const groupsOverviewSchema = z.object({
  groups: z.array(groupSchema),
  /** Confirmed registrants without a group, per site. */
  ungrouped: z.array(groupMemberSchema.extend({ eventSiteId: z.uuid() })),
  /** Staff and host users who can guide. */
  guides: z.array(z.object({ id: z.uuid(), name: z.string(), role: z.string() })),
});

export const autoGroupSchema = z.object({
  eventSiteId: z.uuid(),
  /** `size`: groups of about `value` people; `count`: exactly `value` groups. */
  mode: z.enum(['size', 'count']),
  value: z.number().int().min(1).max(500),
  /** true: spread colleagues of one unit across groups; false: keep them together. */
  spreadUnits: z.boolean().default(true),
  balanceFocus: z.boolean().default(true),
});
export type AutoGroupInput = z.infer<typeof autoGroupSchema>;

export const createGroupSchema = z.object({ eventSiteId: z.uuid(), name: text(50) });
export const updateGroupSchema = z.object({
  name: text(50).optional(),
  guideUserId: z.uuid().nullable().optional(),
  guideName: text(50).nullable().optional(),
  guidePhone: mobileSchema.nullable().optional(),
});
export const moveMembersSchema = z.object({
  registrationIds: z.array(z.uuid()).min(1).max(500),
  /** null takes them out of any group. */
  groupId: z.uuid().nullable(),
});

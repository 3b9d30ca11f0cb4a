import { z } from 'zod';
import { LIMITS, optionalText, text } from './common.js';

export const TASK_STATUSES = ['todo', 'doing', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Days relative to the event date: T-14 is -14, T+7 is 7. */
export const offsetDaysSchema = z.number().int().min(-365).max(365);

export const checklistTaskInputSchema = z.object({
  offsetDays: offsetDaysSchema,
  title: text(200),
  assigneeId: z.uuid().nullable().optional(),
  status: z.enum(TASK_STATUSES).default('todo'),
  notes: optionalText(LIMITS.longText),
});
export type ChecklistTaskInput = z.infer<typeof checklistTaskInputSchema>;

export const checklistTaskPatchSchema = z
  .object({
    offsetDays: offsetDaysSchema.optional(),
    title: text(200).optional(),
    assigneeId: z.uuid().nullable().optional(),
    status: z.enum(TASK_STATUSES).optional(),
    notes: optionalText(LIMITS.longText),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'validation.nothing_to_change' });
export type ChecklistTaskPatch = z.infer<typeof checklistTaskPatchSchema>;

export const checklistTaskSchema = z.object({
  id: z.uuid(),
  position: z.number().int(),
  offsetDays: z.number().int(),
  title: z.string(),
  assigneeId: z.uuid().nullable(),
  assigneeName: z.string().nullable(),
  status: z.enum(TASK_STATUSES),
  notes: z.string().nullable(),
  /** The event date plus the offset, YYYY-MM-DD. */
  dueDate: z.string(),
  overdue: z.boolean(),
  doneAt: z.string().nullable(),
});
export type ChecklistTask = z.infer<typeof checklistTaskSchema>;

export const checklistSchema = z.object({
  eventId: z.uuid(),
  today: z.string(),
  tasks: z.array(checklistTaskSchema),
  overdueCount: z.number().int(),
});
export type Checklist = z.infer<typeof checklistSchema>;

export const checklistTaskParamsSchema = z.object({ id: z.uuid(), taskId: z.uuid() });

/** Staff and admins a task can be given to. */
export const assigneeOptionSchema = z.object({ id: z.uuid(), name: z.string() });

import { z } from 'zod';
import { AGENDA_ITEM_TYPES } from './agenda.js';

/**
 * Run of show (时间控制): actual start/end of agenda items against the plan, the current item
 * with its countdown, overrun warnings, and where each group is on the route.
 * Planned times are the agenda's HH:MM on the event date, China time (+08:00).
 */

/** An item counts as on time when it started and ended within this many minutes of the plan. */
export const ON_TIME_TOLERANCE_MINUTES = 5;

const at = z.iso.datetime({ offset: true, message: 'validation.datetime' });

export const runOfShowItemParamsSchema = z.object({ id: z.uuid(), itemId: z.uuid() });
export const runOfShowGroupParamsSchema = z.object({ id: z.uuid(), groupId: z.uuid() });

/**
 * `POST /events/:id/run-of-show/items/:itemId/start|end` — marks the time (`at`, default now).
 * Idempotent: an item already started (ended) keeps its first time and is answered as is.
 * Starting an item ends any other item still running at that moment. Ending an item that was
 * never started answers 409 `run_of_show.not_started`. `DELETE /events/:id/run-of-show/items/:itemId`
 * clears both times (a mistaken tap).
 */
export const markInputSchema = z.object({ at: at.optional() });
export type MarkInput = z.infer<typeof markInputSchema>;

export const ITEM_STATES = ['pending', 'running', 'done'] as const;

export const runOfShowItemSchema = z.object({
  agendaItemId: z.uuid(),
  position: z.number().int(),
  type: z.enum(AGENDA_ITEM_TYPES),
  title: z.string(),
  /** HH:MM as planned. */
  plannedStart: z.string(),
  plannedEnd: z.string(),
  plannedStartAt: z.string(),
  plannedEndAt: z.string(),
  actualStartAt: z.string().nullable(),
  actualEndAt: z.string().nullable(),
  state: z.enum(ITEM_STATES),
  /** Actual start − planned start, minutes (negative = early); null before it starts. */
  startDelayMinutes: z.number().int().nullable(),
  /**
   * Actual end − planned end in minutes, positive only (0 when on time or early). For the
   * running item: now − planned end. Null for pending items.
   */
  overrunMinutes: z.number().int().nullable(),
  onTime: z.boolean().nullable(),
  startedByName: z.string().nullable(),
  endedByName: z.string().nullable(),
});
export type RunOfShowItem = z.infer<typeof runOfShowItemSchema>;

export const RUN_OF_SHOW_WARNINGS = ['overrun', 'late_start', 'should_have_started'] as const;
export const runOfShowWarningSchema = z.object({
  code: z.enum(RUN_OF_SHOW_WARNINGS),
  agendaItemId: z.uuid(),
  minutes: z.number().int(),
});

export const punctualitySchema = z.object({
  /** Items with a planned duration (moments like 17:00 活动结束 are left out). */
  items: z.number().int(),
  /** Items with both actual times. */
  finished: z.number().int(),
  onTime: z.number().int(),
  /** onTime ÷ finished, 0–1; null before any item finished. */
  onTimeRate: z.number().nullable(),
  /** Σ positive (actual end − planned end) over finished items, minutes. */
  totalOverrunMinutes: z.number().int(),
});
export type Punctuality = z.infer<typeof punctualitySchema>;

/** `GET /events/:id/run-of-show` */
export const runOfShowSchema = z.object({
  eventId: z.uuid(),
  /** The event's theme (a host cannot read the event itself). */
  theme: z.string(),
  eventDate: z.string(),
  now: z.string(),
  items: z.array(runOfShowItemSchema),
  current: runOfShowItemSchema.nullable(),
  /** The current item's planned end and the seconds left (negative = overrunning). */
  countdown: z.object({ plannedEndAt: z.string(), remainingSeconds: z.number().int() }).nullable(),
  next: runOfShowItemSchema.nullable(),
  warnings: z.array(runOfShowWarningSchema),
  punctuality: punctualitySchema,
});
export type RunOfShow = z.infer<typeof runOfShowSchema>;

/**
 * `POST /events/:id/run-of-show/groups/:groupId/position` — a guide (staff, or a host user of the
 * group's site) reports the group's current stop. `clientId` makes an offline retry harmless.
 */
export const positionInputSchema = z.object({
  routeStopId: z.uuid(),
  at: at.optional(),
  clientId: z.uuid().optional(),
});
export type PositionInput = z.infer<typeof positionInputSchema>;

export const groupPositionSchema = z.object({
  routeStopId: z.uuid().nullable(),
  stopName: z.string(),
  stopPosition: z.number().int().nullable(),
  at: z.string(),
  /** Minutes at the stop so far, and what the route plans there. */
  minutesThere: z.number().int(),
  plannedMinutes: z.number().int().nullable(),
  overstay: z.boolean(),
  reportedByName: z.string().nullable(),
});

export const boardGroupSchema = z.object({
  groupId: z.uuid(),
  name: z.string(),
  eventSiteId: z.uuid(),
  siteName: z.string(),
  guideName: z.string().nullable(),
  current: groupPositionSchema.nullable(),
  /** Stops reported so far, oldest first. */
  history: z.array(groupPositionSchema),
});

/** `GET /events/:id/run-of-show/board` */
export const boardSchema = z.object({
  eventId: z.uuid(),
  now: z.string(),
  groups: z.array(boardGroupSchema),
  sites: z.array(
    z.object({
      eventSiteId: z.uuid(),
      siteName: z.string(),
      stops: z.array(
        z.object({ id: z.uuid(), position: z.number().int(), name: z.string(), minutes: z.number().int() }),
      ),
    }),
  ),
});
export type Board = z.infer<typeof boardSchema>;

export const runOfShowChannel = (eventId: string) => `event:${eventId}:run-of-show`;
/** Realtime event types on that channel (data: `{ agendaItemId }` or `{ groupId, routeStopId, at }`). */
export const RUN_OF_SHOW_EVENTS = ['item_started', 'item_ended', 'item_reset', 'group_position'] as const;
/**
 * One group's position reports (`group_position`, data `{ groupId, routeStopId, at }`), streamed to
 * the group's attendees through their pass (`GET /passes/:token/stream`).
 */
export const groupPositionChannel = (groupId: string) => `group:${groupId}:position`;

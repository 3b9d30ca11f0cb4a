import { date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { RetroActionStatus } from '../../../contract/retrospectives.js';
import { createdAt, id, tstz, updatedAt } from '../../db/columns.js';
import { events } from '../events/events.table.js';
import { users } from '../users/users.table.js';

/** 复盘 — the organisers' notes about one event (one row per event, made on the first save). */
export const retrospectives = pgTable(
  'retrospectives',
  {
    id: id(),
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    /** 保持 — what went well and should be kept. */
    keep: text(),
    /** 改进 — what should be done better. */
    improve: text(),
    summary: text(),
    /** Bumped on every save: a save based on an older version is refused (two organisers editing). */
    version: integer().notNull().default(0),
    updatedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('retrospectives_event_key').on(t.eventId)],
);

/** 改进措施 — an improvement action out of the retrospective, with owner, due date and status. */
export const retroActions = pgTable(
  'retro_actions',
  {
    id: id(),
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    title: text().notNull(),
    ownerName: text().notNull(),
    ownerUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    dueDate: date({ mode: 'string' }).notNull(),
    status: text().$type<RetroActionStatus>().notNull().default('open'),
    doneAt: tstz(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('retro_actions_event_idx').on(t.eventId, t.position),
    index('retro_actions_owner_idx').on(t.ownerUserId),
  ],
);

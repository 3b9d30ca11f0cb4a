import { index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import type { TaskStatus } from '../../../contract/checklists.js';
import { createdAt, id, tstz, updatedAt } from '../../db/columns.js';
import { events } from '../events/events.table.js';
import { users } from '../users/users.table.js';

/** 协调清单 — a coordination task due a number of days before or after the event date. */
export const checklistTasks = pgTable(
  'checklist_tasks',
  {
    id: id(),
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    offsetDays: integer().notNull(),
    title: text().notNull(),
    assigneeId: uuid().references(() => users.id, { onDelete: 'set null' }),
    status: text().$type<TaskStatus>().notNull().default('todo'),
    notes: text(),
    doneAt: tstz(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('checklist_tasks_event_idx').on(t.eventId, t.position)],
);

import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { AgendaItem, AgendaItemType } from '../../../contract/agenda.js';
import { createdAt, id, tstz, updatedAt } from '../../db/columns.js';
import { events } from '../events/events.table.js';
import { users } from '../users/users.table.js';

/** 议程 — one timed item of an event's agenda. Times are minutes after midnight (China time). */
export const agendaItems = pgTable(
  'agenda_items',
  {
    id: id(),
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    startMinute: integer().notNull(),
    endMinute: integer().notNull(),
    type: text().$type<AgendaItemType>().notNull(),
    title: text().notNull(),
    speaker: text(),
    place: text(),
    notes: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('agenda_items_event_idx').on(t.eventId, t.position)],
);

/** A published snapshot of the agenda; the latest is what attendees and the host see. */
export const agendaVersions = pgTable(
  'agenda_versions',
  {
    id: id(),
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    version: integer().notNull(),
    items: jsonb().$type<AgendaItem[]>().notNull(),
    publishedAt: tstz().notNull(),
    publishedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('agenda_versions_event_version_key').on(t.eventId, t.version)],
);

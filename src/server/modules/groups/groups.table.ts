import { index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from '../../db/columns.js';
import { eventSites, events } from '../events/events.table.js';
import { users } from '../users/users.table.js';

/** 分组 — a guided group of attendees on one site's tour. */
export const groups = pgTable(
  'groups',
  {
    id: id(),
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    eventSiteId: uuid()
      .notNull()
      .references(() => eventSites.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    position: integer().notNull(),
    /** 带队人: a staff or host user, or just a name. */
    guideUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    guideName: text(),
    guidePhone: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('groups_event_idx').on(t.eventId, t.eventSiteId, t.position)],
);

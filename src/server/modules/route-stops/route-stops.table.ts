import { index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from '../../db/columns.js';
import { eventSites } from '../events/events.table.js';

/** 参观路线 — one ordered stop of the tour at one event site. */
export const routeStops = pgTable(
  'route_stops',
  {
    id: id(),
    eventSiteId: uuid()
      .notNull()
      .references(() => eventSites.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    name: text().notNull(),
    minutes: integer().notNull(),
    /** Points of the event's template version to observe here (checked against it on write). */
    pointIds: uuid().array().notNull().default([]),
    guideNotes: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('route_stops_event_site_idx').on(t.eventSiteId, t.position)],
);

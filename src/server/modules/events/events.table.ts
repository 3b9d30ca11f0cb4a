import { date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { EventFormat, EventObjective, EventStatus } from '../../../contract/events.js';
import { createdAt, id, tstz, updatedAt } from '../../db/columns.js';
import { sites } from '../sites/sites.table.js';
import { templateVersions } from '../templates/templates.table.js';
import { users } from '../users/users.table.js';

/** 参观活动 — one benchmark-site visit event. */
export const events = pgTable(
  'events',
  {
    id: id(),
    /** Short public name in URLs (/e/<slug>); unique, generated, editable. */
    slug: text().notNull(),
    theme: text().notNull(),
    objectives: text().array().$type<EventObjective[]>().notNull().default([]),
    /** 核心学习重点: dimension ids of the template version. */
    focusDimensionIds: uuid().array().notNull().default([]),
    eventDate: date({ mode: 'string' }).notNull(),
    format: text().$type<EventFormat>().notNull(),
    templateVersionId: uuid().references(() => templateVersions.id, { onDelete: 'restrict' }),
    capacity: integer().notNull(),
    /** Fee in fen (分); the API speaks yuan. */
    feeFen: integer().notNull().default(0),
    registrationDeadline: tstz().notNull(),
    meetingPoint: text(),
    contactName: text(),
    contactPhone: text(),
    notes: text(),
    seriesName: text(),
    issueNumber: integer(),
    status: text().$type<EventStatus>().notNull().default('draft'),
    statusChangedAt: tstz(),
    clonedFromId: uuid(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('events_slug_key').on(t.slug),
    index('events_date_idx').on(t.eventDate),
    index('events_status_idx').on(t.status),
  ],
);

/** The one or two benchmark sites of an event; when two, registrants choose one. */
export const eventSites = pgTable(
  'event_sites',
  {
    id: id(),
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    siteId: uuid()
      .notNull()
      .references(() => sites.id, { onDelete: 'restrict' }),
    capacity: integer().notNull(),
    position: integer().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('event_sites_event_site_key').on(t.eventId, t.siteId),
    index('event_sites_site_idx').on(t.siteId),
  ],
);

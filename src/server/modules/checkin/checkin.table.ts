import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tstz } from '../../db/columns.js';
import { eventSites, events } from '../events/events.table.js';
import { registrations } from '../registrations/registrations.table.js';
import { users } from '../users/users.table.js';

export type CheckinMethod = 'qr' | 'search' | 'walk_in';

/**
 * Every scan a device made, online or offline, with the answer it got. The client nonce makes a
 * repeated upload of the same scan return the same answer instead of scanning twice.
 */
export const checkinScans = pgTable(
  'checkin_scans',
  {
    id: id(),
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    eventSiteId: uuid().references(() => eventSites.id, { onDelete: 'cascade' }),
    registrationId: uuid().references(() => registrations.id, { onDelete: 'set null' }),
    nonce: text().notNull(),
    method: text().$type<CheckinMethod>().notNull(),
    /** When the device scanned (its clock), and when the server heard of it. */
    scannedAt: tstz().notNull(),
    receivedAt: tstz().notNull(),
    deviceId: text(),
    staffId: uuid().references(() => users.id, { onDelete: 'set null' }),
    resultCode: text().notNull(),
    result: jsonb().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('checkin_scans_nonce_key').on(t.nonce),
    index('checkin_scans_event_idx').on(t.eventId, t.receivedAt),
  ],
);

/** 签到 — the one effective check-in of a registration (the earliest scan wins). */
export const checkins = pgTable(
  'checkins',
  {
    id: id(),
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    eventSiteId: uuid()
      .notNull()
      .references(() => eventSites.id, { onDelete: 'cascade' }),
    registrationId: uuid()
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    /** The scan that made (or, offline, moved earlier) this check-in; see checkin_scans.id. */
    scanId: uuid(),
    method: text().$type<CheckinMethod>().notNull(),
    scannedAt: tstz().notNull(),
    receivedAt: tstz().notNull(),
    deviceId: text(),
    staffId: uuid().references(() => users.id, { onDelete: 'set null' }),
    undoneAt: tstz(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('checkins_registration_active_key').on(t.registrationId).where(sql`undone_at is null`),
    index('checkins_event_idx').on(t.eventId, t.scannedAt),
  ],
);

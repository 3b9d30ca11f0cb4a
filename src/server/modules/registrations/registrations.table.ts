import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { FieldType, RegistrationStatus } from '../../../contract/registrations.js';
import { createdAt, id, tstz, updatedAt } from '../../db/columns.js';
import { eventSites, events } from '../events/events.table.js';
import { memberUnits } from '../member-units/member-units.table.js';
import { users } from '../users/users.table.js';

/** Per-event registration rules (one row per event; defaults when missing). */
export const registrationSettings = pgTable('registration_settings', {
  eventId: uuid()
    .primaryKey()
    .references(() => events.id, { onDelete: 'cascade' }),
  unitQuota: integer(),
  requiresApproval: boolean().notNull().default(false),
  allowNonMembers: boolean().notNull().default(false),
  retentionDays: integer().notNull().default(180),
  updatedAt: updatedAt(),
});

/** Custom fields staff add to an event's registration form. */
export const registrationFields = pgTable(
  'registration_fields',
  {
    id: id(),
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    label: text().notNull(),
    type: text().$type<FieldType>().notNull(),
    required: boolean().notNull().default(false),
    options: text().array().notNull().default([]),
    showIfFieldId: uuid(),
    showIfEquals: text(),
    position: integer().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('registration_fields_event_idx').on(t.eventId)],
);

/** 报名 — one person registered for an event (at one of its sites). */
export const registrations = pgTable(
  'registrations',
  {
    id: id(),
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    eventSiteId: uuid()
      .notNull()
      .references(() => eventSites.id, { onDelete: 'restrict' }),
    status: text().$type<RegistrationStatus>().notNull(),
    /** Order on the waitlist: set when waitlisted (monotonic per event). */
    waitlistSeq: integer(),
    memberUnitId: uuid().references(() => memberUnits.id, { onDelete: 'set null' }),
    unitName: text().notNull(),
    name: text().notNull(),
    position: text(),
    mobile: text(),
    email: text(),
    focusDimensionIds: uuid().array().notNull().default([]),
    questions: text(),
    answers: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    /**
     * The personal pass secret (参会凭证). Kept as is, like pretix's order secrets, so the same
     * link can be sent again and printed on badges; only its SHA-256 leaves for offline scanners.
     */
    passToken: text().notNull(),
    consentVersion: text(),
    consentedAt: tstz(),
    userId: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    groupId: uuid(),
    cancelledAt: tstz(),
    approvedAt: tstz(),
    anonymizedAt: tstz(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('registrations_pass_token_key').on(t.passToken),
    // One active registration per mobile and event (duplicate detection, race-safe).
    uniqueIndex('registrations_event_mobile_key')
      .on(t.eventId, t.mobile)
      .where(sql`status <> 'cancelled' and mobile is not null`),
    index('registrations_event_status_idx').on(t.eventId, t.status),
    index('registrations_site_idx').on(t.eventSiteId),
    index('registrations_unit_idx').on(t.memberUnitId),
  ],
);

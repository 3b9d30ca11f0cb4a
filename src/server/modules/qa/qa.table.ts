import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  index,
  integer,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { QaSource, QaStatus } from '../../../contract/qa.js';
import { createdAt, tstz, updatedAt } from '../../db/columns.js';
import { events } from '../events/events.table.js';
import { registrations } from '../registrations/registrations.table.js';
import { users } from '../users/users.table.js';

/**
 * Per-event Q&A settings. Every Q&A write locks this row first: one writer per event at a time, so
 * realtime ids of the event's channels are assigned in commit order (Last-Event-ID catch-up then
 * can neither miss nor repeat a question).
 */
export const qaSettings = pgTable('qa_settings', {
  eventId: uuid()
    .primaryKey()
    .references(() => events.id, { onDelete: 'cascade' }),
  preModeration: boolean().notNull().default(false),
  open: boolean().notNull().default(true),
  /** Secret of the presenter screen link (rotatable). */
  screenKey: text().notNull(),
  updatedAt: updatedAt(),
});

/** 互动问答 — one question of an event, whatever its source. */
export const qaQuestions = pgTable(
  'qa_questions',
  {
    /** A live question's id is the asking phone's client UUID (a retry finds it). */
    id: uuid().primaryKey().defaultRandom(),
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    source: text().$type<QaSource>().notNull(),
    /** What an imported question came from ("seed:0", "template-question:<id>", "registration:<id>" …). */
    sourceRef: text(),
    /** The asking attendee; kept for anonymous questions too (abuse handling), never shown then. */
    registrationId: uuid().references(() => registrations.id, { onDelete: 'set null' }),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    text: text().notNull(),
    anonymous: boolean().notNull().default(false),
    status: text().$type<QaStatus>().notNull(),
    pinned: boolean().notNull().default(false),
    /** Count of qa_votes rows, kept in the same transaction as every vote change. */
    votes: integer().notNull().default(0),
    mergedIntoId: uuid().references((): AnyPgColumn => qaQuestions.id, { onDelete: 'set null' }),
    answer: text(),
    answeredBy: text(),
    answeredAt: tstz(),
    approvedAt: tstz(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('qa_questions_event_idx').on(t.eventId, t.status),
    index('qa_questions_registration_idx').on(t.registrationId),
    index('qa_questions_merged_into_idx').on(t.mergedIntoId),
    uniqueIndex('qa_questions_event_source_ref_key')
      .on(t.eventId, t.sourceRef)
      .where(sql`source_ref is not null`),
    // At most one pinned question per event.
    uniqueIndex('qa_questions_event_pinned_key').on(t.eventId).where(sql`pinned`),
  ],
);

/** One upvote per pass and question. */
export const qaVotes = pgTable(
  'qa_votes',
  {
    questionId: uuid()
      .notNull()
      .references(() => qaQuestions.id, { onDelete: 'cascade' }),
    registrationId: uuid()
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('qa_votes_question_registration_key').on(t.questionId, t.registrationId),
    index('qa_votes_registration_idx').on(t.registrationId),
  ],
);

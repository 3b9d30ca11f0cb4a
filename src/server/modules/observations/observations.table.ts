import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { NoteKind } from '../../../contract/observations.js';
import { createdAt, tstz, updatedAt } from '../../db/columns.js';
import { events } from '../events/events.table.js';
import { files } from '../files/files.table.js';
import { registrations } from '../registrations/registrations.table.js';
import { routeStops } from '../route-stops/route-stops.table.js';
import { templateDimensions, templatePoints } from '../templates/templates.table.js';

export type StoredAnswer = { questionId: string; text: string; sentToQa: boolean };

/**
 * 观察记录 — one attendee's score of one point. The id is the phone's client UUID, so a retried
 * upload finds its row; (registration, point) is unique and the latest client `updatedAt` wins.
 */
export const observations = pgTable(
  'observations',
  {
    id: uuid().primaryKey(),
    registrationId: uuid()
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    pointId: uuid()
      .notNull()
      .references(() => templatePoints.id, { onDelete: 'restrict' }),
    dimensionId: uuid()
      .notNull()
      .references(() => templateDimensions.id, { onDelete: 'restrict' }),
    /** Stars 1–5, points 0–max, yes 1 / no 0; null when N/A or not scored yet. */
    score: doublePrecision(),
    na: boolean().notNull().default(false),
    /** Answers to guiding questions: [{ questionId, text, sentToQa }]. */
    answers: jsonb().$type<StoredAnswer[]>().notNull().default([]),
    /** The phone's time of the change: decides which of two writes wins. */
    clientUpdatedAt: tstz().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('observations_registration_point_key').on(t.registrationId, t.pointId),
    index('observations_event_idx').on(t.eventId, t.pointId),
  ],
);

/** 亮点 / 问题 / 建议 — a note about a point and/or a route stop, with photos. */
export const observationNotes = pgTable(
  'observation_notes',
  {
    id: uuid().primaryKey(),
    registrationId: uuid()
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    pointId: uuid().references(() => templatePoints.id, { onDelete: 'restrict' }),
    dimensionId: uuid().references(() => templateDimensions.id, { onDelete: 'restrict' }),
    routeStopId: uuid().references(() => routeStops.id, { onDelete: 'set null' }),
    kind: text().$type<NoteKind>().notNull(),
    text: text().notNull().default(''),
    shared: boolean().notNull().default(true),
    /** "Send to Q&A": read by the Q&A module. */
    sentToQa: boolean().notNull().default(false),
    clientUpdatedAt: tstz().notNull(),
    /** A tombstone: a late replay of an older write cannot bring a deleted note back. */
    deletedAt: tstz(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('observation_notes_event_idx').on(t.eventId, t.kind),
    index('observation_notes_registration_idx').on(t.registrationId),
  ],
);

/** A photo of a note → files. An annotated photo keeps the unannotated image as `originalFileId`. */
export const notePhotos = pgTable(
  'note_photos',
  {
    id: uuid().primaryKey(),
    noteId: uuid()
      .notNull()
      .references(() => observationNotes.id, { onDelete: 'cascade' }),
    registrationId: uuid()
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    fileId: uuid()
      .notNull()
      .references(() => files.id, { onDelete: 'cascade' }),
    originalFileId: uuid().references(() => files.id, { onDelete: 'set null' }),
    position: integer().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('note_photos_note_idx').on(t.noteId, t.position), index('note_photos_file_idx').on(t.fileId)],
);

/** "+1 — I saw this too": one per attendee and note. */
export const noteVotes = pgTable(
  'note_votes',
  {
    noteId: uuid()
      .notNull()
      .references(() => observationNotes.id, { onDelete: 'cascade' }),
    registrationId: uuid()
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('note_votes_note_registration_key').on(t.noteId, t.registrationId),
    index('note_votes_registration_idx').on(t.registrationId),
  ],
);

/** An attendee pressed "submit": opens the whole shared view for them. */
export const observationSubmissions = pgTable(
  'observation_submissions',
  {
    registrationId: uuid()
      .primaryKey()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    submittedAt: tstz().notNull(),
  },
  (t) => [index('observation_submissions_event_idx').on(t.eventId)],
);

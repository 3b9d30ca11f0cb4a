import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Answers, SurveyAudience, SurveyDefinition, SurveyStatus } from '../../../contract/surveys.js';
import { createdAt, id, tstz, updatedAt } from '../../db/columns.js';
import { events } from '../events/events.table.js';
import { registrations } from '../registrations/registrations.table.js';
import { users } from '../users/users.table.js';

/** 满意度调查 — one per event; the definition (sections → questions) is one JSON document. */
export const surveys = pgTable(
  'surveys',
  {
    id: id(),
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    status: text().$type<SurveyStatus>().notNull().default('draft'),
    anonymous: boolean().notNull().default(false),
    audience: text().$type<SurveyAudience>().notNull().default('arrived'),
    definition: jsonb().$type<SurveyDefinition>().notNull(),
    openedAt: tstz(),
    closedAt: tstz(),
    sentAt: tstz(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('surveys_event_key').on(t.eventId)],
);

/** One response per pass (registration), replaced on every update until the survey closes. */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: id(),
    surveyId: uuid()
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    registrationId: uuid()
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    answers: jsonb().$type<Answers>().notNull(),
    submittedAt: tstz().notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('survey_responses_registration_key').on(t.surveyId, t.registrationId),
    index('survey_responses_registration_idx').on(t.registrationId),
  ],
);

/** Who was sent the invitation and the reminders (the outbox holds the messages themselves). */
export const surveyInvitations = pgTable(
  'survey_invitations',
  {
    id: id(),
    surveyId: uuid()
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    registrationId: uuid()
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    invitedAt: tstz().notNull(),
    lastRemindedAt: tstz(),
    reminders: integer().notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('survey_invitations_registration_key').on(t.surveyId, t.registrationId),
    index('survey_invitations_registration_idx').on(t.registrationId),
  ],
);

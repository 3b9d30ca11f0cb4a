import { index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from '../../db/columns.js';
import { users } from '../users/users.table.js';
import { sites } from './sites.table.js';

/** 筛选标准 — a weighted criterion candidates are scored on (defaults from the seed). */
export const screeningCriteria = pgTable('screening_criteria', {
  id: id(),
  name: text().notNull(),
  weight: integer().notNull(),
  description: text(),
  position: integer().notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** One scorer's 1–5 score of one site on one criterion, with the evidence for it. */
export const siteScores = pgTable(
  'site_scores',
  {
    id: id(),
    siteId: uuid()
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    criterionId: uuid()
      .notNull()
      .references(() => screeningCriteria.id, { onDelete: 'cascade' }),
    scorerId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    score: integer().notNull(),
    evidence: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('site_scores_site_criterion_scorer_key').on(t.siteId, t.criterionId, t.scorerId),
    index('site_scores_criterion_idx').on(t.criterionId),
    index('site_scores_scorer_idx').on(t.scorerId),
  ],
);

import { jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from '../../db/columns.js';

/** The one association this installation serves (协会). */
export const associations = pgTable('associations', {
  id: id(),
  name: text().notNull(),
  region: text().notNull(),
  settings: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** Small key/value state of the installation (e.g. the hash of the one-time setup token). */
export const appState = pgTable('app_state', {
  key: text().primaryKey(),
  value: text().notNull(),
  updatedAt: updatedAt(),
});

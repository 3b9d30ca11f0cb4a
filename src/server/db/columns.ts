import { timestamp, uuid } from 'drizzle-orm/pg-core';

/** Columns every table carries (architecture.md: id uuid, created_at/updated_at timestamptz). */
export const id = () => uuid().primaryKey().defaultRandom();
export const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
export const tstz = () => timestamp({ withTimezone: true });

import { index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from '../../db/columns.js';
import { users } from '../users/users.table.js';

/**
 * Every upload goes through this table: the bytes live in the storage under `storageKey` (the
 * processed, metadata-free image) and `thumbKey` (its thumbnail). Modules point at files from
 * their own tables (site_photos, note_photos, …) and decide who may see them.
 */
export const files = pgTable(
  'files',
  {
    id: id(),
    storageKey: text().notNull(),
    thumbKey: text(),
    mime: text().notNull(),
    bytes: integer().notNull(),
    sha256: text().notNull(),
    width: integer(),
    height: integer(),
    ownerId: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('files_storage_key_key').on(t.storageKey), index('files_owner_idx').on(t.ownerId)],
);

import { index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Role } from '../../../contract/common.js';
import { createdAt, id, tstz, updatedAt } from '../../db/columns.js';
import { memberUnits } from '../member-units/member-units.table.js';
import { sites } from '../sites/sites.table.js';

export const users = pgTable(
  'users',
  {
    id: id(),
    name: text().notNull(),
    email: text(),
    mobile: text(),
    passwordHash: text().notNull(),
    role: text().$type<Role>().notNull(),
    memberUnitId: uuid().references(() => memberUnits.id, { onDelete: 'set null' }),
    /** The benchmark site a host user belongs to. */
    siteId: uuid().references(() => sites.id, { onDelete: 'set null' }),
    position: text(),
    lang: text(),
    disabledAt: tstz(),
    failedLogins: integer().notNull().default(0),
    lockedUntil: tstz(),
    lastLoginAt: tstz(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('users_email_key').on(t.email),
    uniqueIndex('users_mobile_key').on(t.mobile),
    index('users_member_unit_idx').on(t.memberUnitId),
    index('users_site_idx').on(t.siteId),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    tokenHash: text().notNull(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: tstz().notNull(),
    createdAt: createdAt(),
    userAgent: text(),
  },
  (t) => [uniqueIndex('sessions_token_hash_key').on(t.tokenHash), index('sessions_user_idx').on(t.userId)],
);

export const invites = pgTable(
  'invites',
  {
    id: id(),
    tokenHash: text().notNull(),
    role: text().$type<Role>().notNull(),
    memberUnitId: uuid().references(() => memberUnits.id, { onDelete: 'cascade' }),
    siteId: uuid(),
    name: text(),
    email: text(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    expiresAt: tstz().notNull(),
    usedAt: tstz(),
    usedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('invites_token_hash_key').on(t.tokenHash)],
);

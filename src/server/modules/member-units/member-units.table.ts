import { boolean, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tstz, updatedAt } from '../../db/columns.js';

/** 会员单位 — a member organisation of the association. */
export const memberUnits = pgTable(
  'member_units',
  {
    id: id(),
    name: text().notNull(),
    uscc: text().notNull(),
    unitType: text().notNull(),
    level: text().notNull(),
    projectTypes: text().array().notNull().default([]),
    address: text(),
    projectCount: integer(),
    staffCount: integer(),
    note: text(),
    archivedAt: tstz(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('member_units_uscc_key').on(t.uscc), index('member_units_name_idx').on(t.name, t.id)],
);

/** 联系人 of a member unit. */
export const unitContacts = pgTable(
  'unit_contacts',
  {
    id: id(),
    memberUnitId: uuid()
      .notNull()
      .references(() => memberUnits.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    position: text(),
    mobile: text(),
    email: text(),
    isPrimary: boolean().notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('unit_contacts_unit_idx').on(t.memberUnitId)],
);

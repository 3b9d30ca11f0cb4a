import { boolean, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import type { QuantityRule } from '../../../contract/materials.js';
import { createdAt, id, updatedAt } from '../../db/columns.js';
import { events } from '../events/events.table.js';

/** 物料 — one item to prepare for an event, its quantity worked out from the attendance. */
export const materials = pgTable(
  'materials',
  {
    id: id(),
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    name: text().notNull(),
    rule: text().$type<QuantityRule>().notNull(),
    baseQuantity: integer().notNull(),
    sparePercent: integer().notNull().default(0),
    optional: boolean().notNull().default(false),
    ready: boolean().notNull().default(false),
    notes: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('materials_event_idx').on(t.eventId, t.position)],
);

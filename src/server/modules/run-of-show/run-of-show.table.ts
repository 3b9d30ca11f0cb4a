import { index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tstz, updatedAt } from '../../db/columns.js';
import { agendaItems } from '../agenda/agenda.table.js';
import { events } from '../events/events.table.js';
import { groups } from '../groups/groups.table.js';
import { routeStops } from '../route-stops/route-stops.table.js';
import { users } from '../users/users.table.js';

/** 时间控制 — when an agenda item really started and ended (one row per item). */
export const agendaActuals = pgTable(
  'agenda_actuals',
  {
    id: id(),
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    agendaItemId: uuid()
      .notNull()
      .references(() => agendaItems.id, { onDelete: 'cascade' }),
    startedAt: tstz(),
    endedAt: tstz(),
    startedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    endedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('agenda_actuals_item_key').on(t.agendaItemId),
    index('agenda_actuals_event_idx').on(t.eventId),
  ],
);

/** Where a group was on the route: one row per report (the latest is its current stop). */
export const groupPositions = pgTable(
  'group_positions',
  {
    /** The reporting device's UUID when it sent one (an offline retry finds its row). */
    id: id(),
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    groupId: uuid()
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    routeStopId: uuid().references(() => routeStops.id, { onDelete: 'set null' }),
    /** The stop's name when reported (a route edit replaces stop rows). */
    stopName: text().notNull(),
    at: tstz().notNull(),
    reportedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('group_positions_group_idx').on(t.groupId, t.at),
    index('group_positions_event_idx').on(t.eventId),
  ],
);

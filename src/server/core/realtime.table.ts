import { bigserial, index, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt } from '../db/columns.js';

/** Every realtime event, kept for a while so reconnecting clients catch up (Last-Event-ID). */
export const realtimeEvents = pgTable(
  'realtime_events',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    channel: text().notNull(),
    type: text().notNull(),
    data: jsonb().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('realtime_events_channel_idx').on(t.channel, t.id)],
);

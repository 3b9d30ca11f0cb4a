import type { ServerResponse } from 'node:http';
import { and, asc, eq, gt, lt, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database, DbOrTx } from '../db/client.js';
import type { Ctx } from './context.js';
import { realtimeEvents } from './realtime.table.js';

export type RealtimeEvent = { id: number; channel: string; type: string; data: unknown; at: string };
type Listener = (event: RealtimeEvent) => void;

const PG_CHANNEL = 'guanmo_realtime';
/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; bigger events are fetched by id. */
const MAX_INLINE_PAYLOAD = 7000;
const CATCH_UP_PAGE = 500;

/**
 * Stores the event and notifies every process. Call it inside the write's transaction: NOTIFY is
 * delivered at commit, so listeners never see an event whose data was rolled back.
 */
export async function publish(ctx: Pick<Ctx, 'db' | 'clock'>, channel: string, type: string, data: unknown) {
  const [row] = await ctx.db
    .insert(realtimeEvents)
    .values({ channel, type, data: data ?? {}, createdAt: ctx.clock.now() })
    .returning();
  const event: RealtimeEvent = { id: row.id, channel, type, data: row.data, at: row.createdAt.toISOString() };
  const full = JSON.stringify(event);
  const payload = Buffer.byteLength(full) < MAX_INLINE_PAYLOAD ? full : JSON.stringify({ id: row.id });
  await ctx.db.execute(sql`select pg_notify(${PG_CHANNEL}, ${payload})`);
  return event;
}

/** Events of a channel after `afterId`, oldest first (catch-up after a reconnect). */
export async function eventsSince(
  db: DbOrTx,
  channel: string,
  afterId: number,
  limit = CATCH_UP_PAGE,
): Promise<RealtimeEvent[]> {
  const rows = await db
    .select()
    .from(realtimeEvents)
    .where(and(eq(realtimeEvents.channel, channel), gt(realtimeEvents.id, afterId)))
    .orderBy(asc(realtimeEvents.id))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    channel: r.channel,
    type: r.type,
    data: r.data,
    at: r.createdAt.toISOString(),
  }));
}

export async function pruneEvents(db: DbOrTx, olderThan: Date) {
  await db.delete(realtimeEvents).where(lt(realtimeEvents.createdAt, olderThan));
}

export type RealtimeHub = {
  subscribe(channel: string, listener: Listener): () => void;
  /** Registers an open SSE response; the returned function forgets it. */
  track(stream: ServerResponse): () => void;
  /**
   * Ends every open SSE response. Called before the server closes: an open stream would keep
   * `app.close()` waiting for ever, and clients would believe they are still live.
   */
  endStreams(): void;
  close(): Promise<void>;
};

/** One LISTEN per process, fanned out to this process's subscribers by channel. */
export async function createRealtimeHub(database: Database): Promise<RealtimeHub> {
  const listeners = new Map<string, Set<Listener>>();
  const streams = new Set<ServerResponse>();

  const dispatch = async (payload: string) => {
    let parsed: Partial<RealtimeEvent> & { id: number };
    try {
      parsed = JSON.parse(payload);
    } catch {
      return;
    }
    let event = parsed as RealtimeEvent;
    if (!parsed.channel) {
      const [row] = await database.db.select().from(realtimeEvents).where(eq(realtimeEvents.id, parsed.id));
      if (!row) return;
      event = {
        id: row.id,
        channel: row.channel,
        type: row.type,
        data: row.data,
        at: row.createdAt.toISOString(),
      };
    }
    for (const listener of listeners.get(event.channel) ?? []) listener(event);
  };

  // In arrival order (= commit order): a big event fetched by id must not be overtaken by the next
  // one, or a stream that already sent the later id would drop it.
  let pending = Promise.resolve();
  const enqueue = (payload: string) => {
    pending = pending.then(() => dispatch(payload)).catch(() => {});
  };

  let stop: () => Promise<void>;
  if (database.pglite) {
    const unlisten = await database.pglite.listen(PG_CHANNEL, enqueue);
    stop = async () => {
      await unlisten();
    };
  } else {
    const client = await database.pool!.connect();
    client.on('notification', (msg) => {
      if (msg.channel === PG_CHANNEL && msg.payload) enqueue(msg.payload);
    });
    await client.query(`listen ${PG_CHANNEL}`);
    stop = async () => {
      await client.query(`unlisten ${PG_CHANNEL}`).catch(() => {});
      client.release();
    };
  }

  return {
    subscribe(channel, listener) {
      const set = listeners.get(channel) ?? new Set<Listener>();
      listeners.set(channel, set);
      set.add(listener);
      return () => {
        set.delete(listener);
        if (!set.size) listeners.delete(channel);
      };
    },
    track(stream) {
      streams.add(stream);
      return () => streams.delete(stream);
    },
    endStreams() {
      for (const stream of streams) stream.end();
      streams.clear();
    },
    close: () => stop(),
  };
}

/**
 * Streams a channel as Server-Sent Events: first what the client missed since Last-Event-ID (or
 * `?since=`), then live events, never one twice. A comment line every 15 s keeps proxies open.
 */
export async function streamChannel(
  request: FastifyRequest,
  reply: FastifyReply,
  hub: RealtimeHub,
  channel: string,
  present: (event: RealtimeEvent) => unknown = (e) => e.data,
) {
  const header = request.headers['last-event-id'];
  const query = (request.query ?? {}) as Record<string, unknown>;
  const lastId = Number(header ?? query.since ?? 0) || 0;
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  let sent = lastId;
  const queue: RealtimeEvent[] = [];
  let caughtUp = false;
  const write = (event: RealtimeEvent) => {
    if (event.id <= sent || res.writableEnded) return;
    sent = event.id;
    res.write(`id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(present(event))}\n\n`);
  };
  const unsubscribe = hub.subscribe(channel, (event) => (caughtUp ? write(event) : queue.push(event)));
  const untrack = hub.track(res);
  const heartbeat = setInterval(() => res.writableEnded || res.write(': keep-alive\n\n'), 15000);
  request.raw.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
    untrack();
  });
  res.write('retry: 2000\n\n');
  // Catch up in pages until nothing is left (a long disconnection can miss more than one page).
  for (let page = await eventsSince(request.ctx.db, channel, sent); page.length; ) {
    for (const event of page) write(event);
    page = page.length < CATCH_UP_PAGE ? [] : await eventsSince(request.ctx.db, channel, sent);
  }
  caughtUp = true;
  for (const event of queue.sort((a, b) => a.id - b.id)) write(event);
}

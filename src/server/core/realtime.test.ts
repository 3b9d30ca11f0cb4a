import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness.js';
import { publish, type RealtimeEvent, streamChannel } from './realtime.js';

let t: TestApp;
let base: string;
beforeAll(async () => {
  t = await createTestApp({
    // A test-only route streaming any channel, to test the SSE mechanics on their own.
    extend: (app) =>
      app.get('/test-stream/:channel', async (request, reply) =>
        streamChannel(request, reply, app.realtime, (request.params as { channel: string }).channel),
      ),
  });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
});
afterAll(() => t.close());

function nextEvents(channel: string, count: number) {
  return new Promise<RealtimeEvent[]>((resolve, reject) => {
    const received: RealtimeEvent[] = [];
    const unsubscribe = t.app.realtime.subscribe(channel, (e) => {
      received.push(e);
      if (received.length === count) {
        unsubscribe();
        resolve(received);
      }
    });
    setTimeout(() => reject(new Error(`timeout: got ${received.length} of ${count}`)), 3000);
  });
}

/** Reads an SSE response until `count` events arrived; returns their ids and data. */
async function readSse(url: string, count: number, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const res = await fetch(url, { headers, signal: controller.signal });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const events: { id: number; data: unknown }[] = [];
  const deadline = Date.now() + 4000;
  while (events.length < count && Date.now() < deadline) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const id = /^id: (\d+)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (id && data) events.push({ id: Number(id), data: JSON.parse(data) });
      end = buffer.indexOf('\n\n');
    }
  }
  controller.abort();
  return { events, contentType: res.headers.get('content-type') };
}

describe('realtime', () => {
  it('delivers an event published in a committed transaction', async () => {
    const waiting = nextEvents('c1', 1);
    await t.database.db.transaction((tx) => publish({ db: tx, clock: t.clock }, 'c1', 'hello', { n: 1 }));
    const [event] = await waiting;
    expect(event).toMatchObject({ channel: 'c1', type: 'hello', data: { n: 1 } });
  });

  it('delivers nothing when the transaction rolls back', async () => {
    const received: RealtimeEvent[] = [];
    const unsubscribe = t.app.realtime.subscribe('c2', (e) => received.push(e));
    await t.database.db
      .transaction(async (tx) => {
        await publish({ db: tx, clock: t.clock }, 'c2', 'ghost', {});
        throw new Error('rollback');
      })
      .catch(() => {});
    const marker = nextEvents('c2', 1);
    await publish({ db: t.database.db, clock: t.clock }, 'c2', 'marker', {});
    await marker;
    unsubscribe();
    expect(received.map((e) => e.type)).toEqual(['marker']);
  });

  it('fetches large events by id instead of inlining them in NOTIFY', async () => {
    const waiting = nextEvents('c3', 1);
    const big = { text: '观'.repeat(5000) };
    await publish({ db: t.database.db, clock: t.clock }, 'c3', 'big', big);
    expect((await waiting)[0].data).toEqual(big);
  });

  it('streams SSE: catches up after Last-Event-ID, then live, without repeats', async () => {
    const first = await publish({ db: t.database.db, clock: t.clock }, 'c4', 'q', { n: 1 });
    await publish({ db: t.database.db, clock: t.clock }, 'c4', 'q', { n: 2 });
    await publish({ db: t.database.db, clock: t.clock }, 'c4', 'q', { n: 3 });
    const reading = readSse(`${base}/test-stream/c4`, 3, { 'last-event-id': String(first.id) });
    await new Promise((r) => setTimeout(r, 300));
    await publish({ db: t.database.db, clock: t.clock }, 'c4', 'q', { n: 4 });
    const { events, contentType } = await reading;
    expect(contentType).toContain('text/event-stream');
    expect(events.map((e) => e.data)).toEqual([{ n: 2 }, { n: 3 }, { n: 4 }]);
  });

  it('catches up past one page of missed events (600), in order', async () => {
    await t.database.db.transaction(async (tx) => {
      for (let n = 1; n <= 600; n++) await publish({ db: tx, clock: t.clock }, 'c5', 'q', { n });
    });
    const { events } = await readSse(`${base}/test-stream/c5`, 600);
    expect(events.map((e) => (e.data as { n: number }).n)).toEqual(
      Array.from({ length: 600 }, (_, i) => i + 1),
    );
  });

  it('a big event (fetched by id) is not overtaken by a small one of the same commit', async () => {
    const reading = readSse(`${base}/test-stream/c6`, 2);
    await new Promise((r) => setTimeout(r, 300));
    // One commit delivers both notifications at once: the big one needs a read, the small one not.
    await t.database.db.transaction(async (tx) => {
      await publish({ db: tx, clock: t.clock }, 'c6', 'big', { text: '观'.repeat(5000) });
      await publish({ db: tx, clock: t.clock }, 'c6', 'small', { n: 2 });
    });
    const { events } = await reading;
    expect(events.map((e) => Object.keys(e.data as object)[0])).toEqual(['text', 'n']);
  });
});

describe('closing the server', () => {
  it('ends open SSE streams, so close() does not wait for the clients', async () => {
    const other = await createTestApp({
      extend: (app) =>
        app.get('/test-stream/:channel', async (request, reply) =>
          streamChannel(request, reply, app.realtime, (request.params as { channel: string }).channel),
        ),
    });
    await other.app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(other.app.server.address() as { port: number }).port}/test-stream/closing`;
    const res = await fetch(url);
    const reader = res.body!.getReader();
    await reader.read(); // the stream is open (retry: line)
    const started = Date.now();
    await other.close();
    expect(Date.now() - started).toBeLessThan(5000);
    // The client sees the end of the stream (and would reconnect to another process).
    let done = false;
    while (!done) done = (await reader.read()).done;
    expect(done).toBe(true);
  });
});

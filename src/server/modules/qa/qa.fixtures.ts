import { eq } from 'drizzle-orm';
import type { RegistrationStatus } from '../../../contract/registrations.js';
import type { Database } from '../../db/client.js';
import type { TestApp } from '../../test/harness.js';
import { buildObservedEvent, buildPass } from '../observations/observations.fixtures.js';
import { registrations } from '../registrations/registrations.table.js';

export type SseEvent = { id: number; type: string; data: unknown; receivedAt: number };

/**
 * A Server-Sent Events client for tests and the bench: reads the stream in the background and
 * keeps every event with the time it arrived (performance.now()).
 */
export function openSse(url: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const events: SseEvent[] = [];
  const waiters = new Set<() => void>();
  let failure: unknown = null;
  let resolveOpen: (status: number) => void = () => {};
  const opened = new Promise<number>((resolve) => {
    resolveOpen = resolve;
  });
  const parse = (block: string) => {
    const id = /^id: (\d+)$/m.exec(block)?.[1];
    const type = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
    const data = /^data: (.*)$/m.exec(block)?.[1];
    if (!id || data === undefined) return;
    events.push({ id: Number(id), type, data: JSON.parse(data), receivedAt: performance.now() });
    for (const wake of waiters) wake();
  };
  const done = (async () => {
    try {
      const res = await fetch(url, { headers, signal: controller.signal });
      resolveOpen(res.status);
      if (!res.ok || !res.body) return;
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const { value, done: ended } = await reader.read();
        if (ended) break;
        buffer += decoder.decode(value, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          parse(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
        }
      }
    } catch (error) {
      if (!controller.signal.aborted) failure = error;
      resolveOpen(0);
    }
  })();
  return {
    events,
    /** The HTTP status once the response headers arrived (0 when the request failed). */
    opened,
    get failure() {
      return failure;
    },
    /** Resolves once `predicate` holds for the events so far; rejects after `timeoutMs`. */
    until(predicate: (events: SseEvent[]) => boolean, timeoutMs = 3000): Promise<SseEvent[]> {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!predicate(events)) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(events);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`SSE timeout after ${timeoutMs} ms with ${events.length} events`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
    get lastId() {
      return events.at(-1)?.id ?? 0;
    },
    async close() {
      controller.abort();
      await done;
    },
  };
}

/** A published event with the seeded template and three confirmed passes (a, b, c). */
export async function buildQaEvent(t: TestApp) {
  const built = await buildObservedEvent(t);
  const [a, b, c] = [
    await buildPass(t.database, built.event, built.eventSiteId),
    await buildPass(t.database, built.event, built.eventSiteId),
    await buildPass(t.database, built.event, built.eventSiteId),
  ];
  return { ...built, a, b, c };
}

export async function buildQaPass(
  db: Database,
  event: { id: string },
  eventSiteId: string,
  status: RegistrationStatus = 'confirmed',
  questions?: string,
) {
  const pass = await buildPass(db, event, eventSiteId, status);
  if (questions !== undefined)
    await db.db.update(registrations).set({ questions }).where(eq(registrations.id, pass.id));
  return pass;
}

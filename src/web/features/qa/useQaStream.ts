import { useEffect, useRef, useState } from 'react';
import type { QA_STREAM_TYPES } from '../../../contract/qa.js';

const RETRY_MS = 4000;

export type QaStreamMessage = { type: (typeof QA_STREAM_TYPES)[number]; id: number; data: unknown };
/** The contract's QA_STREAM_TYPES, repeated: a value import of the contract would bring zod to phones. */
const STREAM_TYPES: typeof QA_STREAM_TYPES = ['question', 'removed', 'settings'];

const withSince = (url: string, since: number) => `${url}${url.includes('?') ? '&' : '?'}since=${since}`;

/**
 * Follows a Q&A Server-Sent Events stream from `since` (the `lastEventId` of the snapshot the page
 * shows), so it receives exactly the changes after that snapshot. The browser's EventSource
 * reconnects by itself with Last-Event-ID; when the server refused the stream (CLOSED) a new one is
 * opened later from the last id seen. `url` null: not yet (no snapshot). Answers whether it is live.
 * Plain React: the staff page, the presenter screen and the attendee page all use it.
 */
export function useQaStream(
  url: string | null,
  since: number | null,
  onMessage: (message: QaStreamMessage) => void,
) {
  const [live, setLive] = useState(false);
  const handler = useRef(onMessage);
  handler.current = onMessage;
  const start = useRef(since);
  start.current = since;
  const ready = url !== null && since !== null;

  useEffect(() => {
    if (!ready || !url) return;
    let lastId = start.current ?? 0;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;
    let closed = false;
    const receive = (type: QaStreamMessage['type']) => (event: MessageEvent<string>) => {
      // Every event of the server carries its id; one without cannot be ordered, so it is skipped.
      const id = Number(event.lastEventId);
      if (!Number.isSafeInteger(id) || id <= lastId) return;
      lastId = id;
      let data: unknown;
      try {
        data = JSON.parse(event.data);
      } catch {
        return;
      }
      handler.current({ type, id, data });
    };
    const connect = () => {
      source = new EventSource(withSince(url, lastId));
      source.onopen = () => setLive(true);
      source.onerror = () => {
        setLive(false);
        if (source?.readyState === EventSource.CLOSED && !closed) {
          source.close();
          retry = setTimeout(connect, RETRY_MS);
        }
      };
      for (const type of STREAM_TYPES) source.addEventListener(type, receive(type));
    };
    connect();
    return () => {
      closed = true;
      if (retry) clearTimeout(retry);
      source?.close();
      setLive(false);
    };
  }, [url, ready]);

  return live;
}

import { useEffect, useRef, useState } from 'react';
import { checkinStreamUrl } from '../api.js';

export type ArrivalEvent = {
  registrationId: string;
  name: string;
  unitName: string;
  groupName: string | null;
  at: string;
};
export type StreamMessage =
  | { type: 'checkin'; data: ArrivalEvent }
  | { type: 'undo'; data: { registrationId: string } };

const RETRY_MS = 5000;

/**
 * The event's live arrivals over SSE. EventSource reconnects by itself after a dropped connection
 * (sending Last-Event-ID); when the server refused the stream it gives up, so we open a new one.
 */
export function useCheckinStream(eventId: string, onMessage: (message: StreamMessage) => void) {
  const [live, setLive] = useState(false);
  const onMessageRef = useRef(onMessage);
  onMessageRef.current = onMessage;

  useEffect(() => {
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;
    let closed = false;
    const connect = () => {
      source = new EventSource(checkinStreamUrl(eventId));
      source.onopen = () => setLive(true);
      source.onerror = () => {
        setLive(false);
        if (source?.readyState === EventSource.CLOSED && !closed) {
          source.close();
          retry = setTimeout(connect, RETRY_MS);
        }
      };
      source.addEventListener('checkin', (e) =>
        onMessageRef.current({ type: 'checkin', data: JSON.parse((e as MessageEvent).data) }),
      );
      source.addEventListener('undo', (e) =>
        onMessageRef.current({ type: 'undo', data: JSON.parse((e as MessageEvent).data) }),
      );
    };
    connect();
    return () => {
      closed = true;
      if (retry) clearTimeout(retry);
      source?.close();
    };
  }, [eventId]);

  return live;
}

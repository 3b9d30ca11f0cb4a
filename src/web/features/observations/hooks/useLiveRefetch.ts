import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';

const RETRY_MS = 5000;
const COALESCE_MS = 600;

/**
 * Listens to a Server-Sent Events stream and invalidates `keys` when one of `types` arrives
 * (several events close together cause one refetch). EventSource reconnects by itself after a
 * dropped connection; when the server refused the stream we open a new one later. Answers whether
 * the stream is connected.
 */
export function useLiveRefetch(url: string, types: readonly string[], keys: QueryKey[]) {
  const queryClient = useQueryClient();
  const [live, setLive] = useState(false);
  const keysRef = useRef(keys);
  keysRef.current = keys;
  const typesKey = types.join(',');

  useEffect(() => {
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;
    let pending: ReturnType<typeof setTimeout> | null = null;
    let closed = false;
    const refetch = () => {
      if (pending) return;
      pending = setTimeout(() => {
        pending = null;
        for (const key of keysRef.current) void queryClient.invalidateQueries({ queryKey: key });
      }, COALESCE_MS);
    };
    const connect = () => {
      source = new EventSource(url);
      source.onopen = () => setLive(true);
      source.onerror = () => {
        setLive(false);
        if (source?.readyState === EventSource.CLOSED && !closed) {
          source.close();
          retry = setTimeout(connect, RETRY_MS);
        }
      };
      for (const type of typesKey.split(',')) source.addEventListener(type, refetch);
    };
    connect();
    return () => {
      closed = true;
      if (retry) clearTimeout(retry);
      if (pending) clearTimeout(pending);
      source?.close();
    };
  }, [url, typesKey, queryClient]);

  return live;
}

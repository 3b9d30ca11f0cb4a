import { createHash } from 'node:crypto';

/**
 * Rendering a PDF with embedded CJK fonts costs a few hundred milliseconds, and a published
 * notice is downloaded by many members: keep the last renders, keyed by a hash of everything
 * that goes into them (so any change to the event, agenda, sites or association renders anew).
 */
const MAX_ENTRIES = 32;
const cache = new Map<string, Promise<Buffer>>();

export function cacheKey(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

export function cachedRender(key: string, render: () => Promise<Buffer>): Promise<Buffer> {
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit); // most recently used last
    return hit;
  }
  const pending = render();
  cache.set(key, pending);
  pending.catch(() => cache.delete(key));
  while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  return pending;
}

export function clearDocumentCache() {
  cache.clear();
}

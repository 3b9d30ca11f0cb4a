/**
 * A fixed-window counter per key, in memory. Good for slowing down guessing from one address on
 * one process; the per-account lockout in the database covers several processes.
 */
export function createRateLimiter(opts: { limit: number; windowMs: number; now?: () => number }) {
  const hits = new Map<string, { count: number; resetAt: number }>();
  const now = opts.now ?? Date.now;
  return {
    /** Counts one hit; returns the seconds to wait when over the limit, else 0. */
    hit(key: string): number {
      const t = now();
      if (hits.size > 10000) for (const [k, v] of hits) if (v.resetAt <= t) hits.delete(k);
      const entry = hits.get(key);
      if (!entry || entry.resetAt <= t) {
        hits.set(key, { count: 1, resetAt: t + opts.windowMs });
        return 0;
      }
      entry.count++;
      return entry.count > opts.limit ? Math.ceil((entry.resetAt - t) / 1000) : 0;
    },
  };
}

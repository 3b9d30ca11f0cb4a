import autocannon from 'autocannon';
import { percentile, round } from './stats.js';

/** A request not answered within this many seconds counts as failed. */
export const TIMEOUT_SECONDS = 30;

export type LoadResult = {
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  responses: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  durationSeconds: number;
};

/**
 * Runs autocannon against GET <url><path(i)> where i counts requests across all connections, and
 * measures latency percentiles from every response (autocannon's own table has no p95).
 */
export async function load(opts: {
  url: string;
  path: (i: number) => string;
  headers?: Record<string, string>;
  connections: number;
  seconds: number;
}): Promise<LoadResult> {
  let i = 0;
  const latencies: number[] = [];
  const instance = autocannon({
    url: opts.url,
    connections: opts.connections,
    duration: opts.seconds,
    timeout: TIMEOUT_SECONDS,
    headers: opts.headers,
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: opts.path(i++) }) }],
  });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
  });
  const result = await instance;
  latencies.sort((a, b) => a - b);
  return {
    requestsPerSecond: round(latencies.length / result.duration, 0),
    latencyMs: {
      p50: round(percentile(latencies, 50)),
      p95: round(percentile(latencies, 95)),
      p99: round(percentile(latencies, 99)),
      max: round(latencies[latencies.length - 1] ?? Number.NaN),
    },
    responses: latencies.length,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    durationSeconds: round(result.duration, 2),
  };
}

export const failed = (r: LoadResult) => r.non2xx > 0 || r.errors > 0 || r.timeouts > 0 || r.responses === 0;

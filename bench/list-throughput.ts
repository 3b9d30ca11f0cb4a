/**
 * List throughput: 5,000 member units (one primary contact each) are inserted before the server
 * starts; signed in as the admin, autocannon requests GET /api/v1/member-units?page=1..250&pageSize=20
 * over 50 connections. In the same run, a bare Fastify server (bench/ceiling-server.ts) answers
 * the same pages from memory: the ceiling. Done on PGlite and on PostgreSQL.
 * Usage: npx tsx bench/list-throughput.ts   (BENCH_SECONDS=10, BENCH_CONNECTIONS=50)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { failed, type LoadResult, load } from './lib/load.js';
import { OUT_DIR, writeRaw } from './lib/paths.js';
import { createTempDatabase, postgresAvailable } from './lib/postgres.js';
import { timeListQueries } from './lib/queries.js';
import { openServerDatabase, seedMemberUnits } from './lib/seed.js';
import { freePort, guanmoEnv, type RunningServer, startCeiling, startGuanmo } from './lib/server.js';
import { signInAsAdmin } from './lib/session.js';
import { round } from './lib/stats.js';

const UNITS = 5000;
const PAGE_SIZE = 20;
const PAGES = UNITS / PAGE_SIZE;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = 3;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ONE_CONNECTION_SECONDS = 5;

const pagePath = (i: number) => `/api/v1/member-units?page=${(i % PAGES) + 1}&pageSize=${PAGE_SIZE}`;

type Storage = { dataDir?: string; databaseUrl?: string };
type DbResult = {
  database: string;
  seedMs: number;
  /** Median ms of each SQL statement of a list request, run alone in the benchmark process. */
  queryMs: Record<string, number>;
  guanmo: LoadResult;
  ceiling: LoadResult;
  ratio: number;
  /** One connection: the time one request takes when nothing else is queued. */
  guanmoOneConnection: LoadResult;
};

/** Fetches every page once (checks the data, warms caches) and keeps the bodies for the ceiling. */
async function capturePages(url: string, cookie: string) {
  const pages: unknown[] = [];
  for (let i = 0; i < PAGES; i++) {
    const res = await fetch(`${url}${pagePath(i)}`, { headers: { cookie } });
    const body = (await res.json()) as { total: number; items: unknown[] };
    if (res.status !== 200) throw new Error(`${pagePath(i)} answered ${res.status}: ${JSON.stringify(body)}`);
    if (body.total !== UNITS || body.items.length !== PAGE_SIZE)
      throw new Error(
        `${pagePath(i)}: expected ${PAGE_SIZE} of ${UNITS}, got ${body.items.length} of ${body.total}`,
      );
    pages.push(body);
  }
  return pages;
}

/** Waits until the server has worked off requests autocannon abandoned (PGlite queues them). */
async function drain(url: string) {
  await (await fetch(`${url}/readyz`)).arrayBuffer();
}

async function measure(
  label: string,
  url: string,
  headers?: Record<string, string>,
  connections = CONNECTIONS,
  seconds = SECONDS,
  warmupSeconds = WARMUP_SECONDS,
) {
  if (warmupSeconds) {
    await load({ url, path: pagePath, headers, connections, seconds: warmupSeconds });
    await drain(url);
  }
  const result = await load({ url, path: pagePath, headers, connections, seconds });
  await drain(url);
  const l = result.latencyMs;
  console.log(
    `  ${label.padEnd(18)} ${String(result.requestsPerSecond).padStart(6)} req/s   ` +
      `p50 ${l.p50} ms  p95 ${l.p95} ms  p99 ${l.p99} ms   (${result.responses} responses, ` +
      `${result.non2xx} non-2xx, ${result.errors} errors)`,
  );
  return result;
}

async function benchDatabase(database: string, storage: Storage): Promise<DbResult> {
  console.log(`${database}: seeding ${UNITS} member units…`);
  const db = await openServerDatabase(storage);
  let seedMs: number;
  let queryMs: Record<string, number>;
  try {
    seedMs = await seedMemberUnits(db, UNITS);
    console.log(`  seeded in ${round(seedMs / 1000)} s; SQL of one list request, one at a time (median ms):`);
    queryMs = await timeListQueries(db, PAGES, PAGE_SIZE);
    for (const [label, ms] of Object.entries(queryMs)) console.log(`    ${label.padEnd(34)} ${ms}`);
  } finally {
    await db.close();
  }
  const servers: RunningServer[] = [];
  try {
    const guanmo = await startGuanmo(guanmoEnv(await freePort(), storage), `list-${database}`);
    servers.push(guanmo);
    const cookie = await signInAsAdmin(guanmo.url);
    const pagesFile = path.join(OUT_DIR, `pages-${database}.json`);
    writeFileSync(pagesFile, JSON.stringify(await capturePages(guanmo.url, cookie)));
    const ceilingServer = await startCeiling(
      { PORT: String(await freePort()), BENCH_PAGES_FILE: pagesFile },
      `list-ceiling-${database}`,
    );
    servers.push(ceilingServer);

    const ceiling = await measure(`ceiling`, ceilingServer.url);
    const result = await measure(`guanmo ${database}`, guanmo.url, { cookie });
    const ratio = round(result.requestsPerSecond / ceiling.requestsPerSecond, 3);
    console.log(`  guanmo/ceiling = ${ratio}`);
    // The server is warm by now.
    const one = await measure(`guanmo, 1 conn.`, guanmo.url, { cookie }, 1, ONE_CONNECTION_SECONDS, 0);
    return {
      database,
      seedMs: round(seedMs, 0),
      queryMs,
      guanmo: result,
      ceiling,
      ratio,
      guanmoOneConnection: one,
    };
  } finally {
    for (const server of servers) await server.stop();
  }
}

export async function listThroughput() {
  const results: DbResult[] = [];
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'guanmo-bench-'));
  try {
    results.push(await benchDatabase('pglite', { dataDir }));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (await postgresAvailable()) {
    const database = await createTempDatabase();
    try {
      results.push(await benchDatabase('postgres', { databaseUrl: database.url }));
    } finally {
      await database.drop();
    }
  } else {
    console.warn('PostgreSQL not reachable: skipping the PostgreSQL list benchmark.');
  }
  const file = writeRaw('list-throughput', {
    at: new Date().toISOString(),
    units: UNITS,
    pageSize: PAGE_SIZE,
    connections: CONNECTIONS,
    seconds: SECONDS,
    results,
  });
  console.log(`raw figures: ${file}`);
  const broken = results.filter(
    (r) => failed(r.guanmo) || failed(r.ceiling) || failed(r.guanmoOneConnection),
  );
  if (broken.length) throw new Error(`failed requests during: ${broken.map((r) => r.database).join(', ')}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  listThroughput().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

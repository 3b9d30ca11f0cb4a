/**
 * Cold start to ready: spawns the real server and polls /readyz until 200.
 * - PGlite on an empty data directory (creates the cluster, migrates, creates the admin),
 * - PGlite again on the same, now populated directory,
 * - PostgreSQL on a fresh database (migrate + admin), and again on the same database,
 * - a bare Fastify server started the same way (node + tsx), as the floor.
 * Idle RSS of the server process is read from /proc one second after ready.
 * Usage: npx tsx bench/cold-start.ts   (BENCH_RUNS=3 by default)
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeRaw } from './lib/paths.js';
import { createTempDatabase, postgresAvailable } from './lib/postgres.js';
import {
  freePort,
  guanmoEnv,
  type RunningServer,
  rssMiB,
  sleep,
  startCeiling,
  startGuanmo,
} from './lib/server.js';
import { round, summarize } from './lib/stats.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SETTLE_MS = 1000;

/** readyMs: spawn → first 200 on /readyz; inProcessMs: what the server itself logs ("ready in 1.2 s"). */
type Sample = { readyMs: number; inProcessMs: number | null; rssMiB: number };
const samples: Record<string, Sample[]> = {};

/** The server's own figure: database open + migrations + first-start work + buildApp + listen. */
function loggedReadyMs(logFile: string) {
  const seconds = /ready in ([\d.]+) s/.exec(readFileSync(logFile, 'utf8'))?.[1];
  return seconds ? Number(seconds) * 1000 : null;
}

async function measure(label: string, start: () => Promise<RunningServer>) {
  const server = await start();
  try {
    await sleep(SETTLE_MS);
    const sample = {
      readyMs: server.readyMs,
      inProcessMs: loggedReadyMs(server.logFile),
      rssMiB: rssMiB(server.pid),
    };
    samples[label] = [...(samples[label] ?? []), sample];
    console.log(
      `  ${label.padEnd(20)} ready ${round(sample.readyMs, 0)} ms (in-process ${sample.inProcessMs ?? '–'} ms), ` +
        `idle RSS ${round(sample.rssMiB)} MiB`,
    );
  } finally {
    await server.stop();
  }
}

async function pgliteRun(run: number) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'guanmo-bench-'));
  try {
    await measure('pglite-empty', async () =>
      startGuanmo(guanmoEnv(await freePort(), { dataDir }), `cold-pglite-empty-${run}`),
    );
    await measure('pglite-populated', async () =>
      startGuanmo(guanmoEnv(await freePort(), { dataDir }), `cold-pglite-populated-${run}`),
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function postgresRun(run: number) {
  const database = await createTempDatabase();
  try {
    await measure('postgres-empty', async () =>
      startGuanmo(guanmoEnv(await freePort(), { databaseUrl: database.url }), `cold-postgres-empty-${run}`),
    );
    await measure('postgres-populated', async () =>
      startGuanmo(
        guanmoEnv(await freePort(), { databaseUrl: database.url }),
        `cold-postgres-populated-${run}`,
      ),
    );
  } finally {
    await database.drop();
  }
}

async function bareFastifyRun(run: number) {
  await measure('bare-fastify', async () =>
    startCeiling({ PORT: String(await freePort()) }, `cold-bare-${run}`),
  );
}

export async function coldStart() {
  const withPostgres = await postgresAvailable();
  if (!withPostgres) console.warn('PostgreSQL not reachable: skipping the PostgreSQL cold starts.');
  for (let run = 1; run <= RUNS; run++) {
    console.log(`cold start, run ${run}/${RUNS}`);
    await bareFastifyRun(run);
    await pgliteRun(run);
    if (withPostgres) await postgresRun(run);
  }
  const summary = Object.fromEntries(
    Object.entries(samples).map(([label, list]) => [
      label,
      {
        readyMs: summarize(list.map((s) => s.readyMs)),
        inProcessMs: list.every((s) => s.inProcessMs !== null)
          ? summarize(list.map((s) => s.inProcessMs as number))
          : null,
        rssMiB: summarize(list.map((s) => s.rssMiB)),
      },
    ]),
  );
  console.log('\ncold start to ready (ms), of which in-process (ms), idle RSS (MiB): median [min–max]');
  for (const [label, s] of Object.entries(summary)) {
    const r = s.readyMs;
    const m = s.rssMiB;
    console.log(
      `  ${label.padEnd(20)} ${round(r.median, 0)} [${round(r.min, 0)}–${round(r.max, 0)}] ms   ` +
        `in-process ${s.inProcessMs ? round(s.inProcessMs.median, 0) : '–'} ms   ` +
        `${round(m.median)} [${round(m.min)}–${round(m.max)}] MiB`,
    );
  }
  const file = writeRaw('cold-start', { at: new Date().toISOString(), runs: RUNS, samples, summary });
  console.log(`raw figures: ${file}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  coldStart().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

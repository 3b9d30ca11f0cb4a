/**
 * Live Q&A fan-out: CLIENTS Server-Sent Events clients on the presenter stream
 * (`/api/v1/public/events/:slug/qa/stream?key=`; attendees' pass streams are the same channel and
 * code after the access check), then QUESTIONS questions asked one after another through the
 * HTTP API. For every question and every client: the time from sending the ask to the question
 * arriving on that client. Runs: one process on PGlite (the embedded default), one process on
 * PostgreSQL, and two processes on one PostgreSQL with half the clients on each (the question
 * crosses processes through LISTEN/NOTIFY for the other half). Memory per connection: the
 * server's RSS after the clients connected minus before, divided by its connections.
 * The clients live in this (bench) process, on the same 2 cores as the servers: their parsing is
 * part of the measured latency.
 * Usage: npx tsx bench/qa-sse.ts   (BENCH_CLIENTS=500 BENCH_QUESTIONS=20; BENCH_DRY=1 prints without appending)
 * Not part of npm test.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Database } from '../src/server/db/client.js';
import { eventSites, events } from '../src/server/modules/events/events.table.js';
import { qaSettings } from '../src/server/modules/qa/qa.table.js';
import { registrations } from '../src/server/modules/registrations/registrations.table.js';
import { sites } from '../src/server/modules/sites/sites.table.js';
import { describeMachine, machine } from './lib/machine.js';
import { appendToResults } from './lib/paths.js';
import { createTempDatabase, postgresAvailable } from './lib/postgres.js';
import { openServerDatabase } from './lib/seed.js';
import { freePort, guanmoEnv, type RunningServer, rssMiB, sleep, startGuanmo } from './lib/server.js';
import { percentile, round } from './lib/stats.js';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 500);
const QUESTIONS = Number(process.env.BENCH_QUESTIONS ?? 20);
const ASKERS = 10;
const CSRF = 'bench-csrf';
type Storage = { dataDir?: string; databaseUrl?: string };

/** An in-progress event with a known screen key and ASKERS confirmed passes. */
async function seed(database: Database) {
  const [site] = await database.db
    .insert(sites)
    .values({ name: '问答基准小区', projectType: 'residential', willingness: 'yes' })
    .returning();
  const [event] = await database.db
    .insert(events)
    .values({
      slug: `bench-qa-${randomBytes(3).toString('hex')}`,
      theme: '探寻智慧物业，共建美好家园',
      eventDate: new Date().toISOString().slice(0, 10),
      format: 'half_day',
      capacity: 600,
      registrationDeadline: new Date(),
      status: 'in_progress',
    })
    .returning();
  const [eventSite] = await database.db
    .insert(eventSites)
    .values({ eventId: event.id, siteId: site.id, capacity: 600, position: 0 })
    .returning();
  const screenKey = randomBytes(24).toString('base64url');
  await database.db.insert(qaSettings).values({ eventId: event.id, screenKey });
  const tokens = Array.from({ length: ASKERS }, () => randomBytes(24).toString('base64url'));
  await database.db.insert(registrations).values(
    tokens.map((passToken, i) => ({
      eventId: event.id,
      eventSiteId: eventSite.id,
      status: 'confirmed' as const,
      unitName: `基准物业${i}`,
      name: `提问人${i}`,
      passToken,
    })),
  );
  return { slug: event.slug, screenKey, tokens };
}

type Client = { arrivals: Map<string, number>; repeats: number; close(): void };

/** One SSE connection over plain node:http (lighter than fetch for hundreds of streams). */
function connect(url: string): Promise<Client> {
  return new Promise((resolve, reject) => {
    const arrivals = new Map<string, number>();
    const client: Client = { arrivals, repeats: 0, close: () => request.destroy() };
    const request = http.get(url, { agent: false }, (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`stream answered ${res.statusCode}`));
        res.resume();
        return;
      }
      resolve(client);
      res.setEncoding('utf8');
      let buffer = '';
      res.on('data', (chunk: string) => {
        const now = performance.now();
        buffer += chunk;
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
          if (!block.includes('event: question')) continue;
          const id = /"id":"([0-9a-f-]{36})"/.exec(block)?.[1];
          if (!id) continue;
          if (arrivals.has(id)) client.repeats++;
          else arrivals.set(id, now);
        }
      });
      res.on('error', () => {});
    });
    request.on('error', reject);
  });
}

async function ask(server: RunningServer, token: string, text: string) {
  const res = await fetch(`${server.url}/api/v1/passes/${token}/qa/questions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `guanmo_csrf=${CSRF}`, 'x-csrf-token': CSRF },
    body: JSON.stringify({ text }),
  });
  const body = (await res.json()) as { id: string };
  if (res.status !== 200) throw new Error(`ask answered ${res.status}: ${JSON.stringify(body)}`);
  return body.id;
}

async function runOn(name: string, storage: Storage, processes: 1 | 2) {
  const database = await openServerDatabase(storage);
  const seeded = await seed(database);
  await database.close();

  const servers: RunningServer[] = [];
  try {
    // One after the other: the first start creates the association and its admin.
    for (let i = 0; i < processes; i++) {
      const port = await freePort();
      servers.push(
        await startGuanmo(
          { ...guanmoEnv(port, storage), LOG_LEVEL: 'warn', OUTBOX_INTERVAL_SECONDS: '0' },
          `qa-sse-${name}-${i}`,
        ),
      );
    }
    const streamUrl = (server: RunningServer) =>
      `${server.url}/api/v1/public/events/${seeded.slug}/qa/stream?key=${seeded.screenKey}`;
    // Warm-up: compile the routes, open the pools; then the baseline memory.
    for (const server of servers) {
      const warm = await connect(streamUrl(server));
      warm.close();
      await ask(server, seeded.tokens[0], '预热问题');
    }
    await sleep(1500);
    const rssBefore = servers.map((s) => rssMiB(s.pid));

    const clients: Client[] = [];
    const connectStart = performance.now();
    for (let i = 0; i < CLIENTS; i += 50) {
      const batch = Array.from({ length: Math.min(50, CLIENTS - i) }, (_, j) =>
        connect(streamUrl(servers[(i + j) % processes])),
      );
      clients.push(...(await Promise.all(batch)));
    }
    const connectSeconds = (performance.now() - connectStart) / 1000;
    await sleep(1500);
    const rssAfter = servers.map((s) => rssMiB(s.pid));

    const asked: { id: string; at: number }[] = [];
    for (let q = 0; q < QUESTIONS; q++) {
      const at = performance.now();
      // Alternate the process that takes the question.
      const id = await ask(
        servers[q % processes],
        seeded.tokens[q % ASKERS],
        `第${q + 1}个问题：如何平衡服务品质与运营成本?`,
      );
      asked.push({ id, at });
      await sleep(250);
    }
    const deadline = performance.now() + 10_000;
    const complete = (c: Client) => asked.every((q) => c.arrivals.has(q.id));
    while (performance.now() < deadline && !clients.every(complete)) await sleep(50);
    for (const client of clients) client.close();

    const latencies: number[] = [];
    const allReceived: number[] = [];
    let missing = 0;
    for (const { id, at } of asked) {
      let last = 0;
      for (const client of clients) {
        const arrived = client.arrivals.get(id);
        if (arrived === undefined) {
          missing++;
          continue;
        }
        latencies.push(arrived - at);
        last = Math.max(last, arrived - at);
      }
      allReceived.push(last);
    }
    latencies.sort((a, b) => a - b);
    allReceived.sort((a, b) => a - b);
    const perConnectionKiB = servers.map(
      (_, i) => ((rssAfter[i] - rssBefore[i]) * 1024) / Math.ceil(CLIENTS / processes),
    );
    return {
      run: name,
      processes,
      clients: clients.length,
      questions: asked.length,
      connectSeconds: round(connectSeconds, 2),
      latencyMs: {
        p50: round(percentile(latencies, 50)),
        p95: round(percentile(latencies, 95)),
        max: round(latencies.at(-1) ?? Number.NaN),
      },
      allClientsMs: { p50: round(percentile(allReceived, 50)), p95: round(percentile(allReceived, 95)) },
      rssBeforeMiB: rssBefore.map((v) => round(v)),
      rssAfterMiB: rssAfter.map((v) => round(v)),
      perConnectionKiB: perConnectionKiB.map((v) => round(v)),
      missing,
      repeats: clients.reduce((sum, c) => sum + c.repeats, 0),
    };
  } finally {
    for (const server of servers) await server.stop();
  }
}

async function main() {
  const results = [];
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'guanmo-bench-qa-'));
  try {
    results.push(await runOn('PGlite', { dataDir: path.join(tmp, 'pglite') }, 1));
    if (await postgresAvailable()) {
      for (const processes of [1, 2] as const) {
        const db = await createTempDatabase();
        try {
          results.push(await runOn('PostgreSQL', { databaseUrl: db.url }, processes));
        } finally {
          await db.drop();
        }
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const report = { machine: machine(), clients: CLIENTS, questions: QUESTIONS, results };
  console.log(JSON.stringify(report, null, 2));
  appendToResults(markdown(report));
}

function markdown(report: {
  machine: ReturnType<typeof machine>;
  clients: number;
  questions: number;
  results: Awaited<ReturnType<typeof runOn>>[];
}) {
  const lines = [
    '',
    '## Live Q&A: SSE fan-out',
    '',
    `\`npx tsx bench/qa-sse.ts\` — ${describeMachine(report.machine)}.`,
    `${report.clients} SSE clients on the presenter stream (in the bench process, on the same cores as the servers), then ${report.questions} questions asked one every ~250 ms through \`POST /passes/:token/qa/questions\` (alternating processes when there are two). Latency: from sending the ask to the question arriving on a client, over every client and question; "all clients": per question, until the last client had it. Memory: server RSS after the clients connected minus before, per connection of that process.`,
    '',
    '| database | processes | clients | latency p50 / p95 / max ms | all clients p50 / p95 ms | connect s | RSS before → after MiB | per connection KiB | missing | repeats |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of report.results) {
    const rss = r.rssBeforeMiB.map((b, i) => `${b} → ${r.rssAfterMiB[i]}`).join(', ');
    lines.push(
      `| ${r.run} | ${r.processes} | ${r.clients} | ${r.latencyMs.p50} / ${r.latencyMs.p95} / ${r.latencyMs.max} | ${r.allClientsMs.p50} / ${r.allClientsMs.p95} | ${r.connectSeconds} | ${rss} | ${r.perConnectionKiB.join(', ')} | ${r.missing} | ${r.repeats} |`,
    );
  }
  lines.push('');
  return lines.join('\n');
}

await main();

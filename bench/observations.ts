/**
 * On-site observation under load: ATTENDEES attendees (distinct passes) at once, each doing what
 * the phone does when its offline queue syncs: read the scorecard, PUT one score per dimension
 * (5), PUT a note, and POST one ~2 MB JPEG with its note (multipart), through the real HTTP
 * server (a separate node process), plain fetch with one concurrent worker per attendee.
 * Reports throughput, latency percentiles per request kind, the photo processing time measured
 * in-process (processImage on the same photo), peak RSS of the server, and checks afterwards
 * that nothing was lost or duplicated. On PGlite and on PostgreSQL.
 * Usage: npx tsx bench/observations.ts   (BENCH_ATTENDEES=200; BENCH_DRY=1 prints without appending)
 * Not part of npm test.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { loadConfig } from '../src/server/config.js';
import { fixedClock } from '../src/server/core/clock.js';
import type { Ctx } from '../src/server/core/context.js';
import { processImage } from '../src/server/core/images.js';
import type { Database } from '../src/server/db/client.js';
import { eventSites, events } from '../src/server/modules/events/events.table.js';
import { files } from '../src/server/modules/files/files.table.js';
import {
  notePhotos,
  observationNotes,
  observations,
} from '../src/server/modules/observations/observations.table.js';
import { registrations } from '../src/server/modules/registrations/registrations.table.js';
import { defaultStops, versionPoints } from '../src/server/modules/route-stops/route-stops.service.js';
import { routeStops } from '../src/server/modules/route-stops/route-stops.table.js';
import { sites } from '../src/server/modules/sites/sites.table.js';
import {
  defaultTemplateVersionId,
  ensureDefaultTemplates,
} from '../src/server/modules/templates/seed/seed.service.js';
import { loadVersion } from '../src/server/modules/templates/templates.tree.js';
import { describeMachine, machine } from './lib/machine.js';
import { appendToResults } from './lib/paths.js';
import { createTempDatabase, postgresAvailable } from './lib/postgres.js';
import { openServerDatabase } from './lib/seed.js';
import { freePort, guanmoEnv, rssMiB, startGuanmo } from './lib/server.js';
import { percentile, round } from './lib/stats.js';

const ATTENDEES = Number(process.env.BENCH_ATTENDEES ?? 200);
const CSRF = 'bench-csrf';
type Storage = { dataDir?: string; databaseUrl?: string };
type Kind = 'scorecard' | 'observation' | 'note' | 'photo';

/** A ~2 MB JPEG like a phone photo (noise keeps it from compressing small), 2400 × 1800. */
async function phonePhoto() {
  const width = 2400;
  const height = 1800;
  const raw = randomBytes(width * height * 3);
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .blur(0.6)
    .jpeg({ quality: 80 })
    .toBuffer();
}

/** One published in-progress event with the default template and route, and ATTENDEES passes. */
async function seed(database: Database) {
  const ctx: Ctx = {
    db: database.db,
    actor: null,
    clock: fixedClock(new Date()),
    lang: 'zh-CN',
    config: loadConfig({}),
  };
  await ensureDefaultTemplates(ctx);
  const versionId = (await defaultTemplateVersionId(ctx)) as string;
  const [site] = await database.db
    .insert(sites)
    .values({ name: '观摩基准小区', projectType: 'residential', willingness: 'yes' })
    .returning();
  const [event] = await database.db
    .insert(events)
    .values({
      slug: `bench-${randomBytes(3).toString('hex')}`,
      theme: '探寻智慧物业，共建美好家园',
      eventDate: new Date().toISOString().slice(0, 10),
      format: 'half_day',
      templateVersionId: versionId,
      capacity: ATTENDEES,
      registrationDeadline: new Date(),
      status: 'in_progress',
    })
    .returning();
  const [eventSite] = await database.db
    .insert(eventSites)
    .values({ eventId: event.id, siteId: site.id, capacity: ATTENDEES, position: 0 })
    .returning();
  const stops = defaultStops('zh-CN', await versionPoints(ctx, versionId));
  await database.db.insert(routeStops).values(
    stops.map((s, position) => ({
      ...s,
      eventSiteId: eventSite.id,
      position,
      guideNotes: s.guideNotes ?? null,
    })),
  );
  const tokens = Array.from({ length: ATTENDEES }, () => randomBytes(24).toString('base64url'));
  await database.db.insert(registrations).values(
    tokens.map((passToken, i) => ({
      eventId: event.id,
      eventSiteId: eventSite.id,
      status: 'confirmed' as const,
      unitName: `基准物业${i}`,
      name: `参会人${i}`,
      passToken,
    })),
  );
  const version = await loadVersion(ctx, versionId);
  return { eventId: event.id, tokens, points: version.dimensions.map((d) => d.points[0].id) };
}

async function timed(kind: Kind, samples: Record<Kind, number[]>, run: () => Promise<Response>) {
  const start = performance.now();
  const res = await run();
  await res.arrayBuffer();
  samples[kind].push(performance.now() - start);
  if (res.status >= 300) throw new Error(`${kind} answered ${res.status}`);
}

async function attendee(
  url: string,
  token: string,
  points: string[],
  photo: Buffer,
  samples: Record<Kind, number[]>,
) {
  const headers = { cookie: `guanmo_csrf=${CSRF}`, 'x-csrf-token': CSRF };
  const json = { ...headers, 'content-type': 'application/json' };
  const base = `${url}/api/v1/passes/${token}`;
  await timed('scorecard', samples, () => fetch(`${base}/scorecard`, { headers }));
  for (const [i, pointId] of points.entries()) {
    const body = JSON.stringify({ pointId, score: 1 + (i % 5), updatedAt: new Date().toISOString() });
    await timed('observation', samples, () =>
      fetch(`${base}/observations/${randomUUID()}`, { method: 'PUT', headers: json, body }),
    );
  }
  const note = {
    kind: 'highlight',
    text: '智能门禁通行很快',
    pointId: points[0],
    updatedAt: new Date().toISOString(),
  };
  await timed('note', samples, () =>
    fetch(`${base}/notes/${randomUUID()}`, { method: 'PUT', headers: json, body: JSON.stringify(note) }),
  );
  const form = new FormData();
  form.append('clientId', randomUUID());
  form.append('note', JSON.stringify({ ...note, kind: 'problem', text: '充电桩线缆凌乱' }));
  form.append('file', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'photo.jpg');
  await timed('photo', samples, () =>
    fetch(`${base}/notes/${randomUUID()}/photos`, { method: 'POST', headers, body: form }),
  );
}

async function runOn(name: string, storage: Storage, filesDir: string, photo: Buffer) {
  const database = await openServerDatabase(storage);
  const seeded = await seed(database);
  await database.close();

  const port = await freePort();
  const server = await startGuanmo(
    { ...guanmoEnv(port, storage), GUANMO_FILES_DIR: filesDir, LOG_LEVEL: 'warn' },
    `observations-${name}`,
  );
  let peakRss = rssMiB(server.pid);
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, rssMiB(server.pid));
  }, 50);
  const samples: Record<Kind, number[]> = { scorecard: [], observation: [], note: [], photo: [] };
  const errors: string[] = [];
  const startedAt = performance.now();
  try {
    await Promise.all(
      seeded.tokens.map((token) =>
        attendee(server.url, token, seeded.points, photo, samples).catch((e: Error) =>
          errors.push(e.message),
        ),
      ),
    );
  } finally {
    clearInterval(sampler);
  }
  const seconds = (performance.now() - startedAt) / 1000;
  await server.stop();

  const check = await openServerDatabase(storage);
  const n = async (table: typeof observations | typeof observationNotes | typeof notePhotos | typeof files) =>
    Number((await check.db.select({ n: count() }).from(table))[0].n);
  const stored = {
    observations: await n(observations),
    notes: await n(observationNotes),
    photos: await n(notePhotos),
    files: await n(files),
    eventObservations: Number(
      (
        await check.db
          .select({ n: count() })
          .from(observations)
          .where(eq(observations.eventId, seeded.eventId))
      )[0].n,
    ),
  };
  await check.close();

  const requests = Object.values(samples).reduce((sum, list) => sum + list.length, 0);
  const stats = (list: number[]) => {
    const sorted = [...list].sort((a, b) => a - b);
    return {
      n: sorted.length,
      p50: round(percentile(sorted, 50)),
      p95: round(percentile(sorted, 95)),
      max: round(sorted.at(-1) ?? 0),
    };
  };
  return {
    database: name,
    seconds: round(seconds, 2),
    requests,
    requestsPerSecond: round(requests / seconds),
    attendeesPerSecond: round(ATTENDEES / seconds, 2),
    latency: Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, stats(v)])),
    peakRssMiB: round(peakRss),
    errors: errors.length,
    firstError: errors[0] ?? null,
    stored,
  };
}

async function main() {
  const photo = await phonePhoto();
  const processing: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    await processImage(photo);
    processing.push(performance.now() - start);
  }
  const processingMs = round(
    percentile(
      [...processing].sort((a, b) => a - b),
      50,
    ),
  );
  const results = [];

  const tmp = mkdtempSync(path.join(os.tmpdir(), 'guanmo-bench-obs-'));
  try {
    results.push(
      await runOn('PGlite', { dataDir: path.join(tmp, 'pglite') }, path.join(tmp, 'files-pglite'), photo),
    );
    if (await postgresAvailable()) {
      const db = await createTempDatabase();
      try {
        results.push(await runOn('PostgreSQL', { databaseUrl: db.url }, path.join(tmp, 'files-pg'), photo));
      } finally {
        await db.drop();
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const report = {
    machine: machine(),
    attendees: ATTENDEES,
    photoBytes: photo.length,
    processImageMedianMs: processingMs,
    results,
  };
  console.log(JSON.stringify(report, null, 2));
  appendToResults(markdown(report));
}

function markdown(report: {
  machine: ReturnType<typeof machine>;
  attendees: number;
  photoBytes: number;
  processImageMedianMs: number;
  results: Awaited<ReturnType<typeof runOn>>[];
}) {
  const lines = [
    '',
    '## Observations',
    '',
    `\`npx tsx bench/observations.ts\` — ${describeMachine(report.machine)}.`,
    `${report.attendees} attendees (distinct passes) at once, each: GET scorecard, 5 × PUT observation, PUT note, POST one ${(report.photoBytes / 1024 / 1024).toFixed(1)} MB JPEG (2400 × 1800) with its note (multipart) through the real server process.`,
    `Photo processing alone (processImage: sniff, decode, resize to 2560, WebP, thumbnail), median of 5 in-process: **${report.processImageMedianMs} ms**.`,
    '',
    '| database | wall time s | requests/s | attendees/s | scorecard p50/p95 ms | observation p50/p95 ms | note p50/p95 ms | photo p50/p95 ms | peak RSS MiB | errors | stored obs/notes/photos |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of report.results) {
    const l = r.latency as Record<string, { p50: number; p95: number }>;
    const pair = (k: string) => `${l[k].p50} / ${l[k].p95}`;
    lines.push(
      `| ${r.database} | ${r.seconds} | ${r.requestsPerSecond} | ${r.attendeesPerSecond} | ${pair('scorecard')} | ${pair('observation')} | ${pair('note')} | ${pair('photo')} | ${r.peakRssMiB} | ${r.errors} | ${r.stored.observations}/${r.stored.notes}/${r.stored.photos} |`,
    );
  }
  for (const r of report.results)
    if (r.firstError)
      lines.push('', `${r.database}: ${r.errors} attendee(s) failed; first error: ${r.firstError}`);
  lines.push(
    '',
    'Expected stored: observations = 5 × attendees, notes = 2 × attendees, photos = attendees (one file row per photo). Latencies include queueing: all attendees start at once and the photo step dominates (the server decodes one photo per core at a time, in arrival order).',
    '',
  );
  return lines.join('\n');
}

await main();

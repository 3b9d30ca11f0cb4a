/**
 * Registration opening and check-in peak through the real server (one node process), on PGlite
 * and on a fresh PostgreSQL database:
 * 1. Registration burst: REGISTRATIONS public registrations (distinct mobiles, member units) with
 *    REG_CONCURRENCY in flight, against one published event with CAPACITY seats — so the rest are
 *    waitlisted. Afterwards exactly CAPACITY must be confirmed.
 * 2. Check-in burst: the CAPACITY confirmed passes scanned by DEVICES "devices" (one request in
 *    flight each, the scans split evenly), signed in as the admin. Every scan must be `checked_in`.
 * 3. Badges PDF for the CAPACITY confirmed people, rendered twice (first render after start, then
 *    again: fonts loaded, pdfmake imported).
 * Ceilings, in the same run on the same database (server stopped): the same rows written by a
 * plain SQL loop, one INSERT per registration / check-in, one statement at a time.
 * Usage: npx tsx bench/registration.ts   (BENCH_DRY=1 prints without appending to RESULTS.md)
 * Not part of npm test. Exits non-zero on any failed request or a wrong count.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, count, eq, sql } from 'drizzle-orm';
import { CONSENT_VERSION } from '../src/contract/registrations.js';
import { checkinScans, checkins } from '../src/server/modules/checkin/checkin.table.js';
import { eventSites, events } from '../src/server/modules/events/events.table.js';
import { memberUnits } from '../src/server/modules/member-units/member-units.table.js';
import { registrations } from '../src/server/modules/registrations/registrations.table.js';
import { sites } from '../src/server/modules/sites/sites.table.js';
import { users } from '../src/server/modules/users/users.table.js';
import { machine } from './lib/machine.js';
import { appendToResults, OUT_DIR, SERVER, writeRaw } from './lib/paths.js';
import { createTempDatabase, postgresAvailable } from './lib/postgres.js';
import { openServerDatabase, seedMemberUnits } from './lib/seed.js';
import { freePort, guanmoEnv, rssMiB, startGuanmo } from './lib/server.js';
import { signInAsAdmin } from './lib/session.js';
import { percentile, round } from './lib/stats.js';

const REGISTRATIONS = Number(process.env.BENCH_REGISTRATIONS ?? 500);
const CAPACITY = Number(process.env.BENCH_CAPACITY ?? 300);
const REG_CONCURRENCY = Number(process.env.BENCH_REG_CONCURRENCY ?? 50);
const DEVICES = Number(process.env.BENCH_DEVICES ?? 5);
const UNITS = 100;
const REQUEST_TIMEOUT_MS = 60_000;
const CSRF = 'bench-csrf-registration';

type Storage = { dataDir?: string; databaseUrl?: string };
type Database = Awaited<ReturnType<typeof openServerDatabase>>;
type Burst = {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
};

const mobileOf = (i: number) => `136${String(i).padStart(8, '0')}`;
const ceilingMobileOf = (i: number) => `137${String(i).padStart(8, '0')}`;

/** An event open for registration (published, deadline in 30 days) on one site of CAPACITY seats. */
async function insertOpenEvent(db: Database['db'], siteId: string, label: string) {
  const inAMonth = new Date(Date.now() + 30 * 86_400_000);
  const [event] = await db
    .insert(events)
    .values({
      slug: `bench-${label}-${randomBytes(3).toString('hex')}`,
      theme: '探寻智慧物业，共建美好家园',
      eventDate: inAMonth.toISOString().slice(0, 10),
      format: 'half_day',
      capacity: CAPACITY,
      registrationDeadline: inAMonth,
      meetingPoint: '示例市万象路1号东门',
      status: 'published',
      statusChangedAt: new Date(),
    })
    .returning();
  const [eventSite] = await db
    .insert(eventSites)
    .values({ eventId: event.id, siteId, capacity: CAPACITY, position: 0 })
    .returning();
  return { eventId: event.id, slug: event.slug, eventSiteId: eventSite.id };
}

async function seed(database: Database) {
  await seedMemberUnits(database, UNITS);
  const units = await database.db.select({ id: memberUnits.id, name: memberUnits.name }).from(memberUnits);
  const [site] = await database.db
    .insert(sites)
    .values({
      name: '万象城市花园',
      address: '示例市万象路1号',
      projectType: 'residential',
      willingness: 'yes',
    })
    .returning();
  return {
    units,
    bench: await insertOpenEvent(database.db, site.id, 'burst'),
    ceiling: await insertOpenEvent(database.db, site.id, 'ceiling'),
  };
}

/** Runs `total` jobs with `workers` in flight; each job's wall time is one latency sample. */
async function burst(total: number, workers: number, job: (i: number, worker: number) => Promise<void>) {
  const samples: number[] = [];
  let next = 0;
  const startedAt = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      while (next < total) {
        const i = next++;
        const start = performance.now();
        await job(i, worker);
        samples.push(performance.now() - start);
      }
    }),
  );
  return summarizeBurst(samples, (performance.now() - startedAt) / 1000);
}

function summarizeBurst(samples: number[], seconds: number): Burst {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    requests: sorted.length,
    seconds: round(seconds, 2),
    requestsPerSecond: round(sorted.length / seconds, 1),
    latencyMs: {
      p50: round(percentile(sorted, 50)),
      p95: round(percentile(sorted, 95)),
      p99: round(percentile(sorted, 99)),
      max: round(sorted.at(-1) ?? Number.NaN),
    },
  };
}

async function send(url: string, init: RequestInit, expected: number) {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  const body = await res.text();
  if (res.status !== expected)
    throw new Error(`${init.method ?? 'GET'} ${url} answered ${res.status}: ${body.slice(0, 300)}`);
  return body;
}

async function registrationBurst(baseUrl: string, slug: string, units: Array<{ id: string }>) {
  const statuses = new Map<string, number>();
  const confirmedTokens: string[] = [];
  const url = `${baseUrl}/api/v1/public/events/${slug}/registrations`;
  const headers = { 'content-type': 'application/json', cookie: `guanmo_csrf=${CSRF}`, 'x-csrf-token': CSRF };
  const result = await burst(REGISTRATIONS, REG_CONCURRENCY, async (i) => {
    const body = JSON.stringify({
      name: `参会人${i}`,
      position: '项目经理',
      mobile: mobileOf(i),
      email: `visitor${i}@example.com`,
      focusDimensionIds: [],
      questions: null,
      answers: {},
      memberUnitId: units[i % units.length].id,
      unitName: null,
      eventSiteId: null,
      consent: true,
      consentVersion: CONSENT_VERSION,
    });
    const answer = JSON.parse(await send(url, { method: 'POST', headers, body }, 201)) as {
      status: string;
      passToken: string;
    };
    statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
    if (answer.status === 'confirmed') confirmedTokens.push(answer.passToken);
  });
  return { result, statuses: Object.fromEntries(statuses), confirmedTokens };
}

async function checkinBurst(baseUrl: string, eventId: string, cookie: string, tokens: string[]) {
  const codes = new Map<string, number>();
  const csrf = /guanmo_csrf=([^;]+)/.exec(cookie)?.[1] ?? '';
  const headers = { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf };
  const perDevice = Math.ceil(tokens.length / DEVICES);
  // Device d scans its own slice of the queue (d*perDevice ...), one scan at a time.
  const cursors = Array.from({ length: DEVICES }, (_, d) => d * perDevice);
  const samples: number[] = [];
  const startedAt = performance.now();
  await Promise.all(
    cursors.map(async (start, d) => {
      for (let i = start; i < Math.min(start + perDevice, tokens.length); i++) {
        const began = performance.now();
        const body = JSON.stringify({
          nonce: randomUUID(),
          token: tokens[i],
          deviceId: `bench-device-${d + 1}`,
        });
        const answer = JSON.parse(
          await send(
            `${baseUrl}/api/v1/events/${eventId}/checkin/scans`,
            { method: 'POST', headers, body },
            200,
          ),
        ) as { code: string };
        samples.push(performance.now() - began);
        codes.set(answer.code, (codes.get(answer.code) ?? 0) + 1);
      }
    }),
  );
  return {
    result: summarizeBurst(samples, (performance.now() - startedAt) / 1000),
    codes: Object.fromEntries(codes),
  };
}

async function badges(baseUrl: string, eventId: string, cookie: string) {
  const renders = [];
  for (const label of ['first', 'second'] as const) {
    // While the PDF renders, GET /readyz one after another: how long other requests are held up.
    let rendering = true;
    const probe = (async () => {
      let worst = 0;
      while (rendering) {
        const began = performance.now();
        await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(300_000) }).then((r) =>
          r.arrayBuffer(),
        );
        worst = Math.max(worst, performance.now() - began);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return worst;
    })();
    const start = performance.now();
    let res: Response;
    let bytes: Buffer;
    try {
      res = await fetch(`${baseUrl}/api/v1/events/${eventId}/badges.pdf`, {
        headers: { cookie },
        signal: AbortSignal.timeout(300_000),
      });
      bytes = Buffer.from(await res.arrayBuffer());
    } finally {
      rendering = false;
    }
    const ms = performance.now() - start;
    const worstReadyzMs = await probe;
    if (res.status !== 200 || bytes.subarray(0, 5).toString() !== '%PDF-')
      throw new Error(`badges.pdf (${label}) answered ${res.status}: ${bytes.subarray(0, 200).toString()}`);
    const pages = (bytes.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    renders.push({
      render: label,
      ms: round(ms, 0),
      kib: round(bytes.length / 1024),
      pages,
      worstReadyzMs: round(worstReadyzMs, 0),
    });
  }
  return renders;
}

/** Counts in the database after the bursts (server stopped, so PGlite can be opened). */
async function verify(database: Database, eventId: string) {
  const byStatus = await database.db
    .select({ status: registrations.status, n: count() })
    .from(registrations)
    .where(eq(registrations.eventId, eventId))
    .groupBy(registrations.status);
  const [checked] = await database.db
    .select({ n: count() })
    .from(checkins)
    .where(eq(checkins.eventId, eventId));
  const [scans] = await database.db
    .select({ n: count() })
    .from(checkinScans)
    .where(and(eq(checkinScans.eventId, eventId), eq(checkinScans.resultCode, 'checked_in')));
  return {
    registrations: Object.fromEntries(byStatus.map((r) => [r.status, Number(r.n)])),
    checkins: Number(checked.n),
    checkedInScans: Number(scans.n),
  };
}

/**
 * The floor: the same rows written with one plain INSERT each, one after another, on the same
 * database (same columns as the service's insert; first CAPACITY confirmed, the rest waitlisted).
 */
async function ceilings(
  database: Database,
  target: { eventId: string; eventSiteId: string },
  units: Array<{ id: string; name: string }>,
) {
  const db = database.db;
  const [admin] = await db.select({ id: users.id }).from(users).limit(1);
  const regSamples: number[] = [];
  const ids: string[] = [];
  let startedAt = performance.now();
  for (let i = 0; i < REGISTRATIONS; i++) {
    const unit = units[i % units.length];
    const confirmed = i < CAPACITY;
    const began = performance.now();
    const result = await db.execute(sql`
      insert into registrations (event_id, event_site_id, status, waitlist_seq, member_unit_id, unit_name,
        name, position, mobile, email, focus_dimension_ids, questions, answers, pass_token,
        consent_version, consented_at, user_id, created_by, created_at, updated_at)
      values (${target.eventId}, ${target.eventSiteId}, ${confirmed ? 'confirmed' : 'waitlisted'},
        ${confirmed ? null : i - CAPACITY + 1}, ${unit.id}, ${unit.name}, ${`参会人${i}`}, '项目经理',
        ${ceilingMobileOf(i)}, ${`visitor${i}@example.com`}, '{}', null, '{}'::jsonb,
        ${randomBytes(24).toString('base64url')}, ${CONSENT_VERSION}, now(), null, null, now(), now())
      returning id`);
    regSamples.push(performance.now() - began);
    ids.push((result as unknown as { rows: Array<{ id: string }> }).rows[0].id);
  }
  const registration = summarizeBurst(regSamples, (performance.now() - startedAt) / 1000);

  const checkinSamples: number[] = [];
  startedAt = performance.now();
  for (let i = 0; i < CAPACITY; i++) {
    const began = performance.now();
    await db.execute(sql`
      insert into checkins (event_id, event_site_id, registration_id, scan_id, method, scanned_at,
        received_at, device_id, staff_id)
      values (${target.eventId}, ${target.eventSiteId}, ${ids[i]}, ${randomUUID()}, 'qr', now(), now(),
        ${`bench-device-${(i % DEVICES) + 1}`}, ${admin?.id ?? null})`);
    checkinSamples.push(performance.now() - began);
  }
  const checkin = summarizeBurst(checkinSamples, (performance.now() - startedAt) / 1000);
  return { registration, checkin };
}

async function benchDatabase(name: 'PGlite' | 'PostgreSQL', storage: Storage) {
  console.log(`  ${name}: seeding`);
  let database = await openServerDatabase(storage);
  const seeded = await seed(database);
  await database.close();

  const server = await startGuanmo(
    { ...guanmoEnv(await freePort(), storage), GUANMO_PUBLIC_RATE_LIMIT: '100000', LOG_LEVEL: 'warn' },
    `registration-${name}`,
  );
  let peakRss = rssMiB(server.pid);
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, rssMiB(server.pid));
  }, 100);
  let registration: Awaited<ReturnType<typeof registrationBurst>>;
  let checkin: Awaited<ReturnType<typeof checkinBurst>>;
  let badgeRenders: Awaited<ReturnType<typeof badges>>;
  try {
    console.log(`  ${name}: server ready in ${round(server.readyMs / 1000, 1)} s; registration burst`);
    registration = await registrationBurst(server.url, seeded.bench.slug, seeded.units);
    console.log(`    ${JSON.stringify(registration.result)} ${JSON.stringify(registration.statuses)}`);
    const cookie = await signInAsAdmin(server.url);
    console.log(`  ${name}: check-in burst`);
    checkin = await checkinBurst(server.url, seeded.bench.eventId, cookie, registration.confirmedTokens);
    console.log(`    ${JSON.stringify(checkin.result)} ${JSON.stringify(checkin.codes)}`);
    console.log(`  ${name}: badges.pdf`);
    badgeRenders = await badges(server.url, seeded.bench.eventId, cookie);
    console.log(`    ${JSON.stringify(badgeRenders)}`);
  } finally {
    clearInterval(sampler);
    await server.stop();
  }

  database = await openServerDatabase(storage);
  try {
    const stored = await verify(database, seeded.bench.eventId);
    console.log(`  ${name}: stored ${JSON.stringify(stored)}; ceilings`);
    const ceiling = await ceilings(database, seeded.ceiling, seeded.units);
    console.log(`    ${JSON.stringify(ceiling)}`);
    return {
      database: name,
      readyMs: round(server.readyMs, 0),
      peakRssMiB: round(peakRss),
      registration: { ...registration.result, statuses: registration.statuses },
      checkin: { ...checkin.result, codes: checkin.codes },
      badges: badgeRenders,
      stored,
      ceiling,
      ratios: {
        registration: round(
          registration.result.requestsPerSecond / ceiling.registration.requestsPerSecond,
          3,
        ),
        checkin: round(checkin.result.requestsPerSecond / ceiling.checkin.requestsPerSecond, 3),
      },
    };
  } finally {
    await database.close();
  }
}

type DbResult = Awaited<ReturnType<typeof benchDatabase>>;

/** What must hold after a run; each broken rule is one line. */
function problems(r: DbResult) {
  const list: string[] = [];
  const regs = r.stored.registrations;
  if ((regs.confirmed ?? 0) !== CAPACITY)
    list.push(`${r.database}: ${regs.confirmed ?? 0} confirmed, expected ${CAPACITY}`);
  if ((regs.waitlisted ?? 0) !== REGISTRATIONS - CAPACITY)
    list.push(`${r.database}: ${regs.waitlisted ?? 0} waitlisted, expected ${REGISTRATIONS - CAPACITY}`);
  if (r.registration.requests !== REGISTRATIONS)
    list.push(`${r.database}: ${r.registration.requests} registrations answered`);
  if (r.checkin.codes.checked_in !== CAPACITY)
    list.push(`${r.database}: scan codes ${JSON.stringify(r.checkin.codes)}`);
  if (r.stored.checkins !== CAPACITY || r.stored.checkedInScans !== CAPACITY)
    list.push(
      `${r.database}: ${r.stored.checkins} check-ins / ${r.stored.checkedInScans} scans stored, expected ${CAPACITY}`,
    );
  return list;
}

export async function registrationBench() {
  const before = machine();
  const results: DbResult[] = [];
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'guanmo-bench-reg-'));
  try {
    results.push(await benchDatabase('PGlite', { dataDir: path.join(tmp, 'pglite') }));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  if (await postgresAvailable()) {
    const db = await createTempDatabase();
    try {
      results.push(await benchDatabase('PostgreSQL', { databaseUrl: db.url }));
    } finally {
      await db.drop();
    }
  } else {
    console.warn('PostgreSQL not reachable: skipping the PostgreSQL registration benchmark.');
  }
  const report = { machine: before, loadAverageAfter: machine().loadAverage, results };
  const file = writeRaw('registration', report);
  console.log(`raw figures: ${file}`);
  const broken = results.flatMap(problems);
  if (broken.length) throw new Error(broken.join('\n'));
  writeFileSync(path.join(OUT_DIR, 'registration.md'), markdown(report));
  appendToResults(markdown(report));
}

function markdown(report: {
  machine: ReturnType<typeof machine>;
  loadAverageAfter: number[];
  results: DbResult[];
}) {
  const m = report.machine;
  const lat = (b: Burst) => `${b.latencyMs.p50} / ${b.latencyMs.p95} / ${b.latencyMs.p99}`;
  const lines = [
    '',
    '### Run of `npx tsx bench/registration.ts`',
    '',
    `${m.date}, ${SERVER.source}, ${m.nproc} CPUs (${m.cpuModel}), Node ${m.node}, load average ${m.loadAverage.join(' ')} before and ${report.loadAverageAfter.join(' ')} after (shared, busy machine).`,
    '',
    '| database | burst | requests | req/s | p50 / p95 / p99 ms | ceiling req/s | ceiling p50 / p95 / p99 ms | Guanmo / ceiling |',
    '|---|---|---:|---:|---|---:|---|---:|',
  ];
  for (const r of report.results) {
    lines.push(
      `| ${r.database} | registration (${REG_CONCURRENCY} conc.) | ${r.registration.requests} | ${r.registration.requestsPerSecond} | ${lat(r.registration)} | ${r.ceiling.registration.requestsPerSecond} | ${lat(r.ceiling.registration)} | **${r.ratios.registration}** |`,
      `| ${r.database} | check-in (${DEVICES} devices) | ${r.checkin.requests} | ${r.checkin.requestsPerSecond} | ${lat(r.checkin)} | ${r.ceiling.checkin.requestsPerSecond} | ${lat(r.ceiling.checkin)} | **${r.ratios.checkin}** |`,
    );
  }
  lines.push(
    '',
    '| database | stored confirmed / waitlisted | check-ins | badges.pdf first ms | second ms | size KiB | pages | slowest /readyz during render ms | peak RSS MiB |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|',
  );
  for (const r of report.results) {
    const [first, second] = r.badges;
    lines.push(
      `| ${r.database} | ${r.stored.registrations.confirmed ?? 0} / ${r.stored.registrations.waitlisted ?? 0} | ${r.stored.checkins} | ${first.ms} | ${second.ms} | ${first.kib} | ${first.pages} | ${Math.max(first.worstReadyzMs, second.worstReadyzMs)} | ${r.peakRssMiB} |`,
    );
  }
  lines.push('');
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  registrationBench().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

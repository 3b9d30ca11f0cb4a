/**
 * Documents and the public event page.
 * - Notice PDF and DOCX through the real service path (event data read from PGlite, QR code,
 *   layout, fonts): the first render after start separately (CJK fonts are read and parsed then),
 *   then the median of BENCH_RUNS renders with the document cache cleared, and a cache hit.
 * - /e/:slug in Debian's Chromium under DevTools' "Fast 3G" (562.5 ms RTT, 1.6 Mbit/s down,
 *   750 kbit/s up, via CDP Network.emulateNetworkConditions), cache disabled, phone viewport:
 *   bytes transferred and load time, against a static HTML page with the same text served by the
 *   same server the same way (gzip) — the floor for that text.
 * Usage: npx tsx bench/documents.ts   (BENCH_RUNS=7 by default)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { fixedClock } from '../src/server/core/clock.js';
import type { Ctx } from '../src/server/core/context.js';
import { openDatabase } from '../src/server/db/client.js';
import { createAssociationWithAdmin } from '../src/server/modules/association/association.service.js';
import { clearDocumentCache } from '../src/server/modules/documents/document-cache.js';
import { plannedEvent } from '../src/server/modules/documents/documents.fixtures.js';
import { eventNotice } from '../src/server/modules/documents/documents.service.js';
import { machine } from './lib/machine.js';
import { ROOT, writeRaw } from './lib/paths.js';
import { round, summarize } from './lib/stats.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const PAGE_RUNS = Number(process.env.BENCH_PAGE_RUNS ?? 5);
/** Chrome DevTools' "Fast 3G" preset. */
const FAST_3G = {
  offline: false,
  latency: 562.5,
  downloadThroughput: (1.6 * 1000 * 1000 * 0.9) / 8,
  uploadThroughput: (750 * 1000 * 0.9) / 8,
};

const ms = (start: number) => performance.now() - start;

async function timeDocuments(ctx: Ctx, eventId: string) {
  const result: Record<
    string,
    { first: number; bytes: number; warm: ReturnType<typeof summarize>; cached: number }
  > = {};
  for (const format of ['pdf', 'docx'] as const) {
    clearDocumentCache();
    let start = performance.now();
    const first = await eventNotice(ctx, eventId, format);
    const firstMs = ms(start);
    const warm: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      clearDocumentCache();
      start = performance.now();
      await eventNotice(ctx, eventId, format);
      warm.push(ms(start));
    }
    start = performance.now();
    await eventNotice(ctx, eventId, format);
    result[format] = { first: firstMs, bytes: first.body.length, warm: summarize(warm), cached: ms(start) };
    console.log(
      `  notice.${format.padEnd(4)} first ${round(firstMs, 0)} ms, then median ${round(result[format].warm.median, 0)} ms ` +
        `(min ${round(result[format].warm.min, 0)}, max ${round(result[format].warm.max, 0)}, ${RUNS} runs), ` +
        `cached ${round(result[format].cached, 1)} ms, ${round(first.body.length / 1024)} KiB`,
    );
  }
  return result;
}

type PageSample = { loadMs: number; bytes: number; requests: number; fcpMs: number | null; urls: string[] };

async function loadUnderFast3G(url: string): Promise<PageSample[]> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const samples: PageSample[] = [];
  try {
    for (let i = 0; i < PAGE_RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.emulateNetworkConditions', FAST_3G);
      let bytes = 0;
      let requests = 0;
      const urls: string[] = [];
      cdp.on('Network.requestWillBeSent', (event: { request: { url: string } }) => {
        urls.push(new URL(event.request.url).pathname);
      });
      cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => {
        bytes += event.encodedDataLength;
        requests++;
      });
      const start = performance.now();
      const response = await page.goto(url, { waitUntil: 'load' });
      const loadMs = ms(start);
      if (response?.status() !== 200) throw new Error(`${url} answered ${response?.status()}`);
      await page
        .waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, {
          timeout: 5000,
        })
        .catch(() => undefined);
      const fcpMs = await page.evaluate(
        () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      );
      samples.push({ loadMs, bytes, requests, fcpMs, urls });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return samples;
}

function pageSummary(label: string, samples: PageSample[]) {
  const load = summarize(samples.map((s) => s.loadMs));
  const fcp = summarize(samples.flatMap((s) => (s.fcpMs === null ? [] : [s.fcpMs])));
  const bytes = samples[0].bytes;
  console.log(
    `  ${label.padEnd(22)} ${bytes} B in ${samples[0].requests} request(s) [${samples[0].urls.join(', ')}]; load median ${round(load.median, 0)} ms ` +
      `(min ${round(load.min, 0)}, max ${round(load.max, 0)}), first contentful paint ${round(fcp.median, 0)} ms`,
  );
  return { bytes, requests: samples[0].requests, load, fcp };
}

/** The page's visible text as a bare HTML document: what "the same text" costs at the minimum. */
function staticTwin(html: string) {
  const text = html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<title>[\s\S]*?<\/title>/, '')
    .replace(/<[^>]+>/g, '\n')
    .replace(/\n\s*\n+/g, '\n')
    .trim();
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>static</title></head><body><pre>${text}</pre></body></html>`;
}

function appendResults(markdown: string) {
  const file = path.join(ROOT, 'bench/RESULTS.md');
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    current = '# Benchmark results\n';
  }
  const heading = '## Documents and public page';
  const start = current.indexOf(heading);
  if (start >= 0) {
    const next = current.indexOf('\n## ', start + heading.length);
    current = current.slice(0, start) + (next >= 0 ? current.slice(next + 1) : '');
  }
  writeFileSync(file, `${current.trimEnd()}\n\n${markdown.trim()}\n`);
}

export async function documentsBenchmark() {
  const database = await openDatabase({});
  await database.migrate();
  let staticHtml = '';
  const config = { ...loadConfig({ LOG_LEVEL: 'silent' }), publicUrl: 'http://127.0.0.1' };
  const clock = fixedClock(new Date().toISOString());
  clock.set(new Date());
  const app = await buildApp({ config, database, clock, logger: false });
  // The static twin, served by the same server with the same compression.
  app.get('/bench/static', { schema: { hide: true } }, async (request, reply) => {
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache');
    if (/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
      return reply.header('content-encoding', 'gzip').send(gzipSync(staticHtml));
    }
    return reply.send(staticHtml);
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  try {
    const ctx: Ctx = { db: database.db, actor: null, clock, lang: 'zh-CN', config };
    const setup = await createAssociationWithAdmin(ctx, {
      association: { name: '示例市物业管理协会', region: '示例市' },
      admin: { name: '管理员', email: 'bench-docs@example.com', password: 'bench-password-1' },
      demo: false,
    });
    const admin: Ctx = {
      ...ctx,
      actor: { userId: setup.adminId, name: '管理员', role: 'admin', memberUnitId: null, siteId: null },
    };
    const { event } = await plannedEvent(admin, { slug: 'bench-docs' });

    console.log('  notice generation (service path, PGlite, in-process):');
    const documents = await timeDocuments(admin, event.id);

    const pageUrl = `${base}/e/${event.slug}`;
    const pageHtml = await (await fetch(pageUrl)).text();
    staticHtml = staticTwin(pageHtml);
    console.log(`  public page under Fast 3G (${PAGE_RUNS} loads each, cache disabled, 390×844):`);
    const eventPage = pageSummary('/e/:slug', await loadUnderFast3G(pageUrl));
    const twin = pageSummary('static twin', await loadUnderFast3G(`${base}/bench/static`));

    const raw = { machine: machine(), runs: RUNS, pageRuns: PAGE_RUNS, documents, eventPage, twin };
    writeRaw('documents', raw);
    const m = raw.machine;
    const docRow = (f: 'pdf' | 'docx') =>
      `| notice.${f} | ${round(documents[f].first, 0)} | ${round(documents[f].warm.median, 0)} (${round(documents[f].warm.min, 0)}–${round(documents[f].warm.max, 0)}) | ${round(documents[f].cached, 1)} | ${round(documents[f].bytes / 1024)} |`;
    const pageRow = (label: string, p: typeof eventPage) =>
      `| ${label} | ${p.bytes} | ${p.requests} | ${round(p.load.median, 0)} (${round(p.load.min, 0)}–${round(p.load.max, 0)}) | ${round(p.fcp.median, 0)} |`;
    appendResults(`## Documents and public page

Measured ${m.date.slice(0, 10)} on ${m.nproc} CPUs (${m.cpuModel}), node ${m.node}, load average ${m.loadAverage.join(' ')} (\`npx tsx bench/documents.ts\`; raw figures in bench/.out/documents.json).

Notice of a planned half-day event (seed agenda, six-stop route, QR code), rendered through the service (PGlite reads included), document cache cleared before each run. "First" is the first render after start: the CJK fonts (Noto Serif/Sans CJK, AR PL UKai; 17–27 MB .ttc files) are read and parsed then. pdfkit subsets every font, so the PDF carries only the glyphs used.

| document | first (ms) | median of ${RUNS} (min–max, ms) | cached (ms) | size (KiB) |
|---|---|---|---|---|
${docRow('pdf')}
${docRow('docx')}

The public event page \`/e/:slug\` in Debian's Chromium under DevTools "Fast 3G" (562.5 ms RTT, 1.44 Mbit/s down), cache disabled, 390×844 phone viewport, ${PAGE_RUNS} loads; "static twin" is the same visible text as a bare HTML page, served by the same server with the same gzip. Bytes are as transferred (headers included).

| page | bytes | requests | load (median, min–max, ms) | first contentful paint (ms) |
|---|---|---|---|---|
${pageRow('/e/:slug (server-rendered, inline CSS, no JS)', eventPage)}
${pageRow('static twin', twin)}

Reading these figures: PDF time is CPU time in pdfkit/fontkit (parsing and subsetting the CFF
outlines of the Noto CJK faces), so it scales with how busy the cores are — compare the load
average above with the 2 CPUs. The four font collections (~90 MB) are read once per process and
kept in memory (re-reading them per document cost more than the layout and churned the GC).
Members downloading a published notice hit the render cache ("cached": event data read, QR code
and hash lookup), so the PDF cost is paid once per change of the event, not per download. The
public page is one gzipped HTML response with inline CSS and no JavaScript: on Fast 3G it costs
what the bare text costs (one round trip plus a few kilobytes); the difference to the twin is
noise of the throttled link. Site photos (thumbnails, lazy) and the poster (a link) are not
fetched before the load event.
`);
  } finally {
    await app.close();
    await database.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await documentsBenchmark();
}

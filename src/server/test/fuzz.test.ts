/**
 * Sends generated and hostile input to EVERY route of the app, as an admin and anonymously:
 * wrong types, 100 kB strings, emoji, SQL and HTML fragments, deep nesting, arrays for objects,
 * invalid credit codes and UUIDs, malformed JSON. The app must never answer 5xx, and every 4xx
 * must be problem+json with a code and a detail. Routes are collected with an onRoute hook while
 * the app is built, so routes added by later modules are fuzzed without touching this file.
 */
import type { Readable } from 'node:stream';
import fc from 'fast-check';
import type { LightMyRequestResponse, RouteOptions } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { buildApp } from '../app.js';
import { fixedClock } from '../core/clock.js';
import { buildSite, eventInput } from '../modules/events/events.factories.js';
import { createEvent } from '../modules/events/events.service.js';
import { buildPass, setEventStatus } from '../modules/observations/observations.fixtures.js';
import { createSession } from '../modules/users/auth.service.js';
import { buildMemberUnit, buildUser } from './factories.js';
import { actorOf, openTestDatabase, testConfig } from './harness.js';

/** Runs per route: 30 as an admin (fewer once there are very many routes), 5 anonymously. */
const MAX_RUNS_AS_ADMIN = 30;
const TOTAL_ADMIN_BUDGET = 4500;
const RUNS_ANONYMOUS = 5;
const CSRF = 'fuzz-csrf-token';

// ---------------------------------------------------------------- the app and its routes

const routes: RouteOptions[] = [];
const database = await openTestDatabase();
const clock = fixedClock(new Date());
const config = testConfig();
const app = await buildApp({ config, database, clock, logger: false, onRoute: (r) => routes.push(r) });
await app.ready();
afterAll(async () => {
  await app.close();
  await database.dispose();
});

const ctx = { db: database.db, actor: null, clock, lang: 'zh-CN' as const, config };
const admin = await buildUser(database, { role: 'admin' });
const unit = await buildMemberUnit(database);
// An event, so that the many /events/:id/… routes sometimes get past the 404 too.
const event = await createEvent(
  { ...ctx, actor: actorOf(admin) },
  eventInput([(await buildSite(database)).id]),
);
// Published (with a confirmed pass), so that DELETE /events/:id cannot remove it early in the run
// and leave every later /events/:id/… route at 404; the pass lets /passes/:token/… routes through.
await setEventStatus(database, event.id, 'published');
const pass = await buildPass(database, event, event.sites[0].id);
/** Real ids, so that generated paths sometimes reach an existing row. */
const KNOWN_IDS = [admin.id, unit.id, event.id];
/** Real values for path parameters that are not ids. */
const KNOWN_BY_PARAM: Record<string, string[]> = { token: [pass.passToken], slug: [event.slug] };

type Endpoint = { method: string; url: string; schema: RouteOptions['schema'] };
const endpoints: Endpoint[] = [];
for (const route of routes) {
  for (const method of [route.method].flat()) {
    if (method === 'HEAD' || method === 'OPTIONS') continue;
    if (/\/[^/:*]+\.\w+$/.test(route.url)) continue; // one route per built web asset file
    if (endpoints.some((e) => e.method === method && e.url === route.url)) continue;
    endpoints.push({ method, url: route.url, schema: route.schema });
  }
}

const RUNS_AS_ADMIN = Math.max(
  10,
  Math.min(MAX_RUNS_AS_ADMIN, Math.floor(TOTAL_ADMIN_BUDGET / endpoints.length)),
);
/** How often each status class was seen, to show the generator also gets past validation. */
const seen = { success: 0, clientError: 0 };

// ---------------------------------------------------------------- hostile values

const HUGE = '观'.repeat(34_000); // ~100 kB of UTF-8
const DEEP_JSON = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
const DEEP_ARRAY_JSON = `${'['.repeat(5000)}${']'.repeat(5000)}`;
const MALFORMED_JSON = [
  '{"a":',
  '{"a":1}}',
  "{'a':1}",
  'nul',
  '{"a":01}',
  '\u0000',
  '[1,]',
  '{"__proto__":{"x":1}}',
];

const hostileString = fc.oneof(
  fc.constantFrom(
    HUGE,
    '😀👍🏽🇨🇳‍',
    "'; drop table users; --",
    "' or '1'='1",
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '9144030071526726XA',
    '9144030071526726xg',
    'IOSVZ0071526726XG',
    'not-a-uuid',
    '00000000-0000-0000-0000-000000000000',
    '',
    ' ',
    '\u0000',
    '../../etc/passwd',
    '%00',
    '1e309',
    '-1',
    '2026-13-45T99:99:99Z',
    '9999-12-31T23:59:59.999Z',
    'NaN',
    '{{constructor.constructor}}',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);
const hostileNumber = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -1, 1e308, -1e308, 2 ** 53, 2 ** 31, 0.5),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }) },
  {
    weight: 1,
    arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
  },
);

/** Plausible values for a schema node, so generated input also gets past validation at times. */
type ZodNode = z.ZodType & { _zod: { def: Record<string, unknown> & { type: string } } };
function plausible(schema: ZodNode, depth: number): fc.Arbitrary<unknown> {
  const def = schema._zod.def;
  if (depth > 4) return hostileValue;
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return fromSchema(def.innerType as ZodNode, depth);
    case 'pipe':
      return fromSchema(def.in as ZodNode, depth);
    case 'lazy':
      return hostileValue;
    case 'object': {
      const shape = def.shape as Record<string, ZodNode>;
      const keys = Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, fromSchema(v, depth + 1)]));
      return fc.record(keys, { requiredKeys: [] });
    }
    case 'array':
      return fc.array(fromSchema(def.element as ZodNode, depth + 1), { maxLength: 3 });
    case 'record':
      return fc.dictionary(fc.string({ maxLength: 10 }), fromSchema(def.valueType as ZodNode, depth + 1), {
        maxKeys: 3,
      });
    case 'union':
      return fc.oneof(...(def.options as ZodNode[]).map((o) => fromSchema(o, depth + 1)));
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, string>));
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'boolean':
      return fc.boolean();
    case 'number':
    case 'int':
      return fc.oneof(fc.integer({ min: 0, max: 100 }), hostileNumber);
    case 'string':
      return fc.oneof(
        fc.constantFrom(
          '示例',
          '91110000802100433B',
          '13912345678',
          'fuzz@example.com',
          '2026-11-27T09:00:00+08:00',
          '2026-11-27',
          '09:30',
          ...KNOWN_IDS,
        ),
        fc.uuid(),
        fc.string({ maxLength: 20 }),
      );
    default:
      return hostileValue;
  }
}
function fromSchema(schema: ZodNode | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema?._zod) return hostileValue;
  return fc.oneof({ weight: 3, arbitrary: plausible(schema, depth) }, { weight: 1, arbitrary: hostileValue });
}
const schemaOf = (e: Endpoint, part: 'body' | 'querystring' | 'params') =>
  (e.schema as Record<string, ZodNode | undefined> | undefined)?.[part];

/** A JSON request body as raw text: generated from the schema, or something hostile. */
function bodyText(e: Endpoint): fc.Arbitrary<string> {
  const fromBody = fromSchema(schemaOf(e, 'body'));
  return fc.oneof(
    { weight: 6, arbitrary: fromBody.map((v) => JSON.stringify(v) ?? 'null') },
    { weight: 1, arbitrary: fromBody.map((v) => JSON.stringify([v, v]) ?? '[]') },
    { weight: 1, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: fc.constantFrom(DEEP_JSON, DEEP_ARRAY_JSON, `{"name":${DEEP_ARRAY_JSON}}`) },
    { weight: 1, arbitrary: fc.constantFrom(...MALFORMED_JSON) },
  );
}

const pathSegment = (name?: string) =>
  fc.oneof(
    fc.constantFrom(...((name && KNOWN_BY_PARAM[name]) || KNOWN_IDS)),
    fc.uuid(),
    hostileString.filter((s) => s.length > 0 && s.length < 3000),
  );

function urlFor(e: Endpoint): fc.Arbitrary<string> {
  const names = [...e.url.matchAll(/:(\w+)/g)].map((m) => m[1]);
  const params = fc.tuple(...names.map((name) => pathSegment(name)), pathSegment());
  const query = fromSchema(schemaOf(e, 'querystring')).map((q) => {
    if (!q || typeof q !== 'object' || Array.isArray(q)) return '';
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(q)) {
      for (const item of [v].flat())
        search.append(k, typeof item === 'string' ? item : (JSON.stringify(item) ?? ''));
    }
    return search.toString();
  });
  return fc.tuple(params, query).map(([values, q]) => {
    let i = 0;
    const path = e.url
      .replace(/:(\w+)/g, () => encodeURIComponent(String(values[i++])))
      .replace('*', encodeURIComponent(String(values[values.length - 1])));
    return q ? `${path}?${q}` : path;
  });
}

// ---------------------------------------------------------------- sending and checking

async function send(method: string, url: string, body: string | undefined, session: string | null) {
  const res = await app.inject({
    method: method as 'GET',
    url,
    payload: body,
    payloadAsStream: true,
    headers: {
      cookie: `guanmo_csrf=${CSRF}${session ? `; guanmo_session=${session}` : ''}`,
      'x-csrf-token': CSRF,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
  });
  const stream = res.stream() as Readable;
  if (String(res.headers['content-type']).startsWith('text/event-stream')) {
    stream.destroy(); // a live stream never ends; its headers are all we check
    return { res, text: '' };
  }
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return { res, text: Buffer.concat(chunks).toString('utf8') };
}

function check(method: string, url: string, res: LightMyRequestResponse, text: string) {
  const where = `${method} ${url.slice(0, 200)} → ${res.statusCode}`;
  expect(res.statusCode, `${where}: ${text.slice(0, 500)}`).toBeLessThan(500);
  if (res.statusCode < 400) seen.success++;
  else seen.clientError++;
  // Web pages (/e/:slug …) may answer a 404 page for people; the API always answers problem+json.
  if (res.statusCode < 400 || !url.startsWith('/api/')) return;
  expect(String(res.headers['content-type']), where).toMatch(/^application\/problem\+json/);
  const problem = JSON.parse(text) as { code?: unknown; detail?: unknown };
  expect(typeof problem.code === 'string' && problem.code.length > 0, `${where}: code`).toBe(true);
  expect(typeof problem.detail === 'string' && problem.detail.length > 0, `${where}: detail`).toBe(true);
}

/** A route that takes no path parameter, query or body has next to nothing to vary. */
const FIXED_INPUT_RUNS = 3;

async function fuzz(e: Endpoint, maxRuns: number, session: () => Promise<string | null>) {
  const hasBody = !['GET', 'DELETE'].includes(e.method) || schemaOf(e, 'body') !== undefined;
  const varies = hasBody || e.url.includes(':') || e.url.includes('*') || !!schemaOf(e, 'querystring');
  const runs = varies ? maxRuns : Math.min(maxRuns, FIXED_INPUT_RUNS);
  const input = fc.tuple(urlFor(e), hasBody ? bodyText(e) : fc.constant(undefined));
  const cookie = await session();
  await fc.assert(
    fc.asyncProperty(input, async ([url, body]) => {
      const { res, text } = await send(e.method, url, body, cookie);
      check(e.method, url, res, text);
    }),
    { numRuns: runs, endOnFailure: true },
  );
}

describe('fuzz: every route', () => {
  it('found the routes of the app', () => {
    expect(endpoints.length).toBeGreaterThan(10);
    expect(endpoints.map((e) => `${e.method} ${e.url}`)).toContain('POST /api/v1/member-units');
  });

  it.each(endpoints.map((e) => [`${e.method} ${e.url}`, e] as const))('%s as an admin', async (_name, e) => {
    await fuzz(e, RUNS_AS_ADMIN, () => createSession(ctx, admin.id));
  });

  it.each(endpoints.map((e) => [`${e.method} ${e.url}`, e] as const))('%s anonymously', async (_name, e) => {
    await fuzz(e, RUNS_ANONYMOUS, async () => null);
  });

  it('got past validation to a success answer on part of the requests', () => {
    expect(seen.clientError).toBeGreaterThan(0);
    expect(seen.success).toBeGreaterThan(endpoints.length);
  });
});

import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { PassBoard, PassQuestion } from '../../../contract/qa.js';
import { type Database, openDatabase } from '../../db/client.js';
import { withDatabase } from '../../test/global-setup.js';
import { type TestApp, testCtx } from '../../test/harness.js';
import { buildQaEvent, openSse } from './qa.fixtures.js';

/**
 * Two real server processes (`node --import tsx src/server/main.ts start`) on one PostgreSQL
 * database: a question asked through process A reaches an SSE client of process B through
 * LISTEN/NOTIFY, and a reconnecting client catches up with Last-Event-ID. PGlite lives inside one
 * process, so this needs a PostgreSQL server: skipped when TEST_DATABASE_URL is unset.
 */
const url = process.env.TEST_DATABASE_URL;
if (!url)
  console.warn('qa.two-process.test.ts skipped: set TEST_DATABASE_URL to a PostgreSQL server to run it');

const ROOT = path.resolve(import.meta.dirname, '../../../..');
const CSRF = 'two-process-csrf';

type Server = { base: string; child: ChildProcess; output: () => string };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function startServer(databaseUrl: string): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', 'start'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: databaseUrl,
      GUANMO_DATA_DIR: path.join(ROOT, '.tmp', `qa-two-process-${port}`),
      OUTBOX_INTERVAL_SECONDS: '0',
      LOG_LEVEL: 'warn',
      // No first admin: two processes starting at once must not both create the association.
      GUANMO_ADMIN_EMAIL: '',
      GUANMO_ADMIN_PASSWORD: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 25_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    const ready = await fetch(`${base}/readyz`)
      .then((res) => res.ok)
      .catch(() => false);
    if (ready) return { base, child, output: () => output };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`server on ${port} did not start:\n${output}`);
}

async function stopServer(server: Server | undefined) {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

async function ask(server: Server, token: string, text: string): Promise<PassQuestion> {
  const res = await fetch(`${server.base}/api/v1/passes/${token}/qa/questions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `guanmo_csrf=${CSRF}`, 'x-csrf-token': CSRF },
    body: JSON.stringify({ text }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as PassQuestion;
}

describe.skipIf(!url)('Q&A across two server processes on one PostgreSQL', () => {
  const name = `guanmo_qa2p_${randomBytes(4).toString('hex')}`;
  let admin: pg.Client;
  let database: Database;
  let serverA: Server | undefined;
  let serverB: Server | undefined;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
    // A clone of the migrated test template: the servers start without migrating.
    await admin.query(`create database ${name} template ${inject('templateDb')}`);
    const databaseUrl = withDatabase(url!, name);
    database = await openDatabase({ databaseUrl });
    [serverA, serverB] = await Promise.all([startServer(databaseUrl), startServer(databaseUrl)]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([stopServer(serverA), stopServer(serverB)]);
    await database?.close();
    await admin?.query(`drop database if exists ${name} with (force)`);
    await admin?.end();
  });

  it('a question asked through A reaches B’s SSE client within 1 s; a reconnect catches up exactly', async () => {
    const t = {
      database,
      ctx: (actor: Parameters<typeof testCtx>[1] = null) => testCtx(database, actor),
    } as unknown as TestApp;
    const { a, b } = await buildQaEvent(t);
    const a1 = serverA!;
    const b1 = serverB!;
    const board = (await (await fetch(`${b1.base}/api/v1/passes/${b.passToken}/qa`)).json()) as PassBoard;
    const stream = openSse(`${b1.base}/api/v1/passes/${b.passToken}/qa/stream?since=${board.lastEventId}`);
    expect(await stream.opened).toBe(200);

    const askedAt = performance.now();
    const first = await ask(a1, a.passToken, '跨进程的第一个问题');
    const [received] = await stream.until((events) => events.length === 1, 2000);
    const latency = received.receivedAt - askedAt;
    expect((received.data as { id: string }).id).toBe(first.id);
    expect(latency).toBeLessThan(1000);
    await stream.close();

    const second = await ask(a1, a.passToken, '断线期间的第二个问题');
    const third = await ask(a1, a.passToken, '断线期间的第三个问题');
    const again = openSse(`${b1.base}/api/v1/passes/${b.passToken}/qa/stream`, {
      'last-event-id': String(received.id),
    });
    await again.until((events) => events.length >= 2, 3000);
    // Nothing more may arrive: no repeats of the first question, no duplicates.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(again.events.map((e) => (e.data as { id: string }).id)).toEqual([second.id, third.id]);
    expect(new Set(again.events.map((e) => e.id)).size).toBe(2);
    expect(again.events[0].id).toBeGreaterThan(received.id);
    await again.close();
  });
});

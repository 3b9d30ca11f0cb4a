// Runs the Playwright journeys against a freshly started server on a fresh database.
// Skips (exit 0) with a clear message where Debian's Chromium is not installed.
import { execSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startMailSink } from './e2e-mail-sink.mjs';

const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  console.log(`e2e skipped: Chromium not found at ${CHROMIUM} (apt-get install -y chromium fonts-noto-cjk)`);
  process.exit(0);
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

function withDatabase(url, name) {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function createDatabase(url) {
  const { default: pg } = await import('pg');
  const name = `guanmo_e2e_${Math.random().toString(36).slice(2, 10)}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  return {
    url: withDatabase(url, name),
    drop: async () => {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/**
 * Starts the server in `cwd` (where it serves `dist/web` from) and resolves with the setup link it
 * prints on a database without an association.
 */
function startServer(env, cwd) {
  const tsx = path.resolve('node_modules/.bin/tsx');
  const child = spawn(tsx, [path.resolve('src/server/main.ts'), 'start'], {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const setupUrl = new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(
      () => reject(new Error(`server did not print a setup link in 120 s:\n${out}`)),
      120_000,
    );
    const onData = (chunk) => {
      out += chunk;
      const match = /First start: open (\S+\/setup\?token=\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => {
      out += chunk;
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with code ${code} before it was ready:\n${out}`));
    });
  });
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      process.kill(-child.pid, 'SIGTERM');
      setTimeout(() => {
        if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
      }, 10_000).unref();
    });
  return { setupUrl, stop };
}

const cleanups = [];
let exitCode = 1;
async function cleanUp() {
  for (const cleanup of cleanups.splice(0)) {
    try {
      await cleanup();
    } catch (error) {
      console.error(`e2e cleanup: ${error instanceof Error ? error.message : error}`);
    }
  }
}
// Interrupted (Ctrl-C, a CI timeout): still stop the server and drop the database it ran on.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => cleanUp().finally(() => process.exit(130)));
}
try {
  // Everything of this run lives in one temporary folder: the web build (so a parallel `vite build`
  // in the work tree cannot swap the assets under the running server) and the embedded database.
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'guanmo-e2e-'));
  cleanups.push(() => rmSync(workDir, { recursive: true, force: true }));
  const dataDir = path.join(workDir, 'data');
  console.log('e2e: building the web app…');
  execSync(
    `npx vite build --logLevel warn --emptyOutDir --outDir ${JSON.stringify(path.join(workDir, 'dist/web'))}`,
    {
      stdio: 'inherit',
    },
  );

  const port = await freePort();
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    GUANMO_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
  };
  delete env.GUANMO_ADMIN_EMAIL;
  delete env.GUANMO_ADMIN_PASSWORD;
  delete env.DATABASE_URL;
  // E-mail goes to a real SMTP sink; the journeys read what arrived from E2E_MAILBOX.
  const mailbox = path.join(os.tmpdir(), `guanmo-e2e-mail-${process.pid}.jsonl`);
  const sink = await startMailSink(mailbox);
  cleanups.push(sink.close, () => rmSync(mailbox, { force: true }));
  Object.assign(env, { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(sink.port), OUTBOX_INTERVAL_SECONDS: '1' });
  if (process.env.TEST_DATABASE_URL) {
    const database = await createDatabase(process.env.TEST_DATABASE_URL);
    cleanups.push(database.drop);
    env.DATABASE_URL = database.url;
  }
  console.log(`e2e: starting the server on port ${port} (${env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})…`);
  const server = startServer(env, workDir);
  cleanups.unshift(server.stop);
  const setupUrl = await server.setupUrl;

  const args = ['playwright', 'test', ...process.argv.slice(2)];
  exitCode = await new Promise((resolve) => {
    const runner = spawn('npx', args, {
      stdio: 'inherit',
      env: {
        ...process.env,
        E2E_BASE_URL: `http://127.0.0.1:${port}`,
        E2E_SETUP_URL: setupUrl,
        E2E_MAILBOX: mailbox,
      },
    });
    runner.on('exit', (code) => resolve(code ?? 1));
  });
} catch (error) {
  console.error(`e2e: ${error instanceof Error ? error.message : error}`);
  exitCode = 1;
} finally {
  await cleanUp();
}
process.exit(exitCode);

import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { OUT_DIR, ROOT, SERVER } from './paths.js';

export type RunningServer = {
  pid: number;
  url: string;
  /** Milliseconds from spawn to the first 200 from /readyz. */
  readyMs: number;
  logFile: string;
  stop(): Promise<void>;
};

export const ADMIN = { email: 'bench-admin@example.com', password: 'bench-password-1' };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Environment of the real server: fresh port, given storage, an admin so no setup link is needed. */
export function guanmoEnv(port: number, storage: { dataDir?: string; databaseUrl?: string }) {
  return {
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    GUANMO_DATA_DIR: storage.dataDir ?? path.join(OUT_DIR, 'unused-data'),
    DATABASE_URL: storage.databaseUrl ?? '',
    GUANMO_ADMIN_EMAIL: ADMIN.email,
    GUANMO_ADMIN_PASSWORD: ADMIN.password,
  };
}

/** Starts the Guanmo server as one node process (tsx loaded in-process, so the pid is the server). */
export function startGuanmo(env: Record<string, string>, logName: string) {
  return startNodeScript(path.join(SERVER.root, 'src/server/main.ts'), ['start'], env, logName, SERVER.root);
}

/** Starts the bare Fastify server of bench/ceiling-server.ts the same way. */
export function startCeiling(env: Record<string, string>, logName: string) {
  return startNodeScript(path.join(ROOT, 'bench/ceiling-server.ts'), [], env, logName, ROOT);
}

/**
 * Spawns `node --import tsx <script>` and polls GET /readyz until it answers 200. The process's
 * stdout and stderr go to bench/.out/logs/<logName>.log.
 */
export async function startNodeScript(
  script: string,
  args: string[],
  env: Record<string, string>,
  logName: string,
  cwd: string,
  timeoutMs = 120_000,
): Promise<RunningServer> {
  const url = `http://127.0.0.1:${env.PORT}`;
  const logDir = path.join(OUT_DIR, 'logs');
  mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir, `${logName}.log`);
  const fd = openSync(logFile, 'w');
  const startedAt = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  let exited: string | null = null;
  child.once('exit', (code, signal) => {
    exited = `exited with ${signal ?? code}`;
  });

  const deadline = startedAt + timeoutMs;
  while (true) {
    if (exited) throw new Error(`${script} ${exited} before ready; log: ${logFile}\n${tail(logFile)}`);
    if (performance.now() > deadline) {
      await stopChild(child);
      throw new Error(`${script} not ready after ${timeoutMs} ms; log: ${logFile}\n${tail(logFile)}`);
    }
    if (await isReady(url)) break;
    await sleep(20);
  }
  const readyMs = performance.now() - startedAt;
  return { pid: child.pid!, url, readyMs, logFile, stop: () => stopChild(child) };
}

async function isReady(url: string) {
  try {
    const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2000) });
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false;
  }
}

async function stopChild(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Resident set size of a process in MiB, from /proc/<pid>/status. */
export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1]);
  return kb / 1024;
}

function tail(file: string, lines = 20) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

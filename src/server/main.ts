import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { systemClock } from './core/clock.js';
import type { Ctx } from './core/context.js';
import { openDatabase } from './db/client.js';
import {
  createAssociationWithAdmin,
  getAssociation,
  issueSetupToken,
} from './modules/association/association.service.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './modules/association/demo-data.js';
import { startOutboxWorker } from './modules/notifications/outbox.worker.js';
import { startPeriodicJobs } from './modules/registrations/registrations.jobs.js';

const USAGE = `Usage: guanmo <command>
  start [--demo]      run the server (migrations applied first); --demo loads demo data on an empty database
  migrate             apply migrations and exit
  backup <file>       embedded database only: write a backup archive (.tar.gz)
  restore <file>      embedded database only: restore GUANMO_DATA_DIR from a backup archive`;

async function main() {
  const [command, ...args] = process.argv.slice(2);
  const config = loadConfig();
  switch (command) {
    case 'start':
      return start(config, args.includes('--demo'));
    case 'migrate': {
      const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      await database.migrate();
      await database.close();
      console.log(`Migrations applied (${database.kind}).`);
      return;
    }
    case 'backup':
      return backup(config, args[0]);
    case 'restore':
      return restore(config, args[0]);
    default:
      console.log(USAGE);
      process.exitCode = command ? 1 : 0;
  }
}

async function start(config: ReturnType<typeof loadConfig>, demo: boolean) {
  const startedAt = performance.now();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await database.migrate();
  const ctx: Ctx = { db: database.db, actor: null, clock: systemClock, lang: 'zh-CN', config };

  let setupToken: string | null = null;
  if (!(await getAssociation(ctx))) {
    if (demo) {
      await database.db.transaction((tx) =>
        createAssociationWithAdmin(
          { ...ctx, db: tx },
          {
            association: { name: '示例市物业管理协会', region: '示例市' },
            admin: {
              name: '协会管理员（示例）',
              email: DEMO_ACCOUNTS.admin,
              mobile: '13800000001',
              password: DEMO_PASSWORD,
            },
            demo: true,
          },
        ),
      );
    } else if (config.adminEmail && config.adminPassword) {
      await database.db.transaction((tx) =>
        createAssociationWithAdmin(
          { ...ctx, db: tx },
          {
            association: {
              name: process.env.GUANMO_ASSOCIATION_NAME ?? '物业管理协会',
              region: process.env.GUANMO_ASSOCIATION_REGION ?? '',
            },
            admin: {
              name: '管理员',
              email: config.adminEmail!,
              password: config.adminPassword!,
              mobile: null,
            },
            demo: false,
          },
        ),
      );
    } else {
      setupToken = await issueSetupToken(ctx);
    }
  }

  const app = await buildApp({ config, database });
  await app.listen({ port: config.port, host: config.host });
  const outboxWorker =
    config.outboxIntervalMs > 0
      ? startOutboxWorker(ctx, {
          intervalMs: config.outboxIntervalMs,
          log: (error) => app.log.error({ err: error }, 'outbox worker run failed'),
        })
      : null;
  const periodicJobs = startPeriodicJobs(ctx, {
    intervalMs: 3600_000,
    log: (error) => app.log.error({ err: error }, 'periodic jobs failed'),
  });
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  console.log(`\nGuanmo 观摩 is running at ${config.publicUrl} (${database.kind}, ready in ${seconds} s)`);
  if (setupToken)
    console.log(
      `First start: open ${config.publicUrl}/setup?token=${setupToken} to create the association and its admin.`,
    );
  if (demo)
    console.log(
      `Demo login: ${DEMO_ACCOUNTS.admin} (also staff@ / member@ / host@demo.guanmo.cn), password ${DEMO_PASSWORD}`,
    );

  const stop = async () => {
    await app.close();
    await outboxWorker?.stop();
    periodicJobs.stop();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function backup(config: ReturnType<typeof loadConfig>, file: string | undefined) {
  if (config.databaseUrl) throw new Error('On PostgreSQL use pg_dump (see README, "Backups").');
  if (!file) throw new Error('backup needs a file name, e.g. guanmo-backup.tar.gz');
  const database = await openDatabase({ dataDir: config.dataDir });
  const dump = await database.pglite!.dumpDataDir('gzip');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  console.log(
    `Backup written to ${path.resolve(file)} (uploaded files live in ${config.dataDir}/files: copy that folder too).`,
  );
}

async function restore(config: ReturnType<typeof loadConfig>, file: string | undefined) {
  if (config.databaseUrl) throw new Error('On PostgreSQL use pg_restore/psql (see README, "Backups").');
  if (!file) throw new Error('restore needs a backup file');
  const target = path.join(config.dataDir, 'pgdata');
  const { existsSync } = await import('node:fs');
  if (existsSync(target))
    throw new Error(`${target} exists: move it away first, then restore into an empty data directory.`);
  const blob = new Blob([readFileSync(file)]);
  const database = await openDatabase({ dataDir: config.dataDir, loadDataDir: blob });
  await database.ping();
  await database.close();
  console.log(`Restored into ${target}.`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** A database handle or an open transaction: services accept either. */
export type DbOrTx = Db | Tx;

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, 'migrations');

export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Runs raw SQL (several statements allowed). */
  exec(sql: string): Promise<void>;
  ping(): Promise<void>;
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** The underlying PGlite instance, when embedded (LISTEN/NOTIFY, dumps). */
  pglite?: PGlite;
  pool?: pg.Pool;
};

export type OpenOptions = { databaseUrl?: string; dataDir?: string; loadDataDir?: Blob };

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  return openPglite(opts.dataDir, opts.loadDataDir);
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it on the next query.
  });
  const db = drizzlePg(pool, { schema, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    pool,
    exec: async (sql) => {
      await pool.query(sql);
    },
    ping: async () => {
      await pool.query('select 1');
    },
    migrate: async () => {
      await migrateLocked(
        async () =>
          migratePg(drizzlePg(pool, { schema, casing: 'snake_case' }), { migrationsFolder: MIGRATIONS_DIR }),
        pool,
      );
    },
    close: () => pool.end(),
  };
}

/** Several processes may start at once on one PostgreSQL: an advisory lock lets one migrate. */
async function migrateLocked(run: () => Promise<void>, pool: pg.Pool) {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock(724011)');
    await run();
  } finally {
    await client.query('select pg_advisory_unlock(724011)').catch(() => {});
    client.release();
  }
}

async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create({
    dataDir: dataDir ? path.join(dataDir, 'pgdata') : undefined,
    loadDataDir,
    extensions: { pg_trgm },
  });
  const db = drizzlePglite(pglite, { schema, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    pglite,
    exec: async (sql) => {
      await pglite.exec(sql);
    },
    ping: async () => {
      await pglite.query('select 1');
    },
    migrate: async () => {
      await migratePglite(drizzlePglite(pglite, { schema, casing: 'snake_case' }), {
        migrationsFolder: MIGRATIONS_DIR,
      });
    },
    close: () => pglite.close(),
  };
}

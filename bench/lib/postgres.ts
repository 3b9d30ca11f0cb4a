import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The PostgreSQL server the benchmarks create their throw-away databases on. */
export const PG_SERVER_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: `${PG_SERVER_URL}/postgres` });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export async function postgresAvailable() {
  try {
    await admin((client) => client.query('select 1'));
    return true;
  } catch {
    return false;
  }
}

/** Creates an empty database and returns its URL and a function that drops it. */
export async function createTempDatabase() {
  const name = `guanmo_bench_${randomBytes(4).toString('hex')}`;
  await admin((client) => client.query(`create database ${name}`));
  return {
    url: `${PG_SERVER_URL}/${name}`,
    drop: () => admin((client) => client.query(`drop database if exists ${name} with (force)`)),
  };
}

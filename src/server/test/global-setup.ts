import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../db/client.js';

export const TEMPLATE_FILE = path.resolve('.tmp/test-template.tar');

/**
 * Migrates one database per run and lets every test file clone it: a PGlite data-dir dump, or a
 * PostgreSQL template database when TEST_DATABASE_URL is set.
 */
export default async function setup({ provide }: { provide: (key: 'templateDb', value: string) => void }) {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const templateName = `guanmo_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${templateName}`);
    await admin.query(`create database ${templateName}`);
    const database = await openDatabase({ databaseUrl: withDatabase(url, templateName) });
    await database.migrate();
    await database.close();
    provide('templateDb', templateName);
    return async () => {
      await admin.query(`drop database if exists ${templateName} with (force)`);
      await admin.end();
    };
  }
  const database = await openDatabase({});
  await database.migrate();
  const dump = await database.pglite!.dumpDataDir('none');
  mkdirSync(path.dirname(TEMPLATE_FILE), { recursive: true });
  writeFileSync(TEMPLATE_FILE, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  provide('templateDb', '');
}

export function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    templateDb: string;
  }
}

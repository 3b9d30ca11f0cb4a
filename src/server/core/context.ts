import type { Lang, Role } from '../../contract/common.js';
import type { Config } from '../config.js';
import type { DbOrTx } from '../db/client.js';
import type { Clock } from './clock.js';

export type Actor = {
  userId: string;
  name: string;
  role: Role;
  memberUnitId: string | null;
  siteId: string | null;
};

/** What every service function receives first. No Fastify types in here. */
export type Ctx = {
  db: DbOrTx;
  actor: Actor | null;
  clock: Clock;
  lang: Lang;
  config: Config;
  requestId?: string;
};

/** Runs `fn` in one transaction (or the one already open) with a ctx bound to it. */
export async function inTransaction<T>(ctx: Ctx, fn: (tx: Ctx) => Promise<T>): Promise<T> {
  if ('rollback' in ctx.db) return fn(ctx);
  return ctx.db.transaction((tx) => fn({ ...ctx, db: tx }));
}

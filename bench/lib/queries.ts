import { sql } from 'drizzle-orm';
import type { openServerDatabase } from './seed.js';
import { round, summarize } from './stats.js';

type Database = Awaited<ReturnType<typeof openServerDatabase>>;

const ITERATIONS = 40;

/**
 * Times, one at a time on the open database, the SQL a list request runs (the session lookup is
 * one indexed row, like `select 1` plus a join). Median milliseconds over ITERATIONS, pages spread
 * over the whole list. The last line repeats the page query with an index on (name, id), which
 * the schema does not have, to show what it would change; the index is dropped afterwards.
 */
export async function timeListQueries(database: Database, pages: number, pageSize: number) {
  const query = (text: string) => database.db.execute(sql.raw(text));
  const page = (i: number) =>
    `select * from member_units where archived_at is null order by name asc, id asc ` +
    `limit ${pageSize} offset ${((i * 37) % pages) * pageSize}`;
  const firstPage = () => page(0);
  const [{ ids }] = (await query(
    `select array_agg(id) as ids from (select id from member_units order by name limit ${pageSize}) t`,
  ).then((r) => (r as unknown as { rows: Array<{ ids: string[] }> }).rows)) ?? [{ ids: [] }];
  const idList = `'${ids.join("','")}'`;

  const timings: Record<string, number> = {};
  const time = async (label: string, text: (i: number) => string) => {
    const samples: number[] = [];
    for (let i = 0; i < ITERATIONS; i++) {
      const startedAt = performance.now();
      await query(text(i));
      samples.push(performance.now() - startedAt);
    }
    timings[label] = round(summarize(samples).median, 2);
  };
  await time('select 1 (round trip)', () => 'select 1');
  await time('page 1 (order by name, id)', firstPage);
  await time('page 1..250 (offset up to 4980)', page);
  await time('count(*)', () => 'select count(*) from member_units where archived_at is null');
  await time('contacts of 20 units', () => `select * from unit_contacts where member_unit_id in (${idList})`);
  await query('create index bench_member_units_name_id_idx on member_units (name, id)');
  await query('analyze member_units');
  await time('page 1, with a (name, id) index', firstPage);
  await time('page 1..250, with that index', page);
  await query('drop index bench_member_units_name_id_idx');
  return timings;
}

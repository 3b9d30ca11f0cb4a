import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { MEMBER_LEVELS, PROJECT_TYPES, UNIT_TYPES } from '../../src/contract/enums.js';
import { demoUscc } from '../../src/server/modules/association/demo-data.js';
import { SERVER } from './paths.js';

type ClientModule = typeof import('../../src/server/db/client.js');
type Database = Awaited<ReturnType<ClientModule['openDatabase']>>;
type TableModule = typeof import('../../src/server/modules/member-units/member-units.table.js');
/** The database code of the benchmarked tree (it may be a snapshot, see paths.ts). */
const fromServer = <T>(file: string): Promise<T> => import(pathToFileURL(path.join(SERVER.root, file)).href);

const CITIES = ['示例市', '临江市', '东湖市', '南山市', '北岭市', '西河市', '云城市', '海港市'];
const WORDS = [
  '万象',
  '安居',
  '绿城',
  '城投',
  '科创',
  '和谐',
  '金钥匙',
  '锦绣',
  '恒信',
  '华庭',
  '明珠',
  '康宁',
];
const KINDS = ['物业服务有限公司', '物业管理有限公司', '生活服务有限公司', '园区运营管理有限公司'];
const SURNAMES = ['陈', '王', '刘', '张', '李', '赵', '黄', '周', '吴', '徐'];
const GIVEN = ['立新', '雪梅', '志强', '海燕', '俊', '敏', '建华', '丽娟', '伟', '静'];

/** Member unit number n (1-based): a valid credit code, a plausible name, mixed types and levels. */
export function benchUnit(n: number) {
  const pick = <T>(list: readonly T[], salt: number) => list[(n * salt) % list.length];
  return {
    name: `${pick(CITIES, 7)}${pick(WORDS, 13)}${pick(KINDS, 3)}（${n}）`,
    uscc: demoUscc(n),
    unitType: pick(UNIT_TYPES, 5),
    level: pick(MEMBER_LEVELS, 11),
    projectTypes: [pick(PROJECT_TYPES, 1), pick(PROJECT_TYPES, 3)].filter((v, i, a) => a.indexOf(v) === i),
    address: `${pick(CITIES, 7)}${pick(WORDS, 5)}路${n}号`,
    projectCount: n % 60,
    staffCount: (n % 40) * 25,
    note: null,
  };
}

/** Opens and migrates the benchmarked tree's database (PGlite data dir or PostgreSQL URL). */
export async function openServerDatabase(storage: { dataDir?: string; databaseUrl?: string }) {
  const { openDatabase } = await fromServer<ClientModule>('src/server/db/client.ts');
  const database = await openDatabase(storage);
  await database.migrate();
  return database;
}

/**
 * Inserts `count` member units with one primary contact each, in batches, straight through
 * drizzle (before the server starts). Returns the elapsed milliseconds.
 */
export async function seedMemberUnits(database: Database, count: number) {
  const { memberUnits, unitContacts } = await fromServer<TableModule>(
    'src/server/modules/member-units/member-units.table.ts',
  );
  const startedAt = performance.now();
  const batch = 500;
  for (let first = 1; first <= count; first += batch) {
    const numbers = Array.from({ length: Math.min(batch, count - first + 1) }, (_, i) => first + i);
    const rows = await database.db
      .insert(memberUnits)
      .values(numbers.map(benchUnit))
      .returning({ id: memberUnits.id });
    await database.db.insert(unitContacts).values(
      rows.map((row, i) => ({
        memberUnitId: row.id,
        name: `${SURNAMES[numbers[i] % SURNAMES.length]}${GIVEN[(numbers[i] * 3) % GIVEN.length]}`,
        position: '总经理',
        mobile: `139${String(numbers[i]).padStart(8, '0')}`,
        email: null,
        isPrimary: true,
      })),
    );
  }
  return performance.now() - startedAt;
}

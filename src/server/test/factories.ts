import type { Role } from '../../contract/common.js';
import type { MemberUnitInput } from '../../contract/member-units.js';
import { hashPassword } from '../core/auth/password.js';
import type { Database } from '../db/client.js';
import { associations } from '../modules/association/association.table.js';
import { demoUscc } from '../modules/association/demo-data.js';
import { memberUnits } from '../modules/member-units/member-units.table.js';
import { users } from '../modules/users/users.table.js';

let serial = 1000;
export const nextSerial = () => ++serial + Math.floor(Math.random() * 1e6) * 1000;

export const TEST_PASSWORD = 'correct horse 42';
let cachedHash: Promise<string> | null = null;
const passwordHash = () => {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  return cachedHash;
};

export function memberUnitInput(overrides: Partial<MemberUnitInput> = {}): MemberUnitInput {
  const n = nextSerial();
  return {
    name: `测试物业服务有限公司${n}`,
    uscc: demoUscc(n % 100000000),
    unitType: 'property_company',
    level: 'member',
    projectTypes: ['residential'],
    address: '示例市示例区测试路1号',
    projectCount: 3,
    staffCount: 120,
    note: null,
    contacts: [
      {
        name: '测试联系人',
        position: '经理',
        mobile: '13912345678',
        email: 'c@example.com',
        isPrimary: true,
      },
    ],
    ...overrides,
  };
}

export async function buildMemberUnit(db: Database, overrides: Partial<MemberUnitInput> = {}) {
  const input = memberUnitInput(overrides);
  const { contacts: _contacts, ...columns } = input;
  const [row] = await db.db.insert(memberUnits).values(columns).returning();
  return row;
}

/** A user of the role; a member gets a member unit made for it unless one is given. */
export async function buildUser(
  db: Database,
  overrides: Partial<typeof users.$inferInsert> & { role?: Role } = {},
) {
  const n = nextSerial();
  const role = overrides.role ?? 'member';
  const memberUnitId =
    overrides.memberUnitId !== undefined
      ? overrides.memberUnitId
      : role === 'member'
        ? (await buildMemberUnit(db)).id
        : null;
  const [row] = await db.db
    .insert(users)
    .values({
      name: `测试用户${n}`,
      email: `user${n}@example.com`,
      mobile: null,
      passwordHash: await passwordHash(),
      ...overrides,
      role,
      memberUnitId,
    })
    .returning();
  return row;
}

export async function buildAssociation(db: Database) {
  const [row] = await db.db
    .insert(associations)
    .values({ name: '示例市物业管理协会', region: '示例市' })
    .returning();
  return row;
}

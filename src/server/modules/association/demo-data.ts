import { eq } from 'drizzle-orm';
import type { MemberLevel, ProjectType, UnitType } from '../../../contract/enums.js';
import type { MemberUnitInput } from '../../../contract/member-units.js';
import { usccCheckChar } from '../../../contract/uscc.js';
import type { Ctx } from '../../core/context.js';
import { loadDemoEvent } from '../events/events.demo.js';
import { memberUnits, unitContacts } from '../member-units/member-units.table.js';
import { loadDemoSites } from '../sites/sites.demo.js';
import { createUser } from '../users/users.service.js';
import { users } from '../users/users.table.js';

export const DEMO_PASSWORD = 'guanmo-demo';
export const DEMO_ACCOUNTS = {
  admin: 'admin@demo.guanmo.cn',
  staff: 'staff@demo.guanmo.cn',
  member: 'member@demo.guanmo.cn',
  host: 'host@demo.guanmo.cn',
} as const;

/** A valid 统一社会信用代码 made from a region code and a serial, for demo and test data. */
export function demoUscc(serial: number, region = '440300'): string {
  const body = `91${region}${String(70000000 + serial * 7919)
    .padStart(9, '0')
    .slice(-9)}`;
  return body + usccCheckChar(body);
}

type DemoUnit = [
  name: string,
  unitType: UnitType,
  level: MemberLevel,
  types: ProjectType[],
  contact: string,
  position: string,
];

/** 示例市物业管理协会: member units of mixed types and sizes. */
const UNITS: DemoUnit[] = [
  [
    '示例市万象物业服务有限公司',
    'property_company',
    'president',
    ['luxury_residential', 'commercial_complex', 'office'],
    '陈立新',
    '总经理',
  ],
  [
    '示例市安居物业管理有限公司',
    'property_company',
    'vice_president',
    ['residential', 'old_community'],
    '王雪梅',
    '副总经理',
  ],
  [
    '示例市绿城生活服务有限公司',
    'property_company',
    'vice_president',
    ['luxury_residential', 'residential'],
    '刘志强',
    '品质总监',
  ],
  [
    '示例市城投物业服务有限公司',
    'property_company',
    'executive_director',
    ['public_building', 'old_community', 'school_hospital'],
    '张海燕',
    '运营经理',
  ],
  [
    '示例市科创园区运营管理有限公司',
    'property_company',
    'executive_director',
    ['industrial_park', 'office'],
    '李俊',
    '园区总经理',
  ],
  ['示例市和谐家园物业有限公司', 'property_company', 'director', ['residential'], '赵敏', '项目经理'],
  [
    '示例市金钥匙物业服务有限公司',
    'property_company',
    'director',
    ['luxury_residential'],
    '孙浩',
    '客服总监',
  ],
  ['示例市老街坊社区服务有限公司', 'property_company', 'member', ['old_community'], '周红', '负责人'],
  [
    '示例市商联商业管理有限公司',
    'property_company',
    'director',
    ['commercial_complex'],
    '吴刚',
    '招商运营总监',
  ],
  [
    '示例市康宁后勤服务有限公司',
    'property_company',
    'member',
    ['school_hospital', 'public_building'],
    '郑丽',
    '后勤主管',
  ],
  ['示例市星河物业管理有限公司', 'property_company', 'member', ['residential', 'office'], '冯磊', '项目经理'],
  [
    '示例市智联科技物业有限公司',
    'property_company',
    'member',
    ['residential', 'industrial_park'],
    '褚云',
    '信息化主管',
  ],
  [
    '示例市置地房地产开发有限公司',
    'developer',
    'executive_director',
    ['luxury_residential', 'commercial_complex'],
    '卫东',
    '客户关系部经理',
  ],
  [
    '示例市洁美环境服务有限公司',
    'service_provider',
    'member',
    ['residential', 'office', 'commercial_complex'],
    '蒋芳',
    '业务经理',
  ],
  [
    '示例市平安消防技术服务有限公司',
    'service_provider',
    'member',
    ['office', 'public_building'],
    '沈涛',
    '技术负责人',
  ],
  [
    '示例市邻里汇物业服务有限公司',
    'property_company',
    'member',
    ['residential', 'old_community'],
    '韩梅',
    '社区经理',
  ],
  ['示例市东方电梯维保有限公司', 'service_provider', 'member', ['residential', 'office'], '杨帆', '维保主管'],
  ['示例市宜家物业服务中心', 'other', 'member', ['old_community'], '朱琳', '主任'],
];

export function demoUnits(): MemberUnitInput[] {
  return UNITS.map(([name, unitType, level, projectTypes, contact, position], i) => ({
    name,
    uscc: demoUscc(i + 1),
    unitType,
    level,
    projectTypes,
    address: `示例市示例区建设路${(i + 1) * 8}号`,
    projectCount: 2 + ((i * 7) % 40),
    staffCount: 30 + ((i * 131) % 2000),
    note: null,
    contacts: [
      {
        name: contact,
        position,
        mobile: `139${String(10000000 + i * 1234567).slice(-8)}`,
        email: `contact${i + 1}@example.com`,
        isPrimary: true,
      },
    ],
  }));
}

/**
 * Loads the demo story: 示例市物业管理协会's member units and an account for each role. Later
 * modules extend this (sites, an event, registrations …). Runs inside the setup transaction.
 */
export async function loadDemoData(ctx: Ctx) {
  const unitIds: string[] = [];
  for (const unit of demoUnits()) {
    const [row] = await ctx.db
      .insert(memberUnits)
      .values({
        name: unit.name,
        uscc: unit.uscc,
        unitType: unit.unitType,
        level: unit.level,
        projectTypes: unit.projectTypes,
        address: unit.address,
        projectCount: unit.projectCount,
        staffCount: unit.staffCount,
      })
      .returning({ id: memberUnits.id });
    unitIds.push(row.id);
    await ctx.db.insert(unitContacts).values(
      unit.contacts.map((c) => ({
        memberUnitId: row.id,
        name: c.name,
        position: c.position,
        mobile: c.mobile,
        email: c.email,
        isPrimary: c.isPrimary,
      })),
    );
  }
  const existing = await ctx.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, DEMO_ACCOUNTS.staff));
  if (!existing.length) {
    await createUser(ctx, {
      name: '协会工作人员（示例）',
      email: DEMO_ACCOUNTS.staff,
      mobile: '13800000002',
      password: DEMO_PASSWORD,
      role: 'staff',
    });
    await createUser(ctx, {
      name: '会员单位人员（示例）',
      email: DEMO_ACCOUNTS.member,
      mobile: '13800000003',
      password: DEMO_PASSWORD,
      role: 'member',
      memberUnitId: unitIds[1],
      position: '项目经理',
    });
    await createUser(ctx, {
      name: '被参观方负责人（示例）',
      email: DEMO_ACCOUNTS.host,
      mobile: '13800000004',
      password: DEMO_PASSWORD,
      role: 'host',
    });
  }
  const demoSites = await loadDemoSites(ctx, unitIds);
  await loadDemoEvent(ctx);
  return { memberUnits: unitIds.length, sites: demoSites.sites, accounts: DEMO_ACCOUNTS };
}

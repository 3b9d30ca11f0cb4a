import type { ProjectType } from '../../../contract/enums.js';
import type { SiteInput } from '../../../contract/sites.js';
import type { Database } from '../../db/client.js';
import { nextSerial } from '../../test/factories.js';
import { siteHonours, sites } from './sites.table.js';

export function siteInput(overrides: Partial<SiteInput> = {}): SiteInput {
  return {
    name: `测试标杆小区${nextSerial()}`,
    address: '示例市示例区测试路8号',
    district: '示例区',
    managingCompany: '示例物业服务有限公司',
    projectType: 'residential',
    areaM2: 120000,
    households: 1500,
    tags: ['智慧物业'],
    willingness: 'yes',
    contactName: '项目经理',
    contactMobile: '13912345678',
    description: '测试项目',
    honours: [{ level: 'provincial', title: '省级优秀物业管理小区', year: 2024 }],
    ...overrides,
  };
}

/** A site row straight in the database (no audit), for tests that need one to exist. */
export async function buildSite(
  db: Database,
  overrides: Partial<typeof sites.$inferInsert> & { projectType?: ProjectType } = {},
) {
  const [row] = await db.db
    .insert(sites)
    .values({ name: `测试项目${nextSerial()}`, projectType: 'residential', willingness: 'yes', ...overrides })
    .returning();
  return row;
}

export async function addHonour(
  db: Database,
  siteId: string,
  level: 'national' | 'provincial' | 'municipal' | 'district',
) {
  await db.db.insert(siteHonours).values({ siteId, level, title: `${level} 荣誉`, year: 2025 });
}

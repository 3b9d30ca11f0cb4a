import { asc, eq } from 'drizzle-orm';
import sharp from 'sharp';
import type { ProjectType } from '../../../contract/enums.js';
import type { HonourLevel, Willingness } from '../../../contract/sites.js';
import type { Ctx } from '../../core/context.js';
import { saveImage } from '../files/files.service.js';
import { users } from '../users/users.table.js';
import { screeningCriteria, siteScores } from './screening.table.js';
import { ensureSiteDefaults } from './site-defaults.js';
import { siteHonours, sitePhotos, sites } from './sites.table.js';

type DemoSite = {
  name: string;
  district: string;
  address: string;
  /** Index into the demo member units, or a company that is not a member. */
  managedBy: number | string;
  projectType: ProjectType;
  areaM2: number;
  households: number | null;
  tags: string[];
  willingness: Willingness;
  contact: [name: string, mobile: string];
  description: string;
  honours: [HonourLevel, string, number][];
  photos: [caption: string, from: string, to: string][];
  /** Demo staff scores for the four seed criteria (行业声誉, 特色突出, 代表性强, 配合意愿) with evidence. */
  staffScores?: [number, string][];
  adminScores?: number[];
};

const DEMO_SITES: DemoSite[] = [
  {
    name: '锦绣华庭',
    district: '示例区',
    address: '示例市示例区滨海大道 88 号',
    managedBy: 0,
    projectType: 'luxury_residential',
    areaM2: 186000,
    households: 1320,
    tags: ['智慧物业', '增值服务'],
    willingness: 'yes',
    contact: ['林晓峰', '13926001001'],
    description:
      '高端住宅项目，人脸识别门禁、高空抛物监测和无人值守设备房全覆盖；线上服务平台报修、缴费、投诉一站办理，业主使用率超过 85%。',
    honours: [
      ['provincial', '省级物业管理示范项目', 2024],
      ['municipal', '市级优秀物业管理小区', 2023],
    ],
    photos: [
      ['入口大堂', '#1d3557', '#457b9d'],
      ['智慧监控中心', '#0b3d91', '#2ec4b6'],
    ],
    staffScores: [
      [5, '2024 年获评省级物业管理示范项目'],
      [5, '智慧物业系统完整，设备房已实现远程监控'],
      [3, '高端住宅，仅覆盖部分会员单位'],
      [5, '项目总经理已同意开放并安排讲解'],
    ],
    adminScores: [4, 5, 3, 4],
  },
  {
    name: '幸福里社区',
    district: '老城区',
    address: '示例市老城区幸福里 1-36 栋',
    managedBy: 1,
    projectType: 'old_community',
    areaM2: 64000,
    households: 980,
    tags: ['红色物业', '老旧小区改造'],
    willingness: 'yes',
    contact: ['王雪梅', '13926001002'],
    description:
      '上世纪 90 年代建成的老旧小区，2023 年完成综合改造；党建引领“红色物业”，社区、业委会、物业三方协同，加装电梯 12 部。',
    honours: [
      ['municipal', '市级红色物业示范点', 2025],
      ['district', '区级老旧小区改造优秀项目', 2024],
    ],
    photos: [
      ['社区活动中心', '#9d0208', '#f48c06'],
      ['改造后的园林景观', '#386641', '#a7c957'],
    ],
    staffScores: [
      [4, '2025 年市级红色物业示范点'],
      [5, '红色物业与老旧小区改造两方面都有亮点'],
      [5, '多数会员单位管理普通住宅或老旧小区'],
      [4, '愿意开放，需避开居民休息时间'],
    ],
    adminScores: [4, 4, 5, 5],
  },
  {
    name: '万象汇购物中心',
    district: '示例区',
    address: '示例市示例区中心路 1 号',
    managedBy: 8,
    projectType: 'commercial_complex',
    areaM2: 230000,
    households: null,
    tags: ['增值服务', '智慧物业'],
    willingness: 'conditional',
    contact: ['吴刚', '13926001003'],
    description:
      '城市商业综合体，日均客流 6 万人次；能耗管理平台与多经营收（广告、停车、场地租赁）可供借鉴。',
    honours: [['municipal', '市级物业服务优秀项目', 2022]],
    photos: [['中庭与客服中心', '#3a0ca3', '#f72585']],
    staffScores: [
      [3, '2022 年市级荣誉，近两年无新荣誉'],
      [4, '增值服务收入占比高'],
      [2, '管理商业综合体的会员单位较少'],
      [3, '需周末以外时段，参观人数不超过 30 人'],
    ],
  },
  {
    name: '科创智谷产业园',
    district: '高新区',
    address: '示例市高新区科创路 66 号',
    managedBy: 4,
    projectType: 'industrial_park',
    areaM2: 410000,
    households: null,
    tags: ['智慧物业', '绿色社区'],
    willingness: 'yes',
    contact: ['李俊', '13926001004'],
    description: '省级高新技术产业园，园区一卡通、充电桩和光伏屋顶；垃圾分类与中水回用做法成熟。',
    honours: [
      ['provincial', '省级绿色园区', 2024],
      ['national', '全国物业管理行业绿色低碳示范项目', 2025],
    ],
    photos: [
      ['地下车库与充电桩', '#023047', '#219ebc'],
      ['屋顶光伏', '#ffb703', '#fb8500'],
    ],
    staffScores: [
      [5, '国家级绿色低碳示范项目'],
      [4, '绿色社区做法成熟'],
      [3, '产业园类型覆盖科创、智联等会员单位'],
      [4, '园区管理方支持'],
    ],
  },
  {
    name: '翠湖花园',
    district: '湖滨区',
    address: '示例市湖滨区翠湖路 9 号',
    managedBy: '示例市翠湖物业服务有限公司',
    projectType: 'residential',
    areaM2: 98000,
    households: 1560,
    tags: ['绿色社区'],
    willingness: 'conditional',
    contact: ['何静', '13926001005'],
    description: '普通住宅小区，垃圾分类“定时定点”投放与业主志愿者队伍运行良好。',
    honours: [],
    photos: [['垃圾分类投放点', '#2d6a4f', '#95d5b2']],
  },
];

const escapeXml = (s: string) =>
  s.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  );

/** A simple picture made on the spot (nothing is downloaded): a gradient with the site's name. */
export function demoPhoto(title: string, caption: string, from: string, to: string) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1000">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
    <stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/>
  </linearGradient></defs>
  <rect width="1600" height="1000" fill="url(#g)"/>
  <rect x="0" y="700" width="1600" height="300" fill="#000" fill-opacity="0.25"/>
  <text x="80" y="830" font-family="Noto Sans CJK SC, sans-serif" font-size="96" font-weight="bold"
    fill="#fff">${escapeXml(title)}</text>
  <text x="84" y="920" font-family="Noto Sans CJK SC, sans-serif" font-size="52" fill="#fff"
    fill-opacity="0.9">${escapeXml(caption)}</text>
</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

/**
 * Demo benchmark sites of 示例市物业管理协会: one of each main type, with honours, photos,
 * screening scores by the demo staff (and the admin, to show a spread), and the demo host
 * account linked to 锦绣华庭. Runs inside the demo-data transaction after the accounts exist.
 */
export async function loadDemoSites(ctx: Ctx, unitIds: string[]) {
  await ensureSiteDefaults(ctx);
  const criteria = await ctx.db
    .select({ id: screeningCriteria.id })
    .from(screeningCriteria)
    .orderBy(asc(screeningCriteria.position));
  const scorer = async (role: 'staff' | 'admin', email?: string) => {
    const [user] = await ctx.db
      .select({ id: users.id })
      .from(users)
      .where(email ? eq(users.email, email) : eq(users.role, role))
      .orderBy(asc(users.createdAt))
      .limit(1);
    return user?.id ?? null;
  };
  const staffId = await scorer('staff', 'staff@demo.guanmo.cn');
  const adminId = await scorer('admin');
  const siteIds: string[] = [];

  for (const demo of DEMO_SITES) {
    const now = ctx.clock.now();
    const [site] = await ctx.db
      .insert(sites)
      .values({
        name: demo.name,
        district: demo.district,
        address: demo.address,
        managingUnitId: typeof demo.managedBy === 'number' ? (unitIds[demo.managedBy] ?? null) : null,
        managingCompany: typeof demo.managedBy === 'string' ? demo.managedBy : null,
        projectType: demo.projectType,
        areaM2: demo.areaM2,
        households: demo.households,
        tags: demo.tags,
        willingness: demo.willingness,
        contactName: demo.contact[0],
        contactMobile: demo.contact[1],
        description: demo.description,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: sites.id });
    siteIds.push(site.id);
    if (demo.honours.length) {
      await ctx.db
        .insert(siteHonours)
        .values(demo.honours.map(([level, title, year]) => ({ siteId: site.id, level, title, year })));
    }
    for (const [position, [caption, from, to]] of demo.photos.entries()) {
      const file = await saveImage(ctx, await demoPhoto(demo.name, caption, from, to), null);
      await ctx.db
        .insert(sitePhotos)
        .values({ siteId: site.id, fileId: file.id, position, caption, isCover: position === 0 });
    }
    const scoreRows = [
      ...(staffId && demo.staffScores
        ? demo.staffScores.map(([score, evidence], i) => ({ scorerId: staffId, i, score, evidence }))
        : []),
      ...(adminId && demo.adminScores
        ? demo.adminScores.map((score, i) => ({ scorerId: adminId, i, score, evidence: null }))
        : []),
    ].filter((r) => criteria[r.i]);
    if (scoreRows.length) {
      await ctx.db.insert(siteScores).values(
        scoreRows.map((r) => ({
          siteId: site.id,
          criterionId: criteria[r.i].id,
          scorerId: r.scorerId,
          score: r.score,
          evidence: r.evidence,
        })),
      );
    }
  }
  await ctx.db.update(users).set({ siteId: siteIds[0] }).where(eq(users.email, 'host@demo.guanmo.cn'));
  return { sites: siteIds.length };
}

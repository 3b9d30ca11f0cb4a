import type { VersionTreeInput } from '../../../../contract/templates.js';

/**
 * 物业服务示范项目考评（示例）: a made-up points table in the style of national and provincial
 * 示范项目 scoring rules — sections worth points, items worth 0.5–2 points with deduction rules,
 * documents to inspect vs. on-site checks, a pass mark. It is an example, not an official standard.
 */
export const EXAMPLE_POINTS_TEMPLATE = {
  name: '物业服务示范项目考评（示例）',
  description:
    '示例内容，仅演示积分制考评表的表达方式（分项分值、扣分规则、查阅资料与现场检查、达标线），并非任何官方标准。满分 100 分，按“实得分 ÷ 应得分 × 100”计，90 分及以上为达标；不适用的条目不计入应得分。',
  kind: 'assessment' as const,
};

type Item = [
  title: string,
  points: number,
  method: 'on_site' | 'documents',
  deduction: string,
  options?: { yesNo?: boolean; noNa?: boolean; questions?: string[] },
];
type Section = { name: string; points: number; items: Item[]; questions?: string[] };

const SECTIONS: Section[] = [
  {
    name: '基础管理',
    points: 32,
    questions: ['各项制度如何考核落实？近一年有哪些制度做过修订？'],
    items: [
      ['按规划设置物业服务用房，满足办公和接待需要', 2, 'on_site', '未设置扣2分；面积明显不足扣1分'],
      ['项目负责人及特种作业人员持证上岗', 1, 'documents', '每发现一人无证上岗扣0.5分'],
      ['签订规范的物业服务合同，双方权利义务明确', 2, 'documents', '缺少主要条款每项扣0.5分', { noNa: true }],
      ['建立健全管理制度、岗位标准及考核办法', 2, 'documents', '缺一项扣0.5分'],
      ['公示物业服务内容、标准、收费项目和收费标准', 2, 'on_site', '缺一项扣0.5分'],
      ['服务人员统一着装、佩戴标志，言行规范', 2, 'on_site', '每发现一人次不符合扣0.5分'],
      ['设服务接待中心，公示24小时服务电话', 2, 'on_site', '未公示服务电话扣1分；无接待中心扣1分'],
      ['急修半小时内到达现场，其他报修按约定时间处理，记录完整', 2, 'documents', '记录不全每处扣0.5分'],
      ['房屋及共用设施设备档案齐全、分类成册、查阅方便', 2, 'documents', '缺一类扣0.5分'],
      ['建立业主（住户）档案及权属清册', 1.5, 'documents', '缺一项扣0.5分'],
      [
        '每年至少开展一次业主满意度调查，满意率80%以上',
        2,
        'documents',
        '未开展扣2分；满意率每低5%扣0.5分',
        { questions: ['满意度调查由谁实施？样本量多大？结果如何用于改进？'] },
      ],
      ['业主投诉处理及时，回访率100%', 2, 'documents', '回访率每低5%扣0.5分'],
      ['按约定公开物业服务资金收支情况', 2, 'documents', '未公开扣2分', { yesNo: true }],
      ['制定员工培训计划并按计划实施', 1.5, 'documents', '无计划扣1分；未按计划实施扣0.5分'],
      ['运用信息化手段提供线上报修、缴费、通知服务', 2, 'on_site', '缺一项扣0.5分'],
      ['专项维修资金使用符合规定，记录完整', 2, 'documents', '不符合规定扣2分'],
      ['物业服务费收缴率达到95%以上', 1, 'documents', '每低2%扣0.5分'],
      ['有年度工作计划和年度总结', 1, 'documents', '缺一项扣0.5分'],
    ],
  },
  {
    name: '房屋管理与维修养护',
    points: 20,
    items: [
      ['主出入口设小区平面图，楼栋、单元、户门标识清晰', 1.5, 'on_site', '缺一项扣0.5分'],
      ['房屋外观完好、整洁，外墙无脱落、无乱贴乱画', 2, 'on_site', '每发现一处扣0.5分'],
      ['无违规搭建，无擅自改变房屋用途', 2, 'on_site', '每发现一处扣1分'],
      ['招牌、广告牌按规定设置，整齐有序', 1, 'on_site', '每处不符合扣0.5分'],
      ['空调外机、防盗网等安装统一有序', 1, 'on_site', '不符合扣0.5分'],
      ['签订装饰装修管理协议，巡查记录完整', 2, 'documents', '无协议扣1分；巡查记录不全扣0.5分'],
      ['共用部位定期巡查，有巡查记录和维修养护计划', 2, 'documents', '缺一项扣1分'],
      ['楼道、楼梯间、天台整洁，无堆放杂物', 2, 'on_site', '每发现一处扣0.5分'],
      ['电梯年检合格证在有效期内并在轿厢公示', 2, 'documents', '过期扣2分；未公示扣0.5分', { yesNo: true }],
      ['电梯轿厢整洁，应急通话装置有效', 1.5, 'on_site', '每项不符合扣0.5分'],
      ['配电房、水泵房等设备房整洁，运行记录完整', 2, 'on_site', '每项不符合扣0.5分'],
      ['二次供水水箱定期清洗消毒，水质检测报告齐全', 1, 'documents', '每缺一次扣0.5分'],
    ],
  },
  {
    name: '安全管理',
    points: 16,
    questions: ['近一年发生过哪些突发事件？从发现到处置用了多长时间？'],
    items: [
      ['主出入口24小时值守，外来人员、车辆登记', 2, 'on_site', '未登记扣1分；无人值守扣2分', { noNa: true }],
      ['有巡逻制度，巡逻路线覆盖全区，记录完整', 2, 'documents', '记录不全扣0.5分'],
      ['监控系统运行正常，录像保存不少于30天', 2, 'on_site', '保存不足扣1分；有盲区每处扣0.5分'],
      ['消防通道畅通，无占用堵塞', 2, 'on_site', '每发现一处扣1分', { noNa: true }],
      ['消防设施设备完好，灭火器在有效期内', 2, 'on_site', '每发现一处不合格扣0.5分'],
      ['消防控制室持证人员24小时值班', 1.5, 'documents', '无证上岗扣1.5分', { yesNo: true }],
      ['制定防汛、防火、电梯困人等突发事件应急预案', 1.5, 'documents', '缺一项扣0.5分'],
      ['每年至少组织一次消防演练，有记录和照片', 1.5, 'documents', '未演练扣1.5分'],
      ['车辆停放有序，地下车库标识清晰、照明充足', 1.5, 'on_site', '每项不符合扣0.5分'],
    ],
  },
  {
    name: '环境管理',
    points: 16,
    items: [
      ['环卫设施完备，垃圾桶、果皮箱设置合理', 1.5, 'on_site', '缺一项扣0.5分'],
      ['实行垃圾分类，分类标识清晰，投放有序', 2, 'on_site', '每项不符合扣0.5分'],
      ['垃圾日产日清，清运及时', 1.5, 'on_site', '发现未及时清运扣0.5分'],
      ['大堂、楼道、电梯等公共区域清洁，无积尘、无污渍', 2, 'on_site', '每发现一处扣0.5分'],
      ['道路、广场、停车场清洁，无杂物、无积水', 1.5, 'on_site', '每发现一处扣0.5分'],
      ['有保洁作业标准和检查记录', 1, 'documents', '缺一项扣0.5分'],
      ['绿地无破坏、践踏、占用现象', 1.5, 'on_site', '每发现一处扣0.5分'],
      ['花草树木长势良好，修剪整齐，无病虫害', 2, 'on_site', '每处不符合扣0.5分'],
      ['有绿化养护计划和记录', 1, 'documents', '缺一项扣0.5分'],
      ['定期开展消杀工作，有记录', 1, 'documents', '无记录扣1分'],
      ['宠物管理有措施，无违规饲养家禽家畜', 1, 'on_site', '不符合扣0.5分'],
    ],
  },
  {
    name: '客户服务与社区文化',
    points: 16,
    questions: ['组织一次社区活动的流程、分工和费用是怎样的？'],
    items: [
      ['设有业主意见箱或线上反馈渠道，处理有记录', 1.5, 'documents', '缺一项扣0.5分'],
      ['每年组织不少于4次社区文化活动，有记录和照片', 2, 'documents', '每少一次扣0.5分'],
      ['设有宣传栏，内容定期更新', 1, 'on_site', '未及时更新扣0.5分'],
      ['提供代收快递、家政、维修等便民服务', 1.5, 'on_site', '缺一项扣0.5分'],
      ['与社区居委会、业主委员会沟通协调，有会议记录', 1.5, 'documents', '无记录扣1分'],
      ['对独居老人、残疾人等特殊群体有关爱服务措施', 1.5, 'documents', '无措施扣1分'],
      ['服务人员接待热情规范，首问负责', 2, 'on_site', '每发现一人次不符合扣0.5分'],
      ['服务电话接听及时，有来电记录', 1.5, 'on_site', '未接听或无记录扣0.5分'],
      ['社区活动中心、儿童游乐区、健身区设施完好', 2, 'on_site', '每处损坏扣0.5分'],
      ['有节能降耗措施，公共能耗有统计分析', 1.5, 'documents', '无措施扣1分；无统计扣0.5分'],
    ],
  },
];

export const EXAMPLE_POINTS_TREE: VersionTreeInput = {
  scoringMode: 'points_sum',
  passMark: 90,
  dimensions: SECTIONS.map((s) => ({
    name: s.name,
    description: `满分 ${s.points} 分（示例）`,
    weight: 1,
    maxPoints: s.points,
    questions: (s.questions ?? []).map((text) => ({ text })),
    points: s.items.map(([title, points, checkMethod, deductionRule, options = {}]) => ({
      title,
      hint: null,
      scheme: options.yesNo ? ('yes_no_na' as const) : ('points_0_n' as const),
      maxPoints: points,
      step: options.yesNo ? null : 0.5,
      weight: 1,
      deductionRule,
      checkMethod,
      allowNa: !options.noNa,
      questions: (options.questions ?? []).map((text) => ({ text })),
    })),
  })),
};

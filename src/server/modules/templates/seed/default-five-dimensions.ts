import type { VersionTreeInput } from '../../../../contract/templates.js';

/**
 * 标杆小区观摩五维度: the seed's table "参观要点(引导会员看什么?)", complete and verbatim —
 * five dimensions, every observation point with its hint, every guiding question (quotes
 * removed). Stars 1–5, equal weights, N/A allowed.
 */
export const DEFAULT_TEMPLATE = {
  name: '标杆小区观摩五维度',
  description:
    '参观时引导会员不仅仅是“看”，更是“学”和“思”：从智慧化与科技应用、环境与设施管理、客户服务与社区文化、安全与应急管理、运营与增值服务五个维度观察、打分并记录亮点与问题。',
  kind: 'observation' as const,
};

type SeedDimension = {
  name: string;
  points: [title: string, hint: string, checkMethod?: 'documents'][];
  questions: string[];
};

const DIMENSIONS: SeedDimension[] = [
  {
    name: '智慧化与科技应用',
    points: [
      ['智能门禁/人脸识别', '通行效率、识别准确率。'],
      ['智能安防系统', '监控覆盖、高空抛物监测、电子围栏。'],
      ['智能设备房', '是否实现无人化、远程监控。'],
      ['线上服务平台', 'APP/小程序功能是否完善(报修、缴费、通知、投诉等)。'],
    ],
    questions: ['这套系统投入成本多少?运维费用如何?业主使用率有多高?', '它解决了你们管理中的哪些具体痛点?'],
  },
  {
    name: '环境与设施管理',
    points: [
      ['公共区域清洁', '大堂、走廊、电梯、地下车库的洁净度。'],
      ['绿化养护', '植物长势、修剪是否整齐、有无病虫害。'],
      ['设施设备维护', '灯光、指示牌、健身器材、儿童设施是否完好。'],
      ['垃圾分类', '分类是否清晰、投放是否有序、清运是否及时。'],
    ],
    questions: ['保洁的频次和标准是什么?如何监督执行?', '针对公共设施,你们有怎样的预防性维护计划?'],
  },
  {
    name: '客户服务与社区文化',
    points: [
      ['服务人员形象', '礼仪、着装、精神面貌。'],
      ['服务响应', '现场观察客服人员如何接待业主/访客。'],
      ['社区活动', '宣传栏、活动中心、近期组织的活动照片/记录。'],
      ['邻里关系', '观察业主间的互动,感受社区氛围。'],
    ],
    questions: [
      '你们如何收集和处理业主的满意度?有哪些有效的沟通渠道?',
      '组织一次大型社区活动的流程和成本是怎样的?',
    ],
  },
  {
    name: '安全与应急管理',
    points: [
      ['安保团队', '人员形象、巡逻路线、岗亭管理。'],
      ['消防管理', '消防通道是否畅通、器材是否完好、标识是否清晰。'],
      ['应急预案', '是否有防汛、防火、电梯困人等应急预案,并进行了演练。', 'documents'],
    ],
    questions: ['遇到突发事件,你们的应急响应流程是怎样的?从发现到处理需要多长时间?'],
  },
  {
    name: '运营与增值服务',
    points: [
      ['成本控制', '能否通过公开信息或交流了解其在能耗、人力方面的控制方法。'],
      ['增值服务', '社区团购、房屋租售、养老服务、家政服务等开展情况。'],
    ],
    questions: ['除了基础物业费,你们还有哪些主要的收入来源?利润率如何?'],
  },
];

export const DEFAULT_TREE: VersionTreeInput = {
  scoringMode: 'weighted_average',
  passMark: null,
  dimensions: DIMENSIONS.map((d) => ({
    name: d.name,
    description: null,
    weight: 1,
    maxPoints: null,
    questions: d.questions.map((text) => ({ text })),
    points: d.points.map(([title, hint, checkMethod]) => ({
      title,
      hint,
      scheme: 'stars_1_5' as const,
      maxPoints: null,
      step: null,
      weight: 1,
      deductionRule: null,
      checkMethod: checkMethod ?? 'on_site',
      allowNa: true,
      questions: [],
    })),
  })),
};

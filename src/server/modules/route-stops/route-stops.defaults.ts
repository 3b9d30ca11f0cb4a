import type { Lang } from '../../../contract/common.js';

type DefaultStop = {
  name: Record<Lang, string>;
  minutes: number;
  /** Words matched against the titles of the template's points (智能门禁/人脸识别 …). */
  pointKeywords: string[];
  guideNotes: Record<Lang, string>;
};

/**
 * The seed's 路线建议 入口大堂 → 智慧监控中心/设备房 → 园林景观 → 社区活动中心 → 地下车库/充电桩 →
 * 样板间/入户大堂, 75 minutes in all (the half-day tour slot 14:15–15:30).
 */
export const DEFAULT_ROUTE: DefaultStop[] = [
  {
    name: { 'zh-CN': '入口大堂', 'en-US': 'Entrance lobby' },
    minutes: 10,
    pointKeywords: ['智能门禁', '人脸识别', '服务人员形象', '服务响应'],
    guideNotes: {
      'zh-CN': '观察门禁通行效率与识别准确率，留意前台人员礼仪和接待业主、访客的方式。',
      'en-US':
        'Watch how fast and accurately the access control works and how front-desk staff receive residents and visitors.',
    },
  },
  {
    name: { 'zh-CN': '智慧监控中心/设备房', 'en-US': 'Smart monitoring centre / plant room' },
    minutes: 15,
    pointKeywords: ['智能安防', '智能设备房', '应急预案'],
    guideNotes: {
      'zh-CN': '了解监控覆盖、高空抛物监测、电子围栏，以及设备房是否实现无人化、远程监控。',
      'en-US':
        'Look at camera coverage, falling-object detection, electronic fences, and whether the plant room runs unattended with remote monitoring.',
    },
  },
  {
    name: { 'zh-CN': '园林景观', 'en-US': 'Gardens and landscape' },
    minutes: 15,
    pointKeywords: ['绿化养护', '设施设备维护', '垃圾分类'],
    guideNotes: {
      'zh-CN': '查看植物长势、修剪与病虫害情况，健身器材、儿童设施是否完好，垃圾分类投放是否有序。',
      'en-US':
        'Check plant health, pruning and pests, the state of fitness and play equipment, and orderly waste sorting.',
    },
  },
  {
    name: { 'zh-CN': '社区活动中心', 'en-US': 'Community activity centre' },
    minutes: 10,
    pointKeywords: ['社区活动', '邻里关系'],
    guideNotes: {
      'zh-CN': '看宣传栏、活动中心和近期活动照片/记录，感受社区氛围。',
      'en-US':
        'See notice boards, the activity centre and records of recent events; feel the community atmosphere.',
    },
  },
  {
    name: { 'zh-CN': '地下车库/充电桩', 'en-US': 'Underground car park / chargers' },
    minutes: 15,
    pointKeywords: ['消防管理', '充电', '安保团队', '公共区域清洁'],
    guideNotes: {
      'zh-CN':
        '检查消防通道是否畅通、器材是否完好、标识是否清晰，了解充电桩管理与车库保洁。拍照注意避开车牌。',
      'en-US':
        'Check fire lanes, equipment and signs; ask how chargers are managed and the car park is cleaned. Keep number plates out of photos.',
    },
  },
  {
    name: { 'zh-CN': '样板间/入户大堂', 'en-US': 'Show flat / building lobby' },
    minutes: 10,
    pointKeywords: ['线上服务平台', '增值服务'],
    guideNotes: {
      'zh-CN': '了解 APP/小程序的报修、缴费、通知、投诉功能，以及社区团购、房屋租售、家政等增值服务。',
      'en-US':
        'Ask about the app’s repair, payment, notice and complaint functions and value-added services such as group buying, letting and housekeeping.',
    },
  },
];

import type { Lang } from '../../../contract/common.js';

/** The seed's coordination steps, relative to the event date (T-14 … T+7). */
export const DEFAULT_TASKS: { offsetDays: number; title: Record<Lang, string> }[] = [
  {
    offsetDays: -14,
    title: {
      'zh-CN': '与被参观方确认流程、讲解人、会议室设备、茶歇，并告知会员单位构成和关注点',
      'en-US':
        'Confirm the flow, speakers, meeting-room equipment and tea break with the host, and tell it who is coming and what they want to see',
    },
  },
  { offsetDays: -10, title: { 'zh-CN': '发布正式通知', 'en-US': 'Publish the formal notice' } },
  { offsetDays: -3, title: { 'zh-CN': '准备物料', 'en-US': 'Prepare the materials' } },
  { offsetDays: -1, title: { 'zh-CN': '分组与胸牌', 'en-US': 'Groups and badges' } },
  { offsetDays: 1, title: { 'zh-CN': '发放满意度调查', 'en-US': 'Send the satisfaction survey' } },
  { offsetDays: 3, title: { 'zh-CN': '完成专题报告', 'en-US': 'Finish the event report' } },
  { offsetDays: 7, title: { 'zh-CN': '发布新闻稿', 'en-US': 'Publish the news release' } },
];

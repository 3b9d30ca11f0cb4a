import type { AgendaItemInput, AgendaTemplate } from '../../../contract/agenda.js';
import type { Lang } from '../../../contract/common.js';

type TemplateItem = Omit<AgendaItemInput, 'speaker' | 'place' | 'notes'> & {
  speaker?: string | null;
  place?: string | null;
  notes?: string | null;
};

/** The seed's 半天流程示例, item for item (13:30–17:00). */
const HALF_DAY_ZH: TemplateItem[] = [
  {
    start: '13:30',
    end: '14:00',
    type: 'sign_in',
    title: '集合签到',
    place: '项目营销中心或指定地点',
    notes: '在项目营销中心或指定地点集合，发放参观资料、胸牌。',
  },
  {
    start: '14:00',
    end: '14:15',
    type: 'welcome',
    title: '欢迎致辞',
    speaker: '协会领导、项目总经理',
    notes: '协会领导、项目总经理简短发言，介绍活动目的和项目概况。',
  },
  {
    start: '14:15',
    end: '15:30',
    type: 'tour',
    title: '实地参观',
    speaker: '项目负责人',
    notes: '分组进行，由项目负责人引导。',
  },
  {
    start: '15:30',
    end: '16:30',
    type: 'sharing',
    title: '经验分享会',
    place: '会议室',
    notes:
      '返回会议室，进行专题分享。\n· 项目负责人介绍管理理念、服务体系、运营数据。\n· 专题分享（如：智慧物业系统如何提升效率、如何组织社区文化活动、增值服务案例等）。',
  },
  {
    start: '16:30',
    end: '17:00',
    type: 'qa',
    title: '互动问答与交流',
    notes: '会员单位自由提问，与项目方深入交流。',
  },
  {
    start: '17:00',
    end: '17:00',
    type: 'closing',
    title: '活动结束',
    notes: '合影留念，发放满意度调查问卷。',
  },
];

const HALF_DAY_EN: TemplateItem[] = [
  {
    start: '13:30',
    end: '14:00',
    type: 'sign_in',
    title: 'Gathering and sign-in',
    place: 'Project sales centre or the announced meeting point',
    notes:
      'Gather at the project sales centre or the announced place; visit materials and badges are handed out.',
  },
  {
    start: '14:00',
    end: '14:15',
    type: 'welcome',
    title: 'Welcome address',
    speaker: 'Association leader, project general manager',
    notes:
      'Short speeches by the association leader and the project general manager on the purpose of the visit and the project.',
  },
  {
    start: '14:15',
    end: '15:30',
    type: 'tour',
    title: 'Site tour',
    speaker: 'Project manager',
    notes: 'In groups, guided by the project managers.',
  },
  {
    start: '15:30',
    end: '16:30',
    type: 'sharing',
    title: 'Experience sharing',
    place: 'Meeting room',
    notes:
      'Back in the meeting room for talks.\n· The project manager presents the management philosophy, service system and operating figures.\n· Topic talks (e.g. how the smart property system raises efficiency, how community events are organised, value-added service cases).',
  },
  {
    start: '16:30',
    end: '17:00',
    type: 'qa',
    title: 'Q&A and exchange',
    notes: 'Member units ask freely and talk in depth with the host.',
  },
  {
    start: '17:00',
    end: '17:00',
    type: 'closing',
    title: 'Close',
    notes: 'Group photo; the satisfaction survey is handed out.',
  },
];

/** A full day (09:00–16:30) built on the same flow, with a longer tour, lunch and a tea break. */
const FULL_DAY_ZH: TemplateItem[] = [
  {
    start: '09:00',
    end: '09:30',
    type: 'sign_in',
    title: '集合签到',
    place: '项目营销中心或指定地点',
    notes: '在项目营销中心或指定地点集合，发放参观资料、胸牌。',
  },
  {
    start: '09:30',
    end: '09:50',
    type: 'welcome',
    title: '欢迎致辞',
    speaker: '协会领导、项目总经理',
    notes: '协会领导、项目总经理简短发言，介绍活动目的和项目概况。',
  },
  {
    start: '09:50',
    end: '11:30',
    type: 'tour',
    title: '实地参观',
    speaker: '项目负责人',
    notes: '分组进行，由项目负责人引导，各观察点留足记录和拍照时间。',
  },
  {
    start: '11:30',
    end: '12:00',
    type: 'sharing',
    title: '项目经验介绍',
    place: '会议室',
    notes: '项目负责人介绍管理理念、服务体系、运营数据。',
  },
  { start: '12:00', end: '13:30', type: 'break', title: '午餐与休息', notes: '统一安排工作餐。' },
  {
    start: '13:30',
    end: '14:30',
    type: 'sharing',
    title: '专题分享',
    place: '会议室',
    notes: '专题分享（如：智慧物业系统如何提升效率、如何组织社区文化活动、增值服务案例等）。',
  },
  { start: '14:30', end: '14:45', type: 'break', title: '茶歇' },
  {
    start: '14:45',
    end: '15:45',
    type: 'sharing',
    title: '分组研讨',
    place: '会议室',
    notes: '各组结合观察记录讨论亮点与问题，形成可借鉴的做法和改进建议。',
  },
  {
    start: '15:45',
    end: '16:15',
    type: 'qa',
    title: '互动问答与交流',
    notes: '会员单位自由提问，与项目方深入交流。',
  },
  {
    start: '16:15',
    end: '16:30',
    type: 'closing',
    title: '总结与活动结束',
    notes: '协会总结，合影留念，发放满意度调查问卷。',
  },
];

const FULL_DAY_EN: TemplateItem[] = [
  {
    start: '09:00',
    end: '09:30',
    type: 'sign_in',
    title: 'Gathering and sign-in',
    place: 'Project sales centre or the announced meeting point',
    notes:
      'Gather at the project sales centre or the announced place; visit materials and badges are handed out.',
  },
  {
    start: '09:30',
    end: '09:50',
    type: 'welcome',
    title: 'Welcome address',
    speaker: 'Association leader, project general manager',
    notes: 'Short speeches on the purpose of the visit and the project.',
  },
  {
    start: '09:50',
    end: '11:30',
    type: 'tour',
    title: 'Site tour',
    speaker: 'Project manager',
    notes: 'In groups, guided by the project managers, with time to record and photograph at every stop.',
  },
  {
    start: '11:30',
    end: '12:00',
    type: 'sharing',
    title: 'Project presentation',
    place: 'Meeting room',
    notes: 'The project manager presents the management philosophy, service system and operating figures.',
  },
  {
    start: '12:00',
    end: '13:30',
    type: 'break',
    title: 'Lunch and rest',
    notes: 'A working lunch is provided.',
  },
  {
    start: '13:30',
    end: '14:30',
    type: 'sharing',
    title: 'Topic talks',
    place: 'Meeting room',
    notes:
      'E.g. how the smart property system raises efficiency, how community events are organised, value-added service cases.',
  },
  { start: '14:30', end: '14:45', type: 'break', title: 'Tea break' },
  {
    start: '14:45',
    end: '15:45',
    type: 'sharing',
    title: 'Group discussion',
    place: 'Meeting room',
    notes:
      'Each group discusses the highlights and problems it recorded and agrees on practices to adopt and suggestions.',
  },
  {
    start: '15:45',
    end: '16:15',
    type: 'qa',
    title: 'Q&A and exchange',
    notes: 'Member units ask freely and talk in depth with the host.',
  },
  {
    start: '16:15',
    end: '16:30',
    type: 'closing',
    title: 'Summary and close',
    notes: 'Summary by the association, group photo, satisfaction survey handed out.',
  },
];

const TEMPLATES: Record<AgendaTemplate, Record<Lang, TemplateItem[]>> = {
  half_day: { 'zh-CN': HALF_DAY_ZH, 'en-US': HALF_DAY_EN },
  full_day: { 'zh-CN': FULL_DAY_ZH, 'en-US': FULL_DAY_EN },
};

export function agendaTemplate(template: AgendaTemplate, lang: Lang): AgendaItemInput[] {
  return TEMPLATES[template][lang].map((item) => ({
    speaker: null,
    place: null,
    notes: null,
    ...item,
  }));
}

import type { Lang } from '../../../contract/common.js';
import { type SurveyDefinition, surveyDefinitionSchema } from '../../../contract/surveys.js';

/**
 * The default survey, after the seed's 总结与反馈: "活动结束后,立即发放电子或纸质问卷,收集会员对活动
 * 组织、内容、收获等方面的评价和建议" — organisation (组织安排), content (参观内容), what was gained
 * (收获), suggestions (建议) and the willingness to recommend (推荐意愿, NPS). The texts are data:
 * created in the organiser's language and edited freely afterwards.
 */
type Texts = {
  title: (theme: string) => string;
  intro: string;
  thanks: string;
  sections: Record<'organisation' | 'content' | 'gains' | 'suggestions' | 'recommend', string>;
  overall: [string, string, string];
  organisation: [string, string, string];
  organisationRows: Record<'notice' | 'signin' | 'schedule' | 'route' | 'service', string>;
  contentValue: [string, string, string];
  contentBest: string;
  contentBestOptions: Record<'tour' | 'sharing' | 'qa' | 'observation' | 'materials', string>;
  dimensions: string;
  dimensionOptions: Record<'smart' | 'environment' | 'service' | 'safety' | 'operations', string>;
  gainLevel: string;
  gainOptions: Record<'great' | 'some' | 'little' | 'none', string>;
  applyPlan: [string, string];
  improve: [string, string];
  nextTopics: [string, string];
  nps: [string, string, string];
};

const TEXTS: Record<Lang, Texts> = {
  'zh-CN': {
    title: (theme) => `“${theme}”观摩活动满意度调查`,
    intro:
      '感谢您参加本次标杆项目观摩学习活动！为了把今后的活动办得更好，请花 3 分钟完成这份问卷。问卷提交后，在调查结束前仍可修改。',
    thanks: '感谢您的反馈！我们会认真研究每一条意见，持续改进协会的观摩交流活动。',
    sections: {
      organisation: '活动组织',
      content: '参观内容',
      gains: '学习收获',
      suggestions: '意见建议',
      recommend: '推荐意愿',
    },
    overall: ['您对本次观摩活动的总体满意度如何？', '非常不满意', '非常满意'],
    organisation: ['请对以下组织安排分别打分', '很不满意', '很满意'],
    organisationRows: {
      notice: '活动通知与报名',
      signin: '签到与现场引导',
      schedule: '时间安排与议程节奏',
      route: '参观路线与分组带队',
      service: '会务服务与后勤保障',
    },
    contentValue: ['本次参观内容对您的工作有多大参考价值？', '没有参考价值', '非常有参考价值'],
    contentBest: '您认为收获最大的环节是哪些？（可多选）',
    contentBestOptions: {
      tour: '实地参观',
      sharing: '项目经验分享',
      qa: '互动交流与答疑',
      observation: '观察打分与同行点评',
      materials: '活动手册与资料',
    },
    dimensions: '您最希望深入学习的方面是？（最多选两项）',
    dimensionOptions: {
      smart: '智慧化与科技应用',
      environment: '环境与设施管理',
      service: '客户服务与社区文化',
      safety: '安全与应急管理',
      operations: '运营与增值服务',
    },
    gainLevel: '通过本次观摩，您的收获如何？',
    gainOptions: {
      great: '收获很大，有可以直接借鉴的做法',
      some: '有一定收获，开阔了思路',
      little: '收获一般',
      none: '收获较少',
    },
    applyPlan: ['您打算把哪些做法应用到本单位的项目中？', '例如：智慧门禁、垃圾分类积分、社区活动组织……'],
    improve: ['您认为本次活动还有哪些需要改进的地方？', '组织、内容、时间、路线等方面均可'],
    nextTopics: ['您希望下次观摩哪类项目或围绕什么主题？', '例如：老旧小区改造、商业综合体、红色物业……'],
    nps: ['您有多大可能向同行推荐参加协会的观摩活动？', '完全不可能', '非常可能'],
  },
  'en-US': {
    title: (theme) => `Satisfaction survey: ${theme}`,
    intro:
      'Thank you for joining this benchmark-site visit. Please take three minutes to help us make the next one better. You can change your answers until the survey closes.',
    thanks: 'Thank you for your feedback! We read every comment and use it to improve our visits.',
    sections: {
      organisation: 'Organisation',
      content: 'Content of the visit',
      gains: 'What you gained',
      suggestions: 'Suggestions',
      recommend: 'Recommendation',
    },
    overall: ['Overall, how satisfied are you with this visit?', 'Very dissatisfied', 'Very satisfied'],
    organisation: ['Please rate each part of the organisation', 'Very poor', 'Very good'],
    organisationRows: {
      notice: 'Notice and registration',
      signin: 'Check-in and guidance on site',
      schedule: 'Timing and pace of the agenda',
      route: 'Tour route and groups',
      service: 'Hospitality and logistics',
    },
    contentValue: ['How useful was what you saw for your own work?', 'Not useful', 'Very useful'],
    contentBest: 'Which parts did you gain most from? (choose any)',
    contentBestOptions: {
      tour: 'The site tour',
      sharing: 'The experience sharing',
      qa: 'Q&A and discussion',
      observation: 'Scoring and peer comments',
      materials: 'Handbook and materials',
    },
    dimensions: 'Which areas would you most like to learn more about? (up to two)',
    dimensionOptions: {
      smart: 'Smart technology',
      environment: 'Environment and facilities',
      service: 'Resident service and community culture',
      safety: 'Safety and emergency management',
      operations: 'Operations and value-added services',
    },
    gainLevel: 'How much did you gain from this visit?',
    gainOptions: {
      great: 'A lot: practices we can adopt directly',
      some: 'Some: it broadened my thinking',
      little: 'A little',
      none: 'Hardly anything',
    },
    applyPlan: [
      'Which practices do you plan to apply in your own projects?',
      'E.g. smart access control, recycling points, community events…',
    ],
    improve: ['What should we improve next time?', 'Organisation, content, timing, route…'],
    nextTopics: [
      'Which kind of site or topic would you like to visit next?',
      'E.g. old community renewal, commercial complexes…',
    ],
    nps: [
      'How likely are you to recommend the association’s visits to a colleague?',
      'Not at all likely',
      'Extremely likely',
    ],
  },
};

const options = <K extends string>(labels: Record<K, string>) =>
  Object.entries<string>(labels).map(([id, label]) => ({ id, label }));

export function defaultSurvey(lang: Lang, eventTheme: string): SurveyDefinition {
  const x = TEXTS[lang];
  return surveyDefinitionSchema.parse({
    title: x.title(eventTheme).slice(0, 200),
    intro: x.intro,
    thanks: x.thanks,
    sections: [
      {
        id: 'organisation',
        title: x.sections.organisation,
        questions: [
          {
            id: 'overall',
            type: 'rating',
            style: 'stars',
            title: x.overall[0],
            lowLabel: x.overall[1],
            highLabel: x.overall[2],
            required: true,
          },
          {
            id: 'organisation',
            type: 'matrix',
            scale: 'scale5',
            title: x.organisation[0],
            lowLabel: x.organisation[1],
            highLabel: x.organisation[2],
            rows: options(x.organisationRows),
            required: true,
          },
        ],
      },
      {
        id: 'content',
        title: x.sections.content,
        questions: [
          {
            id: 'content_value',
            type: 'rating',
            style: 'scale5',
            title: x.contentValue[0],
            lowLabel: x.contentValue[1],
            highLabel: x.contentValue[2],
            required: true,
          },
          {
            id: 'content_best',
            type: 'multiple',
            title: x.contentBest,
            options: options(x.contentBestOptions),
          },
          {
            id: 'dimensions',
            type: 'multiple',
            title: x.dimensions,
            options: options(x.dimensionOptions),
            maxChoices: 2,
          },
        ],
      },
      {
        id: 'gains',
        title: x.sections.gains,
        questions: [
          {
            id: 'gain_level',
            type: 'single',
            title: x.gainLevel,
            options: options(x.gainOptions),
            required: true,
          },
          { id: 'apply_plan', type: 'long_text', title: x.applyPlan[0], placeholder: x.applyPlan[1] },
        ],
      },
      {
        id: 'suggestions',
        title: x.sections.suggestions,
        questions: [
          { id: 'improve', type: 'long_text', title: x.improve[0], placeholder: x.improve[1] },
          { id: 'next_topics', type: 'short_text', title: x.nextTopics[0], placeholder: x.nextTopics[1] },
        ],
      },
      {
        id: 'recommend',
        title: x.sections.recommend,
        questions: [
          {
            id: 'nps',
            type: 'nps',
            title: x.nps[0],
            lowLabel: x.nps[1],
            highLabel: x.nps[2],
            required: true,
          },
        ],
      },
    ],
  });
}

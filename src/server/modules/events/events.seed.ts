import type { Lang } from '../../../contract/common.js';
import type { EventObjective } from '../../../contract/events.js';

/**
 * Texts from the seed document (活动目的与意义, 活动主题, 注意事项). They are product content: the
 * wizard offers them and the formal notice quotes them, in the caller's language.
 */
export const THEME_SUGGESTIONS: Record<Lang, string[]> = {
  'zh-CN': ['探寻智慧物业，共建美好家园', '精细化服务下的品质生活', '打造有温度的社区'],
  'en-US': [
    'Exploring smart property management, building better homes together',
    'Quality living through refined service',
    'Building a community with warmth',
  ],
};

export const OBJECTIVE_TEXTS: Record<Lang, Record<EventObjective, { label: string; explanation: string }>> = {
  'zh-CN': {
    learn_experience: {
      label: '学习先进经验',
      explanation:
        '实地考察行业标杆项目，学习其在智慧化管理、精细化服务、社区文化建设、成本控制、应急处理等方面的成功做法。',
    },
    exchange: {
      label: '促进交流互动',
      explanation: '为会员单位提供一个面对面交流的平台，分享管理心得，探讨行业痛点，建立合作意向。',
    },
    innovation: {
      label: '激发创新思维',
      explanation: '通过对比和学习，启发会员单位打破传统思维，探索适合自身发展的新模式、新方法。',
    },
    benchmark: {
      label: '树立行业标杆',
      explanation: '表彰优秀企业，树立行业典范，提升整个物业服务行业的专业形象和社会认可度。',
    },
  },
  'en-US': {
    learn_experience: {
      label: 'Learn from leading practice',
      explanation:
        'Visit benchmark projects on site and learn their proven practice in smart management, refined service, community culture, cost control and emergency handling.',
    },
    exchange: {
      label: 'Foster exchange',
      explanation:
        'Give member units a place to meet face to face, share management experience, discuss the pain points of the industry and start cooperation.',
    },
    innovation: {
      label: 'Spark new thinking',
      explanation:
        'Through comparison and learning, encourage member units to break with habit and explore new models and methods that suit their own development.',
    },
    benchmark: {
      label: 'Set industry benchmarks',
      explanation:
        'Honour outstanding companies, set examples for the industry and raise the professional image and public recognition of property services.',
    },
  },
};

export const DEFAULT_NOTES: Record<Lang, string> = {
  'zh-CN': '遵守小区规定，不大声喧哗，不随意触碰设施，拍照时注意保护业主隐私。',
  'en-US':
    'Follow the rules of the community, keep your voice down, do not touch facilities, and protect residents’ privacy when taking photos.',
};

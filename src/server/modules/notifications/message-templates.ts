import type { Lang } from '../../../contract/common.js';
import type { MessageType } from '../../../contract/notifications.js';

/**
 * Built-in message templates (defaults in code; admins and staff may override them, see
 * message-templates.service.ts). `{{placeholder}}` names are fixed per message type.
 */
export type TemplateText = { subject: string; body: string };

const BASE = ['name', 'associationName', 'eventTheme', 'eventDate'] as const;

export const PLACEHOLDERS: Record<MessageType, readonly string[]> = {
  confirmation: [...BASE, 'eventTime', 'place', 'siteName', 'passUrl', 'eventUrl'],
  waitlisted: [...BASE, 'waitlistPosition', 'eventUrl'],
  promoted: [...BASE, 'eventTime', 'place', 'siteName', 'passUrl'],
  approved: [...BASE, 'eventTime', 'place', 'siteName', 'passUrl'],
  reminder: [...BASE, 'eventTime', 'place', 'siteName', 'passUrl', 'notes'],
  agenda_changed: [...BASE, 'changes', 'eventUrl'],
  cancelled: [...BASE, 'reason', 'eventUrl'],
  survey_invite: [...BASE, 'surveyTitle', 'surveyUrl'],
  survey_reminder: [...BASE, 'surveyTitle', 'surveyUrl'],
  test: ['associationName', 'sentAt'],
};

export const DEFAULT_TEMPLATES: Record<MessageType, Record<Lang, TemplateText>> = {
  confirmation: {
    'zh-CN': {
      subject: '报名成功：{{eventTheme}}',
      body: '{{name}}，您好！\n\n您已成功报名“{{eventTheme}}”观摩活动。\n时间：{{eventDate}} {{eventTime}}\n地点：{{place}}\n参观项目：{{siteName}}\n\n签到时请出示您的参会凭证（二维码）：\n{{passUrl}}\n\n活动详情：{{eventUrl}}\n\n{{associationName}}',
    },
    'en-US': {
      subject: 'Registration confirmed: {{eventTheme}}',
      body: 'Dear {{name}},\n\nYour registration for the visit "{{eventTheme}}" is confirmed.\nDate: {{eventDate}} {{eventTime}}\nPlace: {{place}}\nSite: {{siteName}}\n\nPlease show your personal pass (QR code) at check-in:\n{{passUrl}}\n\nEvent details: {{eventUrl}}\n\n{{associationName}}',
    },
  },
  waitlisted: {
    'zh-CN': {
      subject: '已进入候补名单：{{eventTheme}}',
      body: '{{name}}，您好！\n\n“{{eventTheme}}”（{{eventDate}}）名额已满，您已进入候补名单，当前排在第 {{waitlistPosition}} 位。有名额空出时系统将自动为您递补，并另行通知。\n\n活动详情：{{eventUrl}}\n\n{{associationName}}',
    },
    'en-US': {
      subject: 'You are on the waiting list: {{eventTheme}}',
      body: 'Dear {{name}},\n\n"{{eventTheme}}" ({{eventDate}}) is full. You are on the waiting list at position {{waitlistPosition}}. When a place becomes free you will be moved up automatically and notified.\n\nEvent details: {{eventUrl}}\n\n{{associationName}}',
    },
  },
  promoted: {
    'zh-CN': {
      subject: '候补成功：{{eventTheme}}',
      body: '{{name}}，您好！\n\n有名额空出，您已由候补转为正式报名“{{eventTheme}}”。\n时间：{{eventDate}} {{eventTime}}\n地点：{{place}}\n参观项目：{{siteName}}\n\n您的参会凭证（二维码）：\n{{passUrl}}\n\n{{associationName}}',
    },
    'en-US': {
      subject: 'A place is yours: {{eventTheme}}',
      body: 'Dear {{name}},\n\nA place became free and your registration for "{{eventTheme}}" is now confirmed.\nDate: {{eventDate}} {{eventTime}}\nPlace: {{place}}\nSite: {{siteName}}\n\nYour personal pass (QR code):\n{{passUrl}}\n\n{{associationName}}',
    },
  },
  approved: {
    'zh-CN': {
      subject: '报名已审核通过：{{eventTheme}}',
      body: '{{name}}，您好！\n\n您报名的“{{eventTheme}}”已审核通过。\n时间：{{eventDate}} {{eventTime}}\n地点：{{place}}\n参观项目：{{siteName}}\n\n您的参会凭证（二维码）：\n{{passUrl}}\n\n{{associationName}}',
    },
    'en-US': {
      subject: 'Registration approved: {{eventTheme}}',
      body: 'Dear {{name}},\n\nYour registration for "{{eventTheme}}" has been approved.\nDate: {{eventDate}} {{eventTime}}\nPlace: {{place}}\nSite: {{siteName}}\n\nYour personal pass (QR code):\n{{passUrl}}\n\n{{associationName}}',
    },
  },
  reminder: {
    'zh-CN': {
      subject: '明日活动提醒：{{eventTheme}}',
      body: '{{name}}，您好！\n\n提醒您：“{{eventTheme}}”将于明天举行。\n时间：{{eventDate}} {{eventTime}}\n地点：{{place}}\n参观项目：{{siteName}}\n\n注意事项：{{notes}}\n\n签到时请出示参会凭证（二维码）：\n{{passUrl}}\n\n{{associationName}}',
    },
    'en-US': {
      subject: 'Tomorrow: {{eventTheme}}',
      body: 'Dear {{name}},\n\nA reminder: "{{eventTheme}}" takes place tomorrow.\nDate: {{eventDate}} {{eventTime}}\nPlace: {{place}}\nSite: {{siteName}}\n\nPlease note: {{notes}}\n\nShow your pass (QR code) at check-in:\n{{passUrl}}\n\n{{associationName}}',
    },
  },
  agenda_changed: {
    'zh-CN': {
      subject: '议程调整：{{eventTheme}}',
      body: '{{name}}，您好！\n\n“{{eventTheme}}”（{{eventDate}}）的议程有调整：\n{{changes}}\n\n最新议程：{{eventUrl}}\n\n{{associationName}}',
    },
    'en-US': {
      subject: 'Agenda changed: {{eventTheme}}',
      body: 'Dear {{name}},\n\nThe agenda of "{{eventTheme}}" ({{eventDate}}) has changed:\n{{changes}}\n\nCurrent agenda: {{eventUrl}}\n\n{{associationName}}',
    },
  },
  cancelled: {
    'zh-CN': {
      subject: '活动取消通知：{{eventTheme}}',
      body: '{{name}}，您好！\n\n很抱歉地通知您，原定于 {{eventDate}} 举行的“{{eventTheme}}”已取消。\n原因：{{reason}}\n\n给您带来不便，敬请谅解。\n{{eventUrl}}\n\n{{associationName}}',
    },
    'en-US': {
      subject: 'Cancelled: {{eventTheme}}',
      body: 'Dear {{name}},\n\nWe regret to tell you that "{{eventTheme}}", planned for {{eventDate}}, has been cancelled.\nReason: {{reason}}\n\nWe apologise for the inconvenience.\n{{eventUrl}}\n\n{{associationName}}',
    },
  },
  survey_invite: {
    'zh-CN': {
      subject: '满意度调查：{{eventTheme}}',
      body: '{{name}}，您好！\n\n感谢您参加“{{eventTheme}}”观摩活动（{{eventDate}}）。为了把今后的活动办得更好，诚邀您花 3 分钟填写《{{surveyTitle}}》：\n{{surveyUrl}}\n\n调查结束前，您可以随时修改自己的回答。\n\n{{associationName}}',
    },
    'en-US': {
      subject: 'Your feedback please: {{eventTheme}}',
      body: 'Dear {{name}},\n\nThank you for joining "{{eventTheme}}" ({{eventDate}}). Please take three minutes to answer "{{surveyTitle}}" and help us make the next visit better:\n{{surveyUrl}}\n\nYou can change your answers until the survey closes.\n\n{{associationName}}',
    },
  },
  survey_reminder: {
    'zh-CN': {
      subject: '提醒：请填写“{{eventTheme}}”满意度调查',
      body: '{{name}}，您好！\n\n您还没有填写“{{eventTheme}}”（{{eventDate}}）的满意度调查《{{surveyTitle}}》。您的意见对我们改进活动非常重要，填写只需 3 分钟：\n{{surveyUrl}}\n\n如您已经填写，请忽略本消息。\n\n{{associationName}}',
    },
    'en-US': {
      subject: 'Reminder: your feedback on {{eventTheme}}',
      body: 'Dear {{name}},\n\nYou have not yet answered "{{surveyTitle}}" about "{{eventTheme}}" ({{eventDate}}). Your opinion helps us improve; it takes three minutes:\n{{surveyUrl}}\n\nIf you have already answered, please ignore this message.\n\n{{associationName}}',
    },
  },
  test: {
    'zh-CN': {
      subject: '观摩平台测试消息',
      body: '这是来自 {{associationName}} 观摩平台的测试消息，发送时间 {{sentAt}}。收到即表示通知渠道配置正确。',
    },
    'en-US': {
      subject: 'Guanmo test message',
      body: 'This is a test message from the Guanmo platform of {{associationName}}, sent at {{sentAt}}. If you can read it, the channel is set up correctly.',
    },
  },
};

/** Values used by the preview: realistic, from the seed's example visit. */
export const SAMPLE_VALUES: Record<Lang, Record<string, string>> = {
  'zh-CN': {
    name: '张伟',
    associationName: '示例市物业管理协会',
    eventTheme: '探寻智慧物业，共建美好家园',
    eventDate: '2026年11月27日（星期五）',
    eventTime: '13:30–17:00',
    place: '阳光花园营销中心（示例市示例区建设路88号）',
    siteName: '阳光花园',
    passUrl: 'https://guanmo.example.cn/pass/8f3k2m9q',
    eventUrl: 'https://guanmo.example.cn/e/2026-11-smart-property',
    waitlistPosition: '3',
    notes: '请着正装，遵守小区规定，拍照时注意保护业主隐私。',
    changes: '14:15–15:30 实地参观改为 14:20–15:35，路线增加“地下车库/充电桩”。',
    reason: '因台风预警，为保障参会人员安全，活动延期另行通知。',
    surveyTitle: '“探寻智慧物业，共建美好家园”观摩活动满意度调查',
    surveyUrl: 'https://guanmo.example.cn/p/8f3k2m9q/survey',
    sentAt: '2026-11-20 10:00',
  },
  'en-US': {
    name: 'Zhang Wei',
    associationName: 'Example City Property Management Association',
    eventTheme: 'Smart property services for better homes',
    eventDate: 'Friday, 27 November 2026',
    eventTime: '13:30–17:00',
    place: 'Sunshine Garden sales centre, 88 Jianshe Road',
    siteName: 'Sunshine Garden',
    passUrl: 'https://guanmo.example.cn/pass/8f3k2m9q',
    eventUrl: 'https://guanmo.example.cn/e/2026-11-smart-property',
    waitlistPosition: '3',
    notes: 'Business dress; follow the estate rules and respect residents’ privacy when taking photos.',
    changes: 'The tour moves from 14:15–15:30 to 14:20–15:35; the route adds the underground car park.',
    reason: 'A typhoon warning; the visit will be rescheduled.',
    surveyTitle: 'Satisfaction survey: Smart property services for better homes',
    surveyUrl: 'https://guanmo.example.cn/p/8f3k2m9q/survey',
    sentAt: '2026-11-20 10:00',
  },
};

const PLACEHOLDER_RE = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The placeholder names a template text uses that its message type does not know. */
export function unknownPlaceholders(type: MessageType, text: string): string[] {
  const allowed = new Set(PLACEHOLDERS[type]);
  const unknown = new Set<string>();
  for (const match of text.matchAll(PLACEHOLDER_RE)) {
    if (!allowed.has(match[1])) unknown.add(match[1]);
  }
  return [...unknown];
}

/** Fills `{{placeholder}}`s; a missing value becomes an empty string. */
export function renderText(text: string, values: Record<string, unknown>): string {
  return text.replace(PLACEHOLDER_RE, (_, name: string) => {
    const value = values[name];
    return value === undefined || value === null ? '' : String(value);
  });
}

export function renderTemplate(template: TemplateText, values: Record<string, unknown>): TemplateText {
  return {
    subject: renderText(template.subject, values).replace(/\s+/g, ' ').trim(),
    body: renderText(template.body, values),
  };
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A simple HTML e-mail body from the plain text: paragraphs, line breaks and clickable links. */
export function textToHtml(subject: string, body: string): string {
  const paragraphs = body
    .split(/\n{2,}/)
    .map((p) => escapeHtml(p).replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`))
    .map((p) => `<p style="margin:0 0 1em">${p.replace(/\n/g, '<br>')}</p>`)
    .join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body style="font-family:-apple-system,'PingFang SC','Microsoft YaHei',sans-serif;font-size:15px;line-height:1.6;color:#1f1f1f">\n${paragraphs}\n</body></html>`;
}

/** Markdown for the group robots: a heading and the body with hard line breaks. */
export function textToMarkdown(subject: string, body: string): string {
  return `### ${subject}\n\n${body.replace(/\n/g, '  \n')}`;
}

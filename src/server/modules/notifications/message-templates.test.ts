import { describe, expect, it } from 'vitest';
import { LANGS } from '../../../contract/common.js';
import { isHttpUrl, MESSAGE_TYPES } from '../../../contract/notifications.js';
import { hasKey } from '../../core/i18n.js';
import {
  DEFAULT_TEMPLATES,
  PLACEHOLDERS,
  renderTemplate,
  SAMPLE_VALUES,
  textToHtml,
  textToMarkdown,
  unknownPlaceholders,
} from './message-templates.js';
import { maskWebhookUrl } from './webhooks.js';

describe('built-in templates', () => {
  for (const type of MESSAGE_TYPES) {
    for (const lang of LANGS) {
      it(`${type} (${lang}) uses only its own placeholders, each with a sample value`, () => {
        const template = DEFAULT_TEMPLATES[type][lang];
        expect(unknownPlaceholders(type, template.subject + template.body)).toEqual([]);
        for (const name of PLACEHOLDERS[type]) expect(SAMPLE_VALUES[lang][name]).toBeTruthy();
      });
    }
    it(`${type} has a label in both languages`, () => {
      for (const lang of LANGS) expect(hasKey(lang, `enums.messageType.${type}`)).toBe(true);
    });
  }
});

describe('placeholders', () => {
  it('reports unknown names once each, tolerating spaces inside the braces', () => {
    expect(unknownPlaceholders('waitlisted', '{{ name }} {{passUrl}} {{passUrl}} {{}}')).toEqual([
      'passUrl',
      '',
    ]);
  });

  it('fills known placeholders and leaves missing values empty', () => {
    const out = renderTemplate(
      { subject: '报名成功：{{ eventTheme }}', body: '{{name}}，{{place}}。' },
      { name: '王芳', eventTheme: '打造有温度的社区' },
    );
    expect(out).toEqual({ subject: '报名成功：打造有温度的社区', body: '王芳，。' });
  });

  it('does not expand placeholders that appear inside a value', () => {
    const out = renderTemplate({ subject: 's', body: '{{name}}' }, { name: '{{passUrl}}', passUrl: 'x' });
    expect(out.body).toBe('{{passUrl}}');
  });
});

describe('formats', () => {
  it('escapes HTML in the e-mail body and links URLs', () => {
    const html = textToHtml('<b>', '张伟 <script>alert(1)</script>\n凭证 https://guanmo.test/pass/a?x=1&y=2');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('<title>&lt;b&gt;</title>');
    expect(html).toContain('<a href="https://guanmo.test/pass/a?x=1&amp;y=2">');
  });

  it('makes robot markdown with a heading and hard line breaks', () => {
    expect(textToMarkdown('标题', '第一行\n第二行')).toBe('### 标题\n\n第一行  \n第二行');
  });

  it('accepts only http(s) webhook URLs of bounded length', () => {
    expect(isHttpUrl('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc')).toBe(true);
    expect(isHttpUrl('ftp://example.com/x')).toBe(false);
    expect(isHttpUrl('javascript:alert(1)')).toBe(false);
    expect(isHttpUrl(`https://example.com/${'a'.repeat(1000)}`)).toBe(false);
  });

  it('masks the access token of a webhook URL', () => {
    expect(maskWebhookUrl('https://oapi.dingtalk.com/robot/send?access_token=abc123')).toBe(
      'https://oapi.dingtalk.com/robot/send?access_token=****',
    );
  });
});

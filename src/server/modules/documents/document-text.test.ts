import { describe, expect, it } from 'vitest';
import { chineseDate, chineseNumeral } from '../../core/documents/official-document.js';
import { agendaLineText, agendaSpan, dateWithWeekday, formatDateTime, noteItems } from './document-text.js';
import { wrapText } from './poster.js';

describe('document text', () => {
  it('numbers headings the Chinese way', () => {
    expect([1, 7, 10, 11, 20, 23].map(chineseNumeral)).toEqual(['一', '七', '十', '十一', '二十', '二十三']);
  });

  it('writes dates with Arabic numerals and no leading zeros', () => {
    expect(chineseDate('2026-01-07')).toBe('2026年1月7日');
    expect(dateWithWeekday('zh-CN', '2026-11-27')).toBe('2026年11月27日（星期五）');
  });

  it('reads a deadline in China time', () => {
    expect(formatDateTime('zh-CN', '2026-12-05T09:00:00Z')).toBe('2026年12月5日17:00');
  });

  it('prints an agenda line with its first note line and keeps further lines apart', () => {
    const line = agendaLineText('zh-CN', {
      start: '15:30',
      end: '16:30',
      type: 'sharing',
      title: '经验分享会',
      speaker: '张经理',
      place: null,
      notes: '返回会议室，进行专题分享。\n· 项目负责人介绍管理理念。',
    });
    expect(line.text).toBe('15:30-16:30 经验分享会：返回会议室，进行专题分享。（张经理）');
    expect(line.more).toEqual(['项目负责人介绍管理理念。']);
  });

  it('spans the agenda from the first start to the last end', () => {
    const item = { type: 'tour' as const, title: 'x', speaker: null, place: null, notes: null };
    expect(
      agendaSpan([
        { ...item, start: '14:00', end: '15:00' },
        { ...item, start: '13:30', end: '17:00' },
      ]),
    ).toBe('13:30-17:00');
    expect(agendaSpan([])).toBeNull();
  });

  it('splits notes into items without their list markers', () => {
    expect(noteItems('1. 着正装\n（二）遵守纪律\n\n· 注意隐私')).toEqual(['着正装', '遵守纪律', '注意隐私']);
  });

  it('wraps poster text by width and ellipses what does not fit', () => {
    expect(wrapText('探寻智慧物业，共建美好家园', 7, 3)).toEqual(['探寻智慧物业，', '共建美好家园']);
    expect(wrapText('一二三四五六七八九十', 3, 2)).toEqual(['一二三', '四五…']);
  });
});

import type { Lang } from '../../../contract/common.js';
import { chineseDate } from '../../core/documents/official-document.js';
import { t } from '../../core/i18n.js';
import type { AgendaLine, EventDocumentData } from './documents.types.js';

const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/** "2026-12-10" → "2026年12月10日（星期四）" / "Thursday, 10 December 2026". */
export function dateWithWeekday(lang: Lang, isoDate: string): string {
  const weekday = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return t(lang, 'documents.date_with_weekday', {
    date: formatDate(lang, isoDate),
    weekday: t(lang, `documents.weekday.${weekday}`),
  });
}

export function formatDate(lang: Lang, isoDate: string): string {
  if (lang === 'zh-CN') return chineseDate(isoDate);
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** An instant in China time: "2026年12月5日17:00". */
export function formatDateTime(lang: Lang, iso: string): string {
  const local = new Date(new Date(iso).getTime() + CHINA_OFFSET_MS).toISOString();
  return t(lang, 'documents.date_time', {
    date: formatDate(lang, local.slice(0, 10)),
    time: local.slice(11, 16),
  });
}

/** "13:30-17:00" from the first start to the last end of the agenda, or null without one. */
export function agendaSpan(agenda: AgendaLine[]): string | null {
  if (!agenda.length) return null;
  const start = agenda.map((a) => a.start).sort()[0];
  const end = agenda
    .map((a) => a.end)
    .sort()
    .at(-1)!;
  return start === end ? start : `${start}-${end}`;
}

/** The notes' first line and the speaker of an agenda item; further note lines separately. */
export function agendaDetail(lang: Lang, item: AgendaLine): { detail: string | null; more: string[] } {
  const [first, ...more] = (item.notes ?? '')
    .split('\n')
    .map((l) => l.replace(/^[·•\-\s]+/, '').trim())
    .filter(Boolean);
  // The seed's notes often name the speakers already ("协会领导、项目总经理简短发言").
  const speaker =
    item.speaker && !item.notes?.includes(item.speaker)
      ? t(lang, 'documents.agenda_speaker', { speaker: item.speaker })
      : '';
  const detail = [first, speaker].filter(Boolean).join('');
  return { detail: detail || null, more };
}

/** One agenda line as the notice prints it: "13:30-14:00 集合签到：在项目营销中心……". */
export function agendaLineText(lang: Lang, item: AgendaLine): { text: string; more: string[] } {
  const time = item.start === item.end ? item.start : `${item.start}-${item.end}`;
  const { detail, more } = agendaDetail(lang, item);
  const text = detail
    ? t(lang, 'documents.agenda_line', { time, title: item.title, detail })
    : `${time} ${item.title}`;
  return { text, more };
}

export function seriesTitlePrefix(lang: Lang, data: Pick<EventDocumentData, 'seriesLabel'>) {
  return data.seriesLabel ? t(lang, 'documents.series_prefix', { series: data.seriesLabel }) : '';
}

/** "入口大堂 → 智慧监控中心/设备房 → …" */
export const routeText = (stops: { name: string }[]) => stops.map((s) => s.name).join(' → ');

export function feeText(lang: Lang, fee: number) {
  return fee > 0
    ? t(lang, 'documents.notice.fee_paid', { fee: fee.toFixed(fee % 1 ? 2 : 0) })
    : t(lang, 'documents.notice.fee_free');
}

export function sitePlaceText(lang: Lang, site: { name: string; address: string | null }) {
  return site.address
    ? t(lang, 'documents.site_with_address', { name: site.name, address: site.address })
    : site.name;
}

/** A short introduction of a site: type, size, managing company, first sentences of the description. */
export function siteIntro(lang: Lang, site: EventDocumentData['sites'][number]): string {
  const parts = [t(lang, 'documents.site_type', { type: site.projectType })];
  if (site.households) parts.push(t(lang, 'documents.site_households', { count: site.households }));
  if (site.areaM2) parts.push(t(lang, 'documents.site_area', { area: Math.round(site.areaM2) }));
  if (site.managingCompany) parts.push(t(lang, 'documents.site_company', { company: site.managingCompany }));
  const facts = `${parts.join(t(lang, 'documents.list_separator'))}${t(lang, 'documents.sentence_end')}`;
  const description = shorten(site.description ?? '', 160);
  return description ? `${facts}${description}` : facts;
}

function shorten(text: string, max: number) {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const lastStop = Math.max(cut.lastIndexOf('。'), cut.lastIndexOf('. '));
  return lastStop > max / 2 ? cut.slice(0, lastStop + 1) : `${cut}…`;
}

/** Free-text notes split into items: one per line, list markers removed. */
export function noteItems(notes: string | null): string[] {
  return (notes ?? '')
    .split(/\n+/)
    .map((line) => line.replace(/^\s*(?:\d+[.、)]|[（(]?[一二三四五六七八九十]+[)）、]|[·•-])\s*/, '').trim())
    .filter(Boolean);
}

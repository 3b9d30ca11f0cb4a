import type { Lang } from '../../../contract/common.js';
import {
  chineseNumeral,
  type DocumentBlock,
  type OfficialDocument,
} from '../../core/documents/official-document.js';
import { t } from '../../core/i18n.js';
import {
  agendaLineText,
  agendaSpan,
  dateWithWeekday,
  feeText,
  formatDate,
  formatDateTime,
  noteItems,
  routeText,
  seriesTitlePrefix,
  siteIntro,
  sitePlaceText,
} from './document-text.js';
import type { NoticeData } from './documents.types.js';

const heading = (lang: Lang, n: number, key: string): DocumentBlock => ({
  kind: 'heading1',
  text: t(lang, 'documents.heading1', { n: lang === 'zh-CN' ? chineseNumeral(n) : n, title: t(lang, key) }),
});

/** The run-in 楷体 lead of a numbered item: "（一）学习先进经验。". */
const lead = (lang: Lang, n: number, text: string) =>
  t(lang, 'documents.heading2', { n: lang === 'zh-CN' ? chineseNumeral(n) : n, title: text });

export function noticeTitle(lang: Lang, data: Pick<NoticeData, 'theme' | 'seriesLabel'>) {
  return t(lang, 'documents.notice.title', { prefix: seriesTitlePrefix(lang, data), theme: data.theme });
}

/**
 * 正式通知: the formal notice of an event, section by section as associations write it
 * (活动目的, 时间和地点, 参观对象, 活动安排, 参加对象及费用, 报名方式, 注意事项, 联系人).
 */
export function buildNotice(lang: Lang, data: NoticeData, qrCode: Buffer): OfficialDocument {
  const blocks: DocumentBlock[] = [];
  const paragraph = (text: string, leadText?: string) =>
    blocks.push({ kind: 'paragraph', text, lead: leadText });
  const list = t(lang, 'documents.list_separator');
  let section = 0;
  const next = (key: string) => blocks.push(heading(lang, ++section, key));

  paragraph(
    t(lang, 'documents.notice.opening', {
      purpose: data.objectives.map((o) => o.label).join(list),
      association: data.associationName,
      date: formatDate(lang, data.eventDate),
      prefix: seriesTitlePrefix(lang, data),
      theme: data.theme,
    }),
  );

  next('documents.notice.h_purpose');
  data.objectives.forEach((objective, i) => {
    paragraph(objective.explanation, lead(lang, i + 1, objective.label + t(lang, 'documents.sentence_end')));
  });
  if (data.focusDimensions.length) {
    paragraph(t(lang, 'documents.notice.focus', { dimensions: data.focusDimensions.join(list) }));
  }

  next('documents.notice.h_time_place');
  const span = agendaSpan(data.agenda);
  paragraph(
    t(lang, 'documents.notice.time', {
      date: dateWithWeekday(lang, data.eventDate),
      span: span ? ` ${span}` : '',
      format: t(lang, `documents.format.${data.format}`),
    }),
    lead(lang, 1, t(lang, 'documents.notice.time_label')),
  );
  paragraph(
    data.sites.map((s) => sitePlaceText(lang, s)).join(list),
    lead(lang, 2, t(lang, 'documents.notice.place_label')),
  );
  if (data.meetingPoint)
    paragraph(data.meetingPoint, lead(lang, 3, t(lang, 'documents.notice.meeting_label')));

  next('documents.notice.h_sites');
  data.sites.forEach((site, i) => {
    paragraph(siteIntro(lang, site), lead(lang, i + 1, site.name + t(lang, 'documents.sentence_end')));
  });
  if (data.sites.length > 1) paragraph(t(lang, 'documents.notice.choose_site', { count: data.sites.length }));

  next('documents.notice.h_agenda');
  if (!data.agenda.length) paragraph(t(lang, 'documents.notice.agenda_pending'));
  for (const item of data.agenda) {
    const line = agendaLineText(lang, item);
    paragraph(line.text);
    for (const more of line.more) paragraph(more);
  }
  for (const route of data.route.filter((r) => r.stops.length)) {
    const label =
      data.route.length > 1
        ? t(lang, 'documents.route_of_site', { site: route.siteName })
        : t(lang, 'documents.route_label');
    paragraph(routeText(route.stops), label);
  }

  next('documents.notice.h_participants');
  paragraph(t(lang, 'documents.notice.participants', { capacity: data.capacity }));
  paragraph(feeText(lang, data.fee));

  next('documents.notice.h_registration');
  paragraph(
    t(lang, 'documents.notice.registration', {
      deadline: formatDateTime(lang, data.registrationDeadline),
      url: data.publicUrl,
    }),
  );
  blocks.push({ kind: 'image', png: qrCode, widthMm: 32, caption: t(lang, 'documents.qr_caption') });

  next('documents.notice.h_notes');
  const notes = noteItems(data.notes);
  (notes.length ? notes : [t(lang, 'documents.notice.default_notes')]).forEach((note, i) => {
    paragraph(`${i + 1}. ${note}`);
  });

  if (data.contactName || data.contactPhone) {
    blocks.push({ kind: 'blank' });
    paragraph(
      t(lang, 'documents.notice.contact', {
        name: data.contactName ?? '',
        phone: data.contactPhone ?? '',
      }).trim(),
    );
  }

  return {
    title: noticeTitle(lang, data),
    addressee: t(lang, 'documents.notice.addressee'),
    blocks,
    signature: { issuer: data.associationName, date: formatDate(lang, data.issuedOn) },
    meta: { author: data.associationName, subject: data.theme },
  };
}

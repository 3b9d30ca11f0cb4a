import type { Lang } from '../../../contract/common.js';
import {
  chineseNumeral,
  type DocumentBlock,
  type OfficialDocument,
} from '../../core/documents/official-document.js';
import { t } from '../../core/i18n.js';
import {
  agendaLineText,
  dateWithWeekday,
  formatDate,
  routeText,
  seriesTitlePrefix,
} from './document-text.js';
import type { HostBriefData } from './documents.types.js';

const heading = (lang: Lang, n: number, key: string): DocumentBlock => ({
  kind: 'heading1',
  text: t(lang, 'documents.heading1', { n: lang === 'zh-CN' ? chineseNumeral(n) : n, title: t(lang, key) }),
});

export function hostBriefTitle(lang: Lang, data: Pick<HostBriefData, 'theme' | 'seriesLabel'>) {
  return t(lang, 'documents.host_brief.title', { prefix: seriesTitlePrefix(lang, data), theme: data.theme });
}

/**
 * 给被参观方的说明: what the host needs to prepare — the agenda, who is coming (units and
 * positions), what they want to look at, their questions, and the route through the site.
 */
export function buildHostBrief(lang: Lang, data: HostBriefData): OfficialDocument {
  const blocks: DocumentBlock[] = [];
  const paragraph = (text: string, lead?: string) => blocks.push({ kind: 'paragraph', text, lead });
  const list = t(lang, 'documents.list_separator');
  const { attendees } = data;
  let section = 0;
  const next = (key: string) => blocks.push(heading(lang, ++section, key));

  paragraph(
    t(lang, 'documents.host_brief.opening', {
      association: data.associationName,
      date: dateWithWeekday(lang, data.eventDate),
      theme: data.theme,
    }),
  );

  next('documents.host_brief.h_agenda');
  if (!data.agenda.length) paragraph(t(lang, 'documents.notice.agenda_pending'));
  for (const item of data.agenda) paragraph(agendaLineText(lang, item).text);

  next('documents.host_brief.h_visitors');
  paragraph(t(lang, 'documents.host_brief.expected', { count: attendees.expected }));
  if (!attendees.registrationStarted) {
    paragraph(t(lang, 'documents.host_brief.not_started', { capacity: data.capacity }));
  } else {
    const table = (labelKey: string, rows: { label: string; count: number }[]) => {
      if (!rows.length) return;
      blocks.push({
        kind: 'table',
        header: [t(lang, labelKey), t(lang, 'documents.host_brief.count')],
        rows: rows.map((r) => [r.label, String(r.count)]),
        widths: [75, 25],
      });
    };
    table('documents.host_brief.by_unit_type', attendees.byUnitType);
    table('documents.host_brief.by_position', attendees.byPosition);
    if (attendees.units.length) {
      paragraph(attendees.units.join(list), t(lang, 'documents.host_brief.units_label'));
    }
  }

  next('documents.host_brief.h_focus');
  paragraph(
    data.focusDimensions.length
      ? t(lang, 'documents.host_brief.focus', { dimensions: data.focusDimensions.join(list) })
      : t(lang, 'documents.host_brief.focus_none'),
  );
  paragraph(t(lang, 'documents.host_brief.prepare'));

  next('documents.host_brief.h_questions');
  if (!attendees.questions.length) paragraph(t(lang, 'documents.host_brief.questions_none'));
  attendees.questions.forEach((q, i) => {
    paragraph(`${i + 1}. ${q}`);
  });

  next('documents.host_brief.h_route');
  const routes = data.route.filter((r) => r.stops.length);
  if (!routes.length) paragraph(t(lang, 'documents.host_brief.route_none'));
  for (const route of routes) {
    paragraph(routeText(route.stops), t(lang, 'documents.route_of_site', { site: route.siteName }));
    route.stops.forEach((stop, i) => {
      paragraph(t(lang, 'documents.host_brief.stop', { n: i + 1, name: stop.name, minutes: stop.minutes }));
    });
  }

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
    title: hostBriefTitle(lang, data),
    addressee: data.hostSite ? `${data.hostSite.name}${t(lang, 'documents.addressee_colon')}` : undefined,
    blocks,
    signature: { issuer: data.associationName, date: formatDate(lang, data.issuedOn) },
    meta: { author: data.associationName, subject: data.theme },
  };
}

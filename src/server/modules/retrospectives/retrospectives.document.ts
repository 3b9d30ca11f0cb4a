import type { Lang } from '../../../contract/common.js';
import type { RetrospectiveFigures } from '../../../contract/retrospectives.js';
import {
  chineseNumeral,
  type DocumentBlock,
  type OfficialDocument,
} from '../../core/documents/official-document.js';
import { t } from '../../core/i18n.js';
import { dateWithWeekday, formatDate } from '../documents/document-text.js';
import type { RetrospectiveDocumentData } from './retrospectives.export.js';

const DASH = '—';
const pct = (rate: number | null) => (rate === null ? DASH : `${(rate * 100).toFixed(1)}%`);
const num = (n: number | null) => (n === null ? DASH : String(n));

/** The figures as [label, value] rows, in the language of the document. */
export function figureRows(lang: Lang, f: RetrospectiveFigures): [string, string][] {
  const a = f.attendance;
  const o = f.observations;
  return [
    [
      t(lang, 'retrospectives.figures.registered'),
      t(lang, 'retrospectives.docx.registered_value', {
        n: a.registered,
        cancelled: a.cancelled,
        waitlisted: a.waitlisted,
        pending: a.pending,
      }),
    ],
    [
      t(lang, 'retrospectives.figures.confirmed'),
      t(lang, 'retrospectives.docx.confirmed_value', { n: a.confirmed, rate: pct(a.confirmedRate) }),
    ],
    [
      t(lang, 'retrospectives.figures.arrived'),
      t(lang, 'retrospectives.docx.arrived_value', { n: a.arrived, rate: pct(a.arrivalRate) }),
    ],
    [
      t(lang, 'retrospectives.figures.late'),
      a.late === null || a.lateAfter === null
        ? DASH
        : t(lang, 'retrospectives.docx.late_value', { n: a.late, rate: pct(a.lateRate), time: a.lateAfter }),
    ],
    [
      t(lang, 'retrospectives.figures.onTimeRate'),
      t(lang, 'retrospectives.docx.on_time_value', {
        rate: pct(f.agenda.onTimeRate),
        onTime: f.agenda.onTime,
        finished: f.agenda.finished,
      }),
    ],
    [
      t(lang, 'retrospectives.figures.totalOverrun'),
      t(lang, 'retrospectives.docx.minutes', { n: f.agenda.totalOverrunMinutes }),
    ],
    [
      t(lang, 'retrospectives.figures.observers'),
      t(lang, 'retrospectives.docx.observers_value', { n: o.observers, rate: pct(o.observerRate) }),
    ],
    [
      t(lang, 'retrospectives.figures.ratings'),
      t(lang, 'retrospectives.docx.per_attendee', { n: o.ratings, per: num(o.ratingsPerAttendee) }),
    ],
    [
      t(lang, 'retrospectives.figures.notes'),
      t(lang, 'retrospectives.docx.notes_value', {
        n: o.notes,
        per: num(o.notesPerAttendee),
        highlights: o.highlights,
        problems: o.problems,
        suggestions: o.suggestions,
      }),
    ],
    [
      t(lang, 'retrospectives.figures.photos'),
      t(lang, 'retrospectives.docx.per_attendee', { n: o.photos, per: num(o.photosPerAttendee) }),
    ],
    [
      t(lang, 'retrospectives.figures.questionsAsked'),
      t(lang, 'retrospectives.docx.asked_value', { n: f.qa.asked, votes: f.qa.votes }),
    ],
    [
      t(lang, 'retrospectives.figures.questionsAnswered'),
      t(lang, 'retrospectives.docx.answered_value', { n: f.qa.answered, rate: pct(f.qa.answeredRate) }),
    ],
    [
      t(lang, 'retrospectives.figures.responseRate'),
      f.survey.invited === 0 && f.survey.responses === 0
        ? t(lang, 'retrospectives.docx.survey_not_sent')
        : t(lang, 'retrospectives.docx.responses_value', {
            rate: pct(f.survey.responseRate),
            n: f.survey.responses,
            invited: f.survey.invited,
          }),
    ],
    [
      t(lang, 'retrospectives.figures.satisfaction'),
      f.survey.satisfactionAverage === null ? DASH : `${f.survey.satisfactionAverage.toFixed(2)} / 5`,
    ],
    [t(lang, 'retrospectives.figures.nps'), f.survey.nps === null ? DASH : String(f.survey.nps)],
  ];
}

/** Text split into paragraphs at line breaks; the "nothing written" line when empty. */
function paragraphs(lang: Lang, text: string | null): DocumentBlock[] {
  const lines = (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (!lines.length) return [{ kind: 'paragraph', text: t(lang, 'retrospectives.docx.empty') }];
  return lines.map((line) => ({ kind: 'paragraph', text: line }));
}

export function retrospectiveTitle(lang: Lang, theme: string) {
  return t(lang, 'retrospectives.docx.title', { theme });
}

/**
 * 活动复盘报告: the event in brief, the figures as a table, the organisers' notes (保持, 改进,
 * 总结) and the improvement actions as a table, in the association's official-document layout.
 */
export function buildRetrospectiveDocument(lang: Lang, data: RetrospectiveDocumentData): OfficialDocument {
  const { retro } = data;
  const blocks: DocumentBlock[] = [];
  let section = 0;
  const heading = (key: string) =>
    blocks.push({
      kind: 'heading1',
      text: t(lang, 'documents.heading1', {
        n: lang === 'zh-CN' ? chineseNumeral(++section) : ++section,
        title: t(lang, key),
      }),
    });
  const fact = (leadKey: string, text: string) =>
    blocks.push({ kind: 'paragraph', lead: t(lang, leadKey), text });

  heading('retrospectives.docx.h_event');
  fact('retrospectives.docx.theme', retro.theme);
  if (data.seriesLabel) fact('retrospectives.docx.series', data.seriesLabel);
  fact('retrospectives.docx.date', dateWithWeekday(lang, retro.eventDate));
  fact('retrospectives.docx.format', t(lang, `enums.eventFormat.${data.format}`));
  if (data.siteNames.length)
    fact('retrospectives.docx.sites', data.siteNames.join(t(lang, 'documents.list_separator')));
  fact('retrospectives.docx.capacity', String(data.capacity));

  heading('retrospectives.docx.h_figures');
  blocks.push({
    kind: 'table',
    header: [t(lang, 'retrospectives.docx.figure'), t(lang, 'retrospectives.docx.value')],
    rows: figureRows(lang, retro.figures),
    widths: [38, 62],
  });
  blocks.push({ kind: 'paragraph', text: t(lang, 'retrospectives.docx.figures_note') });

  heading('retrospectives.docx.h_keep');
  blocks.push(...paragraphs(lang, retro.notes.keep));
  heading('retrospectives.docx.h_improve');
  blocks.push(...paragraphs(lang, retro.notes.improve));
  heading('retrospectives.docx.h_summary');
  blocks.push(...paragraphs(lang, retro.notes.summary));

  heading('retrospectives.docx.h_actions');
  if (!retro.actions.length)
    blocks.push({ kind: 'paragraph', text: t(lang, 'retrospectives.docx.no_actions') });
  else
    blocks.push({
      kind: 'table',
      header: [
        t(lang, 'retrospectives.docx.number'),
        t(lang, 'retrospectives.actions.action'),
        t(lang, 'retrospectives.actions.owner'),
        t(lang, 'retrospectives.actions.dueDate'),
        t(lang, 'retrospectives.actions.status'),
      ],
      rows: retro.actions.map((action, i) => [
        String(i + 1),
        action.title,
        action.ownerName,
        formatDate(lang, action.dueDate),
        action.status === 'done'
          ? t(lang, 'retrospectives.actions.statusDone')
          : action.overdue
            ? t(lang, 'retrospectives.actions.statusOverdue')
            : t(lang, 'retrospectives.actions.statusOpen'),
      ]),
      widths: [8, 44, 18, 18, 12],
    });

  return {
    title: retrospectiveTitle(lang, retro.theme),
    blocks,
    signature: data.associationName
      ? { issuer: data.associationName, date: formatDate(lang, retro.today) }
      : undefined,
    meta: { author: data.associationName || 'Guanmo', subject: retro.theme },
  };
}

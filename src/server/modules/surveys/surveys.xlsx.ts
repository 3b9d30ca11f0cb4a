import ExcelJS from 'exceljs';
import type { Lang } from '../../../contract/common.js';
import type { AnswerValue, Question, StaffResponses, SurveyResults } from '../../../contract/surveys.js';
import { t } from '../../core/i18n.js';
import type { SurveyRow } from './surveys.audience.js';
import { allQuestions } from './surveys.results.js';

const chinaTime = (iso: string | null) =>
  iso ? new Date(new Date(iso).getTime() + 8 * 3600000).toISOString().slice(0, 16).replace('T', ' ') : '';
const percent = (v: number | null) => (v === null ? '' : `${Math.round(v * 1000) / 10}%`);

/** One question's answer as a cell (choices by their labels, a matrix row by itself). */
function cell(q: Question, value: AnswerValue | undefined, rowId?: string): string | number {
  if (value === undefined || value === null) return '';
  if (q.type === 'matrix') {
    const grid = value as Record<string, number>;
    return rowId && typeof grid[rowId] === 'number' ? grid[rowId] : '';
  }
  if (q.type === 'single') return q.options.find((o) => o.id === value)?.label ?? String(value);
  if (q.type === 'multiple' && Array.isArray(value))
    return value.map((id) => q.options.find((o) => o.id === id)?.label ?? id).join('、');
  return typeof value === 'number' || typeof value === 'string' ? value : '';
}

/**
 * Sheet 1: the summary (rate, satisfaction, NPS, every question's figures). Sheet 2: one row per
 * response — with name, unit and time unless the survey is anonymous, in which case the rows
 * carry only a running number (responses come in their random-id order, see surveys.staff.ts).
 */
export async function surveyXlsx(
  lang: Lang,
  survey: SurveyRow,
  eventTheme: string,
  results: SurveyResults,
  responses: StaffResponses,
) {
  const L = (key: string, params?: Record<string, unknown>) => t(lang, `surveyExport.${key}`, params);
  const workbook = new ExcelJS.Workbook();

  const summary = workbook.addWorksheet(L('summarySheet'));
  summary.columns = [{ width: 44 }, { width: 16 }, { width: 16 }, { width: 60 }];
  const rows: (string | number)[][] = [
    [L('event'), eventTheme],
    [L('survey'), results.title],
    [L('status'), L(`statuses.${results.status}`)],
    [L('anonymous'), results.anonymous ? L('yes') : L('no')],
    [L('invited'), results.invited],
    [L('responses'), results.responses],
    [L('responseRate'), percent(results.responseRate)],
    [L('satisfaction'), results.satisfactionAverage ?? ''],
    [L('nps'), results.nps?.score ?? ''],
  ];
  if (results.nps)
    rows.push([
      L('npsCounts'),
      L('npsDetail', {
        promoters: results.nps.promoters,
        passives: results.nps.passives,
        detractors: results.nps.detractors,
      }),
    ]);
  for (const row of rows) summary.addRow(row).getCell(1).font = { bold: true };
  summary.addRow([]);
  const header = summary.addRow([L('question'), L('answered'), L('average'), L('detail')]);
  header.font = { bold: true };
  for (const q of results.questions) {
    const average = 'average' in q && q.average !== null ? q.average : '';
    let detail = '';
    if (q.type === 'rating' || q.type === 'nps')
      detail = q.distribution.map((d) => `${d.value}: ${d.count}`).join('  ');
    if (q.type === 'nps')
      detail += `\n${L('nps')} ${q.nps.score ?? '—'} (${L('npsDetail', { promoters: q.nps.promoters, passives: q.nps.passives, detractors: q.nps.detractors })})`;
    if (q.type === 'single' || q.type === 'multiple')
      detail = q.options.map((o) => `${o.label}: ${o.count} (${percent(o.share)})`).join('\n');
    if (q.type === 'matrix')
      detail = q.rows.map((r) => `${r.label}: ${r.average ?? '—'} (${r.answered})`).join('\n');
    if (q.type === 'short_text' || q.type === 'long_text')
      detail = L('textAnswers', { count: q.answers.length });
    const row = summary.addRow([q.title, q.answered, average, detail]);
    row.alignment = { wrapText: true, vertical: 'top' };
  }

  const sheet = workbook.addWorksheet(L('responsesSheet'));
  const questions = allQuestions(survey.definition).map((x) => x.question);
  const columns: {
    header: string;
    width: number;
    value: (a: Record<string, AnswerValue>) => string | number;
  }[] = [];
  for (const q of questions) {
    if (q.type === 'matrix')
      for (const r of q.rows)
        columns.push({ header: `${q.title} — ${r.label}`, width: 14, value: (a) => cell(q, a[q.id], r.id) });
    else
      columns.push({
        header: q.title,
        width: q.type === 'long_text' ? 40 : 16,
        value: (a) => cell(q, a[q.id]),
      });
  }
  const who = responses.anonymous
    ? [{ header: '#', width: 6 }]
    : [
        { header: L('name'), width: 12 },
        { header: L('unit'), width: 28 },
        { header: L('submittedAt'), width: 18 },
      ];
  sheet.columns = [...who, ...columns.map((c) => ({ header: c.header, width: c.width }))];
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  responses.items.forEach((item, i) => {
    const first = responses.anonymous
      ? [i + 1]
      : [item.respondent?.name ?? '', item.respondent?.unitName ?? '', chinaTime(item.submittedAt)];
    sheet.addRow([...first, ...columns.map((c) => c.value(item.answers))]).alignment = { vertical: 'top' };
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

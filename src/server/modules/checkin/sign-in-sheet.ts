import ExcelJS from 'exceljs';
import type { Content, TableCell } from 'pdfmake/interfaces';
import { mm } from '../../core/documents/official-document.js';
import { renderPdf } from '../../core/documents/pdf.js';
import { type PrintPerson, sections } from './print.data.js';

export type SheetLabels = {
  title: string;
  columns: {
    no: string;
    name: string;
    unit: string;
    position: string;
    mobile: string;
    group: string;
    signature: string;
  };
  ungrouped: string;
  total: (n: number) => string;
};

/** Printed sheets show only the last four digits: they lie open on a table at the gate. */
const lastFour = (mobile: string | null) => (mobile ? `****${mobile.slice(-4)}` : '');

/** 签到表 as PDF: one table per group or unit, repeated headers, a wide signature column. */
export function signInSheetPdf(
  people: PrintPerson[],
  by: 'group' | 'unit',
  heading: { association: string; theme: string; date: string },
  labels: SheetLabels,
) {
  const c = labels.columns;
  const content: Content[] = [
    { text: heading.association, font: 'heiti', fontSize: 11, alignment: 'center' },
    {
      text: `${heading.theme} ${labels.title}`,
      font: 'heiti',
      fontSize: 16,
      alignment: 'center',
      margin: [0, 4, 0, 2],
    },
    {
      text: `${heading.date} · ${labels.total(people.length)}`,
      fontSize: 10,
      alignment: 'center',
      margin: [0, 0, 0, 10],
    },
  ];
  for (const [i, section] of sections(people, by, labels.ungrouped).entries()) {
    const header: TableCell[] = [
      c.no,
      c.name,
      c.unit,
      c.position,
      c.mobile,
      ...(by === 'unit' ? [c.group] : []),
      c.signature,
    ].map((text) => ({
      text,
      font: 'heiti',
      fillColor: '#eeeeee',
    }));
    const rows: TableCell[][] = section.people.map((p, n) => [
      String(n + 1),
      p.name,
      p.unitName,
      p.position ?? '',
      lastFour(p.mobile),
      ...(by === 'unit' ? [p.groupName ?? ''] : []),
      '',
    ]);
    content.push({ text: section.title, font: 'heiti', fontSize: 12, margin: [0, i ? 14 : 0, 0, 4] });
    content.push({
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: by === 'unit' ? [22, 52, '*', 60, 52, 60, 80] : [22, 60, '*', 70, 56, 100],
        heights: (row: number) => (row === 0 ? 16 : 26),
        body: [header, ...rows],
      },
      fontSize: 10,
    });
  }
  return renderPdf({
    pageSize: 'A4',
    pageMargins: [mm(15), mm(15), mm(15), mm(15)],
    defaultStyle: { font: 'songti', fontSize: 10 },
    content,
    footer: (page: number, pages: number) => ({
      text: `${page} / ${pages}`,
      alignment: 'center',
      fontSize: 9,
    }),
    info: { title: labels.title, creator: 'Guanmo' },
  });
}

/** 签到表 as XLSX: one worksheet per group or unit, ready to print. */
export async function signInSheetXlsx(people: PrintPerson[], by: 'group' | 'unit', labels: SheetLabels) {
  const workbook = new ExcelJS.Workbook();
  const c = labels.columns;
  const used = new Set<string>();
  for (const section of sections(people, by, labels.ungrouped)) {
    // Worksheet names: at most 31 characters, none of []:*?/\ , unique.
    let name = section.title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 28) || 'Sheet';
    while (used.has(name)) name = `${name.slice(0, 26)}-${used.size}`;
    used.add(name);
    const sheet = workbook.addWorksheet(name, {
      pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1 },
    });
    sheet.columns = [
      { header: c.no, width: 6 },
      { header: c.name, width: 12 },
      { header: c.unit, width: 32 },
      { header: c.position, width: 14 },
      { header: c.mobile, width: 12 },
      { header: c.group, width: 16 },
      { header: c.signature, width: 20 },
    ];
    sheet.getRow(1).font = { bold: true };
    section.people.forEach((p, i) => {
      const row = sheet.addRow([
        i + 1,
        p.name,
        p.unitName,
        p.position ?? '',
        lastFour(p.mobile),
        p.groupName ?? '',
        '',
      ]);
      row.height = 24;
    });
  }
  if (!used.size) workbook.addWorksheet(labels.title.slice(0, 31));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

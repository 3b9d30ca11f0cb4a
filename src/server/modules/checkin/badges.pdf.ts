import type { Content } from 'pdfmake/interfaces';
import { mm } from '../../core/documents/official-document.js';
import { renderPdf } from '../../core/documents/pdf.js';
import { qrPng } from '../../core/documents/qr.js';
import type { PrintPerson } from './print.data.js';

const BADGE_W = mm(95);
const BADGE_H = mm(65);
const PER_ROW = 2;
const ROWS = 4;

async function badge(p: PrintPerson, associationName: string, theme: string): Promise<Content> {
  const qr = `data:image/png;base64,${(await qrPng(p.passUrl, 240)).toString('base64')}`;
  return {
    stack: [
      { text: associationName, font: 'heiti', fontSize: 8, color: '#666666', margin: [0, 0, 0, 2] },
      { text: theme, font: 'heiti', fontSize: 8, color: '#1f4e79', margin: [0, 0, 0, mm(3)] },
      {
        columns: [
          {
            width: '*',
            stack: [
              { text: p.name, font: 'heiti', fontSize: p.name.length > 4 ? 22 : 28, margin: [0, 0, 0, 4] },
              { text: p.unitName, font: 'heiti', fontSize: 9, margin: [0, 0, 0, 2] },
              ...(p.position ? [{ text: p.position, font: 'heiti', fontSize: 9, color: '#444444' }] : []),
              ...(p.groupName
                ? [
                    {
                      text: `${p.siteName} · ${p.groupName}`,
                      font: 'heiti',
                      fontSize: 10,
                      color: '#c0392b',
                      margin: [0, 4, 0, 0] as [number, number, number, number],
                    },
                  ]
                : []),
            ],
          },
          { width: mm(24), image: qr, fit: [mm(24), mm(24)] },
        ],
      },
    ],
    margin: [mm(5), mm(5), mm(5), mm(3)],
  };
}

/**
 * 胸牌: A4 sheets of 2 × 4 badges (95 × 65 mm) with dashed cut lines, name large, unit, group and
 * the pass QR code (staff can scan a badge at check-in too).
 */
export async function badgesPdf(people: PrintPerson[], associationName: string, theme: string) {
  const cells = await Promise.all(people.map((p) => badge(p, associationName, theme)));
  const pages: Content[] = [];
  for (let start = 0; start < Math.max(cells.length, 1); start += PER_ROW * ROWS) {
    const slice = cells.slice(start, start + PER_ROW * ROWS);
    const body: Content[][] = [];
    for (let r = 0; r < ROWS; r++) {
      const row = slice.slice(r * PER_ROW, r * PER_ROW + PER_ROW);
      while (row.length < PER_ROW) row.push({ text: '' });
      body.push(row);
    }
    pages.push({
      table: { widths: [BADGE_W - 1, BADGE_W - 1], heights: BADGE_H - 1, body, dontBreakRows: true },
      layout: {
        hLineWidth: () => 0.5,
        vLineWidth: () => 0.5,
        hLineColor: () => '#999999',
        vLineColor: () => '#999999',
        hLineStyle: () => ({ dash: { length: 4, space: 3 } }),
        vLineStyle: () => ({ dash: { length: 4, space: 3 } }),
        paddingLeft: () => 0,
        paddingRight: () => 0,
        paddingTop: () => 0,
        paddingBottom: () => 0,
      },
      pageBreak: start > 0 ? 'before' : undefined,
    });
  }
  return renderPdf({
    pageSize: 'A4',
    pageMargins: [mm(10), mm(18), mm(10), mm(18)],
    defaultStyle: { font: 'heiti', fontSize: 10 },
    content: pages,
    info: { title: '胸牌', creator: 'Guanmo' },
  });
}

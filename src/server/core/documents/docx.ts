import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { TYPEFACES, type Typeface, ZIHAO } from './fonts.js';
import { type DocumentBlock, GBT9704, type OfficialDocument } from './official-document.js';

/** Word measures in twentieths of a point (twips); 1 mm = 56.69 twips. */
const twips = (mmValue: number) => Math.round((mmValue * 1440) / 25.4);
const halfPoints = (pt: number) => pt * 2;
const LINE = Math.round(GBT9704.linePitchPt * 20); // 28.99 pt → 580 twips ("固定值")
const CHAR = Math.round(GBT9704.charPitchPt * 20);

/** The same Chinese font for every script slot, so Word does not fall back to Calibri for digits. */
function font(face: Typeface) {
  const name = TYPEFACES[face].word;
  return { ascii: name, eastAsia: name, hAnsi: name, cs: name };
}

function run(text: string, face: Typeface, size: number = ZIHAO.san) {
  return new TextRun({ text, font: font(face), size: halfPoints(size) });
}

function line(
  text: string | TextRun[],
  face: Typeface,
  options: {
    indent?: boolean;
    alignment?: (typeof AlignmentType)[keyof typeof AlignmentType];
    right?: number;
  } = {},
) {
  return new Paragraph({
    children: typeof text === 'string' ? [run(text, face)] : text,
    alignment: options.alignment ?? AlignmentType.JUSTIFIED,
    indent: {
      ...(options.indent ? { firstLine: 2 * CHAR, firstLineChars: 200 } : {}),
      ...(options.right ? { right: options.right } : {}),
    },
  });
}

function table(block: Extract<DocumentBlock, { kind: 'table' }>) {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const cell = (text: string, header: boolean, column: number) =>
    new TableCell({
      ...(block.widths ? { width: { size: block.widths[column], type: WidthType.PERCENTAGE } } : {}),
      children: [
        new Paragraph({
          children: [run(text, header ? 'heiti' : 'fangsong', ZIHAO.si)],
          spacing: { line: 360, lineRule: LineRuleType.AUTO },
        }),
      ],
      borders: { top: border, bottom: border, left: border, right: border },
      margins: { left: 80, right: 80, top: 40, bottom: 40 },
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ children: block.header.map((h, i) => cell(h, true, i)), tableHeader: true }),
      ...block.rows.map(
        (row) => new TableRow({ children: row.map((c, i) => cell(c, false, i)), cantSplit: true }),
      ),
    ],
  });
}

function blockChildren(block: DocumentBlock): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading1':
      return [line(block.text, 'heiti', { indent: true })];
    case 'heading2':
      return [line(block.text, 'kaiti', { indent: true })];
    case 'paragraph':
      return [
        line(block.lead ? [run(block.lead, 'kaiti'), run(block.text, 'fangsong')] : block.text, 'fangsong', {
          indent: block.indent !== false,
        }),
      ];
    case 'blank':
      return [line('', 'fangsong')];
    case 'image': {
      const px = Math.round((block.widthMm / 25.4) * 96);
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { line: 240, lineRule: LineRuleType.AUTO },
          children: [
            new ImageRun({ type: 'png', data: block.png, transformation: { width: px, height: px } }),
          ],
        }),
        ...(block.caption
          ? [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [run(block.caption, 'fangsong', ZIHAO.si)],
              }),
            ]
          : []),
      ];
    }
    case 'table':
      return [table(block)];
  }
}

function pageNumberFooter(alignment: 'right' | 'left') {
  const face = font('songti');
  const size = halfPoints(ZIHAO.si);
  return new Footer({
    children: [
      new Paragraph({
        alignment: alignment === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: alignment === 'right' ? { right: CHAR } : { left: CHAR },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: face, size })],
      }),
    ],
  });
}

/** The GB/T 9704-2012 layout in Word: A4, 37/28 mm margins, 22 × 28 grid, "— n —" page numbers. */
export function officialDocumentDocx(doc: OfficialDocument): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: Math.round(LINE * 1.25), lineRule: LineRuleType.EXACT },
      children: [run(doc.title, 'xiaobiaosong', ZIHAO.er)],
    }),
    line('', 'fangsong'),
  ];
  if (doc.addressee) children.push(line(doc.addressee, 'fangsong'));
  children.push(...doc.blocks.flatMap(blockChildren));
  if (doc.signature) {
    const right = { alignment: AlignmentType.RIGHT, right: 4 * CHAR };
    children.push(
      line('', 'fangsong'),
      line(doc.signature.issuer, 'fangsong', right),
      line(doc.signature.date, 'fangsong', right),
    );
  }
  const document = new Document({
    creator: doc.meta.author,
    title: doc.title,
    subject: doc.meta.subject,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: font('fangsong'), size: halfPoints(ZIHAO.san) },
          paragraph: { spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: twips(GBT9704.pageWidth), height: twips(GBT9704.pageHeight) },
            margin: {
              top: twips(GBT9704.marginTop),
              bottom: twips(GBT9704.marginBottom),
              left: twips(GBT9704.marginLeft),
              right: twips(GBT9704.marginRight),
              // The page number line sits 7 mm under the text block.
              footer: twips(GBT9704.marginBottom - GBT9704.pageNumberGap) - Math.round(ZIHAO.si * 20 * 1.3),
            },
          },
          grid: {
            type: DocumentGridType.LINES_AND_CHARS,
            linePitch: LINE,
            // (desired character pitch − 16 pt) × 4096: 28 characters a line.
            charSpace: Math.round((GBT9704.charPitchPt - ZIHAO.san) * 4096),
          },
        },
        footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}

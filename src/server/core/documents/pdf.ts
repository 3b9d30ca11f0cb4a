import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import pdfmake from 'pdfmake';
import type { Content, TableCell, TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces';
import {
  assertPdfFontsInstalled,
  FONT_FILES,
  pdfFontDictionary,
  TYPEFACES,
  type Typeface,
  ZIHAO,
} from './fonts.js';
import {
  type DocumentBlock,
  GBT9704,
  mm,
  type OfficialDocument,
  pageNumberText,
} from './official-document.js';

/**
 * pdfmake measures a run as glyphs + spacing × (length − 1), but PDF applies character spacing
 * after every glyph, and pdfmake lays out CJK text one character per run — so negative spacing
 * was never measured and a 28-character line overflowed the 156 mm block. Measure what PDF draws.
 */
const TextInlines = createRequire(import.meta.url)('pdfmake/js/TextInlines.js').default;
TextInlines.prototype.widthOfText = function widthOfText(
  text: string,
  inline: {
    font: { widthOfString(t: string, size: number, features?: unknown): number };
    fontSize: number;
    fontFeatures?: unknown;
    characterSpacing?: number;
  },
) {
  return (
    inline.font.widthOfString(text, inline.fontSize, inline.fontFeatures) +
    (inline.characterSpacing ?? 0) * text.length
  );
};

const FONT_FILE_SET = new Set<string>(Object.values(FONT_FILES));
// pdfmake may read nothing but our font files and never fetch a URL.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((file) => FONT_FILE_SET.has(file));

let fontsLoaded = false;
/**
 * Reading the four font collections (~90 MB) for every document cost more than laying it out and
 * churned the garbage collector; they are read once, on the first render, and kept in pdfmake's
 * in-memory file system (the same Buffer is handed to pdfkit each time, no copy).
 */
function loadFontsOnce() {
  if (fontsLoaded) return;
  // pdfmake's Node build exposes its virtual file system; its types only describe the browser API.
  const vfs = (pdfmake as unknown as { virtualfs: { writeFileSync(name: string, data: Buffer): void } })
    .virtualfs;
  for (const file of FONT_FILE_SET) vfs.writeFileSync(file, readFileSync(file));
  fontsLoaded = true;
}

/** Renders any pdfmake document definition with the CJK fonts available. */
export async function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  assertPdfFontsInstalled();
  loadFontsOnce();
  // setFonts and createPdf run back to back (no await between): concurrent renders cannot mix.
  // A .ttc entry is [file, PostScript name], which pdfmake supports but its types do not.
  pdfmake.setFonts(pdfFontDictionary() as unknown as TFontDictionary);
  return pdfmake.createPdf(definition).getBuffer();
}

/** lineHeight factor that puts every line of `face` at `size` on the 22-lines-a-page grid. */
function gridLine(face: Typeface, size: number, lines = 1) {
  return (GBT9704.linePitchPt * lines) / (TYPEFACES[face].pdf.heightPerEm * size);
}

/**
 * Style of running text: 28 characters per line, so each 16 pt glyph sits in a 15.79 pt cell
 * (negative character spacing, as Word's character grid does).
 */
function textStyle(face: Typeface, size: number = ZIHAO.san) {
  return {
    font: face,
    fontSize: size,
    lineHeight: gridLine(face, size),
    characterSpacing: GBT9704.charPitchPt - size,
  };
}

const INDENT = 2 * GBT9704.charPitchPt;

function blockContent(block: DocumentBlock): Content {
  switch (block.kind) {
    case 'heading1':
      return { text: block.text, ...textStyle('heiti'), leadingIndent: INDENT };
    case 'heading2':
      return { text: block.text, ...textStyle('kaiti'), leadingIndent: INDENT };
    case 'paragraph':
      return {
        text: block.lead ? [{ text: block.lead, font: 'kaiti' }, block.text] : block.text,
        ...textStyle('fangsong'),
        alignment: 'justify',
        leadingIndent: block.indent === false ? 0 : INDENT,
      };
    case 'blank':
      return { text: ' ', ...textStyle('fangsong') };
    case 'image':
      return {
        stack: [
          { image: `data:image/png;base64,${block.png.toString('base64')}`, width: mm(block.widthMm) },
          ...(block.caption ? [{ text: block.caption, ...textStyle('fangsong', ZIHAO.si) }] : []),
        ],
        alignment: 'center',
        unbreakable: true,
      };
    case 'table':
      return tableContent(block);
  }
}

function tableContent(block: Extract<DocumentBlock, { kind: 'table' }>): Content {
  const cell = (text: string, header: boolean): TableCell => ({
    text,
    font: header ? 'heiti' : 'fangsong',
    fontSize: ZIHAO.si,
    lineHeight: 1.1,
    margin: [2, 3, 2, 3],
  });
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: block.widths?.map((w) => `${w}%`) ?? block.header.map(() => '*'),
      body: [
        block.header.map((h) => cell(h, true)),
        ...block.rows.map((row) => row.map((c) => cell(c, false))),
      ],
    },
    layout: {
      hLineWidth: () => 0.5,
      vLineWidth: () => 0.5,
    },
    margin: [0, 4, 0, 8],
  };
}

/** The GB/T 9704-2012 layout: A4, 37/28 mm margins, 156 × 225 mm text, "— n —" page numbers. */
export function officialDocumentDefinition(doc: OfficialDocument): TDocumentDefinitions {
  const charPitch = GBT9704.charPitchPt;
  const content: Content[] = [
    {
      text: doc.title,
      ...textStyle('xiaobiaosong', ZIHAO.er),
      characterSpacing: 0,
      lineHeight: gridLine('xiaobiaosong', ZIHAO.er, 1.25),
      alignment: 'center',
    },
    { text: ' ', ...textStyle('fangsong') },
  ];
  if (doc.addressee) content.push({ text: doc.addressee, ...textStyle('fangsong') });
  content.push(...doc.blocks.map(blockContent));
  if (doc.signature) {
    const right = {
      ...textStyle('fangsong'),
      alignment: 'right' as const,
      margin: [0, 0, 4 * GBT9704.charPitchPt, 0] as [number, number, number, number],
    };
    content.push(
      { text: ' ', ...textStyle('fangsong') },
      { text: doc.signature.issuer, ...right },
      { text: doc.signature.date, ...right },
    );
  }
  return {
    pageSize: 'A4',
    pageMargins: [
      mm(GBT9704.marginLeft),
      mm(GBT9704.marginTop),
      mm(GBT9704.marginRight),
      mm(GBT9704.marginBottom),
    ],
    info: { title: doc.title, author: doc.meta.author, subject: doc.meta.subject, creator: 'Guanmo' },
    defaultStyle: { font: 'fangsong', fontSize: ZIHAO.san },
    content,
    // 4号 page numbers 7 mm under the text block: odd pages right, even pages left, one character in.
    footer: (page) => ({
      text: pageNumberText(page),
      font: 'fangsong', // the same Noto Serif face as 宋体: one embedded font less
      fontSize: ZIHAO.si,
      alignment: page % 2 === 1 ? 'right' : 'left',
      margin: [
        mm(GBT9704.marginLeft) + charPitch,
        mm(GBT9704.pageNumberGap),
        mm(GBT9704.marginRight) + charPitch,
        0,
      ],
    }),
  };
}

export function officialDocumentPdf(doc: OfficialDocument): Promise<Buffer> {
  return renderPdf(officialDocumentDefinition(doc));
}

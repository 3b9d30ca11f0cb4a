import { existsSync } from 'node:fs';
import { AppError } from '../errors.js';

/**
 * The typefaces of a Chinese official document (GB/T 9704-2012) and what stands in for each:
 * a DOCX names the Windows fonts Word users expect; a PDF embeds the nearest free fonts of
 * Debian's `fonts-noto-cjk` and `fonts-arphic-ukai` (subset by pdfkit, so only used glyphs ship).
 */
export type Typeface = 'fangsong' | 'xiaobiaosong' | 'heiti' | 'kaiti' | 'songti';

const NOTO_DIR = process.env.GUANMO_NOTO_CJK_DIR ?? '/usr/share/fonts/opentype/noto';
const ARPHIC_DIR = process.env.GUANMO_ARPHIC_DIR ?? '/usr/share/fonts/truetype/arphic';

export const FONT_FILES = {
  serifRegular: `${NOTO_DIR}/NotoSerifCJK-Regular.ttc`,
  serifBold: `${NOTO_DIR}/NotoSerifCJK-Bold.ttc`,
  sansRegular: `${NOTO_DIR}/NotoSansCJK-Regular.ttc`,
  kai: `${ARPHIC_DIR}/ukai.ttc`,
} as const;

type PdfFace = {
  file: string;
  /** PostScript name of the face inside the .ttc collection. */
  postscriptName: string;
  /** (ascender − descender) / em as pdfkit computes a line's height, measured from the font. */
  heightPerEm: number;
};

export const TYPEFACES: Record<Typeface, { word: string; pdf: PdfFace }> = {
  fangsong: {
    word: '仿宋_GB2312',
    pdf: { file: FONT_FILES.serifRegular, postscriptName: 'NotoSerifCJKsc-Regular', heightPerEm: 1.437 },
  },
  xiaobiaosong: {
    word: '方正小标宋简体',
    pdf: { file: FONT_FILES.serifBold, postscriptName: 'NotoSerifCJKsc-Bold', heightPerEm: 1.437 },
  },
  heiti: {
    word: '黑体',
    pdf: { file: FONT_FILES.sansRegular, postscriptName: 'NotoSansCJKsc-Regular', heightPerEm: 1.448 },
  },
  kaiti: {
    word: '楷体_GB2312',
    pdf: { file: FONT_FILES.kai, postscriptName: 'UKaiCN', heightPerEm: 1.1035 },
  },
  songti: {
    word: '宋体',
    pdf: { file: FONT_FILES.serifRegular, postscriptName: 'NotoSerifCJKsc-Regular', heightPerEm: 1.437 },
  },
};

/** Chinese type sizes (字号) in points. */
export const ZIHAO = { er: 22, san: 16, si: 14, xiaosi: 12 } as const;

/** Font families in the CSS/SVG sense, for the poster rendered through fontconfig. */
export const SVG_FONT_FAMILY = {
  serif: "'Noto Serif CJK SC', 'Noto Serif SC', serif",
  sans: "'Noto Sans CJK SC', 'Noto Sans SC', sans-serif",
} as const;

let checked = false;
/** Throws a clear 503 when the CJK fonts are not installed, instead of a blank or broken PDF. */
export function assertPdfFontsInstalled() {
  if (checked) return;
  const missing = Object.values(FONT_FILES).filter((file) => !existsSync(file));
  if (missing.length) throw new AppError('documents.fonts_missing', 503, { files: missing.join(', ') });
  checked = true;
}

/** pdfmake's font dictionary; a fresh object each time because pdfmake rewrites it in place. */
export function pdfFontDictionary() {
  const dictionary: Record<string, { normal: [string, string]; bold: [string, string] }> = {};
  for (const [name, face] of Object.entries(TYPEFACES)) {
    dictionary[name] = {
      normal: [face.pdf.file, face.pdf.postscriptName],
      bold: [face.pdf.file, face.pdf.postscriptName],
    };
  }
  return dictionary;
}

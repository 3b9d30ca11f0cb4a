/**
 * One model of a Chinese official-style document (公文), rendered to PDF (pdf.ts) and DOCX
 * (docx.ts) with the layout of GB/T 9704-2012. Builders (the notice, the host brief) produce it
 * from event data; the renderers know nothing about events.
 */
export type DocumentBlock =
  /** First-level heading, 3号黑体, e.g. "一、活动目的". */
  | { kind: 'heading1'; text: string }
  /** Second-level heading, 3号楷体, e.g. "（一）智慧化与科技应用". */
  | { kind: 'heading2'; text: string }
  /**
   * Body text, 3号仿宋, first line indented two characters unless `indent` is false. A `lead` is a
   * run-in second-level heading in 楷体 before the text, e.g. "（一）学习先进经验。".
   */
  | { kind: 'paragraph'; text: string; lead?: string; indent?: boolean }
  /** A picture (e.g. the registration QR code), centred, with an optional caption under it. */
  | { kind: 'image'; png: Buffer; widthMm: number; caption?: string }
  /** A simple grid in 4号仿宋; the first row is the header; widths in percent of the text width. */
  | { kind: 'table'; header: string[]; rows: string[][]; widths?: number[] }
  /** One empty line of the grid. */
  | { kind: 'blank' };

export type OfficialDocument = {
  title: string;
  /** 主送机关, e.g. "各会员单位：" — flush left under the title. */
  addressee?: string;
  blocks: DocumentBlock[];
  /** 发文机关署名 and 成文日期 at the end, right-aligned with four characters' space. */
  signature?: { issuer: string; date: string };
  /** PDF/DOCX metadata. */
  meta: { author: string; subject?: string };
};

const MM_TO_PT = 72 / 25.4;
export const mm = (value: number) => value * MM_TO_PT;

/** GB/T 9704-2012 page geometry, in millimetres. */
export const GBT9704 = {
  pageWidth: 210,
  pageHeight: 297,
  marginTop: 37,
  marginLeft: 28,
  textWidth: 156,
  textHeight: 225,
  linesPerPage: 22,
  charsPerLine: 28,
  /** The page number's dash line sits 7 mm under the text block. */
  pageNumberGap: 7,
  get marginRight() {
    return this.pageWidth - this.marginLeft - this.textWidth;
  },
  get marginBottom() {
    return this.pageHeight - this.marginTop - this.textHeight;
  },
  /** Distance between two baselines: 225 mm / 22 lines ≈ 28.99 pt. */
  get linePitchPt() {
    return mm(this.textHeight) / this.linesPerPage;
  },
  /** Width of one character cell: 156 mm / 28 ≈ 15.79 pt. */
  get charPitchPt() {
    return mm(this.textWidth) / this.charsPerLine;
  },
} as const;

const DIGITS = '〇一二三四五六七八九';
/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (enough for headings and 第n期). */
export function chineseNumeral(n: number): string {
  if (n < 10) return DIGITS[n];
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  return String(n);
}

/** "2026-11-27" → "2026年11月27日" (Arabic numerals, no leading zeros, as GB/T 9704 asks). */
export function chineseDate(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The page number text: "— 1 —". */
export const pageNumberText = (page: number) => `— ${page} —`;

import sharp from 'sharp';
import type { Lang } from '../../../contract/common.js';
import { SVG_FONT_FAMILY } from '../../core/documents/fonts.js';
import { qrSvgGroup } from '../../core/documents/qr.js';
import { t } from '../../core/i18n.js';
import type { PosterData } from './documents.types.js';

/** Poster size in pixels: 2:3, sharp enough for WeChat moments and a printed A4. */
export const POSTER = { width: 1080, height: 1620 } as const;
const PAD = 90;

const escapeXml = (s: string) =>
  s.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!,
  );

/** Width of a character in ems: CJK and full-width forms are square, Latin about half. */
const charEm = (c: string) =>
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u201c\u201d\u2014]/.test(
    c,
  )
    ? 1
    : 0.56;

/** Breaks text into lines of at most `maxEm` ems, at most `maxLines` lines (the last one ellipsed). */
export function wrapText(text: string, maxEm: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  let width = 0;
  for (const c of [...text.trim()]) {
    const w = charEm(c);
    if (width + w > maxEm && line) {
      lines.push(line);
      line = '';
      width = 0;
      if (c === ' ') continue;
    }
    line += c;
    width += w;
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = `${kept[maxLines - 1].slice(0, -1)}…`;
    return kept;
  }
  return lines;
}

function textLines(lines: string[], x: number, y: number, size: number, lineHeight: number, attrs: string) {
  return lines
    .map(
      (l, i) =>
        `<text x="${x}" y="${y + i * lineHeight}" font-size="${size}" ${attrs}>${escapeXml(l)}</text>`,
    )
    .join('');
}

/** The poster as SVG: theme, date and place, the association, and a QR code to the event page. */
export async function posterSvg(lang: Lang, data: PosterData): Promise<string> {
  const { width, height } = POSTER;
  const inner = width - 2 * PAD;
  const sans = `font-family="${SVG_FONT_FAMILY.sans}"`;
  const serif = `font-family="${SVG_FONT_FAMILY.serif}"`;
  const themeSize = 84;
  const themeLines = wrapText(`“${data.theme}”`, inner / themeSize, 4);
  const themeTop = 420;
  const cardTop = themeTop + themeLines.length * themeSize * 1.3 + 60;
  const whenLines = wrapText(data.when, (inner - 80) / 40, 2);
  const placeLines = wrapText(data.place, (inner - 80) / 40, 3);
  const placeTop = cardTop + 150 + whenLines.length * 54;
  const qrSize = 300;
  const qrTop = height - 230 - qrSize;
  const qr = await qrSvgGroup(data.url, (width - qrSize) / 2, qrTop, qrSize);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<defs><linearGradient id="bg" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#0b3a82"/><stop offset="1" stop-color="#1667d9"/></linearGradient></defs>
<rect width="${width}" height="${height}" fill="url(#bg)"/>
<circle cx="${width - 60}" cy="120" r="260" fill="#ffffff" fill-opacity="0.06"/>
<circle cx="40" cy="${height - 520}" r="200" fill="#ffffff" fill-opacity="0.05"/>
${textLines(wrapText(data.associationName, inner / 40, 1), PAD, 150, 40, 50, `${sans} fill="#dbe7ff"`)}
${textLines([data.seriesLabel ? `${data.seriesLabel} · ${t(lang, 'documents.poster.subtitle')}` : t(lang, 'documents.poster.subtitle')], PAD, 260, 60, 70, `${sans} font-weight="bold" fill="#ffd666"`)}
<rect x="${PAD}" y="300" width="120" height="8" fill="#ffd666"/>
${textLines(themeLines, PAD, themeTop + themeSize, themeSize, themeSize * 1.3, `${serif} font-weight="bold" fill="#ffffff"`)}
<rect x="${PAD}" y="${cardTop}" width="${inner}" height="${qrTop - cardTop - 40}" rx="24" fill="#ffffff" fill-opacity="0.12"/>
${textLines([t(lang, 'documents.poster.time')], PAD + 40, cardTop + 70, 32, 40, `${sans} fill="#ffd666"`)}
${textLines(whenLines, PAD + 40, cardTop + 124, 40, 54, `${sans} fill="#ffffff"`)}
${textLines([t(lang, 'documents.poster.place')], PAD + 40, placeTop, 32, 40, `${sans} fill="#ffd666"`)}
${textLines(placeLines, PAD + 40, placeTop + 54, 40, 54, `${sans} fill="#ffffff"`)}
<rect x="${(width - qrSize) / 2 - 16}" y="${qrTop - 16}" width="${qrSize + 32}" height="${qrSize + 32}" rx="16" fill="#ffffff"/>
${qr}
${textLines([t(lang, 'documents.poster.scan')], width / 2, qrTop + qrSize + 70, 34, 40, `${sans} fill="#ffffff" text-anchor="middle"`)}
${textLines(wrapText(t(lang, 'documents.poster.organizer', { association: data.associationName }), inner / 30, 1), width / 2, height - 70, 30, 36, `${sans} fill="#dbe7ff" text-anchor="middle"`)}
</svg>`;
}

export async function renderPoster(lang: Lang, data: PosterData): Promise<Buffer> {
  const svg = await posterSvg(lang, data);
  return sharp(Buffer.from(svg), { density: 72 }).png({ compressionLevel: 9, palette: false }).toBuffer();
}

import QRCode from 'qrcode';

const OPTIONS = { errorCorrectionLevel: 'M', margin: 1 } as const;

/** A PNG QR code of `text`, `widthPx` wide (for PDFs and DOCX). */
export function qrPng(text: string, widthPx = 360): Promise<Buffer> {
  return QRCode.toBuffer(text, { ...OPTIONS, type: 'png', width: widthPx });
}

/** The QR code as an SVG <path> group of `size` units, to embed in another SVG (the poster). */
export async function qrSvgGroup(text: string, x: number, y: number, size: number): Promise<string> {
  const svg = await QRCode.toString(text, { ...OPTIONS, type: 'svg' });
  const viewBox = /viewBox="0 0 (\d+) (\d+)"/.exec(svg);
  const modules = viewBox ? Number(viewBox[1]) : 1;
  const inner = svg.replace(/^[\s\S]*?<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '');
  const scale = size / modules;
  return `<g transform="translate(${x} ${y}) scale(${scale})" shape-rendering="crispEdges">${inner}</g>`;
}

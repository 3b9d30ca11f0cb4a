import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/** The pass QR, drawn on the phone (works offline once the page is loaded). */
export function QrCode({ text, label, size = 280 }: { text: string; label: string; size?: number }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toString(text, {
      type: 'svg',
      margin: 2,
      errorCorrectionLevel: 'M',
      color: { dark: '#000000', light: '#ffffff' },
    })
      .then((markup) => live && setSvg(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`))
      .catch(() => live && setSvg(null));
    return () => {
      live = false;
    };
  }, [text]);
  if (!svg)
    return <div style={{ width: Math.min(size, 240), height: Math.min(size, 240) }} aria-hidden="true" />;
  return <img src={svg} alt={label} width={size} height={size} data-testid="pass-qr" />;
}

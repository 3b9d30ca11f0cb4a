import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/** The join QR code, black on white with a quiet zone: scannable across a room. */
export function ScreenQr({ text, label }: { text: string; label: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toString(text, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' })
      .then((svg) => live && setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`))
      .catch(() => live && setSrc(null));
    return () => {
      live = false;
    };
  }, [text]);
  return src ? (
    <img className="qs-qr" src={src} alt={label} data-testid="qa-screen-qr" />
  ) : (
    <div className="qs-qr" aria-hidden="true" />
  );
}

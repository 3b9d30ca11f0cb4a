import { useState } from 'react';
import { useTranslation } from '../i18n.js';
import type { Pass } from '../types.js';
import { QrCode } from './QrCode.js';

/**
 * The pass QR with who it belongs to. `compact` (once checked in): a small QR beside the name that
 * opens to full size, since staff may still scan it (a group check-in, a check at a gate).
 */
export function PassQrCard({ pass, url, compact }: { pass: Pass; url: string; compact: boolean }) {
  const { t, lang } = useTranslation();
  const [open, setOpen] = useState(false);
  const r = pass.registration;
  const active = r.status !== 'cancelled';
  const who = (
    <>
      <div className="who" data-testid="pass-name">
        {r.name}
      </div>
      <div className="muted">{[r.unitName, r.position].filter(Boolean).join(' · ')}</div>
    </>
  );

  if (compact && !open) {
    return (
      <section className="card qr-mini" aria-label={t('attendee.pass.title')} data-testid="pass-qr-card">
        <button
          type="button"
          className="qr-thumb"
          aria-label={t('attendee.pass.qrShow')}
          onClick={() => setOpen(true)}
        >
          <QrCode text={url} label={t('attendee.pass.qrLabel')} size={96} />
        </button>
        <div className="qr-mini-text">
          {who}
          <div className="hint">{t('attendee.pass.qrMini')}</div>
          <button
            type="button"
            className="btn btn-small"
            data-testid="pass-qr-show"
            onClick={() => setOpen(true)}
          >
            {t('attendee.pass.qrShow')}
          </button>
        </div>
      </section>
    );
  }

  return (
    <section
      className={`card qr${active ? '' : ' dim'}`}
      aria-label={t('attendee.pass.title')}
      data-testid="pass-qr-card"
    >
      <QrCode text={url} label={t('attendee.pass.qrLabel')} />
      {who}
      <div>
        {t('attendee.pass.site')}
        {lang === 'zh-CN' ? '：' : ': '}
        <b>{r.siteName}</b>
      </div>
      <div className="hint">
        {!active
          ? t('attendee.pass.inactive')
          : compact
            ? t('attendee.pass.qrMini')
            : t('attendee.pass.showAtCheckin')}
      </div>
      {compact ? (
        <button
          type="button"
          className="btn btn-small"
          data-testid="pass-qr-hide"
          onClick={() => setOpen(false)}
        >
          {t('attendee.pass.qrHide')}
        </button>
      ) : null}
    </section>
  );
}

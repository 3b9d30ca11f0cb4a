import { useTranslation } from '../i18n.js';
import { liveLinksFor } from '../live-links.js';
import type { Pass } from '../types.js';

/** 活动中: where attendees find what to do on the day (entries come from live-links.ts). */
export function LiveSection({ pass, token }: { pass: Pass; token: string }) {
  const { t } = useTranslation();
  const links = liveLinksFor(pass);
  return (
    <section className="card live" data-testid="pass-live" aria-labelledby="live-title">
      <h2 id="live-title">{t('attendee.live.title')}</h2>
      {links.length ? (
        <div className="actions">
          {links.map((link) => (
            <a key={link.key} className="btn" href={link.href(token)}>
              {t(link.labelKey)}
            </a>
          ))}
        </div>
      ) : (
        <p className="muted" style={{ margin: 0 }}>
          {t('attendee.live.soon')}
        </p>
      )}
    </section>
  );
}

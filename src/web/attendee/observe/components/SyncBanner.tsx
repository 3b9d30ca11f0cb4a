import { useState } from 'react';
import { formatDateTime } from '../../format.js';
import { useTranslation } from '../../i18n.js';
import type { LocalRecord } from '../records.js';
import type { ObserveState, ObserveStore } from '../store.js';

/** "N 条未发送", offline state, sync progress, and the records the server refused. */
export function SyncBanner({ state, store }: { state: ObserveState; store: ObserveStore }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const pending = state.records.length;
  const stuck = state.records.filter((r) => r.state === 'error');
  if (!pending && state.online) return null;
  const progress = state.progress;
  const fraction = progress ? (progress.done + (progress.photo ?? 0)) / Math.max(1, progress.total) : null;
  return (
    <div className={`sync${state.online ? '' : ' offline'}`} data-testid="sync-banner" role="status">
      <div className="sync-line">
        <span>
          {!state.online ? `${t('attendee.observe.offline')} · ` : ''}
          {pending ? (
            <b data-testid="unsent-count">{t('attendee.observe.unsent', { count: pending })}</b>
          ) : (
            t('attendee.observe.allSent')
          )}
          {!state.online && state.fetchedAt ? (
            <span className="muted">
              {' '}
              · {t('attendee.observe.cachedAt', { at: formatDateTime(state.fetchedAt) })}
            </span>
          ) : null}
        </span>
        {pending && !state.syncing ? (
          <button type="button" className="btn btn-small" onClick={() => void store.sync()}>
            {t('attendee.observe.sendNow')}
          </button>
        ) : null}
      </div>
      {fraction !== null ? (
        <div
          className="bar"
          role="progressbar"
          aria-label={t('attendee.observe.sending')}
          aria-valuenow={Math.round(fraction * 100)}
          aria-valuemin={0}
          aria-valuemax={100}
        >
          <span style={{ width: `${Math.round(fraction * 100)}%` }} />
        </div>
      ) : null}
      {stuck.length ? (
        <div className="stuck">
          <button type="button" className="linkish" onClick={() => setOpen(!open)}>
            {t('attendee.observe.stuck', { count: stuck.length })}
          </button>
          {open ? (
            <ul>
              {stuck.map((r) => (
                <li key={r.id}>
                  <span>
                    {recordLabel(r, t)}: <span className="error-text">{r.error}</span>
                  </span>
                  <span className="stuck-actions">
                    <button type="button" className="btn btn-small" onClick={() => void store.retry(r.id)}>
                      {t('attendee.observe.retry')}
                    </button>
                    <button
                      type="button"
                      className="btn btn-small danger"
                      onClick={() => void store.discard(r.id)}
                    >
                      {t('attendee.observe.discard')}
                    </button>
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function recordLabel(r: LocalRecord, t: (key: string) => string) {
  return t(`attendee.observe.recordTypes.${r.type}`);
}

import { useEffect } from 'react';
import type { SharedView } from '../../../../contract/observations.js';
import { useTranslation } from '../../i18n.js';
import { useObserve } from '../context.js';
import { SubmitCard } from './SubmitCard.js';

/**
 * 大家的发现: other attendees' shared notes and the group's scores, by dimension, once the attendee
 * has scored in that dimension (or submitted) — first impressions stay their own.
 */
export function SharedPanel({ shared, online }: { shared: SharedView | null; online: boolean }) {
  const { t } = useTranslation();
  const { store, card } = useObserve();
  useEffect(() => {
    void store.refreshShared();
  }, [store]);
  if (!shared)
    return (
      <p className="card muted">{online ? t('attendee.loading') : t('attendee.observe.sharedOffline')}</p>
    );
  const open = new Set(shared.openDimensionIds);
  const dimensions = shared.aggregate.dimensions.filter((d) => open.has(d.dimensionId));
  const closed = card.template.dimensions.filter((d) => !open.has(d.id));
  return (
    <>
      {closed.length && !shared.submitted ? (
        <p className="alert info">{t('attendee.observe.sharedLocked', { count: closed.length })}</p>
      ) : null}
      {dimensions.length ? (
        <section className="card">
          <h2>{t('attendee.observe.groupScores', { count: shared.aggregate.raters })}</h2>
          <ul className="dim-bars">
            {dimensions.map((d) => (
              <li key={d.dimensionId}>
                <span>{d.name}</span>
                <span className="bar">
                  <span style={{ width: `${Math.round(d.percent ?? 0)}%` }} />
                </span>
                <b>{d.percent === null ? '—' : Math.round(d.percent)}</b>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="card">
        <h2>{t('attendee.observe.sharedNotes', { count: shared.notes.length })}</h2>
        {shared.notes.length ? (
          <ul className="notes shared-notes">
            {shared.notes.map((n) => (
              <li key={n.id} className="note" data-testid="shared-note">
                <span className={`kind kind-${n.kind}`}>{t(`attendee.observe.kindsShort.${n.kind}`)}</span>
                <span className="note-body">
                  <span className="note-text">{n.text || t('attendee.observe.noText')}</span>
                  {n.photos.length ? (
                    <span className="thumbs">
                      {n.photos.map((p) => (
                        <a key={p.id} href={p.url} target="_blank" rel="noreferrer">
                          <img src={p.thumbUrl} alt="" loading="lazy" />
                        </a>
                      ))}
                    </span>
                  ) : null}
                </span>
                {n.mine ? (
                  <span className="muted mine">{t('attendee.observe.mine')}</span>
                ) : (
                  <button
                    type="button"
                    className={`plus1${n.votedByMe ? ' on' : ''}`}
                    aria-pressed={n.votedByMe}
                    disabled={card.event.readOnly}
                    onClick={() => void store.vote(n.id, !n.votedByMe)}
                  >
                    {t('attendee.observe.plusOne')} {n.votes ? n.votes : ''}
                  </button>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('attendee.observe.noSharedNotes')}</p>
        )}
      </section>
      {card.event.readOnly ? null : <SubmitCard />}
    </>
  );
}

import { useTranslation } from '../../i18n.js';
import { useObserve } from '../context.js';
import type { ViewNote } from '../records.js';

/** The attendee's own notes, compact; a tap opens one for editing. */
export function NoteList({ notes, showPlace }: { notes: ViewNote[]; showPlace?: boolean }) {
  const { t } = useTranslation();
  const { openNote, points, card } = useObserve();
  if (!notes.length) return null;
  return (
    <ul className="notes">
      {notes.map((n) => {
        const point = n.pointId ? points.get(n.pointId)?.point.title : null;
        const stop = n.routeStopId ? card.stops.find((s) => s.id === n.routeStopId)?.name : null;
        return (
          <li key={n.id}>
            <button
              type="button"
              className="note"
              data-testid="my-note"
              onClick={() => openNote({ noteId: n.id })}
            >
              <span className={`kind kind-${n.kind}`}>{t(`attendee.observe.kindsShort.${n.kind}`)}</span>
              <span className="note-body">
                {showPlace && (point || stop) ? (
                  <span className="muted place">{[stop, point].filter(Boolean).join(' · ')}</span>
                ) : null}
                <span className="note-text">{n.text || t('attendee.observe.noText')}</span>
                {n.photos.length ? (
                  <span className="thumbs">
                    {n.photos.map((p) => (
                      <img key={p.id} src={p.thumbUrl} alt="" loading="lazy" />
                    ))}
                  </span>
                ) : null}
                <span className="muted meta-line">
                  {n.shared ? t('attendee.observe.sharedOn') : t('attendee.observe.private')}
                  {n.votes ? ` · +1 × ${n.votes}` : ''}
                  {n.error ? (
                    <span className="error-text"> · {n.error}</span>
                  ) : n.unsent ? (
                    ` · ${t('attendee.observe.unsentShort')}`
                  ) : null}
                </span>
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

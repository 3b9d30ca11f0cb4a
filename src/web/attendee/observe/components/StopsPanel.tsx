import { useState } from 'react';
import type { TemplatePoint } from '../../../../contract/templates.js';
import { useTranslation } from '../../i18n.js';
import { useObserve } from '../context.js';
import { currentStopId, progressOf, reportedStopId, stopsInOrder } from '../progress.js';
import { NoteList } from './NoteList.js';
import { PointCard } from './PointCard.js';
import { ProgressBar } from './ProgressBar.js';

/**
 * The route: the current stop first and open, then the others in route order. The current stop is
 * where the guide reported the group, and follows the next report live; without one it is chosen
 * once (scoring a stop does not move it away under the attendee's finger).
 */
export function StopsPanel() {
  const { t } = useTranslation();
  const { card, view, points, openNote, readOnly } = useObserve();
  const reported = reportedStopId(card);
  const [firstId] = useState(() => currentStopId(card, view, points));
  const currentId = reported ?? firstId;
  const [openIds, setOpenIds] = useState<Set<string>>(() => new Set(currentId ? [currentId] : []));
  // A new report opens the group's new stop; what the attendee opened stays open.
  const [seenReport, setSeenReport] = useState(reported);
  if (reported !== seenReport) {
    setSeenReport(reported);
    if (reported) setOpenIds((ids) => new Set(ids).add(reported));
  }
  if (!card.stops.length) return <p className="card muted">{t('attendee.observe.noRoute')}</p>;
  const ordered = stopsInOrder(card.stops, currentId);
  const currentLabel =
    reported && card.group
      ? t('attendee.observe.groupHere', { group: card.group.name })
      : t('attendee.observe.current');
  const toggle = (id: string) =>
    setOpenIds((ids) => {
      const next = new Set(ids);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <>
      {ordered.map((stop) => {
        const refs = stop.pointIds.map((id) => points.get(id)).filter((r) => !!r);
        const progress = progressOf(
          refs.map((r) => r.point as TemplatePoint),
          view,
        );
        const open = openIds.has(stop.id);
        const stopNotes = view.notes.filter((n) => n.routeStopId === stop.id && !n.pointId);
        return (
          <section
            key={stop.id}
            className={`card stop${stop.id === currentId ? ' current' : ''}`}
            data-testid="stop"
            data-current={stop.id === currentId ? (reported ? 'reported' : 'first') : undefined}
          >
            <button type="button" className="stop-head" aria-expanded={open} onClick={() => toggle(stop.id)}>
              <span className="stop-no">{stop.position + 1}</span>
              <span className="stop-name">
                <b>{stop.name}</b>
                <span className="muted">
                  {stop.id === currentId ? `${currentLabel} · ` : ''}
                  {t('attendee.observe.minutes', { n: stop.minutes })} ·{' '}
                  {t('attendee.observe.progress', { done: progress.answered, total: progress.total })}
                </span>
              </span>
              <span className="chevron" aria-hidden="true">
                {open ? '▾' : '▸'}
              </span>
            </button>
            <ProgressBar progress={progress} />
            {open ? (
              <div className="stop-body">
                {stop.guideNotes ? <p className="muted guide-notes">{stop.guideNotes}</p> : null}
                {refs.map(({ point, dimension }) => (
                  <PointCard
                    key={point.id}
                    point={point}
                    dimension={dimension}
                    routeStopId={stop.id}
                    showDimension
                  />
                ))}
                <div className="stop-notes">
                  <button
                    type="button"
                    className="btn btn-small"
                    disabled={readOnly}
                    onClick={() => openNote({ pointId: null, routeStopId: stop.id, kind: 'highlight' })}
                  >
                    + {t('attendee.observe.stopNote')}
                  </button>
                  <NoteList notes={stopNotes} />
                </div>
              </div>
            ) : null}
          </section>
        );
      })}
    </>
  );
}

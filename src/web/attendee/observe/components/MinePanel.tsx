import { useTranslation } from '../../i18n.js';
import { useObserve } from '../context.js';
import { NoteList } from './NoteList.js';
import { SubmitCard } from './SubmitCard.js';

/** Everything the attendee recorded: scores and notes, each editable until the event is completed. */
export function MinePanel({ goTo }: { goTo: (pointId: string) => void }) {
  const { t } = useTranslation();
  const { card, view, points } = useObserve();
  const scored = [...view.observations.values()]
    .filter((o) => o.na || o.score !== null)
    .map((o) => ({ o, ref: points.get(o.pointId) }))
    .filter((x) => !!x.ref);
  return (
    <>
      <section className="card">
        <h2>{t('attendee.observe.myNotes', { count: view.notes.length })}</h2>
        {view.notes.length ? (
          <NoteList notes={view.notes} showPlace />
        ) : (
          <p className="muted">{t('attendee.observe.noNotes')}</p>
        )}
      </section>
      <section className="card">
        <h2>{t('attendee.observe.myScores', { count: scored.length })}</h2>
        {scored.length ? (
          <ul className="scores">
            {scored.map(({ o, ref }) => (
              <li key={o.pointId}>
                <button type="button" className="linkish" onClick={() => goTo(o.pointId)}>
                  {ref!.point.title}
                </button>
                <span className="score-value">
                  {o.na ? t('attendee.observe.na') : formatScore(ref!.point.scheme, o.score, t)}
                  {o.unsent ? <span className="tag unsent">{t('attendee.observe.unsentShort')}</span> : null}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('attendee.observe.noScores')}</p>
        )}
      </section>
      {card.event.readOnly ? null : <SubmitCard />}
    </>
  );
}

function formatScore(
  scheme: string,
  score: number | null,
  t: (k: string, p?: Record<string, number>) => string,
) {
  if (score === null) return '—';
  if (scheme === 'stars_1_5') return '★'.repeat(score);
  if (scheme === 'yes_no_na') return score ? t('attendee.observe.yes') : t('attendee.observe.no');
  return t('attendee.observe.pointsValue', { n: score });
}

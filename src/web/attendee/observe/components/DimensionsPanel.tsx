import { useState } from 'react';
import { useTranslation } from '../../i18n.js';
import { useObserve } from '../context.js';
import { progressOf } from '../progress.js';
import { PointCard, QuestionAnswer } from './PointCard.js';
import { ProgressBar } from './ProgressBar.js';

/** Every point of the template, by dimension (also those no route stop lists). */
export function DimensionsPanel({ focusPointId }: { focusPointId?: string | null }) {
  const { t } = useTranslation();
  const { card, view, store, readOnly, points } = useObserve();
  const [openId, setOpenId] = useState<string | null>(
    focusPointId ? (points.get(focusPointId)?.dimension.id ?? null) : null,
  );
  return (
    <>
      {card.template.dimensions.map((dimension) => {
        const progress = progressOf(dimension.points, view);
        const open = openId === dimension.id;
        // Answers to a dimension's own questions are kept on the observation of its first point.
        const holder = dimension.points[0];
        const answers = holder ? (view.observations.get(holder.id)?.answers ?? []) : [];
        return (
          <section key={dimension.id} className="card stop" data-testid="dimension">
            <button
              type="button"
              className="stop-head"
              aria-expanded={open}
              onClick={() => setOpenId(open ? null : dimension.id)}
            >
              <span className="stop-name">
                <b>{dimension.name}</b>
                <span className="muted">
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
                {dimension.description ? <p className="muted">{dimension.description}</p> : null}
                {holder && dimension.questions.length ? (
                  <details className="questions" open>
                    <summary>
                      {t('attendee.observe.dimensionQuestions', { count: dimension.questions.length })}
                    </summary>
                    {dimension.questions.map((q) => {
                      const answer = answers.find((a) => a.questionId === q.id);
                      return (
                        <QuestionAnswer
                          key={q.id}
                          question={q.text}
                          text={answer?.text ?? ''}
                          sentToQa={answer?.sentToQa ?? false}
                          disabled={readOnly}
                          onChange={(text, sentToQa) => void store.setAnswer(holder.id, q.id, text, sentToQa)}
                        />
                      );
                    })}
                  </details>
                ) : null}
                {dimension.points.map((point) => (
                  <PointCard key={point.id} point={point} dimension={dimension} routeStopId={null} />
                ))}
              </div>
            ) : null}
          </section>
        );
      })}
    </>
  );
}

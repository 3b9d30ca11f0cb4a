import { useEffect, useRef, useState } from 'react';
import type { NoteKind } from '../../../../contract/observations.js';
import type { TemplateDimension, TemplatePoint } from '../../../../contract/templates.js';
import { useTranslation } from '../../i18n.js';
import { useObserve } from '../context.js';
import { LIMITS } from '../limits.js';
import { isAnswered } from '../records.js';
import { NoteList } from './NoteList.js';
import { ScoreInput } from './ScoreInput.js';

export const NOTE_KINDS_SHOWN: NoteKind[] = ['highlight', 'problem', 'suggestion'];

/** One observation point: score, N/A, notes by kind, guiding questions with answers. */
export function PointCard({
  point,
  dimension,
  routeStopId,
  showDimension,
}: {
  point: TemplatePoint;
  dimension: TemplateDimension;
  routeStopId: string | null;
  showDimension?: boolean;
}) {
  const { t } = useTranslation();
  const { store, view, readOnly, openNote } = useObserve();
  const observation = view.observations.get(point.id);
  const notes = view.notes.filter((n) => n.pointId === point.id);
  const done = isAnswered(observation);
  const answers = observation?.answers ?? [];
  return (
    <article className={`point${done ? ' done' : ''}`} data-testid="point" data-point-id={point.id}>
      <header>
        <h3>{point.title}</h3>
        {showDimension ? <span className="tag">{dimension.name}</span> : null}
        {point.checkMethod === 'documents' ? (
          <span className="tag">{t('attendee.observe.documents')}</span>
        ) : null}
        {observation?.unsent ? (
          <span className="tag unsent" title={t('attendee.observe.unsentItem')}>
            {t('attendee.observe.unsentShort')}
          </span>
        ) : null}
      </header>
      {point.hint ? <p className="muted hint-text">{point.hint}</p> : null}
      {point.deductionRule ? <p className="muted hint-text">{point.deductionRule}</p> : null}
      <ScoreInput
        point={point}
        value={{ score: observation?.score ?? null, na: observation?.na ?? false }}
        disabled={readOnly}
        onChange={(score, na) => void store.setScore(point.id, score, na)}
      />
      <div className="note-buttons">
        {NOTE_KINDS_SHOWN.map((kind) => (
          <button
            key={kind}
            type="button"
            className={`btn btn-small kind-${kind}`}
            disabled={readOnly}
            onClick={() => openNote({ pointId: point.id, routeStopId, kind })}
          >
            + {t(`attendee.observe.kinds.${kind}`)}
          </button>
        ))}
      </div>
      <NoteList notes={notes} />
      {point.questions.length ? (
        <details className="questions">
          <summary>{t('attendee.observe.questions', { count: point.questions.length })}</summary>
          {point.questions.map((q) => {
            const answer = answers.find((a) => a.questionId === q.id);
            return (
              <QuestionAnswer
                key={q.id}
                question={q.text}
                text={answer?.text ?? ''}
                sentToQa={answer?.sentToQa ?? false}
                disabled={readOnly}
                onChange={(text, sentToQa) => void store.setAnswer(point.id, q.id, text, sentToQa)}
              />
            );
          })}
        </details>
      ) : null}
    </article>
  );
}

/** A guiding question: an answer box and "send to Q&A". Typing is saved shortly after it pauses. */
export function QuestionAnswer({
  question,
  text,
  sentToQa,
  disabled,
  onChange,
}: {
  question: string;
  text: string;
  sentToQa: boolean;
  disabled: boolean;
  onChange: (text: string, sentToQa: boolean) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(text);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef({ draft, sentToQa, onChange });
  latest.current = { draft, sentToQa, onChange };
  const typing = useRef(false);
  useEffect(() => {
    if (!typing.current) setDraft(text);
  }, [text]);
  useEffect(
    () => () => {
      if (timer.current) {
        clearTimeout(timer.current);
        latest.current.onChange(latest.current.draft, latest.current.sentToQa);
      }
    },
    [],
  );
  const flush = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    typing.current = false;
    onChange(latest.current.draft, latest.current.sentToQa);
  };
  return (
    <div className="question">
      <label>
        <span className="q">{question}</span>
        <textarea
          className="input"
          rows={2}
          value={draft}
          disabled={disabled}
          maxLength={LIMITS.answerText}
          placeholder={t('attendee.observe.answerPlaceholder')}
          onChange={(e) => {
            typing.current = true;
            setDraft(e.target.value);
            if (timer.current) clearTimeout(timer.current);
            timer.current = setTimeout(flush, 500);
          }}
          onBlur={() => timer.current && flush()}
        />
      </label>
      <label className="check small">
        <input
          type="checkbox"
          checked={sentToQa}
          disabled={disabled}
          onChange={(e) => onChange(draft, e.target.checked)}
        />
        <span>{t('attendee.observe.sendToQa')}</span>
      </label>
    </div>
  );
}

import type { AnswerValue, Question } from '../../../../contract/surveys.js';
import { nextSingleChoice, oneLine, rangeOf } from '../answers.js';
import { TEXT_LIMITS } from '../limits.js';
import { useSurveyText } from '../text.js';
import { ScaleButtons, ScaleEnds } from './ScaleButtons.js';

type Props<Q extends Question> = {
  question: Q;
  value: AnswerValue | undefined;
  disabled?: boolean;
  onChange: (value: AnswerValue) => void;
  describedBy?: string;
};

const npsTone = (n: number) => (n <= 6 ? 'sv-detractor' : n <= 8 ? 'sv-passive' : 'sv-promoter');

function Stars({ question, value, disabled, onChange }: Props<Extract<Question, { type: 'rating' }>>) {
  const t = useSurveyText();
  const current = typeof value === 'number' ? value : 0;
  return (
    <>
      <div className="sv-stars">
        {[1, 2, 3, 4, 5].map((n) => (
          <button
            key={n}
            type="button"
            className={`sv-star${n <= current ? ' on' : ''}`}
            aria-pressed={current === n}
            aria-label={t('attendee.survey.stars', { n })}
            disabled={disabled}
            onClick={() => onChange(current === n ? null : n)}
            data-testid={`survey-star-${question.id}-${n}`}
          >
            ★
          </button>
        ))}
        {current ? (
          <span className="sv-star-value">{t('attendee.survey.starsValue', { n: current })}</span>
        ) : null}
      </div>
      <ScaleEnds low={question.lowLabel} high={question.highLabel} />
    </>
  );
}

function Choices({
  question,
  value,
  disabled,
  onChange,
}: Props<Extract<Question, { type: 'single' | 'multiple' }>>) {
  const t = useSurveyText();
  const multiple = question.type === 'multiple';
  const chosen = multiple ? (Array.isArray(value) ? value : []) : typeof value === 'string' ? [value] : [];
  const max = question.type === 'multiple' ? question.maxChoices : 1;
  const full = multiple && max !== null && chosen.length >= max;
  const toggle = (id: string) =>
    onChange(chosen.includes(id) ? chosen.filter((c) => c !== id) : [...chosen, id]);
  // A radio fires no change when tapped while checked: the click clears an optional answer.
  const pick = (id: string) => onChange(nextSingleChoice(question.required, chosen[0], id));
  return (
    <>
      {multiple ? (
        <div className="sv-hint">
          {max !== null ? t('attendee.survey.chooseUpTo', { max }) : t('attendee.survey.chooseAny')}
        </div>
      ) : null}
      <div className="sv-options">
        {question.options.map((o) => {
          const on = chosen.includes(o.id);
          return (
            <label
              key={o.id}
              className={`sv-option${on ? ' on' : ''}${disabled || (full && !on) ? ' off' : ''}`}
            >
              <input
                type={multiple ? 'checkbox' : 'radio'}
                name={`sv-${question.id}`}
                checked={on}
                disabled={disabled || (full && !on)}
                onChange={multiple ? () => toggle(o.id) : () => {}}
                onClick={multiple ? undefined : () => pick(o.id)}
                data-testid={`survey-option-${question.id}-${o.id}`}
              />
              <span>{o.label || '—'}</span>
            </label>
          );
        })}
      </div>
      {!multiple && !question.required && chosen.length && !disabled ? (
        <button
          type="button"
          className="sv-clear"
          onClick={() => onChange(null)}
          data-testid={`survey-clear-${question.id}`}
        >
          {t('attendee.survey.clearChoice')}
        </button>
      ) : null}
    </>
  );
}

function Matrix({ question, value, disabled, onChange }: Props<Extract<Question, { type: 'matrix' }>>) {
  const t = useSurveyText();
  const grid = value && typeof value === 'object' && !Array.isArray(value) ? value : {};
  const { min, max } = rangeOf(question)!;
  const set = (rowId: string, n: number | null) => {
    const next = { ...grid };
    if (n === null) delete next[rowId];
    else next[rowId] = n;
    onChange(Object.keys(next).length ? next : null);
  };
  return (
    <div className="sv-matrix">
      {question.lowLabel || question.highLabel ? (
        <div className="sv-hint">
          {t('attendee.survey.scaleMeaning', {
            min,
            low: question.lowLabel ?? '',
            max,
            high: question.highLabel ?? '',
          })}
        </div>
      ) : null}
      {question.rows.map((row) => {
        const v = typeof grid[row.id] === 'number' ? grid[row.id] : null;
        return (
          <div
            className={`sv-row${v !== null ? ' done' : ''}`}
            key={row.id}
            data-testid={`survey-row-${question.id}-${row.id}`}
          >
            <div className="sv-row-label">{row.label || '—'}</div>
            <ScaleButtons
              min={min}
              max={max}
              value={v}
              disabled={disabled}
              label={(n) => t('attendee.survey.rowValue', { row: row.label, n })}
              onChange={(n) => set(row.id, n)}
              testId={`survey-matrix-${question.id}-${row.id}`}
            />
          </div>
        );
      })}
    </div>
  );
}

/** The control of one question, by type; values follow the contract's answerValueSchema. */
export function QuestionInput(props: Props<Question>) {
  const t = useSurveyText();
  const { question: q, value, disabled, onChange, describedBy } = props;
  switch (q.type) {
    case 'rating': {
      if (q.style === 'stars') return <Stars {...props} question={q} />;
      const { min, max } = rangeOf(q)!;
      return (
        <>
          <ScaleButtons
            min={min}
            max={max}
            value={typeof value === 'number' ? value : null}
            disabled={disabled}
            label={(n) => t('attendee.survey.points', { n })}
            onChange={onChange}
            testId={`survey-scale-${q.id}`}
          />
          <ScaleEnds low={q.lowLabel} high={q.highLabel} />
        </>
      );
    }
    case 'nps':
      return (
        <>
          <ScaleButtons
            min={0}
            max={10}
            value={typeof value === 'number' ? value : null}
            disabled={disabled}
            tone={npsTone}
            label={(n) => t('attendee.survey.points', { n })}
            onChange={onChange}
            testId={`survey-nps-${q.id}`}
          />
          <ScaleEnds
            low={q.lowLabel ?? t('attendee.survey.npsLow')}
            high={q.highLabel ?? t('attendee.survey.npsHigh')}
          />
        </>
      );
    case 'single':
    case 'multiple':
      return <Choices {...props} question={q} />;
    case 'matrix':
      return <Matrix {...props} question={q} />;
    case 'short_text':
    case 'long_text': {
      const text = typeof value === 'string' ? value : '';
      const common = {
        id: `sv-input-${q.id}`,
        className: 'sv-input',
        value: text,
        disabled,
        placeholder: q.placeholder ?? undefined,
        'aria-describedby': describedBy,
        onChange: (e: { target: { value: string } }) =>
          onChange(q.type === 'short_text' ? oneLine(e.target.value) : e.target.value),
        'data-testid': `survey-text-${q.id}`,
      };
      // A one-line answer in a field that wraps, so a long placeholder is read in full on a phone.
      if (q.type === 'short_text')
        return (
          <textarea
            rows={2}
            maxLength={TEXT_LIMITS.shortText}
            enterKeyHint="done"
            onKeyDown={(e) => {
              if (e.key === 'Enter') e.preventDefault();
            }}
            {...common}
            className="sv-input sv-short"
          />
        );
      return (
        <>
          <textarea rows={4} maxLength={TEXT_LIMITS.longText} {...common} />
          {text.length > TEXT_LIMITS.longText - 1000 ? (
            <div className="sv-hint">
              {text.length} / {TEXT_LIMITS.longText}
            </div>
          ) : null}
        </>
      );
    }
  }
}

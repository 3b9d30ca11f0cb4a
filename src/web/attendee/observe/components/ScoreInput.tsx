import type { TemplatePoint } from '../../../../contract/templates.js';
import { useTranslation } from '../../i18n.js';
import { pointSteps } from '../score-steps.js';

type Value = { score: number | null; na: boolean };

/** The score of one point in its template's scheme, plus N/A (不适用) where the point allows it. */
export function ScoreInput({
  point,
  value,
  disabled,
  onChange,
}: {
  point: TemplatePoint;
  value: Value;
  disabled: boolean;
  onChange: (score: number | null, na: boolean) => void;
}) {
  const { t } = useTranslation();
  if (point.scheme === 'unscored') return null;
  const pick = (score: number) => onChange(value.score === score && !value.na ? null : score, false);
  const na = point.allowNa ? (
    <button
      type="button"
      className={`chip na${value.na ? ' on' : ''}`}
      aria-pressed={value.na}
      disabled={disabled}
      onClick={() => onChange(null, !value.na)}
    >
      {t('attendee.observe.na')}
    </button>
  ) : null;

  if (point.scheme === 'stars_1_5')
    return (
      <fieldset className="score">
        <legend className="sr-only">{t('attendee.observe.score')}</legend>
        <span className="stars">
          {[1, 2, 3, 4, 5].map((n) => (
            <button
              key={n}
              type="button"
              className={`star${!value.na && value.score !== null && n <= value.score ? ' on' : ''}`}
              aria-label={t('attendee.observe.stars', { n })}
              aria-pressed={!value.na && value.score === n}
              disabled={disabled}
              onClick={() => pick(n)}
            >
              ★
            </button>
          ))}
        </span>
        {na}
      </fieldset>
    );

  if (point.scheme === 'yes_no_na')
    return (
      <fieldset className="score">
        <legend className="sr-only">{t('attendee.observe.score')}</legend>
        {[
          { score: 1, label: t('attendee.observe.yes') },
          { score: 0, label: t('attendee.observe.no') },
        ].map((o) => (
          <button
            key={o.score}
            type="button"
            className={`chip${!value.na && value.score === o.score ? ' on' : ''}`}
            aria-pressed={!value.na && value.score === o.score}
            disabled={disabled}
            onClick={() => pick(o.score)}
          >
            {o.label}
          </button>
        ))}
        {na}
      </fieldset>
    );

  const steps = pointSteps(point);
  if (steps.length <= 11)
    return (
      <fieldset className="score">
        <legend className="sr-only">{t('attendee.observe.score')}</legend>
        <span className="steps">
          {steps.map((s) => (
            <button
              key={s}
              type="button"
              className={`chip num${!value.na && value.score === s ? ' on' : ''}`}
              aria-pressed={!value.na && value.score === s}
              aria-label={t('attendee.observe.pointsValue', { n: s })}
              disabled={disabled}
              onClick={() => pick(s)}
            >
              {s}
            </button>
          ))}
        </span>
        {na}
      </fieldset>
    );

  // Many steps: a stepper.
  const index = value.score === null ? -1 : steps.indexOf(value.score);
  const move = (delta: number) => {
    const next = Math.min(steps.length - 1, Math.max(0, Math.max(index, 0) + delta));
    onChange(steps[next], false);
  };
  return (
    <fieldset className="score">
      <legend className="sr-only">{t('attendee.observe.score')}</legend>
      <span className="stepper">
        <button type="button" className="chip" disabled={disabled} onClick={() => move(-1)} aria-label="−">
          −
        </button>
        <output>{value.na || value.score === null ? '—' : value.score}</output>
        <button type="button" className="chip" disabled={disabled} onClick={() => move(1)} aria-label="+">
          +
        </button>
        <span className="muted">/ {point.maxPoints ?? steps[steps.length - 1]}</span>
      </span>
      {na}
    </fieldset>
  );
}

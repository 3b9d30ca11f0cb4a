import type { Answers, AnswerValue, SurveyDefinition } from '../../../../contract/surveys.js';
import { useSurveyText } from '../text.js';
import { QuestionInput } from './QuestionInput.js';

/** Title and introduction of the survey (the organiser's own words). */
export function SurveyIntro({ definition, anonymous }: { definition: SurveyDefinition; anonymous: boolean }) {
  const t = useSurveyText();
  return (
    <section className="sv-card sv-intro">
      <h2 data-testid="survey-title">{definition.title}</h2>
      {definition.intro ? <p className="sv-text">{definition.intro}</p> : null}
      <p className="sv-note">{anonymous ? t('attendee.survey.anonymous') : t('attendee.survey.named')}</p>
      <p className="sv-note">{t('attendee.survey.requiredMark')}</p>
    </section>
  );
}

/**
 * Every section as a card, every question with its number, required mark, description, control
 * and the problem with its answer right under it. `errors` are texts already translated.
 */
export function SurveyForm({
  definition,
  answers,
  errors,
  disabled,
  onChange,
}: {
  definition: SurveyDefinition;
  answers: Answers;
  errors: Record<string, string>;
  disabled?: boolean;
  onChange: (questionId: string, value: AnswerValue) => void;
}) {
  const t = useSurveyText();
  let number = 0;
  return (
    <div className="sv-form" data-testid="survey-form">
      {definition.sections.map((section) => (
        <section className="sv-card" key={section.id} data-testid={`survey-section-${section.id}`}>
          {section.title ? <h3 className="sv-section-title">{section.title}</h3> : null}
          {section.description ? <p className="sv-text sv-muted">{section.description}</p> : null}
          {section.questions.map((q) => {
            number += 1;
            const error = errors[q.id];
            const errorId = `sv-error-${q.id}`;
            const group = q.type !== 'short_text' && q.type !== 'long_text';
            const head = (
              <>
                <span className="sv-no">{number}.</span> {q.title || '—'}
                {q.required ? (
                  <span className="sv-req" title={t('attendee.survey.requiredMark')}>
                    *
                  </span>
                ) : null}
              </>
            );
            const body = (
              <>
                {q.description ? <p className="sv-q-desc">{q.description}</p> : null}
                <QuestionInput
                  question={q}
                  value={answers[q.id]}
                  disabled={disabled}
                  onChange={(value) => onChange(q.id, value)}
                  describedBy={error ? errorId : undefined}
                />
                {error ? (
                  <div className="sv-error" id={errorId} role="alert" data-testid={`survey-error-${q.id}`}>
                    {error}
                  </div>
                ) : null}
              </>
            );
            const common = {
              className: `sv-q${error ? ' has-error' : ''}`,
              'data-question-id': q.id,
              'data-testid': `survey-question-${q.id}`,
            };
            // Choices and scales are a group of buttons: a fieldset named by its legend.
            return group ? (
              <fieldset key={q.id} {...common} aria-describedby={error ? errorId : undefined}>
                <legend className="sv-q-title">{head}</legend>
                {body}
              </fieldset>
            ) : (
              <div key={q.id} {...common}>
                <label className="sv-q-title" htmlFor={`sv-input-${q.id}`}>
                  {head}
                </label>
                {body}
              </div>
            );
          })}
        </section>
      ))}
    </div>
  );
}

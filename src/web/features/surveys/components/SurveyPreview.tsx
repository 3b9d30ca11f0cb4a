import { Button, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Answers, SurveyDefinition } from '../../../../contract/surveys.js';
import { answerIssues, progressOf } from '../../../attendee/survey/answers.js';
import { SurveyForm, SurveyIntro } from '../../../attendee/survey/components/SurveyForm.js';
import { SurveyText, type Translate } from '../../../attendee/survey/text.js';
import '../../../attendee/survey/survey.css';

/**
 * The attendee's survey page inside a 390 px phone frame: the same components as `/p/<token>/survey`,
 * answered locally (nothing is saved); "submit" shows what the attendee would be told to fix.
 */
export function SurveyPreview({
  definition,
  anonymous,
  testId = 'survey-preview',
}: {
  definition: SurveyDefinition;
  anonymous: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [answers, setAnswers] = useState<Answers>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);
  const translate: Translate = (key, params) => t(key, params ?? {});
  const progress = progressOf(definition, answers);

  const submit = () => {
    const issues = answerIssues(definition, answers);
    setErrors(Object.fromEntries(Object.entries(issues).map(([id, i]) => [id, t(i.key, i.params ?? {})])));
    setDone(Object.keys(issues).length === 0);
  };

  return (
    <div className="gm-sv-phone" data-testid={testId}>
      <div className="gm-sv-phone-notch" />
      <div className="gm-sv-phone-screen">
        <div className="gm-sv-phone-top">
          <span>{t('attendee.survey.title')}</span>
        </div>
        <SurveyText.Provider value={translate}>
          <div className="sv-root" style={{ padding: '0 10px 16px' }}>
            <SurveyIntro definition={definition} anonymous={anonymous} />
            <div className="sv-progress">
              {t('attendee.survey.progress', { done: progress.answered, total: progress.total })}
              <span className="sv-bar">
                <span
                  style={{ width: `${progress.total ? (100 * progress.answered) / progress.total : 0}%` }}
                />
              </span>
            </div>
            <SurveyForm
              definition={definition}
              answers={answers}
              errors={errors}
              onChange={(id, value) => {
                setAnswers((all) => ({ ...all, [id]: value }));
                setDone(false);
              }}
            />
            {Object.keys(errors).length ? (
              <div className="sv-summary" role="alert">
                {t('attendee.survey.fixProblems', { count: Object.keys(errors).length })}
              </div>
            ) : null}
            {done ? (
              <div className="sv-card" role="status" data-testid={`${testId}-thanks`}>
                <b>{t('attendee.survey.thanksTitle')}</b>
                <p className="sv-text">{definition.thanks || t('attendee.survey.thanksText')}</p>
              </div>
            ) : null}
            <button
              type="button"
              className="sv-submit-button"
              style={{ marginTop: 12 }}
              onClick={submit}
              data-testid={`${testId}-submit`}
            >
              {t('attendee.survey.submit')}
            </button>
            <Typography.Paragraph
              type="secondary"
              style={{ textAlign: 'center', marginTop: 8, fontSize: 12 }}
            >
              {t('surveys.preview.notSaved')}
            </Typography.Paragraph>
            <Button
              size="small"
              block
              onClick={() => {
                setAnswers({});
                setErrors({});
                setDone(false);
              }}
              data-testid={`${testId}-clear`}
            >
              {t('surveys.preview.clear')}
            </Button>
          </div>
        </SurveyText.Provider>
      </div>
    </div>
  );
}

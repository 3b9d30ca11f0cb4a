import { useCallback, useEffect, useRef, useState } from 'react';
import type { Answers, AnswerValue, PassSurvey } from '../../../contract/surveys.js';
import { ApiError } from '../../app/api.js';
import { PASSES_KEY } from '../api.js';
import { Shell } from '../components/Shell.js';
import { formatDateTime, store } from '../format.js';
import { useTranslation } from '../i18n.js';
import { answerIssues, answersToSend, firstProblem, progressOf, questionIdOfPath } from './answers.js';
import { fetchPassSurvey, submitResponse } from './api.js';
import { SurveyForm, SurveyIntro } from './components/SurveyForm.js';
import { SurveyText } from './text.js';
import './survey.css';

/** Unsent answers stay on the phone (a dropped connection in a basement loses nothing). */
const draftKey = (token: string) => `guanmo_survey_${token}`;
type Draft = { surveyId: string; answers: Answers };

/** Scrolls to a question and moves the focus into it (the first problem after a failed submit). */
function focusQuestion(id: string) {
  const node = document.querySelector<HTMLElement>(`[data-question-id="${CSS.escape(id)}"]`);
  if (!node) return;
  node.scrollIntoView({ block: 'center', behavior: 'smooth' });
  node.querySelector<HTMLElement>('button:not(:disabled), input, textarea')?.focus({ preventScroll: true });
}

/** 满意度调查: the attendee's survey through the pass; one response, editable until it closes. */
export default function SurveyPage({ token }: { token: string }) {
  const { t } = useTranslation();
  const [data, setData] = useState<PassSurvey | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [answers, setAnswers] = useState<Answers>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [thanks, setThanks] = useState(false);
  const tried = useRef(false);

  const adopt = useCallback(
    (next: PassSurvey, keepDraft: boolean) => {
      setData(next);
      // The pass link may have come by e-mail: remember it, so the QR slide's page finds it.
      store.set(PASSES_KEY, {
        ...(store.get<Record<string, string>>(PASSES_KEY) ?? {}),
        [next.event.slug]: token,
      });
      const draft = store.get<Draft>(draftKey(token));
      const useDraft = keepDraft && next.canRespond && draft && draft.surveyId === next.survey?.id;
      setAnswers(useDraft ? draft.answers : (next.response?.answers ?? {}));
    },
    [token],
  );

  const load = useCallback(() => {
    setLoadError(null);
    fetchPassSurvey(token)
      .then((next) => adopt(next, true))
      .catch((error: unknown) =>
        setLoadError(
          error instanceof ApiError && error.status === 404
            ? t('attendee.survey.passMissing')
            : error instanceof ApiError && error.status !== 0
              ? error.detail
              : t('attendee.errors.network'),
        ),
      );
  }, [token, adopt, t]);

  useEffect(load, [load]);

  const back = { href: `/p/${encodeURIComponent(token)}`, label: t('attendee.survey.backToPass') };
  if (!data) {
    return (
      <Shell title={t('attendee.survey.title')} back={back}>
        {loadError ? (
          <div className="alert error-box" role="alert" data-testid="survey-load-error">
            <p style={{ margin: 0 }}>{loadError}</p>
            <button type="button" className="btn" style={{ marginTop: 8 }} onClick={load}>
              {t('attendee.survey.retry')}
            </button>
          </div>
        ) : (
          <p className="loading">{t('attendee.loading')}</p>
        )}
      </Shell>
    );
  }

  const survey = data.survey;
  const shell = (children: React.ReactNode) => (
    <Shell title={t('attendee.survey.title')} meta={data.event.theme} back={back}>
      <SurveyText.Provider value={t}>
        <div className="sv-root" data-testid="survey-page">
          {children}
        </div>
      </SurveyText.Provider>
    </Shell>
  );

  if (!survey || data.reason === 'not_open')
    return shell(
      <div className="alert info" data-testid="survey-not-open">
        {t('attendee.survey.notOpen')}
      </div>,
    );

  const change = (id: string, value: AnswerValue) => {
    const next = { ...answers, [id]: value };
    setAnswers(next);
    store.set(draftKey(token), { surveyId: survey.id, answers: next } satisfies Draft);
    if (tried.current) {
      const issue = answerIssues(survey.definition, next)[id];
      setErrors((all) => {
        const { [id]: _, ...rest } = all;
        return issue ? { ...rest, [id]: t(issue.key, issue.params) } : rest;
      });
    }
  };

  const submit = async () => {
    tried.current = true;
    setAlert(null);
    const issues = answerIssues(survey.definition, answers);
    const ids = Object.keys(issues);
    setErrors(Object.fromEntries(ids.map((id) => [id, t(issues[id].key, issues[id].params)])));
    if (ids.length) {
      const first = firstProblem(survey.definition, issues);
      if (first) focusQuestion(first);
      return;
    }
    setBusy(true);
    try {
      const saved = await submitResponse(token, answersToSend(survey.definition, answers));
      store.remove(draftKey(token));
      adopt(saved, false);
      setErrors({});
      tried.current = false;
      setThanks(true);
      window.scrollTo(0, 0);
    } catch (error) {
      if (error instanceof ApiError && error.errors.length) {
        const byQuestion: Record<string, string> = {};
        const other: string[] = [];
        for (const e of error.errors) {
          const id = questionIdOfPath(e.path);
          if (id) byQuestion[id] = e.message;
          else other.push(e.message);
        }
        setErrors(byQuestion);
        setAlert(other.length ? other.join('；') : error.detail);
        const first = firstProblem(survey.definition, byQuestion);
        if (first) focusQuestion(first);
      } else if (error instanceof ApiError && error.status === 409) {
        setAlert(error.detail);
        load();
      } else
        setAlert(
          error instanceof ApiError && error.status !== 0 ? error.detail : t('attendee.errors.network'),
        );
    } finally {
      setBusy(false);
    }
  };

  if (thanks && data.response)
    return shell(
      <section className="sv-card" data-testid="survey-thanks" role="status">
        <h2 className="sv-section-title" style={{ fontSize: 20 }}>
          {t('attendee.survey.thanksTitle')}
        </h2>
        <p className="sv-text">{survey.definition.thanks || t('attendee.survey.thanksText')}</p>
        <p className="sv-note">{t('attendee.survey.canChange')}</p>
        <div className="actions" style={{ marginTop: 12 }}>
          <button type="button" className="btn" onClick={() => setThanks(false)} data-testid="survey-edit">
            {t('attendee.survey.editAnswers')}
          </button>
          <a className="btn primary" href={back.href}>
            {t('attendee.survey.backToPass')}
          </a>
        </div>
      </section>,
    );

  const closed = survey.status === 'closed' || data.reason === 'closed';
  const notInvited = data.reason === 'not_invited';
  const readOnly = !data.canRespond;
  const progress = progressOf(survey.definition, answers);
  const problems = Object.keys(errors).length;

  return shell(
    <>
      {closed ? (
        <div className="alert info" data-testid="survey-closed" role="status">
          {data.response ? t('attendee.survey.closedAnswered') : t('attendee.survey.closed')}
        </div>
      ) : notInvited ? (
        <div className="alert info" data-testid="survey-not-invited" role="status">
          {t('attendee.survey.notInvited')}
        </div>
      ) : data.response ? (
        <div className="alert ok" data-testid="survey-submitted" role="status">
          {t('attendee.survey.submittedAt', { time: formatDateTime(data.response.updatedAt) })}
        </div>
      ) : null}
      {closed && !data.response ? null : (
        <>
          <SurveyIntro definition={survey.definition} anonymous={survey.anonymous} />
          {readOnly ? null : (
            <div className="sv-progress" data-testid="survey-progress">
              {t('attendee.survey.progress', { done: progress.answered, total: progress.total })}
              {progress.requiredLeft
                ? ` · ${t('attendee.survey.requiredLeft', { count: progress.requiredLeft })}`
                : ''}
              <span className="sv-bar">
                <span
                  style={{ width: `${progress.total ? (100 * progress.answered) / progress.total : 0}%` }}
                />
              </span>
            </div>
          )}
          <SurveyForm
            definition={survey.definition}
            answers={answers}
            errors={errors}
            disabled={readOnly || busy}
            onChange={change}
          />
          {readOnly ? null : (
            <div className="sv-submit">
              {problems ? (
                <div className="sv-summary" role="alert" data-testid="survey-error-summary">
                  {t('attendee.survey.fixProblems', { count: problems })}{' '}
                  <button
                    type="button"
                    onClick={() => {
                      const first = firstProblem(survey.definition, errors);
                      if (first) focusQuestion(first);
                    }}
                  >
                    {t('attendee.survey.showFirst')}
                  </button>
                </div>
              ) : null}
              {alert ? (
                <div className="alert error-box" role="alert" data-testid="survey-alert">
                  {alert}
                </div>
              ) : null}
              <button
                type="button"
                className="sv-submit-button"
                style={{ marginTop: 12 }}
                disabled={busy}
                onClick={() => void submit()}
                data-testid="survey-submit"
              >
                {busy
                  ? t('attendee.survey.sending')
                  : data.response
                    ? t('attendee.survey.update')
                    : t('attendee.survey.submit')}
              </button>
              <p className="sv-note" style={{ textAlign: 'center' }}>
                {t('attendee.survey.canChange')}
              </p>
            </div>
          )}
        </>
      )}
    </>,
  );
}

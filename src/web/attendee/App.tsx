import { lazy, Suspense } from 'react';
import { Shell } from './components/Shell.js';
import { loadLocalePart, useTranslation } from './i18n.js';
import { RegisterPage } from './pages/RegisterPage.js';
import { matchRoute, usePathname } from './router.js';

/** The pass page brings the QR encoder: it is its own chunk, the register page never loads it. */
const PassPage = lazy(() => import('./pages/PassPage.js'));
/** The observation scorecard (offline-first) is its own chunk too. */
const ObservePage = lazy(() =>
  Promise.all([import('./observe/ObservePage.js'), loadLocalePart('observe')]).then(([page]) => page),
);
/** The satisfaction survey and the page its QR slide points to. */
const SurveyPage = lazy(() =>
  Promise.all([import('./survey/SurveyPage.js'), loadLocalePart('survey')]).then(([page]) => page),
);
const SurveyLandingPage = lazy(() =>
  Promise.all([import('./survey/SurveyLandingPage.js'), loadLocalePart('survey')]).then(([page]) => page),
);

/** Live Q&A: the pass page's Q&A, the join page behind the screen's QR code, the presenter screen. */
const QaPage = lazy(() =>
  Promise.all([import('./qa/QaPage.js'), loadLocalePart('qa')]).then(([page]) => page),
);
const QaJoinPage = lazy(() =>
  Promise.all([import('./qa/JoinPage.js'), loadLocalePart('qa')]).then(([page]) => page),
);
const QaScreenPage = lazy(() =>
  Promise.all([import('./qa/ScreenPage.js'), loadLocalePart('qa')]).then(([page]) => page),
);

export function App() {
  const { t } = useTranslation();
  const route = matchRoute(usePathname());
  if (route.page === 'register') return <RegisterPage key={route.slug} slug={route.slug} />;
  if (route.page === 'pass')
    return (
      <Suspense fallback={<p className="loading">{t('attendee.loading')}</p>}>
        <PassPage token={route.token} edit={route.edit} />
      </Suspense>
    );
  if (route.page === 'observe')
    return (
      <Suspense fallback={<p className="loading">{t('attendee.loading')}</p>}>
        <ObservePage key={route.token} token={route.token} />
      </Suspense>
    );
  if (route.page === 'survey' || route.page === 'survey_landing')
    return (
      <Suspense fallback={<p className="loading">{t('attendee.loading')}</p>}>
        {route.page === 'survey' ? (
          <SurveyPage key={route.token} token={route.token} />
        ) : (
          <SurveyLandingPage key={route.slug} slug={route.slug} />
        )}
      </Suspense>
    );
  if (route.page === 'qa' || route.page === 'qa_join' || route.page === 'qa_screen')
    return (
      <Suspense fallback={<p className="loading">{t('attendee.loading')}</p>}>
        {route.page === 'qa' ? <QaPage key={route.token} token={route.token} /> : null}
        {route.page === 'qa_join' ? <QaJoinPage key={route.slug} slug={route.slug} /> : null}
        {route.page === 'qa_screen' ? <QaScreenPage key={route.slug} slug={route.slug} /> : null}
      </Suspense>
    );
  return (
    <Shell title={t('attendee.notFound.title')}>
      <div className="card">
        <p>{t('attendee.notFound.text')}</p>
      </div>
    </Shell>
  );
}

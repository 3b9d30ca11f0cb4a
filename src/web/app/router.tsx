import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import type { Role } from '../../contract/common.js';
import { PageLoading } from '../components/PageLoading.js';
import { RequireRole } from '../components/RequireRole.js';
import { RouteError } from '../components/RouteError.js';

/** Each page is its own chunk: the login page never downloads the admin pages. */
const page = (load: () => Promise<{ default: ComponentType }>, roles?: readonly Role[]): ReactNode => {
  const Page = lazy(load);
  return roles ? (
    <RequireRole roles={roles}>
      <Page />
    </RequireRole>
  ) : (
    <Page />
  );
};

const AppLayout = lazy(() => import('./AppLayout.js'));
const PublicLayout = lazy(() => import('./PublicLayout.js'));

export const router = createBrowserRouter([
  {
    element: <PublicLayout />,
    errorElement: <RouteError />,
    children: [
      { path: '/login', element: page(() => import('../features/users/pages/LoginPage.js')) },
      { path: '/setup', element: page(() => import('../features/association/pages/SetupPage.js')) },
      { path: '/invite/:token', element: page(() => import('../features/users/pages/InvitePage.js')) },
    ],
  },
  {
    // The sign-in wall fills a big screen: no menu, no header.
    path: '/events/:id/checkin/wall',
    errorElement: <RouteError />,
    element: (
      <Suspense fallback={<PageLoading />}>
        {page(() => import('../features/checkin/pages/WallPage.js'))}
      </Suspense>
    ),
  },
  {
    // The observation wall for the sharing session's big screen: no menu either.
    path: '/events/:id/observations/wall',
    errorElement: <RouteError />,
    element: (
      <Suspense fallback={<PageLoading />}>
        {page(() => import('../features/observations/pages/WallPage.js'))}
      </Suspense>
    ),
  },
  {
    // The survey's QR slide for the closing session's big screen.
    path: '/events/:id/survey/slide',
    errorElement: <RouteError />,
    element: (
      <Suspense fallback={<PageLoading />}>
        {page(() => import('../features/surveys/pages/SurveySlidePage.js'))}
      </Suspense>
    ),
  },
  {
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { path: '/', element: page(() => import('../features/home/pages/HomePage.js')) },
      { path: '/account', element: page(() => import('../features/users/pages/AccountPage.js')) },
      {
        path: '/member-units',
        element: page(() => import('../features/member-units/pages/MemberUnitsPage.js')),
      },
      { path: '/users', element: page(() => import('../features/users/pages/UsersPage.js'), ['admin']) },
      { path: '/audit', element: page(() => import('../features/audit/pages/AuditPage.js'), ['admin']) },
      {
        path: '/sites',
        element: page(() => import('../features/sites/pages/SitesPage.js'), ['admin', 'staff']),
      },
      {
        path: '/sites/screening',
        element: page(() => import('../features/sites/pages/ScreeningPage.js'), ['admin', 'staff']),
      },
      {
        path: '/sites/coverage',
        element: page(() => import('../features/sites/pages/CoveragePage.js'), ['admin', 'staff']),
      },
      {
        path: '/sites/:siteId',
        element: page(() => import('../features/sites/pages/SiteDetailPage.js'), ['admin', 'staff', 'host']),
      },
      { path: '/templates', element: page(() => import('../features/templates/pages/TemplatesPage.js')) },
      {
        path: '/templates/:templateId',
        element: page(() => import('../features/templates/pages/TemplatePage.js')),
      },
      {
        path: '/templates/versions/:versionId',
        element: page(() => import('../features/templates/pages/VersionPage.js')),
      },
      {
        path: '/templates/versions/:versionId/preview',
        element: page(() => import('../features/templates/pages/PreviewPage.js')),
      },
      {
        path: '/notifications',
        element: page(
          () => import('../features/notifications/pages/NotificationsPage.js'),
          ['admin', 'staff'],
        ),
      },
      {
        path: '/host/events',
        element: page(() => import('../features/documents/pages/HostEventsPage.js'), ['host']),
      },
      {
        path: '/host/events/:id',
        element: page(
          () => import('../features/documents/pages/HostBriefPage.js'),
          ['host', 'staff', 'admin'],
        ),
      },
      {
        path: '/events',
        element: page(() => import('../features/events/pages/EventsPage.js'), ['admin', 'staff']),
      },
      {
        path: '/events/new',
        element: page(() => import('../features/events/pages/EventFormPage.js'), ['admin', 'staff']),
      },
      {
        path: '/events/:id/edit',
        element: page(() => import('../features/events/pages/EventFormPage.js'), ['admin', 'staff']),
      },
      {
        path: '/events/:id/checkin',
        element: page(() => import('../features/checkin/pages/ScannerPage.js'), ['admin', 'staff']),
      },
      {
        path: '/events/:id/checkin/dashboard',
        element: page(() => import('../features/checkin/pages/DashboardPage.js'), ['admin', 'staff']),
      },
      {
        path: '/events/:id/observations',
        element: page(() => import('../features/observations/pages/ResultsPage.js'), ['admin', 'staff']),
      },
      {
        path: '/events/:id/run-of-show',
        element: page(
          () => import('../features/run-of-show/pages/RunOfShowPage.js'),
          ['admin', 'staff', 'host'],
        ),
      },
      {
        path: '/events/:id/qa',
        element: page(() => import('../features/qa/pages/QaPage.js'), ['admin', 'staff']),
      },
      {
        path: '/events/:id/survey',
        element: page(() => import('../features/surveys/pages/SurveyBuilderPage.js'), ['admin', 'staff']),
      },
      {
        path: '/events/:id/survey/results',
        element: page(() => import('../features/surveys/pages/SurveyResultsPage.js'), ['admin', 'staff']),
      },
      {
        path: '/events/:id/groups',
        element: page(() => import('../features/groups/pages/GroupsPage.js'), ['admin', 'staff']),
      },
      {
        path: '/events/:id/retrospective',
        element: page(
          () => import('../features/retrospectives/pages/RetrospectivePage.js'),
          ['admin', 'staff'],
        ),
      },
      {
        path: '/events/:id/:tab?',
        element: page(() => import('../features/events/pages/EventPage.js'), ['admin', 'staff']),
      },
      { path: '*', element: page(() => import('../components/NotFoundPage.js')) },
    ],
  },
]);

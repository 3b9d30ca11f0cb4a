import {
  ArrowLeftOutlined,
  BarChartOutlined,
  CommentOutlined,
  DashboardOutlined,
  FieldTimeOutlined,
  FileDoneOutlined,
  FormOutlined,
  ScanOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Flex, Result, Spin, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../app/api.js';
import { RegistrationsPanel } from '../../registrations/components/RegistrationsPanel.js';
import { eventKey, getEvent } from '../api.js';
import { AgendaPanel } from '../components/AgendaPanel.js';
import { ChecklistPanel } from '../components/ChecklistPanel.js';
import { DashboardPanel } from '../components/DashboardPanel.js';
import { MaterialsPanel } from '../components/MaterialsPanel.js';
import { RoutePanel } from '../components/RoutePanel.js';
import { StatusTag } from '../components/StatusTag.js';
import '../components/events.css';

export const EVENT_TABS = ['overview', 'registrations', 'agenda', 'route', 'checklist', 'materials'] as const;
type Tab = (typeof EVENT_TABS)[number];

/** One event: the dashboard and its planning tabs, each with its own address. */
export default function EventPage() {
  const { t } = useTranslation();
  const { id, tab } = useParams();
  const navigate = useNavigate();
  const active: Tab = EVENT_TABS.includes(tab as Tab) ? (tab as Tab) : 'overview';
  const event = useQuery({ queryKey: eventKey(id!), queryFn: () => getEvent(id!) });

  if (event.isPending) return <Spin />;
  if (event.isError) {
    const missing = event.error instanceof ApiError && event.error.status === 404;
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('events.notFound') : event.error.message}
      />
    );
  }
  const e = event.data;
  const panels: Record<Tab, React.ReactNode> = {
    overview: <DashboardPanel eventId={e.id} />,
    registrations: <RegistrationsPanel event={e} />,
    agenda: <AgendaPanel event={e} />,
    route: <RoutePanel event={e} />,
    checklist: <ChecklistPanel event={e} />,
    materials: <MaterialsPanel event={e} />,
  };

  return (
    <>
      <Flex align="center" gap={8} wrap style={{ marginBottom: 8 }}>
        <Button
          type="text"
          icon={<ArrowLeftOutlined />}
          onClick={() => navigate('/events')}
          aria-label={t('events.list.title')}
        />
        <Typography.Title level={3} style={{ margin: 0, minWidth: 0 }} ellipsis data-testid="event-theme">
          {e.theme}
        </Typography.Title>
        <StatusTag status={e.status} />
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {[
          e.eventDate,
          t(`enums.eventFormat.${e.format}`),
          e.sites.map((s) => s.siteName).join('、'),
          e.seriesName && e.issueNumber
            ? t('events.issue', { series: e.seriesName, n: e.issueNumber })
            : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 8 }}>
        <Link to={`/events/${e.id}/checkin`}>
          <Button icon={<ScanOutlined />} data-testid="event-link-checkin">
            {t('checkin.links.scanner')}
          </Button>
        </Link>
        <Link to={`/events/${e.id}/checkin/dashboard`}>
          <Button icon={<DashboardOutlined />}>{t('checkin.links.dashboard')}</Button>
        </Link>
        <Link to={`/events/${e.id}/groups`}>
          <Button icon={<TeamOutlined />}>{t('checkin.links.groups')}</Button>
        </Link>
        <Link to={`/events/${e.id}/run-of-show`}>
          <Button icon={<FieldTimeOutlined />}>{t('observations.links.runOfShow')}</Button>
        </Link>
        <Link to={`/events/${e.id}/qa`}>
          <Button icon={<CommentOutlined />} data-testid="event-link-qa">
            {t('qa.link')}
          </Button>
        </Link>
        <Link to={`/events/${e.id}/observations`}>
          <Button icon={<BarChartOutlined />}>{t('observations.links.results')}</Button>
        </Link>
        <Link to={`/events/${e.id}/survey`}>
          <Button icon={<FormOutlined />} data-testid="event-link-survey">
            {t('surveys.links.builder')}
          </Button>
        </Link>
        <Link to={`/events/${e.id}/retrospective`}>
          <Button icon={<FileDoneOutlined />}>{t('retrospectives.link')}</Button>
        </Link>
      </Flex>
      <Tabs
        activeKey={active}
        onChange={(key) => navigate(`/events/${e.id}/${key}`)}
        items={EVENT_TABS.map((key) => ({ key, label: t(`events.tabs.${key}`), children: panels[key] }))}
      />
    </>
  );
}

import { CopyOutlined, DeleteOutlined, EditOutlined, WarningOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  List,
  Popconfirm,
  Row,
  Space,
  Spin,
  Statistic,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { EventStatus, TransitionCheck } from '../../../../contract/events.js';
import { deleteEvent, eventKey, getDashboard, transitionEvent } from '../api.js';
import { CloneModal } from './CloneModal.js';
import { useEventMutation } from './useEventMutation.js';

/** The event at a glance: what to do next and what blocks it, overdue tasks first, progress and links. */
export function DashboardPanel({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [cloning, setCloning] = useState(false);
  const dashboard = useQuery({
    queryKey: [...eventKey(eventId), 'dashboard'],
    queryFn: () => getDashboard(eventId),
  });
  const move = useEventMutation(
    eventId,
    (to: EventStatus) => transitionEvent(eventId, to),
    () => message.success(t('events.dashboard.moved')),
  );
  const remove = useEventMutation(
    eventId,
    () => deleteEvent(eventId),
    () => navigate('/events'),
  );

  if (dashboard.isPending) return <Spin />;
  if (dashboard.isError) return <Alert type="error" message={dashboard.error.message} />;
  const d = dashboard.data;
  const base = `/events/${eventId}`;

  return (
    <Flex vertical gap={16}>
      {d.overdueTasks.length > 0 && (
        <Alert
          type="error"
          showIcon
          icon={<WarningOutlined />}
          data-testid="overdue-tasks"
          message={t('events.dashboard.overdue', { count: d.overdueTasks.length })}
          description={
            <List
              size="small"
              dataSource={d.overdueTasks}
              renderItem={(task) => (
                <List.Item>
                  <Link to={`${base}/checklist`}>{task.title}</Link>
                  <Typography.Text type="danger">
                    {t('events.checklist.due', { date: task.dueDate })}
                    {task.assigneeName ? ` · ${task.assigneeName}` : ''}
                  </Typography.Text>
                </List.Item>
              )}
            />
          }
        />
      )}

      <Card title={t('events.dashboard.next')} size="small">
        {d.transitions.length === 0 && (
          <Typography.Text type="secondary">{t('events.dashboard.final')}</Typography.Text>
        )}
        <Flex vertical gap={12}>
          {d.transitions.map((check) => (
            <TransitionRow
              key={check.to}
              check={check}
              pending={move.isPending}
              onMove={() => move.mutate(check.to)}
            />
          ))}
        </Flex>
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card size="small" hoverable onClick={() => navigate(`${base}/agenda`)}>
            <Statistic
              title={t('events.tabs.agenda')}
              value={d.agenda.items}
              suffix={t('events.dashboard.items')}
            />
            <Typography.Text type={d.agenda.warnings ? 'warning' : 'secondary'}>
              {d.agenda.warnings
                ? t('events.dashboard.warnings', { count: d.agenda.warnings })
                : d.agenda.publishedVersion
                  ? t('events.agenda.publishedVersion', { n: d.agenda.publishedVersion })
                  : t('events.agenda.neverPublished')}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" hoverable onClick={() => navigate(`${base}/route`)}>
            <Statistic
              title={t('events.tabs.route')}
              value={d.route.reduce((n, r) => n + r.stops, 0)}
              suffix={t('events.dashboard.stops')}
            />
            {d.route.map((r) => (
              <div key={r.eventSiteId}>
                <Typography.Text type={r.totalMinutes > r.tourMinutes ? 'warning' : 'secondary'}>
                  {r.siteName}: {t('events.route.total', { total: r.totalMinutes, tour: r.tourMinutes })}
                </Typography.Text>
              </div>
            ))}
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" hoverable onClick={() => navigate(`${base}/checklist`)}>
            <Statistic
              title={t('events.tabs.checklist')}
              value={d.tasks.done}
              suffix={`/ ${d.tasks.total}`}
            />
            <Typography.Text type="secondary">{t('events.dashboard.tasksDone')}</Typography.Text>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" hoverable onClick={() => navigate(`${base}/materials`)}>
            <Statistic
              title={t('events.tabs.materials')}
              value={d.materials.ready}
              suffix={`/ ${d.materials.total}`}
            />
            <Typography.Text type="secondary">
              {t('events.materials.attendance', { count: d.expectedAttendance })}
            </Typography.Text>
          </Card>
        </Col>
      </Row>

      <Space wrap>
        <Button icon={<EditOutlined />} onClick={() => navigate(`${base}/edit`)}>
          {t('events.dashboard.edit')}
        </Button>
        <Button icon={<CopyOutlined />} onClick={() => setCloning(true)}>
          {t('events.clone.action')}
        </Button>
        {d.event.status === 'draft' && (
          <Popconfirm title={t('events.dashboard.deleteConfirm')} onConfirm={() => remove.mutate(undefined)}>
            <Button danger icon={<DeleteOutlined />}>
              {t('events.dashboard.delete')}
            </Button>
          </Popconfirm>
        )}
      </Space>
      <CloneModal event={cloning ? d.event : null} onClose={() => setCloning(false)} />
    </Flex>
  );
}

function TransitionRow({
  check,
  pending,
  onMove,
}: {
  check: TransitionCheck;
  pending: boolean;
  onMove: () => void;
}) {
  const { t } = useTranslation();
  const backwards = check.to === 'draft';
  return (
    <div data-testid={`transition-${check.to}`}>
      <Popconfirm
        title={t(`events.dashboard.confirm.${check.to}`)}
        onConfirm={onMove}
        disabled={!check.allowed}
      >
        <Button type={backwards ? 'default' : 'primary'} disabled={!check.allowed} loading={pending}>
          {t(`events.dashboard.action.${check.to}`)}
        </Button>
      </Popconfirm>
      {check.blockers.length > 0 && (
        <ul className="gm-blockers">
          {check.blockers.map((b) => (
            <li key={`${b.code}-${b.siteName ?? ''}`}>
              <Typography.Text type="warning">
                {t(`events.blockers.${b.code}`, { site: b.siteName ?? '' })}
              </Typography.Text>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

import { DesktopOutlined, LeftOutlined, ScanOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Flex,
  List,
  Progress,
  Row,
  Spin,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useCallback, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { eventKey, getEvent } from '../../events/api.js';
import { getCheckinStats, statsKey } from '../api.js';
import { LiveBadge } from '../components/LiveBadge.js';
import { useCheckinStream } from '../hooks/useCheckinStream.js';
import '../checkin.css';
import './dashboard.css';

const percent = (arrived: number, expected: number) =>
  expected ? Math.min(100, Math.round((arrived / expected) * 100)) : 0;

/** 签到看板: expected against arrived, by site, unit and group, late arrivals, live. */
export default function DashboardPage() {
  const { t } = useTranslation();
  const eventId = useParams().id!;
  const queryClient = useQueryClient();
  const event = useQuery({ queryKey: eventKey(eventId), queryFn: () => getEvent(eventId) });
  const stats = useQuery({ queryKey: statsKey(eventId), queryFn: () => getCheckinStats(eventId) });
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);

  // Every arrival or undo refetches the figures (a burst of events, e.g. an offline upload, once).
  const onMessage = useCallback(() => {
    if (pending.current) return;
    pending.current = setTimeout(() => {
      pending.current = null;
      void queryClient.invalidateQueries({ queryKey: statsKey(eventId) });
    }, 300);
  }, [queryClient, eventId]);
  const live = useCheckinStream(eventId, onMessage);

  if (stats.isPending) return <Spin />;
  if (stats.isError) return <Alert type="error" title={stats.error.message} />;
  const s = stats.data;
  const units = [...s.byUnit].sort(
    (a, b) => b.expected - b.arrived - (a.expected - a.arrived) || a.unitName.localeCompare(b.unitName),
  );

  return (
    <Flex vertical gap={16} className="ckd-page">
      <Flex align="center" gap={8} wrap>
        <Link to={`/events/${eventId}`} aria-label={t('checkin.backToEvent')}>
          <LeftOutlined />
        </Link>
        <Typography.Title level={3} style={{ margin: 0, flex: 1, minWidth: 0 }} ellipsis>
          {t('checkin.dashboard.title')}
          {event.data ? ` · ${event.data.theme}` : ''}
        </Typography.Title>
        <LiveBadge live={live} />
        <Link to={`/events/${eventId}/checkin`}>
          <Button icon={<ScanOutlined />}>{t('checkin.links.scanner')}</Button>
        </Link>
        <Link to={`/events/${eventId}/checkin/wall`}>
          <Button icon={<DesktopOutlined />}>{t('checkin.links.wall')}</Button>
        </Link>
      </Flex>

      <Card>
        <Row gutter={[16, 16]} align="middle">
          <Col xs={12} md={6}>
            <Statistic
              title={t('checkin.dashboard.expected')}
              value={s.expected}
              data-testid="stat-expected"
            />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={t('checkin.dashboard.arrived')}
              value={s.arrived}
              valueStyle={{ color: '#237804' }}
              data-testid="stat-arrived"
            />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={t('checkin.dashboard.late')}
              value={s.late}
              valueStyle={s.late ? { color: '#d46b08' } : undefined}
            />
            {s.lateAfter && (
              <Typography.Text type="secondary">
                {t('checkin.dashboard.lateAfter', { time: s.lateAfter })}
              </Typography.Text>
            )}
          </Col>
          <Col xs={12} md={6}>
            <Progress type="circle" size={96} percent={percent(s.arrived, s.expected)} />
          </Col>
        </Row>
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('checkin.dashboard.bySite')} size="small">
            {s.bySite.map((site) => (
              <div key={site.eventSiteId} className="ckd-bar">
                <Flex justify="space-between">
                  <span>{site.siteName}</span>
                  <span>
                    {site.arrived} / {site.expected}
                  </span>
                </Flex>
                <Progress percent={percent(site.arrived, site.expected)} showInfo={false} />
              </div>
            ))}
          </Card>
          <Card title={t('checkin.dashboard.byGroup')} size="small" style={{ marginTop: 16 }}>
            {s.byGroup.map((g) => (
              <div key={g.groupId ?? 'none'} className="ckd-bar">
                <Flex justify="space-between">
                  <span>{g.groupName ?? t('checkin.noGroup')}</span>
                  <span>
                    {g.arrived} / {g.expected}
                  </span>
                </Flex>
                <Progress percent={percent(g.arrived, g.expected)} showInfo={false} size="small" />
              </div>
            ))}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('checkin.dashboard.recent')} size="small">
            <List
              size="small"
              data-testid="recent-arrivals"
              locale={{ emptyText: t('checkin.dashboard.nobody') }}
              dataSource={s.recent}
              renderItem={(r) => (
                <List.Item key={r.registrationId} data-testid="recent-arrival">
                  <span>
                    <strong>{r.name}</strong> · {r.unitName}
                  </span>
                  <span>
                    {r.late && <Tag color="orange">{t('checkin.dashboard.lateTag')}</Tag>}
                    {dayjs(r.at).format('HH:mm:ss')}
                  </span>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>

      <Card title={t('checkin.dashboard.byUnit')} size="small">
        <Table
          size="small"
          rowKey="unitName"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={units}
          columns={[
            { title: t('checkin.dashboard.unit'), dataIndex: 'unitName' },
            {
              title: t('checkin.dashboard.arrived'),
              render: (_, u) => `${u.arrived} / ${u.expected}`,
            },
            {
              title: t('checkin.dashboard.missing'),
              render: (_, u) =>
                u.expected - u.arrived > 0 ? (
                  <Tag color="red">{u.expected - u.arrived}</Tag>
                ) : (
                  <Tag color="green">✓</Tag>
                ),
            },
          ]}
        />
      </Card>
    </Flex>
  );
}

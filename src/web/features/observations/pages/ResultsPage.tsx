import { DesktopOutlined, LeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Flex,
  Progress,
  Row,
  Spin,
  Statistic,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type {
  DimensionAggregate,
  ObservationSummary,
  PointAggregate,
} from '../../../../contract/observations.js';
import { eventKey, getEvent } from '../../events/api.js';
import { getSummary, OBSERVATION_STREAM_EVENTS, observationStreamUrl, summaryKey } from '../api.js';
import { Distribution } from '../components/Distribution.js';
import { KindCountTags } from '../components/KindCountTags.js';
import { NotesPanel } from '../components/NotesPanel.js';
import { RadarChart } from '../components/RadarChart.js';
import { useLiveRefetch } from '../hooks/useLiveRefetch.js';

type Site = ObservationSummary['sites'][number];
const pct = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

/** 观察结果: scores per site, dimension and point, distributions, counts and every note, live. */
export default function ResultsPage() {
  const { t } = useTranslation();
  const eventId = useParams().id!;
  const event = useQuery({ queryKey: eventKey(eventId), queryFn: () => getEvent(eventId) });
  const summary = useQuery({ queryKey: summaryKey(eventId), queryFn: () => getSummary(eventId) });
  const live = useLiveRefetch(observationStreamUrl(eventId), OBSERVATION_STREAM_EVENTS, [
    summaryKey(eventId),
    ['observations', eventId, 'notes'],
  ]);

  if (summary.isPending) return <Spin />;
  if (summary.isError) return <Alert type="error" title={summary.error.message} />;
  const s = summary.data;

  return (
    <Flex vertical gap={16} data-testid="observation-results">
      <Flex align="center" gap={8} wrap>
        <Link to={`/events/${eventId}`}>
          <Button icon={<LeftOutlined />} aria-label={t('observations.results.back')} />
        </Link>
        <Typography.Title level={3} style={{ margin: 0, flex: 1, minWidth: 0 }} ellipsis>
          {t('observations.results.title')} · {event.data?.theme ?? ''}
        </Typography.Title>
        <Tag color={live ? 'green' : 'default'}>
          {live ? t('observations.live') : t('observations.offline')}
        </Tag>
        <Link to={`/events/${eventId}/observations/wall`} target="_blank">
          <Button icon={<DesktopOutlined />}>{t('observations.links.wall')}</Button>
        </Link>
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={8}>
          <Card size="small">
            <Statistic title={t('observations.results.attendees')} value={s.attendees} />
          </Card>
        </Col>
        <Col xs={8}>
          <Card size="small">
            <Statistic title={t('observations.results.contributors')} value={s.contributors} />
          </Card>
        </Col>
        <Col xs={8}>
          <Card size="small">
            <Statistic title={t('observations.results.submitted')} value={s.submitted} />
          </Card>
        </Col>
      </Row>
      {s.sites.length === 0 ? (
        <Alert type="info" title={t('observations.results.noSites')} />
      ) : s.sites.length === 1 ? (
        <SiteResults site={s.sites[0]} />
      ) : (
        <Tabs
          items={s.sites.map((site) => ({
            key: site.eventSiteId,
            label: site.siteName,
            children: <SiteResults site={site} />,
          }))}
        />
      )}
      <NotesPanel eventId={eventId} summary={s} />
    </Flex>
  );
}

function SiteResults({ site }: { site: Site }) {
  const { t } = useTranslation();
  const radar = useMemo(
    () => ({
      indicators: site.radar.map((r) => r.name),
      series: [{ name: site.siteName, values: site.radar.map((r) => r.value) }],
    }),
    [site],
  );
  const points = site.scoringMode === 'points_sum';
  const dimensionColumns = [
    { title: t('observations.results.dimension'), dataIndex: 'name', key: 'name', width: 170 },
    {
      title: points ? t('observations.results.earned') : t('observations.results.percent'),
      key: 'percent',
      width: 170,
      render: (_: unknown, d: DimensionAggregate) =>
        points ? (
          d.earned === null ? (
            '—'
          ) : (
            `${pct(d.earned)} / ${d.possible ?? '—'}`
          )
        ) : d.percent === null ? (
          '—'
        ) : (
          <Progress percent={pct(d.percent) ?? 0} size="small" format={(v) => v} />
        ),
    },
    { title: t('observations.results.raters'), dataIndex: 'raters', key: 'raters', width: 90 },
    {
      title: t('observations.results.notes'),
      key: 'notes',
      width: 200,
      render: (_: unknown, d: DimensionAggregate) => <KindCountTags counts={d.notes} />,
    },
  ];
  const pointColumns = [
    { title: t('observations.results.point'), dataIndex: 'title', key: 'title' },
    {
      title: t('observations.results.percent'),
      key: 'percent',
      width: 160,
      render: (_: unknown, p: PointAggregate) =>
        p.percent === null ? '—' : <Progress percent={pct(p.percent) ?? 0} size="small" format={(v) => v} />,
    },
    {
      title: t('observations.results.mean'),
      key: 'mean',
      width: 80,
      render: (_: unknown, p: PointAggregate) => (p.mean === null ? '—' : pct(p.mean)),
    },
    {
      title: t('observations.results.scoredNa'),
      key: 'scored',
      width: 100,
      render: (_: unknown, p: PointAggregate) => `${p.scored} / ${p.na}`,
    },
    {
      title: t('observations.results.distribution'),
      key: 'distribution',
      width: 160,
      render: (_: unknown, p: PointAggregate) => <Distribution values={p.distribution} />,
    },
    {
      title: t('observations.results.notes'),
      key: 'notes',
      width: 180,
      render: (_: unknown, p: PointAggregate) => <KindCountTags counts={p.notes} />,
    },
  ];
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={9}>
        <Card size="small" title={site.siteName}>
          <Flex gap={24} wrap>
            <Statistic
              title={points ? t('observations.results.totalPoints') : t('observations.results.total')}
              value={site.total === null ? '—' : (pct(site.total) ?? 0)}
            />
            <Statistic title={t('observations.results.raters')} value={site.raters} />
          </Flex>
          <KindCountTags counts={site.notes} />
          {radar.indicators.length >= 3 ? (
            <RadarChart indicators={radar.indicators} series={radar.series} height={320} />
          ) : null}
        </Card>
      </Col>
      <Col xs={24} lg={15}>
        <Table
          size="small"
          rowKey="dimensionId"
          pagination={false}
          scroll={{ x: 700 }}
          dataSource={site.dimensions}
          columns={dimensionColumns}
          expandable={{
            expandedRowRender: (d) => (
              <Table
                size="small"
                rowKey="pointId"
                pagination={false}
                dataSource={d.points}
                columns={pointColumns}
                scroll={{ x: 800 }}
              />
            ),
          }}
        />
      </Col>
    </Row>
  );
}

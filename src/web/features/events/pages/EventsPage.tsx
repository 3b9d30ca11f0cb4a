import { CopyOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Grid, Input, List, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { EVENT_STATUSES, type Event } from '../../../../contract/events.js';
import { type EventFilters, eventsKey, listEvents } from '../api.js';
import { CloneModal } from '../components/CloneModal.js';
import { StatusTag } from '../components/StatusTag.js';

/** 参观活动 list: newest date first, filter by status and text, create and clone. */
export default function EventsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [filters, setFilters] = useState<EventFilters>({});
  const [page, setPage] = useState(1);
  const [cloning, setCloning] = useState<Event | null>(null);
  const isPhone = !Grid.useBreakpoint().md;
  const events = useQuery({
    queryKey: [...eventsKey, 'list', filters, page],
    queryFn: () => listEvents({ ...filters, page, pageSize: 20 }),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('events.list.title')}
        </Typography.Title>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => navigate('/events/new')}
          data-testid="new-event"
        >
          {t('events.list.new')}
        </Button>
      </Flex>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('events.list.search')}
          style={{ maxWidth: 280 }}
          onSearch={(q) => {
            setFilters((f) => ({ ...f, q: q || undefined }));
            setPage(1);
          }}
        />
        <Select
          allowClear
          placeholder={t('events.list.status')}
          style={{ minWidth: 160 }}
          options={EVENT_STATUSES.map((s) => ({ value: s, label: t(`enums.eventStatus.${s}`) }))}
          onChange={(status) => {
            setFilters((f) => ({ ...f, status }));
            setPage(1);
          }}
        />
      </Flex>
      {isPhone ? (
        <List<Event>
          loading={events.isFetching}
          dataSource={events.data?.items}
          pagination={{
            current: page,
            pageSize: 20,
            total: events.data?.total,
            onChange: setPage,
            size: 'small',
          }}
          renderItem={(e) => (
            <Card
              size="small"
              style={{ marginBottom: 8 }}
              onClick={() => navigate(`/events/${e.id}`)}
              hoverable
            >
              <Flex justify="space-between" align="start" gap={8}>
                <Typography.Text strong>{e.theme}</Typography.Text>
                <StatusTag status={e.status} />
              </Flex>
              <Typography.Text type="secondary">
                {[
                  e.eventDate,
                  t(`enums.eventFormat.${e.format}`),
                  e.sites.map((s) => s.siteName).join('、'),
                ].join(' · ')}
              </Typography.Text>
            </Card>
          )}
        />
      ) : (
        <Table<Event>
          rowKey="id"
          loading={events.isFetching}
          dataSource={events.data?.items}
          scroll={{ x: 760 }}
          pagination={{ current: page, pageSize: 20, total: events.data?.total, onChange: setPage }}
          columns={[
            { title: t('events.fields.eventDate'), dataIndex: 'eventDate', width: 120 },
            {
              title: t('events.fields.theme'),
              dataIndex: 'theme',
              render: (theme: string, e) => (
                <Link to={`/events/${e.id}`}>
                  {e.seriesName && e.issueNumber
                    ? `${t('events.issue', { series: e.seriesName, n: e.issueNumber })} · `
                    : ''}
                  {theme}
                </Link>
              ),
            },
            {
              title: t('events.fields.sites'),
              render: (_, e) => e.sites.map((s) => s.siteName).join('、'),
            },
            {
              title: t('events.fields.format'),
              dataIndex: 'format',
              width: 90,
              render: (f: string) => t(`enums.eventFormat.${f}`),
            },
            { title: t('events.fields.capacity'), dataIndex: 'capacity', width: 90 },
            {
              title: t('events.fields.status'),
              dataIndex: 'status',
              width: 120,
              render: (s: Event['status']) => <StatusTag status={s} />,
            },
            {
              title: '',
              width: 100,
              render: (_, e) => (
                <Button size="small" icon={<CopyOutlined />} onClick={() => setCloning(e)}>
                  {t('events.clone.action')}
                </Button>
              ),
            },
          ]}
        />
      )}
      <CloneModal event={cloning} onClose={() => setCloning(null)} />
    </>
  );
}

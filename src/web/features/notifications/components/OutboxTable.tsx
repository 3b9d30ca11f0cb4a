import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Popconfirm, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CHANNELS,
  MESSAGE_TYPES,
  OUTBOX_STATUSES,
  type OutboxMessage,
  type OutboxStatus,
} from '../../../../contract/notifications.js';
import { useApiError } from '../../../components/useApiError.js';
import { getNotificationStatus, listOutbox, type OutboxFilters, resendMessage } from '../api.js';
import { MessageDrawer } from './MessageDrawer.js';
import { STATUS_COLORS } from './status.js';

const time = (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '—');

/** The outbox: every message with its state, filters, the delivery log and a resend button. */
export function OutboxTable() {
  const { t } = useTranslation();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<OutboxFilters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [openId, setOpenId] = useState<string | null>(null);
  const status = useQuery({ queryKey: ['outbox', 'status'], queryFn: getNotificationStatus });
  const messages = useQuery({
    queryKey: ['outbox', 'list', filters, page, pageSize],
    queryFn: () => listOutbox({ ...filters, page, pageSize }),
    placeholderData: keepPreviousData,
  });
  const resend = useMutation({
    mutationFn: resendMessage,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['outbox'] }),
    onError: (e) => onError(e),
  });

  const setFilter = (patch: OutboxFilters) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };

  return (
    <>
      {status.data && !status.data.smtpConfigured && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('notifications.outbox.smtpMissing')}
          description={t('notifications.outbox.smtpMissingHelp')}
        />
      )}
      {status.data && (
        <Space wrap style={{ marginBottom: 12 }}>
          {OUTBOX_STATUSES.map((s) => (
            <Tag key={s} color={STATUS_COLORS[s]}>
              {t(`enums.outboxStatus.${s}`)} {status.data.counts[s] ?? 0}
            </Tag>
          ))}
        </Space>
      )}
      <div className="gm-toolbar">
        <Select
          allowClear
          placeholder={t('notifications.outbox.status')}
          options={OUTBOX_STATUSES.map((v) => ({ value: v, label: t(`enums.outboxStatus.${v}`) }))}
          onChange={(v) => setFilter({ status: v })}
          style={{ width: 140 }}
        />
        <Select
          allowClear
          placeholder={t('notifications.outbox.channel')}
          options={CHANNELS.map((v) => ({ value: v, label: t(`enums.channel.${v}`) }))}
          onChange={(v) => setFilter({ channel: v })}
          style={{ width: 140 }}
        />
        <Select
          allowClear
          placeholder={t('notifications.outbox.type')}
          options={MESSAGE_TYPES.map((v) => ({ value: v, label: t(`enums.messageType.${v}`) }))}
          onChange={(v) => setFilter({ type: v })}
          style={{ width: 160 }}
        />
        <Button onClick={() => queryClient.invalidateQueries({ queryKey: ['outbox'] })}>
          {t('notifications.outbox.refresh')}
        </Button>
      </div>
      <Table<OutboxMessage>
        rowKey="id"
        size="middle"
        loading={messages.isFetching}
        dataSource={messages.data?.items}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page,
          pageSize,
          total: messages.data?.total,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
        columns={[
          { title: t('notifications.outbox.createdAt'), dataIndex: 'createdAt', render: time },
          {
            title: t('notifications.outbox.type'),
            dataIndex: 'type',
            render: (v: string) => t(`enums.messageType.${v}`),
          },
          {
            title: t('notifications.outbox.channel'),
            dataIndex: 'channel',
            render: (v: string) => t(`enums.channel.${v}`),
          },
          {
            title: t('notifications.outbox.recipient'),
            dataIndex: 'recipient',
            render: (v: string) => (
              <Typography.Text ellipsis={{ tooltip: v }} style={{ maxWidth: 220 }}>
                {v}
              </Typography.Text>
            ),
          },
          { title: t('notifications.outbox.subject'), dataIndex: 'subject' },
          {
            title: t('notifications.outbox.status'),
            dataIndex: 'status',
            render: (v: OutboxStatus, m) => (
              <Tooltip title={m.lastError}>
                <Tag color={STATUS_COLORS[v]}>{t(`enums.outboxStatus.${v}`)}</Tag>
              </Tooltip>
            ),
          },
          { title: t('notifications.outbox.attempts'), dataIndex: 'attempts' },
          {
            title: t('notifications.outbox.sentOrNext'),
            render: (_, m) =>
              m.status === 'sent' ? time(m.sentAt) : m.status === 'dead' ? '—' : time(m.nextAttemptAt),
          },
          {
            title: t('common.actions'),
            render: (_, m) => (
              <Space>
                <Button size="small" onClick={() => setOpenId(m.id)}>
                  {t('notifications.outbox.details')}
                </Button>
                <Popconfirm
                  title={t('notifications.outbox.resendConfirm')}
                  onConfirm={() => resend.mutateAsync(m.id)}
                  disabled={m.status === 'sending'}
                >
                  <Button size="small" disabled={m.status === 'sending'}>
                    {t('notifications.outbox.resend')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <MessageDrawer id={openId} onClose={() => setOpenId(null)} />
    </>
  );
}

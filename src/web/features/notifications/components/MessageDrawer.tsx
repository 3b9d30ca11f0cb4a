import { useQuery } from '@tanstack/react-query';
import { Descriptions, Drawer, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { OutboxAttempt } from '../../../../contract/notifications.js';
import { getOutboxMessage } from '../api.js';
import { STATUS_COLORS } from './status.js';

const time = (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm:ss') : '—');

/** One message: what was sent to whom, and every delivery attempt with the peer's answer. */
export function MessageDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const message = useQuery({
    queryKey: ['outbox', 'detail', id],
    queryFn: () => getOutboxMessage(id!),
    enabled: Boolean(id),
  });
  const m = message.data;
  return (
    <Drawer
      open={Boolean(id)}
      onClose={onClose}
      size="large"
      title={m?.subject ?? t('notifications.outbox.details')}
    >
      {m && (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('notifications.outbox.type')}>
              {t(`enums.messageType.${m.type}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('notifications.outbox.channel')}>
              {t(`enums.channel.${m.channel}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('notifications.outbox.recipient')}>{m.recipient}</Descriptions.Item>
            <Descriptions.Item label={t('notifications.outbox.status')}>
              <Tag color={STATUS_COLORS[m.status]}>{t(`enums.outboxStatus.${m.status}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('notifications.outbox.lastError')}>
              {m.lastError ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('notifications.outbox.createdAt')}>
              {time(m.createdAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('notifications.outbox.sentAt')}>{time(m.sentAt)}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('notifications.outbox.body')}
          </Typography.Title>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{m.body}</Typography.Paragraph>
          <Typography.Title level={5}>{t('notifications.outbox.deliveries')}</Typography.Title>
          <Table<OutboxAttempt>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={m.deliveries}
            locale={{ emptyText: t('notifications.outbox.noDeliveries') }}
            columns={[
              { title: t('notifications.outbox.at'), dataIndex: 'at', render: time },
              {
                title: t('notifications.outbox.result'),
                dataIndex: 'ok',
                render: (ok: boolean) => (
                  <Tag color={ok ? 'success' : 'error'}>
                    {ok ? t('notifications.outbox.ok') : t('notifications.outbox.failed')}
                  </Tag>
                ),
              },
              { title: t('notifications.outbox.response'), dataIndex: 'response' },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}

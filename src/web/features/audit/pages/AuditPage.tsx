import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { AutoComplete, DatePicker, Select, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../contract/audit.js';
import { listUsers } from '../../users/api.js';
import { type AuditFilters, listAudit } from '../api.js';
import { JsonDiff } from '../components/JsonDiff.js';

const ENTITY_TYPES = ['association', 'user', 'invite', 'member_unit'];
const ACTIONS = [
  'association.setup',
  'association.update',
  'user.disable',
  'user.enable',
  'invite.create',
  'invite.revoke',
  'invite.accept',
  'member_unit.create',
  'member_unit.update',
  'member_unit.archive',
  'member_unit.restore',
  'member_unit.import',
];

/** Admin: who changed what and when, with the before/after of each change. */
export default function AuditPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<AuditFilters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const actors = useQuery({
    queryKey: ['users', 'audit-actors'],
    queryFn: () => listUsers({ pageSize: 100 }),
  });
  const entries = useQuery({
    queryKey: ['audit', filters, page, pageSize],
    queryFn: () => listAudit({ ...filters, page, pageSize }),
    placeholderData: keepPreviousData,
  });

  const setFilter = (patch: AuditFilters) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };
  const setRange = (range: [Dayjs | null, Dayjs | null] | null) =>
    setFilter({
      from: range?.[0]?.startOf('day').toISOString(),
      to: range?.[1]?.endOf('day').toISOString(),
    });

  return (
    <>
      <Typography.Title level={3}>{t('audit.title')}</Typography.Title>
      <div className="gm-toolbar">
        <AutoComplete
          allowClear
          placeholder={t('audit.entityType')}
          options={ENTITY_TYPES.map((v) => ({
            value: v,
            label: t(`audit.entityTypes.${v}`, { defaultValue: v }),
          }))}
          onChange={(v: string) => setFilter({ entityType: v?.trim() || undefined })}
          style={{ width: 180 }}
        />
        <AutoComplete
          allowClear
          placeholder={t('audit.action')}
          options={ACTIONS.map((v) => ({ value: v }))}
          onChange={(v: string) => setFilter({ action: v?.trim() || undefined })}
          style={{ width: 220 }}
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('audit.actor')}
          loading={actors.isPending}
          options={actors.data?.items.map((u) => ({ value: u.id, label: u.name }))}
          onChange={(v: string | undefined) => setFilter({ actorId: v })}
          style={{ width: 180 }}
        />
        <DatePicker.RangePicker onChange={(range) => setRange(range)} style={{ maxWidth: '100%' }} />
      </div>
      <Table<AuditEntry>
        rowKey="id"
        size="middle"
        loading={entries.isFetching}
        dataSource={entries.data?.items}
        scroll={{ x: 'max-content' }}
        expandable={{ expandedRowRender: (entry) => <JsonDiff before={entry.before} after={entry.after} /> }}
        pagination={{
          current: page,
          pageSize,
          total: entries.data?.total,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
        columns={[
          {
            title: t('audit.at'),
            dataIndex: 'createdAt',
            render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss'),
          },
          { title: t('audit.actor'), dataIndex: 'actorName', render: (v) => v ?? t('audit.system') },
          { title: t('audit.action'), dataIndex: 'action' },
          {
            title: t('audit.entityType'),
            dataIndex: 'entityType',
            render: (v: string) => t(`audit.entityTypes.${v}`, { defaultValue: v }),
          },
          { title: t('audit.entityId'), dataIndex: 'entityId', render: (v) => v ?? '—' },
        ]}
      />
    </>
  );
}

import { DownOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Dropdown, Flex, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Event } from '../../../../contract/events.js';
import {
  REGISTRATION_STATUSES,
  type Registration,
  type RegistrationStatus,
} from '../../../../contract/registrations.js';
import { useApiError } from '../../../components/useApiError.js';
import {
  approveRegistration,
  listRegistrations,
  type RegistrationFilters,
  registrationsKey,
} from '../api.js';
import { type RegistrationAction, RegistrationActionModal } from './RegistrationActionModal.js';
import { RegistrationDrawer } from './RegistrationDrawer.js';
import { RegistrationStatusTag } from './RegistrationStatusTag.js';
import { UnitSelect } from './UnitSelect.js';

const PAGE_SIZE = 20;

/** 报名名单: counts per status, search and filters, and the staff actions on each row. */
export function RegistrationList({ event }: { event: Event }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const showError = useApiError();
  const [filters, setFilters] = useState<RegistrationFilters>({});
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [drawer, setDrawer] = useState<Registration | null | undefined>(undefined);
  const [action, setAction] = useState<{ kind: RegistrationAction; registration: Registration } | null>(null);

  const list = useQuery({
    queryKey: [...registrationsKey(event.id), 'list', filters, page],
    queryFn: () => listRegistrations(event.id, { ...filters, page, pageSize: PAGE_SIZE }),
  });
  const counts = useQueries({
    queries: REGISTRATION_STATUSES.map((status) => ({
      queryKey: [...registrationsKey(event.id), 'count', status],
      queryFn: () => listRegistrations(event.id, { status, page: 1, pageSize: 1 }),
    })),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['events', event.id] });
  const filter = (next: RegistrationFilters) => {
    setFilters((f) => ({ ...f, ...next }));
    setPage(1);
  };

  async function approve(r: Registration) {
    try {
      await approveRegistration(r.id);
      await refresh();
    } catch (error) {
      showError(error);
    }
  }

  const menu = (r: Registration) => {
    const active = r.status !== 'cancelled' && !r.anonymized;
    return [
      ...(r.status === 'pending' ? [{ key: 'approve', label: t('registrations.actions.approve') }] : []),
      ...(active ? [{ key: 'edit', label: t('registrations.actions.edit') }] : []),
      ...(active && event.sites.length > 1 ? [{ key: 'move', label: t('registrations.actions.move') }] : []),
      ...(active ? [{ key: 'substitute', label: t('registrations.actions.substitute') }] : []),
      ...(active ? [{ key: 'cancel', label: t('registrations.actions.cancel'), danger: true }] : []),
    ];
  };

  return (
    <Flex vertical gap={12}>
      <Flex gap={16} wrap data-testid="registration-counts">
        {REGISTRATION_STATUSES.map((status, i) => (
          <Button
            key={status}
            type={filters.status === status ? 'primary' : 'default'}
            ghost={filters.status === status}
            onClick={() => filter({ status: filters.status === status ? undefined : status })}
          >
            <Space size={6}>
              {t(`registrations.status.${status}`)}
              <Badge
                count={counts[i].data?.total ?? 0}
                showZero
                color={
                  { confirmed: '#52c41a', waitlisted: '#fa8c16', pending: '#1677ff', cancelled: '#bfbfbf' }[
                    status
                  ]
                }
              />
            </Space>
          </Button>
        ))}
      </Flex>
      <Flex gap={8} wrap>
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('registrations.filters.search')}
          style={{ width: 240, maxWidth: '100%' }}
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            filter({ q: e.target.value.trim() || undefined });
          }}
          aria-label={t('registrations.filters.search')}
        />
        <Select<RegistrationStatus>
          allowClear
          placeholder={t('registrations.filters.status')}
          style={{ width: 140 }}
          value={filters.status}
          onChange={(status) => filter({ status })}
          options={REGISTRATION_STATUSES.map((s) => ({ value: s, label: t(`registrations.status.${s}`) }))}
        />
        {event.sites.length > 1 ? (
          <Select
            allowClear
            placeholder={t('registrations.filters.site')}
            style={{ width: 180 }}
            value={filters.eventSiteId}
            onChange={(eventSiteId) => filter({ eventSiteId })}
            options={event.sites.map((s) => ({ value: s.id, label: s.siteName }))}
          />
        ) : null}
        <UnitSelect
          allowClear
          style={{ width: 240, maxWidth: '100%' }}
          value={filters.memberUnitId}
          onChange={(memberUnitId) => filter({ memberUnitId: memberUnitId ?? undefined })}
        />
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setDrawer(null)}
          data-testid="registration-add"
          style={{ marginLeft: 'auto' }}
        >
          {t('registrations.add')}
        </Button>
      </Flex>
      <Table<Registration>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data?.items}
        scroll={{ x: 900 }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          onChange: setPage,
          showTotal: (total) => t('registrations.total', { n: total }),
        }}
        columns={[
          {
            title: t('registrations.columns.name'),
            dataIndex: 'name',
            fixed: 'left',
            width: 110,
          },
          { title: t('registrations.columns.unit'), dataIndex: 'unitName', ellipsis: true },
          { title: t('registrations.columns.position'), dataIndex: 'position', width: 120 },
          { title: t('registrations.columns.mobile'), dataIndex: 'mobile', width: 130 },
          ...(event.sites.length > 1
            ? [{ title: t('registrations.columns.site'), dataIndex: 'siteName' as const, width: 140 }]
            : []),
          {
            title: t('registrations.columns.status'),
            width: 110,
            render: (_: unknown, r: Registration) => <RegistrationStatusTag registration={r} />,
          },
          {
            title: t('registrations.columns.createdAt'),
            dataIndex: 'createdAt',
            width: 150,
            render: (value: string) => new Date(value).toLocaleString(),
          },
          {
            title: t('registrations.columns.actions'),
            width: 110,
            fixed: 'right',
            render: (_: unknown, r: Registration) => {
              const items = menu(r);
              if (!items.length) return <Typography.Text type="secondary">—</Typography.Text>;
              return (
                <Dropdown
                  trigger={['click']}
                  menu={{
                    items,
                    onClick: ({ key }) => {
                      if (key === 'approve') void approve(r);
                      else if (key === 'edit') setDrawer(r);
                      else setAction({ kind: key as RegistrationAction, registration: r });
                    },
                  }}
                >
                  <Button size="small" data-testid={`registration-actions-${r.name}`}>
                    {t('registrations.columns.actions')} <DownOutlined />
                  </Button>
                </Dropdown>
              );
            },
          },
        ]}
      />
      {drawer !== undefined ? (
        <RegistrationDrawer
          event={event}
          registration={drawer}
          onClose={() => setDrawer(undefined)}
          onDone={() => {
            setDrawer(undefined);
            void refresh();
          }}
        />
      ) : null}
      {action ? (
        <RegistrationActionModal
          event={event}
          kind={action.kind}
          registration={action.registration}
          onClose={() => setAction(null)}
          onDone={() => {
            setAction(null);
            void refresh();
          }}
        />
      ) : null}
    </Flex>
  );
}

import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEMBER_LEVELS, PROJECT_TYPES, UNIT_TYPES } from '../../../../contract/enums.js';
import type { MemberUnit } from '../../../../contract/member-units.js';
import { isStaff, useMe } from '../../../app/session.js';
import { useApiError } from '../../../components/useApiError.js';
import {
  exportMemberUnits,
  listMemberUnits,
  type MemberUnitFilters,
  memberUnitsKey,
  setMemberUnitArchived,
} from '../api.js';
import { ImportModal } from '../components/ImportModal.js';
import { MemberUnitFormDrawer } from '../components/MemberUnitFormDrawer.js';

type Archived = 'false' | 'true' | 'all';

export default function MemberUnitsPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const canWrite = isStaff(me?.role);
  const { message } = App.useApp();
  const showError = useApiError();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<MemberUnitFilters>({ archived: 'false' });
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [editing, setEditing] = useState<MemberUnit | null | undefined>(undefined);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);

  const units = useQuery({
    queryKey: [...memberUnitsKey, 'list', filters, page, pageSize],
    queryFn: () => listMemberUnits({ ...filters, page, pageSize }),
    placeholderData: keepPreviousData,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: memberUnitsKey });
  const archive = useMutation({
    mutationFn: (unit: MemberUnit) => setMemberUnitArchived(unit.id, !unit.archived),
    onSuccess: (unit) => {
      message.success(unit.archived ? t('memberUnits.archived') : t('memberUnits.restored'));
      return refresh();
    },
    onError: (error) => showError(error),
  });

  const setFilter = <K extends keyof MemberUnitFilters>(key: K, value: MemberUnitFilters[K]) => {
    setFilters((f) => ({ ...f, [key]: value }));
    setPage(1);
  };

  const doExport = async () => {
    setExporting(true);
    try {
      await exportMemberUnits(filters);
    } catch (error) {
      showError(error);
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('memberUnits.title')}
        </Typography.Title>
        {canWrite && (
          <Space wrap>
            <Button
              icon={<UploadOutlined />}
              onClick={() => setImporting(true)}
              data-testid="member-units-import"
            >
              {t('memberUnits.import.button')}
            </Button>
            <Button
              icon={<DownloadOutlined />}
              loading={exporting}
              onClick={doExport}
              data-testid="member-units-export"
            >
              {t('memberUnits.export')}
            </Button>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing(null)}
              data-testid="member-units-create"
            >
              {t('memberUnits.create')}
            </Button>
          </Space>
        )}
      </Flex>
      <div className="gm-toolbar">
        <Input.Search
          allowClear
          placeholder={t('memberUnits.searchPlaceholder')}
          onSearch={(value) => setFilter('q', value.trim() || undefined)}
          style={{ width: 280, maxWidth: '100%' }}
          data-testid="member-units-search"
        />
        <Select
          allowClear
          placeholder={t('memberUnits.unitType')}
          value={filters.unitType}
          onChange={(v) => setFilter('unitType', v)}
          options={UNIT_TYPES.map((v) => ({ value: v, label: t(`enums.unitType.${v}`) }))}
          style={{ width: 160 }}
        />
        <Select
          allowClear
          placeholder={t('memberUnits.level')}
          value={filters.level}
          onChange={(v) => setFilter('level', v)}
          options={MEMBER_LEVELS.map((v) => ({ value: v, label: t(`enums.memberLevel.${v}`) }))}
          style={{ width: 160 }}
        />
        <Select
          allowClear
          placeholder={t('memberUnits.projectType')}
          value={filters.projectType}
          onChange={(v) => setFilter('projectType', v)}
          options={PROJECT_TYPES.map((v) => ({ value: v, label: t(`enums.projectType.${v}`) }))}
          style={{ width: 160 }}
        />
        <Select<Archived>
          value={(filters.archived ?? 'false') as Archived}
          onChange={(v) => setFilter('archived', v)}
          options={[
            { value: 'false', label: t('memberUnits.filterActive') },
            { value: 'true', label: t('memberUnits.filterArchived') },
            { value: 'all', label: t('memberUnits.filterAll') },
          ]}
          style={{ width: 140 }}
        />
      </div>
      <Table<MemberUnit>
        rowKey="id"
        size="middle"
        loading={units.isFetching}
        dataSource={units.data?.items}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page,
          pageSize,
          total: units.data?.total,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
        expandable={{
          rowExpandable: (unit) => unit.contacts.length > 0 || !!unit.address || !!unit.note,
          expandedRowRender: (unit) => <UnitDetails unit={unit} />,
        }}
        columns={[
          {
            title: t('memberUnits.name'),
            dataIndex: 'name',
            render: (name: string, unit) => (
              <Space size={4} wrap>
                <span>{name}</span>
                {unit.archived && <Tag>{t('memberUnits.archivedTag')}</Tag>}
              </Space>
            ),
          },
          { title: t('memberUnits.uscc'), dataIndex: 'uscc' },
          {
            title: t('memberUnits.unitType'),
            dataIndex: 'unitType',
            render: (v) => t(`enums.unitType.${v}`),
          },
          { title: t('memberUnits.level'), dataIndex: 'level', render: (v) => t(`enums.memberLevel.${v}`) },
          {
            title: t('memberUnits.projectTypes'),
            dataIndex: 'projectTypes',
            render: (types: string[]) => (
              <Space size={[0, 4]} wrap style={{ maxWidth: 260 }}>
                {types.map((p) => (
                  <Tag key={p}>{t(`enums.projectType.${p}`)}</Tag>
                ))}
              </Space>
            ),
          },
          {
            title: t('memberUnits.primaryContact'),
            render: (_, unit) => {
              const contact = unit.contacts[0];
              return contact ? `${contact.name}${contact.mobile ? ` ${contact.mobile}` : ''}` : '—';
            },
          },
          ...(canWrite
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, unit: MemberUnit) => (
                    <Space>
                      <Button size="small" onClick={() => setEditing(unit)}>
                        {t('common.edit')}
                      </Button>
                      <Popconfirm
                        title={
                          unit.archived ? t('memberUnits.confirmRestore') : t('memberUnits.confirmArchive')
                        }
                        onConfirm={() => archive.mutateAsync(unit)}
                      >
                        <Button size="small" danger={!unit.archived}>
                          {unit.archived ? t('memberUnits.restore') : t('memberUnits.archive')}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <MemberUnitFormDrawer
        open={editing !== undefined}
        unit={editing ?? null}
        onClose={() => setEditing(undefined)}
        onSaved={(unit) => {
          message.success(t('memberUnits.saved', { name: unit.name }));
          setEditing(undefined);
          void refresh();
        }}
      />
      <ImportModal open={importing} onClose={() => setImporting(false)} onImported={() => void refresh()} />
    </>
  );
}

function UnitDetails({ unit }: { unit: MemberUnit }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={4}>
      {unit.address && (
        <span>
          {t('memberUnits.address')}: {unit.address}
        </span>
      )}
      {(unit.projectCount !== null || unit.staffCount !== null) && (
        <span>
          {t('memberUnits.projectCount')}: {unit.projectCount ?? '—'} · {t('memberUnits.staffCount')}:{' '}
          {unit.staffCount ?? '—'}
        </span>
      )}
      {unit.contacts.map((c) => (
        <span key={c.id}>
          {c.isPrimary && <Tag color="blue">{t('memberUnits.primaryContact')}</Tag>}
          {[c.name, c.position, c.mobile, c.email].filter(Boolean).join(' · ')}
        </span>
      ))}
      {unit.note && (
        <span>
          {t('memberUnits.note')}: {unit.note}
        </span>
      )}
    </Flex>
  );
}

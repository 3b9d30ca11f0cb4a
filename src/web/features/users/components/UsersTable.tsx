import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Input, Popconfirm, Select, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../../contract/common.js';
import type { User } from '../../../../contract/users.js';
import { useMe } from '../../../app/session.js';
import { useApiError } from '../../../components/useApiError.js';
import { listUsers, setUserDisabled } from '../api.js';

export function UsersTable() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [q, setQ] = useState('');
  const [role, setRole] = useState<Role>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const showError = useApiError();
  const queryClient = useQueryClient();
  const users = useQuery({
    queryKey: ['users', { q, role, page, pageSize }],
    queryFn: () => listUsers({ q: q || undefined, role, page, pageSize }),
  });
  const toggle = useMutation({
    mutationFn: (user: User) => setUserDisabled(user.id, !user.disabled),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
    onError: (error) => showError(error),
  });

  return (
    <>
      <div className="gm-toolbar">
        <Input.Search
          allowClear
          placeholder={t('users.searchPlaceholder')}
          onSearch={(value) => {
            setQ(value.trim());
            setPage(1);
          }}
          style={{ width: 260, maxWidth: '100%' }}
        />
        <Select<Role>
          allowClear
          placeholder={t('users.role')}
          value={role}
          onChange={(value) => {
            setRole(value);
            setPage(1);
          }}
          options={ROLES.map((r) => ({ value: r, label: t(`enums.role.${r}`) }))}
          style={{ width: 160 }}
        />
      </div>
      <Table<User>
        rowKey="id"
        size="middle"
        loading={users.isFetching}
        dataSource={users.data?.items}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page,
          pageSize,
          total: users.data?.total,
          showSizeChanger: true,
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
        columns={[
          { title: t('users.name'), dataIndex: 'name' },
          { title: t('users.role'), dataIndex: 'role', render: (r: Role) => t(`enums.role.${r}`) },
          { title: t('users.login'), render: (_, u) => u.email ?? u.mobile ?? '—' },
          { title: t('users.memberUnit'), dataIndex: 'memberUnitName', render: (v) => v ?? '—' },
          {
            title: t('users.lastLogin'),
            dataIndex: 'lastLoginAt',
            render: (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '—'),
          },
          {
            title: t('users.status'),
            dataIndex: 'disabled',
            render: (disabled: boolean) =>
              disabled ? (
                <Tag color="red">{t('users.disabled')}</Tag>
              ) : (
                <Tag color="green">{t('users.active')}</Tag>
              ),
          },
          {
            title: t('common.actions'),
            render: (_, user) =>
              user.id === me?.id ? null : (
                <Popconfirm
                  title={user.disabled ? t('users.confirmEnable') : t('users.confirmDisable')}
                  onConfirm={() => toggle.mutateAsync(user)}
                >
                  <Button size="small" danger={!user.disabled}>
                    {user.disabled ? t('users.enable') : t('users.disable')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </>
  );
}

import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Popconfirm, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../contract/common.js';
import { useApiError } from '../../../components/useApiError.js';
import { type Invite, listInvites, revokeInvite } from '../api.js';
import { CreateInviteModal } from './CreateInviteModal.js';

export function InvitesPanel() {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const showError = useApiError();
  const queryClient = useQueryClient();
  const invites = useQuery({ queryKey: ['invites'], queryFn: listInvites });
  const revoke = useMutation({
    mutationFn: (id: string) => revokeInvite(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['invites'] }),
    onError: (error) => showError(error),
  });

  const statusOf = (invite: Invite) => {
    if (invite.usedAt) return <Tag color="green">{t('users.inviteUsed')}</Tag>;
    if (dayjs(invite.expiresAt).isBefore(dayjs())) return <Tag>{t('users.inviteExpired')}</Tag>;
    return <Tag color="blue">{t('users.invitePending')}</Tag>;
  };

  return (
    <>
      <div className="gm-toolbar">
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('users.createInvite')}
        </Button>
      </div>
      <Table<Invite>
        rowKey="id"
        size="middle"
        loading={invites.isFetching}
        dataSource={invites.data}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('users.role'), dataIndex: 'role', render: (r: Role) => t(`enums.role.${r}`) },
          { title: t('users.name'), dataIndex: 'name', render: (v) => v ?? '—' },
          { title: t('users.email'), dataIndex: 'email', render: (v) => v ?? '—' },
          { title: t('users.memberUnit'), dataIndex: 'memberUnitName', render: (v) => v ?? '—' },
          {
            title: t('users.expiresAt'),
            dataIndex: 'expiresAt',
            render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm'),
          },
          { title: t('users.status'), render: (_, invite) => statusOf(invite) },
          {
            title: t('common.actions'),
            render: (_, invite) =>
              invite.usedAt ? null : (
                <Popconfirm title={t('users.confirmRevoke')} onConfirm={() => revoke.mutateAsync(invite.id)}>
                  <Button size="small" danger>
                    {t('users.revoke')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <CreateInviteModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={() => queryClient.invalidateQueries({ queryKey: ['invites'] })}
      />
    </>
  );
}

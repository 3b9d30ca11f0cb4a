import { CheckOutlined, DeleteOutlined, EditOutlined, PlusOutlined, UndoOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Popconfirm, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RetroAction, RetroActionInput, Retrospective } from '../../../../contract/retrospectives.js';
import { useApiError } from '../../../components/useApiError.js';
import { addAction, deleteAction, retrospectiveKey, updateAction } from '../api.js';
import { ActionModal } from './ActionModal.js';

type Change =
  | { kind: 'add'; input: RetroActionInput }
  | { kind: 'edit'; id: string; input: Partial<RetroActionInput> }
  | { kind: 'delete'; id: string };

/** 改进措施: add, edit, mark done / reopen, delete; overdue ones flagged. */
export function ActionsPanel({
  eventId,
  actions,
  editable,
}: {
  eventId: string;
  actions: RetroAction[];
  editable: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<RetroAction | 'new' | null>(null);

  const change = useMutation({
    mutationFn: (c: Change) =>
      c.kind === 'add'
        ? addAction(eventId, c.input)
        : c.kind === 'edit'
          ? updateAction(eventId, c.id, c.input)
          : deleteAction(eventId, c.id),
    onSuccess: (retro: Retrospective, c) => {
      // Only the actions: the notes editor keeps what is being typed.
      queryClient.setQueryData<Retrospective>(retrospectiveKey(eventId), (old) =>
        old ? { ...old, actions: retro.actions } : retro,
      );
      setEditing(null);
      message.success(
        t(
          c.kind === 'add'
            ? 'retrospectives.actions.created'
            : c.kind === 'edit'
              ? 'retrospectives.actions.updated'
              : 'retrospectives.actions.deleted',
        ),
      );
    },
    onError: (error) => showError(error),
  });

  const done = actions.filter((a) => a.status === 'done').length;
  const overdue = actions.filter((a) => a.overdue).length;

  return (
    <Card
      title={t('retrospectives.actions.title')}
      size="small"
      className="retro-card"
      extra={
        <Button
          icon={<PlusOutlined />}
          disabled={!editable}
          onClick={() => setEditing('new')}
          data-testid="retro-action-add"
        >
          {t('retrospectives.actions.add')}
        </Button>
      }
    >
      {actions.length ? (
        <Typography.Paragraph type="secondary" className="retro-small">
          {t('retrospectives.actions.summary', { total: actions.length, done, overdue })}
        </Typography.Paragraph>
      ) : null}
      <Table<RetroAction>
        rowKey="id"
        size="small"
        dataSource={actions}
        pagination={false}
        scroll={{ x: 680 }}
        locale={{ emptyText: t('retrospectives.actions.empty') }}
        data-testid="retro-actions"
        columns={[
          {
            title: t('retrospectives.actions.action'),
            dataIndex: 'title',
            render: (title: string, a) => (
              <Typography.Text
                delete={a.status === 'done'}
                type={a.status === 'done' ? 'secondary' : undefined}
              >
                {title}
              </Typography.Text>
            ),
          },
          { title: t('retrospectives.actions.owner'), dataIndex: 'ownerName', width: 120 },
          {
            title: t('retrospectives.actions.dueDate'),
            dataIndex: 'dueDate',
            width: 120,
            render: (due: string, a) => (
              <Typography.Text type={a.overdue ? 'danger' : undefined}>{due}</Typography.Text>
            ),
          },
          {
            title: t('retrospectives.actions.status'),
            width: 96,
            render: (_, a) =>
              a.status === 'done' ? (
                <Tag color="green">{t('retrospectives.actions.statusDone')}</Tag>
              ) : a.overdue ? (
                <Tag color="red">{t('retrospectives.actions.statusOverdue')}</Tag>
              ) : (
                <Tag color="blue">{t('retrospectives.actions.statusOpen')}</Tag>
              ),
          },
          {
            title: '',
            width: 108,
            fixed: 'right',
            render: (_, a) => (
              <Flex gap={2} justify="end">
                <Button
                  type="text"
                  size="small"
                  disabled={!editable}
                  icon={a.status === 'done' ? <UndoOutlined /> : <CheckOutlined />}
                  title={t(
                    a.status === 'done' ? 'retrospectives.actions.reopen' : 'retrospectives.actions.markDone',
                  )}
                  aria-label={t(
                    a.status === 'done' ? 'retrospectives.actions.reopen' : 'retrospectives.actions.markDone',
                  )}
                  onClick={() =>
                    change.mutate({
                      kind: 'edit',
                      id: a.id,
                      input: { status: a.status === 'done' ? 'open' : 'done' },
                    })
                  }
                />
                <Button
                  type="text"
                  size="small"
                  disabled={!editable}
                  icon={<EditOutlined />}
                  aria-label={t('retrospectives.actions.edit')}
                  title={t('retrospectives.actions.edit')}
                  onClick={() => setEditing(a)}
                />
                <Popconfirm
                  title={t('retrospectives.actions.deleteConfirm')}
                  onConfirm={() => change.mutate({ kind: 'delete', id: a.id })}
                  disabled={!editable}
                >
                  <Button
                    type="text"
                    size="small"
                    danger
                    disabled={!editable}
                    icon={<DeleteOutlined />}
                    aria-label={t('retrospectives.actions.delete')}
                    title={t('retrospectives.actions.delete')}
                  />
                </Popconfirm>
              </Flex>
            ),
          },
        ]}
      />
      <ActionModal
        open={editing !== null}
        action={editing === 'new' ? null : editing}
        saving={change.isPending}
        onCancel={() => setEditing(null)}
        onSave={(input) =>
          editing === 'new' || editing === null
            ? change.mutate({ kind: 'add', input: { ...input, status: 'open' } })
            : change.mutate({ kind: 'edit', id: editing.id, input })
        }
      />
    </Card>
  );
}

import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ChecklistTask,
  type ChecklistTaskInput,
  TASK_STATUSES,
} from '../../../../contract/checklists.js';
import type { Event } from '../../../../contract/events.js';
import { addTask, deleteTask, eventKey, getChecklist, listAssignees, updateTask } from '../api.js';
import { useEventMutation } from './useEventMutation.js';

const offsetLabel = (days: number) => (days === 0 ? 'T' : days < 0 ? `T${days}` : `T+${days}`);

/** 协调清单: tasks due relative to the event date, assignee and status inline; overdue ones in red. */
export function ChecklistPanel({ event }: { event: Event }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<ChecklistTaskInput>();
  const locked = event.status === 'archived';
  const checklist = useQuery({
    queryKey: [...eventKey(event.id), 'checklist'],
    queryFn: () => getChecklist(event.id),
  });
  const assignees = useQuery({
    queryKey: ['checklists', 'assignees'],
    queryFn: listAssignees,
    staleTime: 60_000,
  });
  const patch = useEventMutation(
    event.id,
    (args: { taskId: string; patch: Parameters<typeof updateTask>[2] }) =>
      updateTask(event.id, args.taskId, args.patch),
  );
  const remove = useEventMutation(event.id, (taskId: string) => deleteTask(event.id, taskId));
  const add = useEventMutation(
    event.id,
    (input: ChecklistTaskInput) => addTask(event.id, input),
    () => {
      setAdding(false);
      form.resetFields();
    },
  );
  const data = checklist.data;

  return (
    <Flex vertical gap={16}>
      {data && data.overdueCount > 0 && (
        <Alert type="error" showIcon message={t('events.dashboard.overdue', { count: data.overdueCount })} />
      )}
      <Flex justify="space-between" wrap gap={8}>
        <Typography.Text type="secondary" style={{ flex: '1 1 240px', minWidth: 0 }}>
          {t('events.checklist.help', { date: event.eventDate })}
        </Typography.Text>
        <Button icon={<PlusOutlined />} disabled={locked} onClick={() => setAdding(true)}>
          {t('events.checklist.add')}
        </Button>
      </Flex>
      <Table<ChecklistTask>
        rowKey="id"
        size="small"
        loading={checklist.isPending}
        dataSource={data?.tasks}
        pagination={false}
        scroll={{ x: 760 }}
        rowClassName={(task) => (task.overdue ? 'gm-row-overdue' : '')}
        columns={[
          {
            title: t('events.checklist.when'),
            width: 150,
            render: (_, task) => (
              <>
                <Tag>{offsetLabel(task.offsetDays)}</Tag>
                <Typography.Text type={task.overdue ? 'danger' : undefined}>{task.dueDate}</Typography.Text>
                {task.overdue && (
                  <Tag color="red" style={{ marginInlineStart: 4 }}>
                    {t('events.checklist.overdue')}
                  </Tag>
                )}
              </>
            ),
          },
          { title: t('events.checklist.title'), dataIndex: 'title' },
          {
            title: t('events.checklist.assignee'),
            width: 160,
            render: (_, task) => (
              <Select
                size="small"
                allowClear
                disabled={locked}
                style={{ width: 140 }}
                value={task.assigneeId ?? undefined}
                placeholder={t('events.checklist.unassigned')}
                options={assignees.data?.map((u) => ({ value: u.id, label: u.name }))}
                onChange={(assigneeId) =>
                  patch.mutate({ taskId: task.id, patch: { assigneeId: assigneeId ?? null } })
                }
              />
            ),
          },
          {
            title: t('events.checklist.status'),
            width: 130,
            render: (_, task) => (
              <Select
                size="small"
                disabled={locked}
                style={{ width: 110 }}
                value={task.status}
                options={TASK_STATUSES.map((s) => ({ value: s, label: t(`enums.taskStatus.${s}`) }))}
                onChange={(status) => patch.mutate({ taskId: task.id, patch: { status } })}
              />
            ),
          },
          {
            title: '',
            width: 50,
            render: (_, task) => (
              <Popconfirm
                title={t('events.checklist.deleteConfirm')}
                onConfirm={() => remove.mutate(task.id)}
              >
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  disabled={locked}
                  aria-label={t('events.delete')}
                />
              </Popconfirm>
            ),
          },
        ]}
      />
      <Modal
        open={adding}
        title={t('events.checklist.add')}
        onCancel={() => setAdding(false)}
        onOk={() => form.submit()}
        confirmLoading={add.isPending}
        forceRender
      >
        <Form<ChecklistTaskInput>
          form={form}
          layout="vertical"
          initialValues={{ offsetDays: -7, status: 'todo' }}
          onFinish={(values) => add.mutate(values)}
        >
          <Form.Item
            name="offsetDays"
            label={t('events.checklist.offset')}
            extra={t('events.checklist.offsetHelp')}
          >
            <InputNumber min={-365} max={365} />
          </Form.Item>
          <Form.Item name="title" label={t('events.checklist.title')} rules={[{ required: true, max: 200 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="assigneeId" label={t('events.checklist.assignee')}>
            <Select allowClear options={assignees.data?.map((u) => ({ value: u.id, label: u.name }))} />
          </Form.Item>
          <Form.Item name="notes" label={t('events.checklist.notes')}>
            <Input.TextArea rows={2} maxLength={5000} />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}

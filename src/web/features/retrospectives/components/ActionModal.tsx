import { useQuery } from '@tanstack/react-query';
import { DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../contract/common.js';
import {
  RETRO_LIMITS,
  type RetroAction,
  type RetroActionInput,
} from '../../../../contract/retrospectives.js';
import { listAssignees } from '../../events/api.js';

type Values = { title: string; ownerUserId?: string | null; ownerName: string; dueDate: Dayjs };

/** Add or edit one improvement action: what, who (a name, optionally a staff account), by when. */
export function ActionModal({
  open,
  action,
  saving,
  onCancel,
  onSave,
}: {
  open: boolean;
  /** The action being edited; none to add one. */
  action: RetroAction | null;
  saving: boolean;
  onCancel: () => void;
  onSave: (input: Omit<RetroActionInput, 'status'>) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const staff = useQuery({
    queryKey: ['checklists', 'assignees'],
    queryFn: listAssignees,
    staleTime: 60_000,
  });

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (action)
      form.setFieldsValue({
        title: action.title,
        ownerUserId: action.ownerUserId,
        ownerName: action.ownerName,
        dueDate: dayjs(action.dueDate),
      });
  }, [open, action, form]);

  return (
    <Modal
      open={open}
      title={t(action ? 'retrospectives.actions.editTitle' : 'retrospectives.actions.addTitle')}
      onCancel={onCancel}
      onOk={() => form.submit()}
      confirmLoading={saving}
      forceRender
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(values) =>
          onSave({
            title: values.title,
            ownerName: values.ownerName,
            ownerUserId: values.ownerUserId ?? null,
            dueDate: values.dueDate.format('YYYY-MM-DD'),
          })
        }
      >
        <Form.Item
          name="title"
          label={t('retrospectives.actions.action')}
          rules={[{ required: true, whitespace: true, max: RETRO_LIMITS.actionTitle }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} data-testid="retro-action-title" />
        </Form.Item>
        <Form.Item
          name="ownerUserId"
          label={t('retrospectives.actions.ownerUser')}
          extra={t('retrospectives.actions.ownerUserHint')}
        >
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={staff.data?.map((u) => ({ value: u.id, label: u.name }))}
            onChange={(id?: string) => {
              const user = staff.data?.find((u) => u.id === id);
              if (user) form.setFieldValue('ownerName', user.name);
            }}
          />
        </Form.Item>
        <Form.Item
          name="ownerName"
          label={t('retrospectives.actions.owner')}
          rules={[{ required: true, whitespace: true, max: LIMITS.shortText }]}
        >
          <Input data-testid="retro-action-owner" />
        </Form.Item>
        <Form.Item name="dueDate" label={t('retrospectives.actions.dueDate')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} data-testid="retro-action-due" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Button,
  Checkbox,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Event } from '../../../../contract/events.js';
import { type Material, type MaterialInput, QUANTITY_RULES } from '../../../../contract/materials.js';
import {
  addMaterial,
  deleteMaterial,
  eventKey,
  getMaterials,
  setMaterialReady,
  updateMaterial,
} from '../api.js';
import { useEventMutation } from './useEventMutation.js';

/** 物料: quantities worked out from the expected attendance, checked off when ready. */
export function MaterialsPanel({ event }: { event: Event }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Material | null | undefined>(undefined);
  const [form] = Form.useForm<MaterialInput>();
  const locked = event.status === 'archived';
  const materials = useQuery({
    queryKey: [...eventKey(event.id), 'materials'],
    queryFn: () => getMaterials(event.id),
  });
  const ready = useEventMutation(event.id, (args: { id: string; ready: boolean }) =>
    setMaterialReady(event.id, args.id, args.ready),
  );
  const remove = useEventMutation(event.id, (id: string) => deleteMaterial(event.id, id));
  const save = useEventMutation(
    event.id,
    (input: MaterialInput) =>
      editing ? updateMaterial(event.id, editing.id, input) : addMaterial(event.id, input),
    () => setEditing(undefined),
  );
  useEffect(() => {
    if (editing === undefined) return;
    form.resetFields();
    if (editing) form.setFieldsValue(editing);
  }, [editing, form]);
  const rule = Form.useWatch('rule', form);

  const ruleText = (m: Material) =>
    m.rule === 'per_event'
      ? t('events.materials.rulePerEvent', { n: m.baseQuantity })
      : m.rule === 'per_attendee'
        ? t('events.materials.rulePerAttendee', { n: m.baseQuantity })
        : t('events.materials.rulePerAttendeeSpare', { n: m.baseQuantity, spare: m.sparePercent });

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" wrap gap={8}>
        <Typography.Text type="secondary" data-testid="expected-attendance">
          {t('events.materials.attendance', { count: materials.data?.expectedAttendance ?? 0 })}
        </Typography.Text>
        <Button icon={<PlusOutlined />} disabled={locked} onClick={() => setEditing(null)}>
          {t('events.materials.add')}
        </Button>
      </Flex>
      <Table<Material>
        rowKey="id"
        size="small"
        loading={materials.isPending}
        dataSource={materials.data?.items}
        pagination={false}
        scroll={{ x: 640 }}
        columns={[
          {
            title: t('events.materials.ready'),
            width: 70,
            render: (_, m) => (
              <Checkbox
                checked={m.ready}
                disabled={locked}
                aria-label={t('events.materials.ready')}
                onChange={(e) => ready.mutate({ id: m.id, ready: e.target.checked })}
              />
            ),
          },
          {
            title: t('events.materials.name'),
            render: (_, m) => (
              <Space>
                <Typography.Text delete={m.ready}>{m.name}</Typography.Text>
                {m.optional && <Tag>{t('events.materials.optional')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('events.materials.quantity'),
            dataIndex: 'quantity',
            width: 90,
            render: (q: number) => <Typography.Text strong>{q}</Typography.Text>,
          },
          { title: t('events.materials.rule'), width: 220, render: (_, m) => ruleText(m) },
          {
            title: '',
            width: 90,
            render: (_, m) => (
              <Space size={0}>
                <Button
                  type="text"
                  icon={<EditOutlined />}
                  disabled={locked}
                  onClick={() => setEditing(m)}
                  aria-label={t('common.edit')}
                />
                <Popconfirm title={t('events.materials.deleteConfirm')} onConfirm={() => remove.mutate(m.id)}>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    disabled={locked}
                    aria-label={t('events.delete')}
                  />
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== undefined}
        title={editing ? t('events.materials.edit') : t('events.materials.add')}
        onCancel={() => setEditing(undefined)}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
        forceRender
      >
        <Form<MaterialInput>
          form={form}
          layout="vertical"
          initialValues={{
            rule: 'per_attendee_spare',
            baseQuantity: 1,
            sparePercent: 10,
            optional: false,
            ready: false,
          }}
          onFinish={(values) => save.mutate({ ...values, ready: editing?.ready ?? false })}
        >
          <Form.Item name="name" label={t('events.materials.name')} rules={[{ required: true, max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="rule" label={t('events.materials.rule')}>
            <Select
              options={QUANTITY_RULES.map((r) => ({ value: r, label: t(`enums.quantityRule.${r}`) }))}
            />
          </Form.Item>
          <Flex gap={16} wrap>
            <Form.Item
              name="baseQuantity"
              label={
                rule === 'per_event' ? t('events.materials.quantity') : t('events.materials.perAttendee')
              }
            >
              <InputNumber min={0} max={100000} />
            </Form.Item>
            {rule === 'per_attendee_spare' && (
              <Form.Item name="sparePercent" label={t('events.materials.spare')}>
                <InputNumber min={0} max={200} addonAfter="%" />
              </Form.Item>
            )}
          </Flex>
          <Form.Item name="optional" valuePropName="checked">
            <Checkbox>{t('events.materials.optional')}</Checkbox>
          </Form.Item>
          <Form.Item name="notes" label={t('events.materials.notes')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}

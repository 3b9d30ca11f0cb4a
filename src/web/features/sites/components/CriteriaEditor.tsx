import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Criterion, CriterionInput } from '../../../../contract/sites.js';
import { useApiError } from '../../../components/useApiError.js';
import { createCriterion, deleteCriterion, screeningKey, updateCriterion } from '../api.js';

/** The screening criteria and their weights (admins and staff edit them). */
export function CriteriaEditor({ criteria }: { criteria: Criterion[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CriterionInput>();
  const [editing, setEditing] = useState<Criterion | null | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  const totalWeight = criteria.reduce((sum, c) => sum + c.weight, 0);
  const refresh = () => queryClient.invalidateQueries({ queryKey: screeningKey });

  const open = (criterion: Criterion | null) => {
    setEditing(criterion);
    form.setFieldsValue(criterion ?? { name: '', weight: 10, description: null });
  };
  const submit = async (values: CriterionInput) => {
    setSaving(true);
    try {
      if (editing) await updateCriterion(editing.id, values);
      else await createCriterion(values);
      message.success(t('sites.screening.criterionSaved'));
      setEditing(undefined);
      await refresh();
    } catch (error) {
      showError(error, form);
    } finally {
      setSaving(false);
    }
  };
  const remove = async (criterion: Criterion) => {
    try {
      await deleteCriterion(criterion.id);
      await refresh();
    } catch (error) {
      showError(error);
    }
  };

  return (
    <Card
      title={t('sites.screening.criteriaTitle')}
      extra={
        <Button icon={<PlusOutlined />} onClick={() => open(null)} data-testid="criterion-add">
          {t('sites.screening.addCriterion')}
        </Button>
      }
    >
      <Table<Criterion>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={criteria}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('sites.screening.criterion'), dataIndex: 'name', width: 120 },
          {
            title: t('sites.screening.weight'),
            dataIndex: 'weight',
            width: 110,
            render: (weight: number) =>
              `${weight}（${totalWeight ? Math.round((weight / totalWeight) * 100) : 0}%）`,
          },
          { title: t('sites.screening.description'), dataIndex: 'description' },
          {
            title: t('common.actions'),
            width: 96,
            render: (_, criterion) => (
              <Space size={0}>
                <Button
                  type="text"
                  size="small"
                  icon={<EditOutlined />}
                  onClick={() => open(criterion)}
                  aria-label={t('common.edit')}
                />
                <Popconfirm
                  title={t('sites.screening.confirmDeleteCriterion', { name: criterion.name })}
                  onConfirm={() => remove(criterion)}
                >
                  <Button
                    type="text"
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('sites.delete')}
                  />
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== undefined}
        title={editing ? t('sites.screening.editCriterion') : t('sites.screening.addCriterion')}
        onCancel={() => setEditing(undefined)}
        onOk={() => form.submit()}
        confirmLoading={saving}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        destroyOnHidden
        forceRender
      >
        <Form<CriterionInput> form={form} layout="vertical" onFinish={submit}>
          <Form.Item
            name="name"
            label={t('sites.screening.criterion')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item
            name="weight"
            label={t('sites.screening.weight')}
            extra={t('sites.screening.weightHint')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <InputNumber min={0} max={100} precision={0} />
          </Form.Item>
          <Form.Item name="description" label={t('sites.screening.description')}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

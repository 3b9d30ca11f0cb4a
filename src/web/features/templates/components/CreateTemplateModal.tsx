import { Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TEMPLATE_KINDS, TEMPLATE_LIMITS, type TemplateInput } from '../../../../contract/templates.js';
import { useApiError } from '../../../components/useApiError.js';

/** Asks for name, description and kind; `onSubmit` creates (or renames) the template. */
export function TemplateFormModal({
  open,
  title,
  okText,
  initial,
  withKind,
  onSubmit,
  onClose,
}: {
  open: boolean;
  title: string;
  okText: string;
  initial?: Partial<TemplateInput>;
  withKind: boolean;
  onSubmit: (values: TemplateInput) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<TemplateInput>();
  const showError = useApiError();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      await onSubmit(values);
    } catch (error) {
      showError(error, form);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ kind: 'observation', ...initial }}
        onFinish={() => void submit()}
      >
        <Form.Item
          name="name"
          label={t('templates.create.name')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={TEMPLATE_LIMITS.name} data-testid="template-name" />
        </Form.Item>
        <Form.Item name="description" label={t('templates.create.description')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={TEMPLATE_LIMITS.description} />
        </Form.Item>
        {withKind && (
          <Form.Item name="kind" label={t('templates.create.kind')}>
            <Select options={TEMPLATE_KINDS.map((k) => ({ value: k, label: t(`templates.kinds.${k}`) }))} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

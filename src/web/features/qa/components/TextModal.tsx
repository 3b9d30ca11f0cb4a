import { type ButtonProps, Form, Input, Modal, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { QA_LIMITS } from '../../../../contract/qa.js';

/** Adding a question of the association, or correcting a question's text. */
export function TextModal({
  open,
  title,
  help,
  okText,
  initial,
  busy,
  testId,
  onSubmit,
  onClose,
}: {
  open: boolean;
  title: string;
  help?: string;
  okText: string;
  initial: string;
  busy: boolean;
  testId: string;
  onSubmit: (text: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ text: string }>();
  useEffect(() => {
    if (open) form.setFieldsValue({ text: initial });
  }, [open, initial, form]);
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': `${testId}-submit` } as ButtonProps}
      destroyOnHidden
    >
      {help ? <Typography.Paragraph type="secondary">{help}</Typography.Paragraph> : null}
      <Form form={form} layout="vertical" onFinish={(v) => onSubmit(v.text.trim())}>
        <Form.Item name="text" rules={[{ required: true, whitespace: true, message: t('qa.textRequired') }]}>
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={QA_LIMITS.questionText}
            showCount
            placeholder={t('qa.textPlaceholder')}
            data-testid={`${testId}-input`}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

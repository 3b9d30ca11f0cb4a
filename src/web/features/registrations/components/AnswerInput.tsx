import { Checkbox, DatePicker, Form, Input, InputNumber, Radio } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Field } from '../../../../contract/registrations.js';

/** One custom registration field as an antd form item under `answers.<id>`. */
export function AnswerInput({ field }: { field: Field }) {
  const { t } = useTranslation();
  const rules = field.required ? [{ required: true, message: t('registrations.form.required') }] : [];
  const name = ['answers', field.id];
  switch (field.type) {
    case 'text':
      return (
        <Form.Item name={name} label={field.label} rules={rules}>
          <Input maxLength={2000} />
        </Form.Item>
      );
    case 'number':
      return (
        <Form.Item name={name} label={field.label} rules={rules}>
          <InputNumber style={{ width: '100%' }} />
        </Form.Item>
      );
    case 'date':
      return (
        <Form.Item
          name={name}
          label={field.label}
          rules={rules}
          getValueProps={(value: string | undefined) => ({ value: value ? dayjs(value) : undefined })}
          normalize={(value: dayjs.Dayjs | null) => (value ? value.format('YYYY-MM-DD') : undefined)}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      );
    case 'yes_no':
      return (
        <Form.Item name={name} label={field.label} rules={rules}>
          <Radio.Group
            options={[
              { value: true, label: t('registrations.form.yes') },
              { value: false, label: t('registrations.form.no') },
            ]}
          />
        </Form.Item>
      );
    case 'single_choice':
      return (
        <Form.Item name={name} label={field.label} rules={rules}>
          <Radio.Group options={field.options} />
        </Form.Item>
      );
    case 'multiple_choice':
      return (
        <Form.Item name={name} label={field.label} rules={rules}>
          <Checkbox.Group options={field.options} />
        </Form.Item>
      );
  }
}

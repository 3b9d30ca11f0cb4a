import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

/** Position, mobile and e-mail of a registrant: the same fields when staff add, edit or substitute. */
export function ContactFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="position"
        label={t('registrations.form.position')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item
        name="mobile"
        label={t('registrations.form.mobile')}
        rules={[{ required: true, pattern: /^1[3-9]\d{9}$/, message: t('registrations.form.mobileInvalid') }]}
      >
        <Input maxLength={11} inputMode="numeric" />
      </Form.Item>
      <Form.Item name="email" label={t('registrations.form.email')} rules={[{ type: 'email' }]}>
        <Input maxLength={254} />
      </Form.Item>
    </>
  );
}

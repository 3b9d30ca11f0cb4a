import { Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Event } from '../../../../contract/events.js';
import type { Registration } from '../../../../contract/registrations.js';
import { useApiError } from '../../../components/useApiError.js';
import { cancelRegistration, moveRegistration, type Substitute, substituteRegistration } from '../api.js';
import { ContactFields } from './ContactFields.js';

export type RegistrationAction = 'cancel' | 'move' | 'substitute';

/** Cancel (with a reason), move to the other site, or substitute a colleague for one registration. */
export function RegistrationActionModal({
  event,
  kind,
  registration,
  onClose,
  onDone,
}: {
  event: Event;
  kind: RegistrationAction;
  registration: Registration;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const showError = useApiError();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);

  async function submit() {
    const values = await form.validateFields();
    setBusy(true);
    try {
      if (kind === 'cancel') await cancelRegistration(registration.id, values.reason?.trim() || null);
      else if (kind === 'move') await moveRegistration(registration.id, values.eventSiteId);
      else
        await substituteRegistration(registration.id, {
          ...(values as Substitute),
          email: values.email || null,
        });
      onDone();
    } catch (error) {
      showError(error, form);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={t(`registrations.${kind}.title`, { name: registration.name })}
      okText={t(`registrations.${kind}.ok`)}
      okButtonProps={{ danger: kind === 'cancel', loading: busy }}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ eventSiteId: registration.eventSiteId }}>
        {kind === 'cancel' ? (
          <>
            <p>{t('registrations.cancel.text')}</p>
            <Form.Item name="reason" label={t('registrations.cancel.reason')}>
              <Input.TextArea maxLength={200} autoSize={{ minRows: 2 }} />
            </Form.Item>
          </>
        ) : null}
        {kind === 'move' ? (
          <Form.Item name="eventSiteId" label={t('registrations.move.site')} rules={[{ required: true }]}>
            <Radio.Group
              options={event.sites.map((s) => ({ value: s.id, label: s.siteName }))}
              optionType="button"
            />
          </Form.Item>
        ) : null}
        {kind === 'substitute' ? (
          <>
            <p>{t('registrations.substitute.text', { unit: registration.unitName })}</p>
            <Form.Item
              name="name"
              label={t('registrations.form.name')}
              rules={[{ required: true, whitespace: true }]}
            >
              <Input maxLength={50} />
            </Form.Item>
            <ContactFields />
          </>
        ) : null}
      </Form>
    </Modal>
  );
}

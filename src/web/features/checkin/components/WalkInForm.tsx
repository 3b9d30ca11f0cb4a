import { Alert, Button, Form, Input, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONSENT_VERSION, type RegisterResult } from '../../../../contract/registrations.js';
import { useApiError } from '../../../components/useApiError.js';
import { MemberUnitPicker } from '../../member-units/components/MemberUnitPicker.js';
import { registerWalkIn } from '../api.js';

type Values = { name: string; mobile: string; position: string; memberUnitId?: string; unitName?: string };

/**
 * 现场报名: someone who did not register arrives. Staff registers them (the person agrees to the
 * data notice on the spot) and the scanner then checks them in with method walk_in.
 */
export function WalkInForm({
  eventId,
  eventSiteId,
  online,
  onRegistered,
}: {
  eventId: string;
  eventSiteId: string | null;
  online: boolean;
  onRegistered: (result: RegisterResult) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const showError = useApiError();
  const [nonMember, setNonMember] = useState(false);
  const [saving, setSaving] = useState(false);

  const submit = async (values: Values) => {
    setSaving(true);
    try {
      const result = await registerWalkIn(eventId, {
        name: values.name,
        mobile: values.mobile,
        position: values.position,
        email: null,
        focusDimensionIds: [],
        questions: null,
        answers: {},
        memberUnitId: nonMember ? null : (values.memberUnitId ?? null),
        unitName: nonMember ? (values.unitName ?? null) : null,
        eventSiteId,
        consent: true,
        consentVersion: CONSENT_VERSION,
      });
      form.resetFields();
      await onRegistered(result);
    } catch (error) {
      showError(error, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="ck-walkin">
      {!online && <Alert type="warning" showIcon title={t('checkin.walkIn.offline')} />}
      <Form form={form} layout="vertical" onFinish={submit} disabled={!online || saving}>
        <Form.Item name="name" label={t('checkin.walkIn.name')} rules={[{ required: true, max: 50 }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="mobile" label={t('checkin.walkIn.mobile')} rules={[{ required: true }]}>
          <Input inputMode="tel" autoComplete="off" />
        </Form.Item>
        <Form.Item name="position" label={t('checkin.walkIn.position')} rules={[{ required: true, max: 50 }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('checkin.walkIn.nonMember')}>
          <Switch checked={nonMember} onChange={setNonMember} aria-label={t('checkin.walkIn.nonMember')} />
        </Form.Item>
        {nonMember ? (
          <Form.Item
            name="unitName"
            label={t('checkin.walkIn.unitName')}
            rules={[{ required: true, max: 100 }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
        ) : (
          <Form.Item name="memberUnitId" label={t('checkin.walkIn.unit')} rules={[{ required: true }]}>
            <MemberUnitPicker />
          </Form.Item>
        )}
        <Alert type="info" title={t('checkin.walkIn.consent')} style={{ marginBottom: 16 }} />
        <Button type="primary" htmlType="submit" size="large" block loading={saving}>
          {t('checkin.walkIn.submit')}
        </Button>
      </Form>
    </div>
  );
}

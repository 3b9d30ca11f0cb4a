import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, InputNumber, Spin, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Event } from '../../../../contract/events.js';
import type { RegistrationSettings } from '../../../../contract/registrations.js';
import { useApiError } from '../../../components/useApiError.js';
import { getSettings, registrationsKey, saveSettings } from '../api.js';

/** 报名设置: per-unit quota, approval, non-members, retention of personal data. */
export function SettingsForm({ event }: { event: Event }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<RegistrationSettings>();
  const [busy, setBusy] = useState(false);
  const key = [...registrationsKey(event.id), 'settings'];
  const settings = useQuery({ queryKey: key, queryFn: () => getSettings(event.id) });
  if (settings.isPending) return <Spin />;

  async function save(values: RegistrationSettings) {
    setBusy(true);
    try {
      const saved = await saveSettings(event.id, { ...values, unitQuota: values.unitQuota ?? null });
      queryClient.setQueryData(key, saved);
      message.success(t('registrations.settings.saved'));
    } catch (error) {
      showError(error, form);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Form<RegistrationSettings>
      form={form}
      layout="vertical"
      style={{ maxWidth: 520 }}
      initialValues={settings.data}
      onFinish={(values) => void save(values)}
    >
      <Form.Item
        name="unitQuota"
        label={t('registrations.settings.unitQuota')}
        extra={t('registrations.settings.unitQuotaHint')}
      >
        <InputNumber
          min={1}
          max={1000}
          style={{ width: 160 }}
          placeholder={t('registrations.settings.noLimit')}
        />
      </Form.Item>
      <Form.Item
        name="requiresApproval"
        label={t('registrations.settings.requiresApproval')}
        extra={t('registrations.settings.requiresApprovalHint')}
        valuePropName="checked"
      >
        <Switch />
      </Form.Item>
      <Form.Item
        name="allowNonMembers"
        label={t('registrations.settings.allowNonMembers')}
        extra={t('registrations.settings.allowNonMembersHint')}
        valuePropName="checked"
      >
        <Switch />
      </Form.Item>
      <Form.Item
        name="retentionDays"
        label={t('registrations.settings.retentionDays')}
        extra={t('registrations.settings.retentionDaysHint')}
        rules={[{ required: true }]}
      >
        <InputNumber min={1} max={3650} style={{ width: 160 }} suffix={t('registrations.settings.days')} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="registration-settings-save">
        {t('registrations.settings.save')}
      </Button>
    </Form>
  );
}

import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Divider, Form, Input, Result, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { SetupInput } from '../../../../contract/association.js';
import { meKey, setupKey, useSetupStatus } from '../../../app/session.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { useApiError } from '../../../components/useApiError.js';
import { postSetup } from '../api.js';

type SetupForm = Omit<SetupInput, 'token'> & { confirmPassword: string };

/** First start: create the association and its first admin with the token printed on the console. */
export default function SetupPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { data: status, isPending } = useSetupStatus();
  const [form] = Form.useForm<SetupForm>();
  const [saving, setSaving] = useState(false);
  const showError = useApiError();
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  if (isPending) return <PageLoading />;
  if (status && !status.needsSetup) {
    return (
      <Result
        status="success"
        title={t('setup.alreadyDone')}
        subTitle={t('setup.alreadyDoneHint')}
        extra={
          <Link to="/login">
            <Button type="primary">{t('setup.goToLogin')}</Button>
          </Link>
        }
      />
    );
  }

  const submit = async ({ confirmPassword: _, ...values }: SetupForm) => {
    setSaving(true);
    try {
      await postSetup({ ...values, token, demo: !!values.demo });
      await queryClient.invalidateQueries({ queryKey: setupKey });
      await queryClient.invalidateQueries({ queryKey: meKey });
      navigate('/', { replace: true });
    } catch (error) {
      showError(error, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Typography.Title level={3}>{t('setup.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('setup.intro')}</Typography.Paragraph>
      {!token && (
        <Alert type="warning" showIcon title={t('setup.missingToken')} style={{ marginBottom: 16 }} />
      )}
      <Form<SetupForm> form={form} layout="vertical" onFinish={submit}>
        <Divider titlePlacement="start">{t('setup.associationSection')}</Divider>
        <Form.Item
          name={['association', 'name']}
          label={t('setup.associationName')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input placeholder={t('setup.associationNamePlaceholder')} maxLength={100} />
        </Form.Item>
        <Form.Item
          name={['association', 'region']}
          label={t('setup.region')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input placeholder={t('setup.regionPlaceholder')} maxLength={100} />
        </Form.Item>
        <Divider titlePlacement="start">{t('setup.adminSection')}</Divider>
        <Form.Item
          name={['admin', 'name']}
          label={t('setup.adminName')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input maxLength={50} autoComplete="name" />
        </Form.Item>
        <Form.Item
          name={['admin', 'email']}
          label={t('setup.adminEmail')}
          rules={[
            { required: true, message: t('validation.required') },
            { type: 'email', message: t('validation.email') },
          ]}
        >
          <Input autoComplete="email" inputMode="email" />
        </Form.Item>
        <Form.Item
          name={['admin', 'mobile']}
          label={t('setup.adminMobile')}
          rules={[{ pattern: /^1[3-9]\d{9}$/, message: t('validation.mobile') }]}
          normalize={(v: string) => v || undefined}
        >
          <Input autoComplete="tel" inputMode="tel" maxLength={11} />
        </Form.Item>
        <Form.Item
          name={['admin', 'password']}
          label={t('setup.adminPassword')}
          rules={[
            { required: true, message: t('validation.required') },
            { min: 8, message: t('validation.password_short') },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('setup.confirmPassword')}
          dependencies={[['admin', 'password']]}
          rules={[
            { required: true, message: t('validation.required') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue(['admin', 'password'])
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('setup.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="demo" valuePropName="checked" extra={t('setup.demoHint')}>
          <Checkbox>{t('setup.demo')}</Checkbox>
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={saving} disabled={!token}>
          {t('setup.submit')}
        </Button>
      </Form>
    </>
  );
}

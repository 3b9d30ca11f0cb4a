import { useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { changeLanguage, isLang } from '../../../app/i18n.js';
import { meKey, useMe } from '../../../app/session.js';
import { useApiError } from '../../../components/useApiError.js';
import { login } from '../api.js';

type LoginForm = { login: string; password: string };

/** Only same-site paths are followed after signing in. */
const safeNext = (next: string | null) => (next?.startsWith('/') && !next.startsWith('//') ? next : '/');

export default function LoginPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<LoginForm>();
  const [saving, setSaving] = useState(false);
  const showError = useApiError();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { data: me } = useMe();
  const next = safeNext(params.get('next'));

  if (me) return <Navigate to={next} replace />;

  const submit = async (values: LoginForm) => {
    setSaving(true);
    try {
      const signedIn = await login(values);
      if (isLang(signedIn.lang)) await changeLanguage(signedIn.lang);
      queryClient.setQueryData(meKey, signedIn);
      navigate(next, { replace: true });
    } catch (error) {
      showError(error, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Typography.Title level={3}>{t('auth.loginTitle')}</Typography.Title>
      <Form<LoginForm> form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="login"
          label={t('auth.loginField')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input autoComplete="username" placeholder={t('auth.loginPlaceholder')} autoFocus />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('auth.password')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={saving}>
          {t('auth.login')}
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
        {t('auth.noAccountHint')}
      </Typography.Paragraph>
    </>
  );
}

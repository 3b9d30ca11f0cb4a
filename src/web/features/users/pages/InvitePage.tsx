import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Descriptions, Form, Input, Result, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../app/api.js';
import { meKey } from '../../../app/session.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { useApiError } from '../../../components/useApiError.js';
import { type AcceptInviteInput, acceptInvite, previewInvite } from '../api.js';

type AcceptForm = AcceptInviteInput & { confirmPassword: string };

const emptyToNull = (v: string) => v?.trim() || null;

/** Someone opens the one-time invite link: sees who invited them as what, and creates the account. */
export default function InvitePage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const preview = useQuery({ queryKey: ['invite', token], queryFn: () => previewInvite(token) });
  const [form] = Form.useForm<AcceptForm>();
  const [saving, setSaving] = useState(false);
  const showError = useApiError();
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  if (preview.isPending) return <PageLoading />;
  if (preview.error || !preview.data) {
    const detail = preview.error instanceof ApiError ? preview.error.detail : t('common.unexpectedError');
    return (
      <Result
        status="warning"
        title={t('auth.inviteUnusable')}
        subTitle={detail}
        extra={<Link to="/login">{t('setup.goToLogin')}</Link>}
      />
    );
  }
  const invite = preview.data;

  const submit = async ({ confirmPassword: _, ...values }: AcceptForm) => {
    setSaving(true);
    try {
      const me = await acceptInvite(token, values);
      queryClient.setQueryData(meKey, me);
      navigate('/', { replace: true });
    } catch (error) {
      showError(error, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Typography.Title level={3}>
        {t('auth.inviteTitle', { association: invite.associationName })}
      </Typography.Title>
      <Descriptions column={1} size="small" bordered style={{ marginBottom: 24 }}>
        <Descriptions.Item label={t('users.role')}>{t(`enums.role.${invite.role}`)}</Descriptions.Item>
        {invite.memberUnitName && (
          <Descriptions.Item label={t('users.memberUnit')}>{invite.memberUnitName}</Descriptions.Item>
        )}
      </Descriptions>
      <Form<AcceptForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ name: invite.name ?? '', email: invite.email ?? '' }}
      >
        <Form.Item
          name="name"
          label={t('users.name')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input maxLength={50} autoComplete="name" />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('users.email')}
          normalize={emptyToNull}
          rules={[{ type: 'email', message: t('validation.email') }]}
        >
          <Input autoComplete="email" inputMode="email" />
        </Form.Item>
        <Form.Item
          name="mobile"
          label={t('users.mobile')}
          normalize={emptyToNull}
          rules={[{ pattern: /^1[3-9]\d{9}$/, message: t('validation.mobile') }]}
        >
          <Input autoComplete="tel" inputMode="tel" maxLength={11} />
        </Form.Item>
        <Form.Item name="position" label={t('users.position')} normalize={emptyToNull}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('auth.password')}
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
          dependencies={['password']}
          rules={[
            { required: true, message: t('validation.required') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('password')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('setup.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={saving}>
          {t('auth.acceptInvite')}
        </Button>
      </Form>
    </>
  );
}

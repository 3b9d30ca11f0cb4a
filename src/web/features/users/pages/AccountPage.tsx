import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Flex, Form, Input, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../contract/common.js';
import { changeLanguage, currentLang, LANG_OPTIONS } from '../../../app/i18n.js';
import { meKey, useMe } from '../../../app/session.js';
import { useApiError } from '../../../components/useApiError.js';
import { changePassword, updateMe } from '../api.js';

type ProfileForm = { name: string; lang: Lang };
type PasswordForm = { currentPassword: string; newPassword: string; confirmPassword: string };

export default function AccountPage() {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const { message } = App.useApp();
  const showError = useApiError();
  const queryClient = useQueryClient();
  const [profileForm] = Form.useForm<ProfileForm>();
  const [passwordForm] = Form.useForm<PasswordForm>();
  const [savingProfile, setSavingProfile] = useState(false);
  const [savingPassword, setSavingPassword] = useState(false);
  // The header's language switch changes the language too: keep the field in step.
  useEffect(() => {
    profileForm.setFieldValue('lang', i18n.language);
  }, [i18n.language, profileForm]);
  if (!me) return null;

  const saveProfile = async (values: ProfileForm) => {
    setSavingProfile(true);
    try {
      const updated = await updateMe(values);
      queryClient.setQueryData(meKey, updated);
      if (values.lang !== currentLang()) await changeLanguage(values.lang);
      message.success(t('account.profileSaved'));
    } catch (error) {
      showError(error, profileForm);
    } finally {
      setSavingProfile(false);
    }
  };

  const savePassword = async ({ currentPassword, newPassword }: PasswordForm) => {
    setSavingPassword(true);
    try {
      await changePassword({ currentPassword, newPassword });
      passwordForm.resetFields();
      message.success(t('account.passwordChanged'));
    } catch (error) {
      showError(error, passwordForm);
    } finally {
      setSavingPassword(false);
    }
  };

  return (
    <Flex vertical gap={16} style={{ maxWidth: 640 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('account.title')}
      </Typography.Title>
      <Card title={t('account.profile')}>
        <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('users.role')}>{t(`enums.role.${me.role}`)}</Descriptions.Item>
          <Descriptions.Item label={t('users.email')}>{me.email ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('users.mobile')}>{me.mobile ?? '—'}</Descriptions.Item>
          {me.memberUnitName && (
            <Descriptions.Item label={t('users.memberUnit')}>{me.memberUnitName}</Descriptions.Item>
          )}
        </Descriptions>
        <Form<ProfileForm>
          form={profileForm}
          layout="vertical"
          initialValues={{ name: me.name, lang: currentLang() }}
          onFinish={saveProfile}
        >
          <Form.Item
            name="name"
            label={t('users.name')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="lang" label={t('common.language')}>
            <Select options={LANG_OPTIONS} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={savingProfile}>
            {t('common.save')}
          </Button>
        </Form>
      </Card>
      <Card title={t('account.changePassword')}>
        <Form<PasswordForm> form={passwordForm} layout="vertical" onFinish={savePassword}>
          <Form.Item
            name="currentPassword"
            label={t('account.currentPassword')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('account.newPassword')}
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
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('validation.required') },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  !value || value === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('setup.passwordMismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={savingPassword}>
            {t('account.changePassword')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}

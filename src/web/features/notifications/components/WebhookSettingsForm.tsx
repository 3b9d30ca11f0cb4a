import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxMessage, TestMessageInput } from '../../../../contract/notifications.js';
import { useMe } from '../../../app/session.js';
import { useApiError } from '../../../components/useApiError.js';
import { getSettings, saveSettings, sendTestMessage } from '../api.js';

type FormValues = { wecomUrl: string; dingtalkUrl: string; dingtalkSecret: string };

/** The association's group robots (企业微信, 钉钉) and a test message for each channel. */
export function WebhookSettingsForm() {
  const { t } = useTranslation();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const canEdit = me?.role === 'admin';
  const [form] = Form.useForm<FormValues>();
  const [testTo, setTestTo] = useState('');
  const [result, setResult] = useState<OutboxMessage | null>(null);
  const settings = useQuery({ queryKey: ['notification-settings'], queryFn: getSettings });

  useEffect(() => {
    if (settings.data)
      form.setFieldsValue({
        wecomUrl: settings.data.wecomUrl ?? '',
        dingtalkUrl: settings.data.dingtalkUrl ?? '',
        dingtalkSecret: '',
      });
  }, [settings.data, form]);
  useEffect(() => {
    if (me?.email) setTestTo((v) => v || me.email || '');
  }, [me]);

  const save = useMutation({
    mutationFn: (v: FormValues & { clearSecret?: boolean }) =>
      saveSettings({
        wecomUrl: v.wecomUrl || null,
        dingtalkUrl: v.dingtalkUrl || null,
        dingtalkSecret: v.clearSecret ? null : v.dingtalkSecret ? v.dingtalkSecret : undefined,
      }),
    onSuccess: (data) => queryClient.setQueryData(['notification-settings'], data),
    onError: (e) => onError(e, form),
  });
  const test = useMutation({
    mutationFn: (input: TestMessageInput) => sendTestMessage(input),
    onSuccess: (message) => {
      setResult(message);
      queryClient.invalidateQueries({ queryKey: ['outbox'] });
    },
    onError: (e) => onError(e),
  });

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%', maxWidth: 720 }}>
      <Card title={t('notifications.robots.title')}>
        <Typography.Paragraph type="secondary">{t('notifications.robots.help')}</Typography.Paragraph>
        <Form form={form} layout="vertical" disabled={!canEdit} onFinish={(v) => save.mutate(v)}>
          <Form.Item name="wecomUrl" label={t('notifications.robots.wecomUrl')}>
            <Input placeholder="https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…" maxLength={1000} />
          </Form.Item>
          <Form.Item name="dingtalkUrl" label={t('notifications.robots.dingtalkUrl')}>
            <Input placeholder="https://oapi.dingtalk.com/robot/send?access_token=…" maxLength={1000} />
          </Form.Item>
          <Form.Item
            name="dingtalkSecret"
            label={t('notifications.robots.dingtalkSecret')}
            extra={
              settings.data?.dingtalkSecretSet ? (
                <Space>
                  <Tag color="green">{t('notifications.robots.secretSet')}</Tag>
                  {canEdit && (
                    <Button
                      size="small"
                      type="link"
                      onClick={() => save.mutate({ ...form.getFieldsValue(), clearSecret: true })}
                    >
                      {t('notifications.robots.clearSecret')}
                    </Button>
                  )}
                </Space>
              ) : (
                t('notifications.robots.secretHelp')
              )
            }
          >
            <Input.Password autoComplete="new-password" placeholder="SEC…" maxLength={200} />
          </Form.Item>
          {canEdit && (
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          )}
        </Form>
      </Card>
      <Card title={t('notifications.robots.testTitle')}>
        <Space wrap>
          <Button
            disabled={!settings.data?.wecomUrl}
            loading={test.isPending && test.variables?.channel === 'wecom'}
            onClick={() => test.mutate({ channel: 'wecom' })}
          >
            {t('notifications.robots.testWecom')}
          </Button>
          <Button
            disabled={!settings.data?.dingtalkUrl}
            loading={test.isPending && test.variables?.channel === 'dingtalk'}
            onClick={() => test.mutate({ channel: 'dingtalk' })}
          >
            {t('notifications.robots.testDingtalk')}
          </Button>
          <Space.Compact>
            <Input
              value={testTo}
              onChange={(e) => setTestTo(e.target.value)}
              placeholder={t('notifications.robots.testEmailTo')}
              style={{ width: 240 }}
            />
            <Button
              disabled={!testTo}
              loading={test.isPending && test.variables?.channel === 'email'}
              onClick={() => test.mutate({ channel: 'email', to: testTo })}
            >
              {t('notifications.robots.testEmail')}
            </Button>
          </Space.Compact>
        </Space>
        {result && (
          <Alert
            style={{ marginTop: 16 }}
            showIcon
            type={result.status === 'sent' ? 'success' : 'error'}
            title={
              result.status === 'sent'
                ? t('notifications.robots.testSent')
                : t('notifications.robots.testFailed', { status: t(`enums.outboxStatus.${result.status}`) })
            }
            description={result.lastError ?? undefined}
          />
        )}
      </Card>
    </Space>
  );
}

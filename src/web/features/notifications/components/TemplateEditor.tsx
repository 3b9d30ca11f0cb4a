import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Card,
  Col,
  Form,
  Input,
  Popconfirm,
  Row,
  Segmented,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGS, type Lang } from '../../../../contract/common.js';
import {
  MESSAGE_TYPES,
  type MessageTemplateInput,
  type MessageType,
  type TemplatePreview,
} from '../../../../contract/notifications.js';
import { useApiError } from '../../../components/useApiError.js';
import { listTemplates, previewTemplate, resetTemplate, saveTemplate } from '../api.js';

/** Edits one message template per type and language, with a preview on sample data. */
export function TemplateEditor() {
  const { t } = useTranslation();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<MessageTemplateInput>();
  const [type, setType] = useState<MessageType>('confirmation');
  const [locale, setLocale] = useState<Lang>('zh-CN');
  const [preview, setPreview] = useState<TemplatePreview | null>(null);
  const [view, setView] = useState<'text' | 'html' | 'markdown'>('text');
  const templates = useQuery({ queryKey: ['message-templates'], queryFn: listTemplates });
  const current = templates.data?.find((x) => x.type === type && x.locale === locale);

  useEffect(() => {
    if (current) form.setFieldsValue({ subject: current.subject, body: current.body });
    setPreview(null);
  }, [current, form]);

  const refresh = () => queryClient.invalidateQueries({ queryKey: ['message-templates'] });
  const save = useMutation({
    mutationFn: (input: MessageTemplateInput) => saveTemplate(type, locale, input),
    onSuccess: refresh,
    onError: (e) => onError(e, form),
  });
  const reset = useMutation({
    mutationFn: () => resetTemplate(type, locale),
    onSuccess: refresh,
    onError: (e) => onError(e),
  });
  const showPreview = useMutation({
    mutationFn: () => previewTemplate(type, locale, form.getFieldsValue()),
    onSuccess: setPreview,
    onError: (e) => onError(e, form),
  });

  const insert = (name: string) => {
    const body = form.getFieldValue('body') ?? '';
    form.setFieldValue('body', `${body}{{${name}}}`);
  };

  return (
    <Row gutter={[24, 24]}>
      <Col xs={24} lg={14}>
        <Space wrap style={{ marginBottom: 16 }}>
          <Select<MessageType>
            value={type}
            onChange={setType}
            style={{ width: 200 }}
            options={MESSAGE_TYPES.map((v) => ({ value: v, label: t(`enums.messageType.${v}`) }))}
            aria-label={t('notifications.templates.type')}
          />
          <Segmented<Lang>
            value={locale}
            onChange={setLocale}
            options={LANGS.map((v) => ({ value: v, label: t(`notifications.templates.locales.${v}`) }))}
          />
          {current && (
            <Tag color={current.custom ? 'blue' : 'default'}>
              {current.custom ? t('notifications.templates.custom') : t('notifications.templates.default')}
            </Tag>
          )}
        </Space>
        <Form form={form} layout="vertical" onFinish={(values) => save.mutate(values)}>
          <Form.Item name="subject" label={t('notifications.templates.subject')} rules={[{ required: true }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="body" label={t('notifications.templates.body')} rules={[{ required: true }]}>
            <Input.TextArea autoSize={{ minRows: 10, maxRows: 24 }} maxLength={5000} />
          </Form.Item>
          <Typography.Paragraph type="secondary">
            {t('notifications.templates.placeholdersHelp')}
          </Typography.Paragraph>
          <Space wrap style={{ marginBottom: 16 }}>
            {current?.placeholders.map((name) => (
              <Tag key={name} style={{ cursor: 'pointer' }} onClick={() => insert(name)}>
                {`{{${name}}}`}
              </Tag>
            ))}
          </Space>
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
            <Button onClick={() => showPreview.mutate()} loading={showPreview.isPending}>
              {t('notifications.templates.preview')}
            </Button>
            <Popconfirm
              title={t('notifications.templates.resetConfirm')}
              onConfirm={() => reset.mutateAsync()}
              disabled={!current?.custom}
            >
              <Button danger disabled={!current?.custom}>
                {t('notifications.templates.reset')}
              </Button>
            </Popconfirm>
          </Space>
        </Form>
      </Col>
      <Col xs={24} lg={10}>
        <Card
          title={t('notifications.templates.previewTitle')}
          extra={
            <Segmented
              size="small"
              value={view}
              onChange={setView}
              options={[
                { value: 'text', label: t('notifications.templates.views.text') },
                { value: 'html', label: t('notifications.templates.views.html') },
                { value: 'markdown', label: t('notifications.templates.views.markdown') },
              ]}
            />
          }
        >
          {!preview ? (
            <Typography.Text type="secondary">{t('notifications.templates.previewEmpty')}</Typography.Text>
          ) : view === 'html' ? (
            <iframe
              title={preview.subject}
              sandbox=""
              srcDoc={preview.html}
              style={{ width: '100%', minHeight: 360, border: 0 }}
            />
          ) : (
            <>
              {view === 'text' && <Typography.Title level={5}>{preview.subject}</Typography.Title>}
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
                {view === 'text' ? preview.text : preview.markdown}
              </Typography.Paragraph>
            </>
          )}
        </Card>
      </Col>
    </Row>
  );
}

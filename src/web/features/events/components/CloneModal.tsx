import { useMutation } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, InputNumber, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Event } from '../../../../contract/events.js';
import { useApiError } from '../../../components/useApiError.js';
import { cloneEvent } from '../api.js';

type Values = { eventDate: Dayjs; theme?: string; issueNumber?: number | null };

/** 复制活动: a new draft on another date with the same plan. */
export function CloneModal({ event, onClose }: { event: Event | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const clone = useMutation({
    mutationFn: (values: Values) =>
      cloneEvent(event!.id, {
        eventDate: values.eventDate.format('YYYY-MM-DD'),
        theme: values.theme?.trim() || undefined,
        issueNumber: values.issueNumber ?? undefined,
      }),
    onSuccess: (copy) => {
      message.success(t('events.clone.done'));
      onClose();
      navigate(`/events/${copy.id}`);
    },
    onError: (error) => showError(error, form),
  });
  return (
    <Modal
      open={!!event}
      title={t('events.clone.title')}
      okText={t('events.clone.submit')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={clone.isPending}
      destroyOnHidden
    >
      {event && (
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{
            theme: event.theme,
            issueNumber: event.issueNumber ? event.issueNumber + 1 : null,
          }}
          onFinish={(values) => clone.mutate(values)}
        >
          <p>{t('events.clone.help')}</p>
          <Form.Item name="eventDate" label={t('events.fields.eventDate')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} data-testid="clone-date" />
          </Form.Item>
          <Form.Item name="theme" label={t('events.fields.theme')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="issueNumber" label={t('events.fields.issueNumber')}>
            <InputNumber min={1} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

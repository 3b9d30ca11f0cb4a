import { Checkbox, Flex, Form, Input, Modal, Select, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AGENDA_ITEM_TYPES, type AgendaItem, type AgendaItemInput } from '../../../../contract/agenda.js';

type Values = Omit<AgendaItemInput, 'start' | 'end'> & { start: Dayjs; end: Dayjs };

/** Adds (item = null) or edits an agenda item; when times change it can move the following items too. */
export function AgendaItemModal({
  item,
  pending,
  onCancel,
  onSave,
}: {
  item: AgendaItem | null | undefined;
  pending: boolean;
  onCancel: () => void;
  onSave: (input: AgendaItemInput, shiftFollowing: boolean) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [shift, setShift] = useState(true);
  useEffect(() => {
    if (item === undefined) return;
    form.resetFields();
    if (item) {
      form.setFieldsValue({
        ...item,
        start: dayjs(`2000-01-01T${item.start}`),
        end: dayjs(`2000-01-01T${item.end}`),
      });
    }
  }, [item, form]);

  return (
    <Modal
      open={item !== undefined}
      title={item ? t('events.agenda.editItem') : t('events.agenda.add')}
      onCancel={onCancel}
      onOk={() => form.submit()}
      confirmLoading={pending}
      forceRender
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ type: 'sharing' }}
        onFinish={(v) =>
          onSave({ ...v, start: v.start.format('HH:mm'), end: v.end.format('HH:mm') }, !!item && shift)
        }
      >
        <Flex gap={16} wrap>
          <Form.Item name="start" label={t('events.agenda.start')} rules={[{ required: true }]}>
            <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} />
          </Form.Item>
          <Form.Item name="end" label={t('events.agenda.end')} rules={[{ required: true }]}>
            <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} />
          </Form.Item>
          <Form.Item name="type" label={t('events.agenda.type')} rules={[{ required: true }]}>
            <Select
              style={{ width: 120 }}
              options={AGENDA_ITEM_TYPES.map((v) => ({ value: v, label: t(`enums.agendaItemType.${v}`) }))}
            />
          </Form.Item>
        </Flex>
        {item && (
          <Form.Item>
            <Checkbox checked={shift} onChange={(e) => setShift(e.target.checked)}>
              {t('events.agenda.shiftFollowing')}
            </Checkbox>
          </Form.Item>
        )}
        <Form.Item name="title" label={t('events.agenda.title')} rules={[{ required: true, max: 100 }]}>
          <Input />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item name="speaker" label={t('events.agenda.speaker')} style={{ flex: 1, minWidth: 180 }}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="place" label={t('events.agenda.place')} style={{ flex: 1, minWidth: 180 }}>
            <Input maxLength={100} />
          </Form.Item>
        </Flex>
        <Form.Item name="notes" label={t('events.agenda.notes')}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

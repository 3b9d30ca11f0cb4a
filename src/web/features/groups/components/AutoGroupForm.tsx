import { App, Button, Card, Flex, Form, InputNumber, Radio, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AutoGroupInput } from '../../../../contract/groups.js';

type Values = Omit<AutoGroupInput, 'eventSiteId'>;

/** 自动分组: by group size or by number of groups; spread or keep colleagues; balance focus. */
export function AutoGroupForm({
  hasGroups,
  people,
  pending,
  onRun,
}: {
  hasGroups: boolean;
  people: number;
  pending: boolean;
  onRun: (values: Values) => void;
}) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const mode = Form.useWatch('mode', form) ?? 'size';

  const submit = (values: Values) => {
    if (!hasGroups) return onRun(values);
    modal.confirm({
      title: t('groups.auto.confirmTitle'),
      content: t('groups.auto.confirmReplace'),
      okText: t('groups.auto.run'),
      onOk: () => onRun(values),
    });
  };

  return (
    <Card size="small" title={t('groups.auto.title')} className="grp-no-print">
      <Form<Values>
        form={form}
        layout="inline"
        initialValues={{ mode: 'size', value: 10, spreadUnits: true, balanceFocus: true }}
        onFinish={submit}
        className="grp-auto-form"
      >
        <Form.Item name="mode">
          <Radio.Group optionType="button">
            <Radio value="size">{t('groups.auto.bySize')}</Radio>
            <Radio value="count">{t('groups.auto.byCount')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="value"
          label={mode === 'size' ? t('groups.auto.size') : t('groups.auto.count')}
          rules={[{ required: true }]}
        >
          <InputNumber min={1} max={500} style={{ width: 90 }} />
        </Form.Item>
        <Form.Item name="spreadUnits" valuePropName="checked" label={t('groups.auto.spreadUnits')}>
          <Switch />
        </Form.Item>
        <Form.Item name="balanceFocus" valuePropName="checked" label={t('groups.auto.balanceFocus')}>
          <Switch />
        </Form.Item>
        <Form.Item>
          <Flex gap={8} align="center">
            <Button
              type="primary"
              htmlType="submit"
              loading={pending}
              disabled={!people}
              data-testid="groups-auto"
            >
              {t('groups.auto.run')}
            </Button>
          </Flex>
        </Form.Item>
      </Form>
    </Card>
  );
}

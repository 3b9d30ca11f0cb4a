import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  AutoComplete,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Spin,
  Steps,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import {
  EVENT_FORMATS,
  EVENT_LIMITS,
  type Event,
  type EventFormat,
  type EventInput,
  type EventObjective,
} from '../../../../contract/events.js';
import { useApiError } from '../../../components/useApiError.js';
import { listSites } from '../../sites/api.js';
import { getVersion, listTemplates } from '../../templates/api.js';
import { createEvent, eventKey, eventsKey, getEvent, getEventOptions, updateEvent } from '../api.js';

type Values = {
  theme: string;
  objectives: EventObjective[];
  templateVersionId?: string | null;
  focusDimensionIds: string[];
  eventDate: Dayjs;
  format: EventFormat;
  sites: { siteId: string; capacity: number }[];
  capacity: number;
  fee: number;
  registrationDeadline: Dayjs;
  meetingPoint?: string | null;
  contactName?: string | null;
  contactPhone?: string | null;
  notes?: string | null;
  slug?: string | null;
  seriesName?: string | null;
  issueNumber?: number | null;
};

/** Which fields each wizard step holds (validated before moving on). */
const STEPS: (keyof Values)[][] = [
  ['theme', 'objectives'],
  ['templateVersionId', 'focusDimensionIds'],
  ['eventDate', 'format', 'sites', 'capacity', 'fee', 'registrationDeadline'],
  ['meetingPoint', 'contactName', 'contactPhone', 'notes', 'slug', 'seriesName', 'issueNumber'],
];

function toValues(e: Event): Values {
  return {
    ...e,
    eventDate: dayjs(e.eventDate),
    registrationDeadline: dayjs(e.registrationDeadline),
    sites: e.sites.map((s) => ({ siteId: s.siteId, capacity: s.capacity })),
  };
}

function toInput(v: Values): EventInput {
  return {
    theme: v.theme,
    objectives: v.objectives,
    focusDimensionIds: v.focusDimensionIds ?? [],
    templateVersionId: v.templateVersionId ?? null,
    eventDate: v.eventDate.format('YYYY-MM-DD'),
    format: v.format,
    sites: v.sites,
    capacity: v.capacity,
    fee: v.fee ?? 0,
    registrationDeadline: v.registrationDeadline.format('YYYY-MM-DDTHH:mm:ssZ'),
    meetingPoint: v.meetingPoint ?? null,
    contactName: v.contactName ?? null,
    contactPhone: v.contactPhone ?? null,
    notes: v.notes ?? null,
    slug: v.slug || null,
    seriesName: v.seriesName ?? null,
    issueNumber: v.issueNumber ?? null,
  };
}

/** The create-event wizard (also edits an event at /events/:id/edit). */
export default function EventFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<Values>();
  const [step, setStep] = useState(0);

  const options = useQuery({
    queryKey: [...eventsKey, 'options'],
    queryFn: getEventOptions,
    staleTime: Infinity,
  });
  const existing = useQuery({ queryKey: eventKey(id ?? ''), queryFn: () => getEvent(id!), enabled: !!id });
  const templates = useQuery({ queryKey: ['templates', 'list', 'events'], queryFn: () => listTemplates() });
  const sites = useQuery({
    queryKey: ['sites', 'events-picker'],
    queryFn: () => listSites({ page: 1, pageSize: 100 }),
  });
  const versionId = Form.useWatch('templateVersionId', form);
  const version = useQuery({
    queryKey: ['templates', 'version', versionId],
    queryFn: () => getVersion(versionId!),
    enabled: !!versionId,
  });

  useEffect(() => {
    if (existing.data) form.setFieldsValue(toValues(existing.data));
  }, [existing.data, form]);
  useEffect(() => {
    // A new event starts with the seed's notes and the default template's published version.
    if (id || !options.data) return;
    if (!form.getFieldValue('notes')) form.setFieldValue('notes', options.data.defaultNotes);
  }, [id, options.data, form]);
  useEffect(() => {
    if (id || form.getFieldValue('templateVersionId')) return;
    const preferred = templates.data?.find((tpl) => tpl.isDefault && tpl.currentVersion);
    if (preferred?.currentVersion) form.setFieldValue('templateVersionId', preferred.currentVersion.id);
  }, [id, templates.data, form]);

  const versionOptions = useMemo(
    () =>
      (templates.data ?? [])
        .filter((tpl) => tpl.currentVersion)
        .map((tpl) => ({
          value: tpl.currentVersion!.id,
          label: `${tpl.name} · ${t('events.form.version', { n: tpl.currentVersion!.number })}`,
        })),
    [templates.data, t],
  );

  const save = useMutation({
    mutationFn: (values: Values) => (id ? updateEvent(id, toInput(values)) : createEvent(toInput(values))),
    onSuccess: async (event) => {
      message.success(t(id ? 'events.form.updated' : 'events.form.created'));
      await queryClient.invalidateQueries({ queryKey: eventsKey });
      navigate(`/events/${event.id}`);
    },
    onError: (error) => {
      showError(error, form);
      const wrong = form
        .getFieldsError()
        .filter((f) => f.errors.length)
        .map((f) => f.name[0] as keyof Values);
      const first = STEPS.findIndex((fields) => fields.some((f) => wrong.includes(f)));
      if (first >= 0) setStep(first);
    },
  });

  const next = async () => {
    await form.validateFields(STEPS[step]);
    setStep(step + 1);
  };

  if (id && existing.isPending) return <Spin />;
  const show = (s: number) => ({ style: step === s ? undefined : { display: 'none' } });

  return (
    <Card title={id ? t('events.form.editTitle') : t('events.form.createTitle')}>
      <Steps
        current={step}
        size="small"
        responsive
        style={{ marginBottom: 24 }}
        onChange={setStep}
        items={[
          { title: t('events.form.stepTheme') },
          { title: t('events.form.stepFocus') },
          { title: t('events.form.stepWhen') },
          { title: t('events.form.stepNotice') },
        ]}
      />
      <Form<Values>
        form={form}
        layout="vertical"
        style={{ maxWidth: 720 }}
        initialValues={{
          format: 'half_day',
          fee: 0,
          capacity: 60,
          objectives: [],
          focusDimensionIds: [],
          sites: [{}],
        }}
        onFinish={() => save.mutate(form.getFieldsValue(true))}
      >
        <div {...show(0)}>
          <Form.Item name="theme" label={t('events.fields.theme')} rules={[{ required: true, max: 100 }]}>
            <AutoComplete
              options={options.data?.themes.map((value) => ({ value }))}
              placeholder={t('events.form.themeHint')}
              data-testid="theme"
            />
          </Form.Item>
          <Form.Item
            name="objectives"
            label={t('events.fields.objectives')}
            rules={[{ required: true, type: 'array', min: 1, message: t('events.form.objectivesRequired') }]}
          >
            <Checkbox.Group style={{ display: 'grid', gap: 8 }}>
              {options.data?.objectives.map((o) => (
                <Checkbox key={o.code} value={o.code}>
                  <Typography.Text strong>{o.label}</Typography.Text>
                  <div>
                    <Typography.Text type="secondary">{o.explanation}</Typography.Text>
                  </div>
                </Checkbox>
              ))}
            </Checkbox.Group>
          </Form.Item>
        </div>

        <div {...show(1)}>
          <Form.Item
            name="templateVersionId"
            label={t('events.fields.templateVersion')}
            extra={t('events.form.templateHelp')}
          >
            <Select
              allowClear
              options={versionOptions}
              loading={templates.isPending}
              onChange={() => form.setFieldValue('focusDimensionIds', [])}
            />
          </Form.Item>
          <Form.Item
            name="focusDimensionIds"
            label={t('events.fields.focus')}
            extra={t('events.form.focusHelp')}
          >
            <Checkbox.Group style={{ display: 'grid', gap: 8 }}>
              {version.data?.dimensions.map((d) => (
                <Checkbox key={d.id} value={d.id}>
                  {d.name}
                </Checkbox>
              ))}
            </Checkbox.Group>
          </Form.Item>
        </div>

        <div {...show(2)}>
          <Flex gap={16} wrap>
            <Form.Item name="eventDate" label={t('events.fields.eventDate')} rules={[{ required: true }]}>
              <DatePicker data-testid="event-date" />
            </Form.Item>
            <Form.Item name="format" label={t('events.fields.format')} rules={[{ required: true }]}>
              <Radio.Group
                optionType="button"
                options={EVENT_FORMATS.map((f) => ({ value: f, label: t(`enums.eventFormat.${f}`) }))}
              />
            </Form.Item>
          </Flex>
          <Typography.Text strong>{t('events.fields.sites')}</Typography.Text>
          <Typography.Paragraph type="secondary">{t('events.form.sitesHelp')}</Typography.Paragraph>
          <Form.List name="sites">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="baseline" wrap>
                    <Form.Item name={[field.name, 'siteId']} rules={[{ required: true }]}>
                      <Select
                        showSearch
                        optionFilterProp="label"
                        style={{ width: 260 }}
                        placeholder={t('events.form.pickSite')}
                        loading={sites.isPending}
                        options={sites.data?.items.map((s) => ({ value: s.id, label: s.name }))}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'capacity']} rules={[{ required: true }]}>
                      <InputNumber
                        min={1}
                        max={EVENT_LIMITS.capacityMax}
                        addonAfter={t('events.form.people')}
                      />
                    </Form.Item>
                    {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(field.name)} />}
                  </Space>
                ))}
                {fields.length < EVENT_LIMITS.maxSites && (
                  <Form.Item>
                    <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
                      {t('events.form.addSite')}
                    </Button>
                  </Form.Item>
                )}
              </>
            )}
          </Form.List>
          <Flex gap={16} wrap>
            <Form.Item name="capacity" label={t('events.fields.capacity')} rules={[{ required: true }]}>
              <InputNumber min={1} max={EVENT_LIMITS.capacityMax} />
            </Form.Item>
            <Form.Item name="fee" label={t('events.fields.fee')} extra={t('events.form.feeHelp')}>
              <InputNumber min={0} step={10} precision={2} prefix="¥" />
            </Form.Item>
            <Form.Item
              name="registrationDeadline"
              label={t('events.fields.registrationDeadline')}
              rules={[{ required: true }]}
            >
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" data-testid="deadline" />
            </Form.Item>
          </Flex>
        </div>

        <div {...show(3)}>
          <Form.Item name="meetingPoint" label={t('events.fields.meetingPoint')}>
            <Input maxLength={200} placeholder={t('events.form.meetingPointHint')} />
          </Form.Item>
          <Flex gap={16} wrap>
            <Form.Item name="contactName" label={t('events.fields.contactName')}>
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item name="contactPhone" label={t('events.fields.contactPhone')}>
              <Input maxLength={30} inputMode="tel" />
            </Form.Item>
          </Flex>
          <Form.Item name="notes" label={t('events.fields.notes')} extra={t('events.form.notesHelp')}>
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
          <Flex gap={16} wrap>
            <Form.Item name="seriesName" label={t('events.fields.seriesName')}>
              <Input maxLength={100} placeholder={t('events.form.seriesHint')} />
            </Form.Item>
            <Form.Item name="issueNumber" label={t('events.fields.issueNumber')}>
              <InputNumber min={1} />
            </Form.Item>
            <Form.Item name="slug" label={t('events.fields.slug')} extra={t('events.form.slugHelp')}>
              <Input maxLength={40} />
            </Form.Item>
          </Flex>
        </div>

        <Flex gap={8}>
          {step > 0 && <Button onClick={() => setStep(step - 1)}>{t('events.form.back')}</Button>}
          {step < STEPS.length - 1 && (
            <Button type="primary" onClick={next} data-testid="wizard-next">
              {t('events.form.next')}
            </Button>
          )}
          {(step === STEPS.length - 1 || id) && (
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="wizard-save">
              {id ? t('common.save') : t('events.form.create')}
            </Button>
          )}
          <Button onClick={() => navigate(id ? `/events/${id}` : '/events')}>{t('common.cancel')}</Button>
        </Flex>
      </Form>
    </Card>
  );
}

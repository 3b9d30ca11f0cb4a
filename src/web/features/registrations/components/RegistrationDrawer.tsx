import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Drawer, Flex, Form, Grid, Input, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Event } from '../../../../contract/events.js';
import { CONSENT_VERSION, type Registration } from '../../../../contract/registrations.js';
import { type Answers, answersToSend, visibleFields } from '../../../attendee/form-logic.js';
import { useApiError } from '../../../components/useApiError.js';
import {
  createRegistration,
  getFields,
  getPublicForm,
  getSettings,
  registrationsKey,
  updateRegistration,
} from '../api.js';
import { AnswerInput } from './AnswerInput.js';
import { ContactFields } from './ContactFields.js';
import { UnitSelect } from './UnitSelect.js';

type Values = {
  name: string;
  memberUnitId?: string | null;
  unitName?: string;
  position: string;
  mobile: string;
  email?: string;
  eventSiteId?: string;
  focusDimensionIds?: string[];
  answers?: Answers;
  questions?: string;
  consent?: boolean;
};

/** Staff add (walk-ins too) or edit one registration, with the same fields as the public form. */
export function RegistrationDrawer({
  event,
  registration,
  onClose,
  onDone,
}: {
  event: Event;
  registration: Registration | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const showError = useApiError();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const isPhone = !Grid.useBreakpoint().md;
  const fields = useQuery({
    queryKey: [...registrationsKey(event.id), 'fields'],
    queryFn: () => getFields(event.id),
  });
  const settings = useQuery({
    queryKey: [...registrationsKey(event.id), 'settings'],
    queryFn: () => getSettings(event.id),
  });
  const publicForm = useQuery({
    queryKey: [...registrationsKey(event.id), 'public-form'],
    queryFn: () => getPublicForm(event.slug),
    enabled: event.status !== 'draft',
    retry: false,
  });
  const answers = (Form.useWatch('answers', form) ?? {}) as Answers;
  const memberUnitId = Form.useWatch('memberUnitId', form);
  const shown = visibleFields(fields.data ?? [], answers);
  const editing = !!registration;

  async function submit(values: Values) {
    setBusy(true);
    const common = {
      position: values.position.trim(),
      email: values.email?.trim() || null,
      focusDimensionIds: values.focusDimensionIds ?? [],
      questions: values.questions?.trim() || null,
      answers: answersToSend(fields.data ?? [], values.answers ?? {}),
      memberUnitId: values.memberUnitId ?? null,
      unitName: values.memberUnitId ? null : values.unitName?.trim() || null,
    };
    try {
      if (registration) {
        await updateRegistration(registration.id, {
          ...common,
          name: values.name.trim(),
          mobile: values.mobile.trim(),
        });
      } else {
        await createRegistration(event.id, {
          ...common,
          name: values.name.trim(),
          mobile: values.mobile.trim(),
          eventSiteId: values.eventSiteId ?? null,
          consent: true,
          consentVersion: CONSENT_VERSION,
        });
      }
      onDone();
    } catch (error) {
      showError(error, form);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Drawer
      open
      size={isPhone ? '100%' : 560}
      title={
        editing
          ? t('registrations.form.editTitle', { name: registration.name })
          : t('registrations.form.addTitle')
      }
      onClose={onClose}
      destroyOnHidden
      extra={
        <Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="registration-save">
          {t('registrations.form.save')}
        </Button>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        initialValues={
          registration
            ? {
                name: registration.name,
                memberUnitId: registration.memberUnitId,
                unitName: registration.memberUnitId ? undefined : registration.unitName,
                position: registration.position ?? '',
                mobile: registration.mobile ?? '',
                email: registration.email ?? undefined,
                focusDimensionIds: registration.focusDimensionIds,
                answers: registration.answers as Answers,
                questions: registration.questions ?? undefined,
              }
            : { eventSiteId: event.sites.length === 1 ? event.sites[0].id : undefined, answers: {} }
        }
      >
        <Form.Item
          name="name"
          label={t('registrations.form.name')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="memberUnitId" label={t('registrations.form.unit')}>
          <UnitSelect
            allowClear
            initialName={registration?.memberUnitId ? registration.unitName : undefined}
          />
        </Form.Item>
        {!memberUnitId && settings.data?.allowNonMembers ? (
          <Form.Item name="unitName" label={t('registrations.form.unitName')}>
            <Input maxLength={100} />
          </Form.Item>
        ) : null}
        <ContactFields />
        {!editing && event.sites.length > 1 ? (
          <Form.Item name="eventSiteId" label={t('registrations.form.site')} rules={[{ required: true }]}>
            <Radio.Group options={event.sites.map((s) => ({ value: s.id, label: s.siteName }))} />
          </Form.Item>
        ) : null}
        {publicForm.data?.dimensions.length ? (
          <Form.Item name="focusDimensionIds" label={t('registrations.form.focus')}>
            <Checkbox.Group
              options={publicForm.data.dimensions.map((d) => ({ value: d.id, label: d.name }))}
            />
          </Form.Item>
        ) : null}
        {shown.map((field) => (
          <AnswerInput key={field.id} field={field} />
        ))}
        <Form.Item name="questions" label={t('registrations.form.questions')}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2 }} />
        </Form.Item>
        {!editing ? (
          <>
            <Alert
              type="info"
              showIcon
              title={t('registrations.form.consentNote')}
              style={{ marginBottom: 12 }}
            />
            <Form.Item
              name="consent"
              valuePropName="checked"
              rules={[
                {
                  validator: (_, checked) =>
                    checked
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('registrations.form.consentRequired'))),
                },
              ]}
            >
              <Checkbox>{t('registrations.form.consent')}</Checkbox>
            </Form.Item>
          </>
        ) : null}
        <Flex justify="end">
          <Button htmlType="submit" type="primary" loading={busy}>
            {t('registrations.form.save')}
          </Button>
        </Flex>
      </Form>
    </Drawer>
  );
}

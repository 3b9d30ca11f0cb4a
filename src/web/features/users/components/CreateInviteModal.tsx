import { Alert, Button, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../../contract/common.js';
import { useApiError } from '../../../components/useApiError.js';
import { MemberUnitPicker } from '../../member-units/components/MemberUnitPicker.js';
import { type CreatedInvite, type CreateInviteInput, createInvite } from '../api.js';

const emptyToNull = (v: string) => v?.trim() || null;

/** Creates an invite and shows its one-time link, which is never shown again. */
export function CreateInviteModal(props: { open: boolean; onClose: () => void; onCreated: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CreateInviteInput>();
  const role = Form.useWatch('role', form) as Role | undefined;
  const [saving, setSaving] = useState(false);
  const [created, setCreated] = useState<CreatedInvite | null>(null);
  const showError = useApiError();

  const close = () => {
    setCreated(null);
    form.resetFields();
    props.onClose();
  };

  const submit = async (values: CreateInviteInput) => {
    setSaving(true);
    try {
      const invite = await createInvite({
        ...values,
        memberUnitId: values.role === 'member' ? values.memberUnitId : null,
      });
      setCreated(invite);
      props.onCreated();
    } catch (error) {
      showError(error, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={props.open}
      title={t('users.createInvite')}
      onCancel={close}
      destroyOnHidden
      footer={
        created ? (
          <Button type="primary" onClick={close}>
            {t('common.done')}
          </Button>
        ) : (
          <>
            <Button onClick={close}>{t('common.cancel')}</Button>
            <Button type="primary" loading={saving} onClick={() => form.submit()}>
              {t('users.createInviteSubmit')}
            </Button>
          </>
        )
      }
    >
      {created ? (
        <>
          <Alert
            type="success"
            showIcon
            title={t('users.inviteCreated')}
            description={t('users.inviteLinkOnce')}
          />
          <Typography.Paragraph
            copyable={{ text: created.url, tooltips: [t('common.copy'), t('common.copied')] }}
            code
            style={{ marginTop: 16, wordBreak: 'break-all' }}
            data-testid="invite-link"
          >
            {created.url}
          </Typography.Paragraph>
        </>
      ) : (
        <Form<CreateInviteInput>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ role: 'member', expiresInDays: 7 }}
          preserve={false}
        >
          <Form.Item
            name="role"
            label={t('users.role')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Select options={ROLES.map((r) => ({ value: r, label: t(`enums.role.${r}`) }))} />
          </Form.Item>
          {role === 'member' && (
            <Form.Item
              name="memberUnitId"
              label={t('users.memberUnit')}
              rules={[{ required: true, message: t('validation.member_needs_unit') }]}
            >
              <MemberUnitPicker />
            </Form.Item>
          )}
          <Form.Item name="name" label={t('users.name')} normalize={emptyToNull}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item
            name="email"
            label={t('users.email')}
            normalize={emptyToNull}
            rules={[{ type: 'email', message: t('validation.email') }]}
          >
            <Input inputMode="email" />
          </Form.Item>
          <Form.Item name="expiresInDays" label={t('users.expiresInDays')}>
            <InputNumber min={1} max={30} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

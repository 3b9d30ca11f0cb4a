import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Checkbox,
  Col,
  Drawer,
  Flex,
  Form,
  Grid,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEMBER_LEVELS, PROJECT_TYPES, UNIT_TYPES } from '../../../../contract/enums.js';
import type { MemberUnit, MemberUnitInput } from '../../../../contract/member-units.js';
import { isValidUscc } from '../../../../contract/uscc.js';
import { useApiError } from '../../../components/useApiError.js';
import { createMemberUnit, updateMemberUnit } from '../api.js';

const emptyToNull = (v: string) => v?.trim() || null;
const MOBILE_RE = /^1[3-9]\d{9}$/;

const blank: Partial<MemberUnitInput> = { projectTypes: [], contacts: [] };

function toInput(unit: MemberUnit): MemberUnitInput {
  return {
    name: unit.name,
    uscc: unit.uscc,
    unitType: unit.unitType,
    level: unit.level,
    projectTypes: unit.projectTypes,
    address: unit.address,
    projectCount: unit.projectCount,
    staffCount: unit.staffCount,
    note: unit.note,
    contacts: unit.contacts.map((c) => ({
      name: c.name,
      position: c.position,
      mobile: c.mobile,
      email: c.email,
      isPrimary: c.isPrimary,
    })),
  };
}

/** Create or edit one member unit with its contacts. `unit` null means a new one. */
export function MemberUnitFormDrawer(props: {
  open: boolean;
  unit: MemberUnit | null;
  onClose: () => void;
  onSaved: (unit: MemberUnit) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<MemberUnitInput>();
  const [saving, setSaving] = useState(false);
  const showError = useApiError();
  const isPhone = !Grid.useBreakpoint().md;

  useEffect(() => {
    if (!props.open) return;
    form.resetFields();
    form.setFieldsValue(props.unit ? toInput(props.unit) : blank);
  }, [props.open, props.unit, form]);

  const submit = async (values: MemberUnitInput) => {
    setSaving(true);
    try {
      const input: MemberUnitInput = {
        ...values,
        uscc: values.uscc.trim().toUpperCase(),
        projectTypes: values.projectTypes ?? [],
        contacts: (values.contacts ?? []).map((c) => ({ ...c, isPrimary: !!c.isPrimary })),
      };
      const saved = props.unit ? await updateMemberUnit(props.unit.id, input) : await createMemberUnit(input);
      props.onSaved(saved);
    } catch (error) {
      showError(error, form);
    } finally {
      setSaving(false);
    }
  };

  const required = { required: true, message: t('validation.required') };

  return (
    <Drawer
      open={props.open}
      onClose={props.onClose}
      title={props.unit ? t('memberUnits.editTitle') : t('memberUnits.createTitle')}
      size={isPhone ? '100%' : 720}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={props.onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={saving}
            onClick={() => form.submit()}
            data-testid="member-unit-save"
          >
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form<MemberUnitInput> form={form} layout="vertical" onFinish={submit} initialValues={blank}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="name" label={t('memberUnits.name')} rules={[required]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="uscc"
              label={t('memberUnits.uscc')}
              rules={[
                required,
                {
                  validator: (_, value: string) =>
                    !value || isValidUscc(value)
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('validation.uscc'))),
                },
              ]}
            >
              <Input maxLength={18} style={{ textTransform: 'uppercase' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="unitType" label={t('memberUnits.unitType')} rules={[required]}>
              <Select options={UNIT_TYPES.map((v) => ({ value: v, label: t(`enums.unitType.${v}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="level" label={t('memberUnits.level')} rules={[required]}>
              <Select
                options={MEMBER_LEVELS.map((v) => ({ value: v, label: t(`enums.memberLevel.${v}`) }))}
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="projectTypes" label={t('memberUnits.projectTypes')}>
              <Select
                mode="multiple"
                allowClear
                options={PROJECT_TYPES.map((v) => ({ value: v, label: t(`enums.projectType.${v}`) }))}
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="address" label={t('memberUnits.address')} normalize={emptyToNull}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="projectCount" label={t('memberUnits.projectCount')}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="staffCount" label={t('memberUnits.staffCount')}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="note" label={t('memberUnits.note')} normalize={emptyToNull}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
        <Form.List name="contacts">
          {(fields, { add, remove }) => (
            <Flex vertical gap={12}>
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  size="small"
                  title={t('memberUnits.contactN', { n: index + 1 })}
                  extra={
                    <Button
                      type="text"
                      danger
                      icon={<MinusCircleOutlined />}
                      aria-label={t('memberUnits.removeContact')}
                      onClick={() => remove(field.name)}
                    />
                  }
                >
                  <Row gutter={12}>
                    <Col xs={24} md={12}>
                      <Form.Item
                        name={[field.name, 'name']}
                        label={t('memberUnits.contactName')}
                        rules={[required]}
                      >
                        <Input maxLength={50} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={12}>
                      <Form.Item
                        name={[field.name, 'position']}
                        label={t('memberUnits.contactPosition')}
                        normalize={emptyToNull}
                      >
                        <Input maxLength={50} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={12}>
                      <Form.Item
                        name={[field.name, 'mobile']}
                        label={t('memberUnits.contactMobile')}
                        normalize={emptyToNull}
                        rules={[
                          {
                            validator: (_, value: string | null) =>
                              !value || MOBILE_RE.test(value)
                                ? Promise.resolve()
                                : Promise.reject(new Error(t('validation.mobile'))),
                          },
                        ]}
                      >
                        <Input inputMode="tel" maxLength={11} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={12}>
                      <Form.Item
                        name={[field.name, 'email']}
                        label={t('memberUnits.contactEmail')}
                        normalize={emptyToNull}
                        rules={[{ type: 'email', message: t('validation.email') }]}
                      >
                        <Input inputMode="email" />
                      </Form.Item>
                    </Col>
                  </Row>
                  <Form.Item
                    name={[field.name, 'isPrimary']}
                    valuePropName="checked"
                    style={{ marginBottom: 0 }}
                  >
                    <Checkbox>{t('memberUnits.primaryContact')}</Checkbox>
                  </Form.Item>
                </Card>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ name: '', isPrimary: fields.length === 0 })}
                block
              >
                {t('memberUnits.addContact')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}

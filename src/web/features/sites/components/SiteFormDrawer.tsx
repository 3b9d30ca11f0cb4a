import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Col, Drawer, Form, Grid, Input, InputNumber, Radio, Row, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MOBILE_RE } from '../../../../contract/common.js';
import { PROJECT_TYPES } from '../../../../contract/enums.js';
import { HONOUR_LEVELS, type Site, type SiteInput, WILLINGNESS } from '../../../../contract/sites.js';
import { useApiError } from '../../../components/useApiError.js';
import { MemberUnitPicker } from '../../member-units/components/MemberUnitPicker.js';
import { createSite, getSiteTags, sitesKey, updateSite } from '../api.js';

const blank: Partial<SiteInput> = { tags: [], honours: [], willingness: 'conditional' };

function toInput(site: Site): SiteInput {
  return {
    name: site.name,
    address: site.address,
    district: site.district,
    managingUnitId: site.managingUnitId,
    managingCompany: site.managingCompany,
    projectType: site.projectType,
    areaM2: site.areaM2,
    households: site.households,
    tags: site.tags,
    willingness: site.willingness,
    contactName: site.contactName,
    contactMobile: site.contactMobile,
    description: site.description,
    honours: site.honours.map(({ level, title, year }) => ({ level, title, year })),
  };
}

/** Create or edit a benchmark site with its honours and tags. `site` null means a new one. */
export function SiteFormDrawer(props: {
  open: boolean;
  site: Site | null;
  onClose: () => void;
  onSaved: (site: Site) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<SiteInput>();
  const [saving, setSaving] = useState(false);
  const showError = useApiError();
  const isPhone = !Grid.useBreakpoint().md;
  const tags = useQuery({ queryKey: [...sitesKey, 'tags'], queryFn: getSiteTags, enabled: props.open });

  useEffect(() => {
    if (!props.open) return;
    form.resetFields();
    form.setFieldsValue(props.site ? toInput(props.site) : blank);
  }, [props.open, props.site, form]);

  const submit = async (values: SiteInput) => {
    setSaving(true);
    try {
      const input: SiteInput = {
        ...values,
        managingUnitId: values.managingUnitId ?? null,
        contactMobile: values.contactMobile?.trim() || null,
        tags: values.tags ?? [],
        honours: values.honours ?? [],
      };
      props.onSaved(props.site ? await updateSite(props.site.id, input) : await createSite(input));
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
      title={props.site ? t('sites.form.editTitle') : t('sites.form.createTitle')}
      size={isPhone ? '100%' : 760}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={props.onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="site-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form<SiteInput> form={form} layout="vertical" onFinish={submit} initialValues={blank}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="name" label={t('sites.fields.name')} rules={[required]}>
              <Input maxLength={100} data-testid="site-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="projectType" label={t('sites.fields.projectType')} rules={[required]}>
              <Select
                data-testid="site-project-type"
                options={PROJECT_TYPES.map((v) => ({ value: v, label: t(`enums.projectType.${v}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="district" label={t('sites.fields.district')}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="address" label={t('sites.fields.address')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="managingUnitId"
              label={t('sites.fields.managingUnit')}
              extra={t('sites.form.managingUnitHint')}
            >
              <MemberUnitPicker />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="managingCompany" label={t('sites.fields.managingCompany')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="areaM2" label={t('sites.fields.areaM2')}>
              <InputNumber min={0} max={100_000_000} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="households" label={t('sites.fields.households')}>
              <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="willingness" label={t('sites.fields.willingness')} rules={[required]}>
              <Radio.Group
                optionType="button"
                options={WILLINGNESS.map((v) => ({ value: v, label: t(`enums.willingness.${v}`) }))}
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="tags" label={t('sites.fields.tags')} extra={t('sites.form.tagsHint')}>
              <Select
                mode="tags"
                maxCount={20}
                data-testid="site-tags"
                options={(tags.data?.tags ?? []).map((tag) => ({ value: tag, label: tag }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="contactName" label={t('sites.fields.contactName')}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="contactMobile"
              label={t('sites.fields.contactMobile')}
              rules={[{ pattern: MOBILE_RE, message: t('validation.mobile') }]}
            >
              <Input maxLength={11} inputMode="numeric" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="description" label={t('sites.fields.description')}>
              <Input.TextArea rows={4} maxLength={5000} showCount />
            </Form.Item>
          </Col>
        </Row>
        <Form.List name="honours">
          {(fields, { add, remove }) => (
            <Form.Item label={t('sites.fields.honours')}>
              {fields.map((field) => (
                <Row key={field.key} gutter={8} align="top" wrap={false}>
                  <Col flex="120px">
                    <Form.Item name={[field.name, 'level']} rules={[required]}>
                      <Select
                        options={HONOUR_LEVELS.map((v) => ({ value: v, label: t(`enums.honourLevel.${v}`) }))}
                      />
                    </Form.Item>
                  </Col>
                  <Col flex="auto">
                    <Form.Item name={[field.name, 'title']} rules={[required]}>
                      <Input maxLength={100} placeholder={t('sites.form.honourTitle')} />
                    </Form.Item>
                  </Col>
                  <Col flex="96px">
                    <Form.Item name={[field.name, 'year']} rules={[required]}>
                      <InputNumber min={1980} max={2100} precision={0} placeholder={t('sites.form.year')} />
                    </Form.Item>
                  </Col>
                  <Col flex="32px">
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      onClick={() => remove(field.name)}
                      aria-label={t('sites.form.removeHonour')}
                    />
                  </Col>
                </Row>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ level: 'municipal', year: new Date().getFullYear() })}
              >
                {t('sites.form.addHonour')}
              </Button>
            </Form.Item>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}

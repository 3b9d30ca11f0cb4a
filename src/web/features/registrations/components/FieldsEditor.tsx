import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Flex, Input, Select, Spin, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Event } from '../../../../contract/events.js';
import { FIELD_TYPES, type Field, type FieldType } from '../../../../contract/registrations.js';
import { useApiError } from '../../../components/useApiError.js';
import { type FieldDraft, getFields, registrationsKey, saveFields } from '../api.js';

type Draft = FieldDraft & { id: string };

/** A v4 UUID; new fields get their id here so a later field's condition can point at them. */
function uuid() {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const isChoice = (type: FieldType) => type === 'single_choice' || type === 'multiple_choice';
const toDraft = (f: Field): Draft => ({
  id: f.id,
  label: f.label,
  type: f.type,
  required: f.required,
  options: f.options,
  showIf: f.showIf,
});

/** 报名表自定义字段: add, reorder, remove; types, options, required, and show-if conditions. */
export function FieldsEditor({ event }: { event: Event }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const queryClient = useQueryClient();
  const key = [...registrationsKey(event.id), 'fields'];
  const fields = useQuery({ queryKey: key, queryFn: () => getFields(event.id) });
  const [drafts, setDrafts] = useState<Draft[] | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (fields.data && drafts === null) setDrafts(fields.data.map(toDraft));
  }, [fields.data, drafts]);
  if (!drafts) return <Spin />;

  const update = (i: number, patch: Partial<Draft>) =>
    setDrafts(drafts.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...drafts];
    [next[i], next[i + by]] = [next[i + by], next[i]];
    // A condition may only point at an earlier field: drop the ones a move broke.
    setDrafts(
      next.map((d, j) =>
        d.showIf && !next.slice(0, j).some((e) => e.id === d.showIf?.fieldId) ? { ...d, showIf: null } : d,
      ),
    );
  };
  const remove = (i: number) => {
    const gone = drafts[i].id;
    setDrafts(
      drafts.filter((_, j) => j !== i).map((d) => (d.showIf?.fieldId === gone ? { ...d, showIf: null } : d)),
    );
  };

  async function save() {
    if (!drafts) return;
    setBusy(true);
    try {
      const saved = await saveFields(
        event.id,
        drafts.map((d) => ({ ...d, options: isChoice(d.type) ? d.options : [] })),
      );
      queryClient.setQueryData(key, saved);
      setDrafts(saved.map(toDraft));
      message.success(t('registrations.fields.saved'));
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Flex vertical gap={12} style={{ maxWidth: 760 }}>
      <Typography.Text type="secondary">{t('registrations.fields.intro')}</Typography.Text>
      {drafts.length === 0 ? <Empty description={t('registrations.fields.empty')} /> : null}
      {drafts.map((d, i) => {
        const earlier = drafts.slice(0, i);
        const target = earlier.find((e) => e.id === d.showIf?.fieldId);
        return (
          <Card
            key={d.id}
            size="small"
            data-testid={`field-${i}`}
            title={t('registrations.fields.number', { n: i + 1 })}
            extra={
              <Flex gap={4}>
                <Button
                  size="small"
                  icon={<ArrowUpOutlined />}
                  disabled={i === 0}
                  onClick={() => move(i, -1)}
                  aria-label={t('registrations.fields.up')}
                />
                <Button
                  size="small"
                  icon={<ArrowDownOutlined />}
                  disabled={i === drafts.length - 1}
                  onClick={() => move(i, 1)}
                  aria-label={t('registrations.fields.down')}
                />
                <Button
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() => remove(i)}
                  aria-label={t('registrations.fields.remove')}
                />
              </Flex>
            }
          >
            <Flex vertical gap={8}>
              <Flex gap={8} wrap>
                <Input
                  style={{ flex: '1 1 220px' }}
                  maxLength={100}
                  placeholder={t('registrations.fields.label')}
                  aria-label={t('registrations.fields.label')}
                  value={d.label}
                  onChange={(e) => update(i, { label: e.target.value })}
                />
                <Select<FieldType>
                  style={{ width: 150 }}
                  aria-label={t('registrations.fields.type')}
                  value={d.type}
                  onChange={(type) => update(i, { type })}
                  options={FIELD_TYPES.map((type) => ({
                    value: type,
                    label: t(`registrations.fieldTypes.${type}`),
                  }))}
                />
                <Flex align="center" gap={6}>
                  <Switch
                    size="small"
                    checked={d.required}
                    onChange={(required) => update(i, { required })}
                  />
                  {t('registrations.fields.required')}
                </Flex>
              </Flex>
              {isChoice(d.type) ? (
                <Select
                  mode="tags"
                  aria-label={t('registrations.fields.options')}
                  placeholder={t('registrations.fields.options')}
                  value={d.options}
                  onChange={(options: string[]) => update(i, { options })}
                  tokenSeparators={['，', ',']}
                  open={false}
                />
              ) : null}
              <Flex gap={8} wrap align="center">
                <Typography.Text type="secondary">{t('registrations.fields.showIf')}</Typography.Text>
                <Select
                  allowClear
                  style={{ width: 200 }}
                  placeholder={t('registrations.fields.always')}
                  value={d.showIf?.fieldId}
                  disabled={!earlier.length}
                  onChange={(fieldId?: string) =>
                    update(i, { showIf: fieldId ? { fieldId, equals: '' } : null })
                  }
                  options={earlier.map((e, j) => ({
                    value: e.id,
                    label: e.label || t('registrations.fields.number', { n: j + 1 }),
                  }))}
                />
                {d.showIf && target ? (
                  target.type === 'yes_no' || isChoice(target.type) ? (
                    <Select
                      style={{ width: 180 }}
                      value={d.showIf.equals || undefined}
                      placeholder={t('registrations.fields.equals')}
                      onChange={(equals: string) => update(i, { showIf: { fieldId: target.id, equals } })}
                      options={
                        target.type === 'yes_no'
                          ? [
                              { value: 'true', label: t('registrations.form.yes') },
                              { value: 'false', label: t('registrations.form.no') },
                            ]
                          : target.options.map((o) => ({ value: o, label: o }))
                      }
                    />
                  ) : (
                    <Input
                      style={{ width: 180 }}
                      maxLength={100}
                      placeholder={t('registrations.fields.equals')}
                      value={d.showIf.equals}
                      onChange={(e) => update(i, { showIf: { fieldId: target.id, equals: e.target.value } })}
                    />
                  )
                ) : null}
              </Flex>
            </Flex>
          </Card>
        );
      })}
      <Flex gap={8} wrap>
        <Button
          icon={<PlusOutlined />}
          onClick={() =>
            setDrafts([
              ...drafts,
              { id: uuid(), label: '', type: 'text', required: false, options: [], showIf: null },
            ])
          }
          data-testid="field-add"
        >
          {t('registrations.fields.add')}
        </Button>
        <Button type="primary" loading={busy} onClick={() => void save()} data-testid="fields-save">
          {t('registrations.fields.save')}
        </Button>
      </Flex>
    </Flex>
  );
}

import { SaveOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RETRO_LIMITS, type RetroNotes, type Retrospective } from '../../../../contract/retrospectives.js';
import { ApiError } from '../../../app/api.js';
import { useApiError } from '../../../components/useApiError.js';
import { getRetrospective, retrospectiveKey, saveNotes } from '../api.js';

/** Saved-at in China time, whatever the browser's zone: "2026-12-18 18:00". */
const chinaTime = (iso: string) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));

type Values = { keep: string; improve: string; summary: string };
const valuesOf = (notes: RetroNotes): Values => ({
  keep: notes.keep ?? '',
  improve: notes.improve ?? '',
  summary: notes.summary ?? '',
});

const FIELDS = [
  { name: 'keep', label: 'retrospectives.notes.keep', hint: 'retrospectives.notes.keepHint' },
  { name: 'improve', label: 'retrospectives.notes.improve', hint: 'retrospectives.notes.improveHint' },
  { name: 'summary', label: 'retrospectives.notes.summary', hint: 'retrospectives.notes.summaryHint' },
] as const;

/**
 * 保持 / 改进 / 总结. The version the text was based on goes with every save; when someone else
 * saved in between the server refuses (409) and the editor offers to load their version — typed
 * text is never overwritten silently.
 */
export function NotesEditor({
  eventId,
  notes,
  editable,
}: {
  eventId: string;
  notes: RetroNotes;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [base, setBase] = useState(notes);
  const [dirty, setDirty] = useState(false);
  const [conflict, setConflict] = useState(false);

  const save = useMutation({
    mutationFn: (values: Values) => saveNotes(eventId, { ...values, version: base.version }),
    onSuccess: (retro: Retrospective) => {
      queryClient.setQueryData(retrospectiveKey(eventId), retro);
      setBase(retro.notes);
      form.setFieldsValue(valuesOf(retro.notes));
      setDirty(false);
      setConflict(false);
      message.success(t('retrospectives.notes.saved'));
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'retrospectives.notes_changed') setConflict(true);
      showError(error, form);
    },
  });

  const reload = async () => {
    const retro = await queryClient.fetchQuery({
      queryKey: retrospectiveKey(eventId),
      queryFn: () => getRetrospective(eventId),
      staleTime: 0,
    });
    setBase(retro.notes);
    form.setFieldsValue(valuesOf(retro.notes));
    setDirty(false);
    setConflict(false);
  };

  return (
    <Card title={t('retrospectives.notes.title')} size="small" className="retro-card">
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={valuesOf(base)}
        disabled={!editable}
        onValuesChange={() => setDirty(true)}
        onFinish={(values) => save.mutate(values)}
      >
        {FIELDS.map((field) => (
          <Form.Item
            key={field.name}
            name={field.name}
            label={t(field.label)}
            extra={t(field.hint)}
            rules={[{ max: RETRO_LIMITS.notesText }]}
          >
            <Input.TextArea
              autoSize={{ minRows: 3, maxRows: 12 }}
              maxLength={RETRO_LIMITS.notesText}
              data-testid={`retro-notes-${field.name}`}
            />
          </Form.Item>
        ))}
        <Flex gap={12} align="center" wrap>
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending}>
            {t('retrospectives.notes.save')}
          </Button>
          {conflict ? (
            <Button onClick={reload} danger>
              {t('retrospectives.notes.reload')}
            </Button>
          ) : null}
          <Typography.Text type={dirty ? 'warning' : 'secondary'} className="retro-small">
            {dirty
              ? t('retrospectives.notes.unsaved')
              : base.updatedAt
                ? t('retrospectives.notes.lastSaved', {
                    name: base.updatedByName ?? '',
                    time: chinaTime(base.updatedAt),
                  })
                : t('retrospectives.notes.neverSaved')}
          </Typography.Text>
        </Flex>
      </Form>
    </Card>
  );
}

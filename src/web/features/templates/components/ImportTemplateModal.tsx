import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateDetail } from '../../../../contract/templates.js';
import { ApiError, type FieldError } from '../../../app/api.js';
import { importTemplateFile } from '../api.js';
import { problemLabel } from './problemLabel.js';

const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** Picks a JSON file and imports it; every problem the server finds is listed, nothing is written. */
export function ImportTemplateModal({
  open,
  onClose,
  onImported,
}: {
  open: boolean;
  onClose: () => void;
  onImported: (template: TemplateDetail) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<FieldError[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setProblems(null);
    setFailure(null);
    if (file.size > MAX_FILE_BYTES) {
      setFailure(t('errors.request.too_large'));
      return;
    }
    setBusy(true);
    try {
      const template = await importTemplateFile(await file.text());
      message.success(t('templates.import.done', { name: template.name }));
      onImported(template);
    } catch (error) {
      if (error instanceof ApiError && error.errors.length) setProblems(error.errors);
      else setFailure(error instanceof ApiError ? error.detail : t('common.unexpectedError'));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <Modal open={open} title={t('templates.import.title')} onCancel={onClose} footer={null} destroyOnHidden>
      <Typography.Paragraph>{t('templates.import.help')}</Typography.Paragraph>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        style={{ display: 'none' }}
        onChange={(e) => void pick(e.target.files?.[0])}
        data-testid="template-import-file"
      />
      <Button icon={<UploadOutlined />} loading={busy} onClick={() => input.current?.click()}>
        {t('templates.import.choose')}
      </Button>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginTop: 16 }} />}
      {problems && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 16 }}
          title={t('templates.import.problems')}
          description={
            <ul
              style={{ margin: 0, paddingLeft: 20, maxHeight: 300, overflowY: 'auto' }}
              data-testid="import-problems"
            >
              {problems.map((p) => (
                <li key={`${p.path}: ${p.message}`}>
                  <Typography.Text code>{p.path}</Typography.Text> {problemLabel(p.path, t)}：{p.message}
                </li>
              ))}
            </ul>
          }
        />
      )}
    </Modal>
  );
}

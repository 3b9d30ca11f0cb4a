import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Modal, Space, Statistic, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../../components/useApiError.js';
import {
  commitImport,
  downloadImportTemplate,
  type ImportPreview,
  type ImportResult,
  type ImportRow,
  previewImport,
} from '../api.js';

/** The spreadsheet's columns in the order of the template (labels under memberUnits.columns). */
const COLUMNS = [
  'name',
  'uscc',
  'unitType',
  'level',
  'projectTypes',
  'address',
  'projectCount',
  'staffCount',
  'contact.name',
  'contact.position',
  'contact.mobile',
  'contact.email',
  'note',
] as const;
const labelKey = (column: string) => `memberUnits.columns.${column.replace('.', '_')}`;

/** Excel import: template → choose file → preview (errors per cell) → commit the valid rows. */
export function ImportModal(props: { open: boolean; onClose: () => void; onImported: () => void }) {
  const { t } = useTranslation();
  const showError = useApiError();
  const [fileName, setFileName] = useState<string>();
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState<'template' | 'preview' | 'commit' | null>(null);

  const reset = () => {
    setPreview(null);
    setResult(null);
    setFileName(undefined);
  };
  const close = () => {
    reset();
    props.onClose();
  };

  const upload = async (file: File) => {
    setBusy('preview');
    setResult(null);
    setFileName(file.name);
    try {
      setPreview(await previewImport(file));
    } catch (error) {
      setPreview(null);
      showError(error);
    } finally {
      setBusy(null);
    }
  };

  const template = async () => {
    setBusy('template');
    try {
      await downloadImportTemplate();
    } catch (error) {
      showError(error);
    } finally {
      setBusy(null);
    }
  };

  const commit = async () => {
    if (!preview) return;
    setBusy('commit');
    try {
      const units = preview.rows.flatMap((r) => (r.unit ? [r.unit] : []));
      setResult(await commitImport(units));
      setPreview(null);
      props.onImported();
    } catch (error) {
      showError(error);
    } finally {
      setBusy(null);
    }
  };

  const cell = (column: string) => (_: unknown, row: ImportRow) => {
    const errors = row.errors.filter((e) => e.column === column);
    return (
      <Flex vertical>
        <span>{row.raw[column] ?? ''}</span>
        {errors.map((e) => (
          <Typography.Text type="danger" key={e.message} style={{ fontSize: 12 }}>
            {e.message}
          </Typography.Text>
        ))}
      </Flex>
    );
  };

  const validCount = preview?.valid ?? 0;

  return (
    <Modal
      open={props.open}
      onCancel={close}
      title={t('memberUnits.import.title')}
      width={1100}
      style={{ maxWidth: 'calc(100vw - 16px)' }}
      destroyOnHidden
      footer={
        <Space wrap>
          <Button onClick={close}>{result ? t('common.done') : t('common.cancel')}</Button>
          {preview && (
            <Button
              type="primary"
              disabled={!validCount}
              loading={busy === 'commit'}
              onClick={commit}
              data-testid="import-commit"
            >
              {t('memberUnits.import.commit', { count: validCount })}
            </Button>
          )}
        </Space>
      }
    >
      <Flex vertical gap={16}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('memberUnits.import.intro')}
        </Typography.Paragraph>
        <Space wrap>
          <Button icon={<DownloadOutlined />} loading={busy === 'template'} onClick={template}>
            {t('memberUnits.import.downloadTemplate')}
          </Button>
          <Upload
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            showUploadList={false}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button
              type="primary"
              icon={<UploadOutlined />}
              loading={busy === 'preview'}
              data-testid="import-choose"
            >
              {preview ? t('memberUnits.import.chooseAgain') : t('memberUnits.import.chooseFile')}
            </Button>
          </Upload>
          {fileName && <Typography.Text type="secondary">{fileName}</Typography.Text>}
        </Space>
        {result && (
          <Alert
            type="success"
            showIcon
            data-testid="import-result"
            title={t('memberUnits.import.done', { created: result.created, updated: result.updated })}
          />
        )}
        {preview && (
          <>
            <Space size="large" wrap>
              <Statistic title={t('memberUnits.import.rows')} value={preview.rows.length} />
              <Statistic
                title={t('memberUnits.import.valid')}
                value={preview.valid}
                styles={{ content: { color: '#389e0d' } }}
              />
              <Statistic
                title={t('memberUnits.import.invalid')}
                value={preview.invalid}
                styles={{ content: { color: '#cf1322' } }}
              />
            </Space>
            {preview.invalid > 0 && (
              <Alert
                type="warning"
                showIcon
                title={t('memberUnits.import.hasErrors')}
                data-testid="import-has-errors"
              />
            )}
            <Table<ImportRow>
              rowKey="row"
              size="small"
              dataSource={preview.rows}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              scroll={{ x: 'max-content', y: 420 }}
              rowClassName={(row) => (row.action === 'error' ? 'gm-row-error' : 'gm-row-ok')}
              columns={[
                { title: t('memberUnits.import.row'), dataIndex: 'row', fixed: 'left', width: 64 },
                {
                  title: t('memberUnits.import.action'),
                  dataIndex: 'action',
                  width: 96,
                  render: (action: ImportRow['action']) => (
                    <Tag color={action === 'error' ? 'red' : action === 'update' ? 'blue' : 'green'}>
                      {t(`memberUnits.import.actions.${action}`)}
                    </Tag>
                  ),
                },
                ...COLUMNS.map((column) => ({
                  key: column,
                  title: t(labelKey(column)),
                  render: cell(column),
                })),
              ]}
            />
          </>
        )}
      </Flex>
    </Modal>
  );
}

import {
  ArrowLeftOutlined,
  ExportOutlined,
  MobileOutlined,
  SaveOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Popconfirm, Result, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { TemplateVersion } from '../../../../contract/templates.js';
import { ApiError, type FieldError } from '../../../app/api.js';
import { isStaff, useMe } from '../../../app/session.js';
import { useApiError } from '../../../components/useApiError.js';
import { exportVersion, getVersion, publishVersion, saveDraft, templatesKey, versionKey } from '../api.js';
import { type EditorTree, toEditor, toInput } from '../components/editorTree.js';
import { PhonePreview } from '../components/PhonePreview.js';
import { problemLabel } from '../components/problemLabel.js';
import { TreeEditor } from '../components/TreeEditor.js';
import '../components/templates.css';

/** A version: the draft editor (admins and staff) or a read-only view, beside the phone preview. */
export default function VersionPage() {
  const { versionId = '' } = useParams();
  const version = useQuery({ queryKey: versionKey(versionId), queryFn: () => getVersion(versionId) });
  if (version.isPending) return <Spin />;
  if (version.isError) return <Result status="404" title={version.error.message} />;
  return <VersionEditor key={version.data.id} version={version.data} />;
}

function VersionEditor({ version }: { version: TemplateVersion }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const { message } = App.useApp();
  const showError = useApiError();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const readOnly = version.status === 'published' || !isStaff(me?.role);
  const [tree, setTree] = useState<EditorTree>(() => toEditor(version));
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState<'save' | 'publish' | null>(null);
  const [problems, setProblems] = useState<FieldError[]>([]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const change = (next: EditorTree) => {
    setTree(next);
    setDirty(true);
  };

  const report = (error: unknown) => {
    if (error instanceof ApiError && error.errors.length) {
      setProblems(error.errors);
      message.error(error.detail);
    } else showError(error);
  };

  const save = async () => {
    const saved = await saveDraft(version.id, toInput(tree));
    setDirty(false);
    setProblems([]);
    queryClient.setQueryData(versionKey(version.id), saved);
    return saved;
  };

  const onSave = async () => {
    setBusy('save');
    try {
      await save();
      message.success(t('templates.editor.saved'));
    } catch (error) {
      report(error);
    } finally {
      setBusy(null);
    }
  };

  const onPublish = async () => {
    setBusy('publish');
    try {
      if (dirty) await save();
      const published = await publishVersion(version.id);
      setProblems([]);
      message.success(t('templates.editor.published', { number: published.number }));
      await queryClient.invalidateQueries({ queryKey: templatesKey });
    } catch (error) {
      report(error);
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <Link to={`/templates/${version.templateId}`}>
        <ArrowLeftOutlined /> {version.templateName}
      </Link>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ margin: '12px 0 16px' }}>
        <Space wrap>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="version-title">
            {version.templateName} · {t('templates.detail.version', { number: version.number })}
          </Typography.Title>
          <Tag color={version.status === 'published' ? 'green' : 'gold'}>
            {t(`templates.status.${version.status}`)}
          </Tag>
          {dirty && <Tag color="orange">{t('templates.editor.unsaved')}</Tag>}
        </Space>
        <Space wrap>
          <Button
            icon={<MobileOutlined />}
            onClick={() => navigate(`/templates/versions/${version.id}/preview`)}
          >
            {t('templates.preview.openFull')}
          </Button>
          {isStaff(me?.role) && (
            <Button icon={<ExportOutlined />} onClick={() => exportVersion(version.id).catch(showError)}>
              {t('templates.list.export')}
            </Button>
          )}
          {!readOnly && (
            <>
              <Button
                icon={<SaveOutlined />}
                disabled={!dirty}
                loading={busy === 'save'}
                onClick={() => void onSave()}
                data-testid="version-save"
              >
                {t('templates.editor.save')}
              </Button>
              <Popconfirm title={t('templates.editor.publishConfirm')} onConfirm={() => void onPublish()}>
                <Button
                  type="primary"
                  icon={<SendOutlined />}
                  loading={busy === 'publish'}
                  data-testid="version-publish"
                >
                  {t('templates.editor.publish')}
                </Button>
              </Popconfirm>
            </>
          )}
        </Space>
      </Flex>
      {version.status === 'published' && isStaff(me?.role) && (
        <Alert type="info" showIcon title={t('templates.editor.readOnly')} style={{ marginBottom: 16 }} />
      )}
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setProblems([])}
          style={{ marginBottom: 16 }}
          title={t('templates.editor.problems')}
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }} data-testid="publish-problems">
              {problems.map((p) => (
                <li key={`${p.path}: ${p.message}`}>
                  {problemLabel(p.path, t)}：{p.message}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <div className="gm-tpl-editor-layout">
        <div className="gm-tpl-editor-main">
          <TreeEditor tree={tree} onChange={change} readOnly={readOnly} />
        </div>
        <div className="gm-tpl-editor-side">
          <Typography.Paragraph type="secondary" style={{ width: 390 }}>
            {t('templates.preview.help')}
          </Typography.Paragraph>
          <PhonePreview title={version.templateName} tree={tree} />
        </div>
      </div>
    </>
  );
}

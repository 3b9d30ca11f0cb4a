import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Popconfirm,
  Result,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { VersionSummary } from '../../../../contract/templates.js';
import { isStaff, useMe } from '../../../app/session.js';
import { useApiError } from '../../../components/useApiError.js';
import { discardDraft, exportVersion, getTemplate, openDraft, renameTemplate, templatesKey } from '../api.js';
import { TemplateFormModal } from '../components/CreateTemplateModal.js';
import '../components/templates.css';

const when = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

/** One template: its versions (history), the way into the draft editor, rename. */
export default function TemplatePage() {
  const { templateId = '' } = useParams();
  const { t } = useTranslation();
  const { data: me } = useMe();
  const canWrite = isStaff(me?.role);
  const { message } = App.useApp();
  const showError = useApiError();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [renaming, setRenaming] = useState(false);

  const detail = useQuery({
    queryKey: [...templatesKey, 'detail', templateId],
    queryFn: () => getTemplate(templateId),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: templatesKey });

  const edit = useMutation({
    mutationFn: () => openDraft(templateId),
    onSuccess: (draft) => {
      void refresh();
      navigate(`/templates/versions/${draft.id}`);
    },
    onError: (error) => showError(error),
  });
  const discard = useMutation({
    mutationFn: (versionId: string) => discardDraft(versionId),
    onSuccess: () => {
      message.success(t('templates.detail.discarded'));
      return refresh();
    },
    onError: (error) => showError(error),
  });

  if (detail.isPending) return <Spin />;
  if (detail.isError) return <Result status="404" title={detail.error.message} />;
  const tpl = detail.data;
  const hasDraft = tpl.latestVersion?.status === 'draft';

  return (
    <>
      <Link to="/templates">
        <ArrowLeftOutlined /> {t('templates.detail.back')}
      </Link>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ margin: '12px 0 16px' }}>
        <Space wrap>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="template-title">
            {tpl.name}
          </Typography.Title>
          {tpl.isDefault && <Tag color="blue">{t('templates.default')}</Tag>}
          <Tag>{t(`templates.kinds.${tpl.kind}`)}</Tag>
        </Space>
        {canWrite && (
          <Space wrap>
            <Button onClick={() => setRenaming(true)}>{t('templates.rename.button')}</Button>
            <Button
              type="primary"
              icon={<EditOutlined />}
              loading={edit.isPending}
              onClick={() => edit.mutate()}
              title={hasDraft ? undefined : t('templates.detail.newDraftHelp')}
              data-testid="template-edit"
            >
              {hasDraft ? t('templates.detail.editDraft') : t('templates.detail.newDraft')}
            </Button>
          </Space>
        )}
      </Flex>
      {tpl.description && <Typography.Paragraph type="secondary">{tpl.description}</Typography.Paragraph>}
      <Card title={t('templates.detail.versions')} size="small">
        <Table<VersionSummary>
          rowKey="id"
          dataSource={tpl.versions}
          pagination={false}
          scroll={{ x: 700 }}
          columns={[
            {
              title: t('templates.detail.versionColumn'),
              key: 'number',
              render: (_, v) => (
                <Space>
                  <Link to={`/templates/versions/${v.id}`}>
                    {t('templates.detail.version', { number: v.number })}
                  </Link>
                  <Tag color={v.status === 'published' ? 'green' : 'gold'}>
                    {t(`templates.status.${v.status}`)}
                  </Tag>
                </Space>
              ),
            },
            {
              title: t('templates.detail.publishedAt'),
              key: 'publishedAt',
              render: (_, v) => when(v.publishedAt),
            },
            {
              title: t('templates.detail.publishedBy'),
              key: 'publishedBy',
              render: (_, v) => v.publishedByName ?? (v.status === 'published' ? t('common.appName') : '—'),
            },
            { title: t('templates.detail.createdAt'), key: 'createdAt', render: (_, v) => when(v.createdAt) },
            {
              title: t('templates.list.actions'),
              key: 'actions',
              render: (_, v) => (
                <Space size={0} wrap>
                  <Button
                    type="link"
                    size="small"
                    onClick={() => navigate(`/templates/versions/${v.id}/preview`)}
                  >
                    {t('templates.list.preview')}
                  </Button>
                  {canWrite && (
                    <Button type="link" size="small" onClick={() => exportVersion(v.id).catch(showError)}>
                      {t('templates.list.export')}
                    </Button>
                  )}
                  {canWrite && v.status === 'draft' && v.number > 1 && (
                    <Popconfirm
                      title={t('templates.detail.discardConfirm')}
                      onConfirm={() => discard.mutate(v.id)}
                    >
                      <Button type="link" size="small" danger>
                        {t('templates.detail.discard')}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Descriptions size="small" style={{ marginTop: 16 }} column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t('templates.list.current')}>
          {tpl.currentVersion ? t('templates.detail.version', { number: tpl.currentVersion.number }) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('templates.list.updatedAt')}>{when(tpl.updatedAt)}</Descriptions.Item>
      </Descriptions>
      <TemplateFormModal
        open={renaming}
        title={t('templates.rename.title')}
        okText={t('templates.rename.submit')}
        initial={{ name: tpl.name, description: tpl.description }}
        withKind={false}
        onClose={() => setRenaming(false)}
        onSubmit={async (values) => {
          await renameTemplate(tpl.id, { name: values.name, description: values.description });
          message.success(t('templates.rename.saved'));
          setRenaming(false);
          await refresh();
        }}
      />
    </>
  );
}

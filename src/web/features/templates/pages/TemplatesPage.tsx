import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { TemplateQuery, TemplateSummary, VersionSummary } from '../../../../contract/templates.js';
import { isStaff, useMe } from '../../../app/session.js';
import { useApiError } from '../../../components/useApiError.js';
import {
  createTemplate,
  duplicateTemplate,
  exportVersion,
  listTemplates,
  setTemplateArchived,
  templatesKey,
} from '../api.js';
import { TemplateFormModal } from '../components/CreateTemplateModal.js';
import { ImportTemplateModal } from '../components/ImportTemplateModal.js';
import '../components/templates.css';

export function VersionTag({ version }: { version: VersionSummary | null }) {
  const { t } = useTranslation();
  if (!version) return <Typography.Text type="secondary">{t('templates.list.notPublished')}</Typography.Text>;
  return (
    <Space size={4}>
      <span>{t('templates.detail.version', { number: version.number })}</span>
      <Tag color={version.status === 'published' ? 'green' : 'gold'}>
        {t(`templates.status.${version.status}`)}
      </Tag>
    </Space>
  );
}

/** 观察模板 list: create, import, duplicate, export, archive; members see published ones. */
export default function TemplatesPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const canWrite = isStaff(me?.role);
  const { message } = App.useApp();
  const showError = useApiError();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [archived, setArchived] = useState<TemplateQuery['archived']>('false');
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);

  const list = useQuery({
    queryKey: [...templatesKey, 'list', archived],
    queryFn: () => listTemplates({ archived }),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: templatesKey });

  const archive = useMutation({
    mutationFn: (tpl: TemplateSummary) => setTemplateArchived(tpl.id, !tpl.archived),
    onSuccess: (tpl) => {
      message.success(tpl.archived ? t('templates.list.archived') : t('templates.list.restored'));
      return refresh();
    },
    onError: (error) => showError(error),
  });
  const duplicate = useMutation({
    mutationFn: (tpl: TemplateSummary) => duplicateTemplate(tpl.id),
    onSuccess: (tpl) => {
      message.success(t('templates.list.duplicated', { name: tpl.name }));
      return refresh();
    },
    onError: (error) => showError(error),
  });

  const columns = [
    {
      title: t('templates.list.name'),
      key: 'name',
      render: (_: unknown, tpl: TemplateSummary) => (
        <Space direction="vertical" size={0}>
          <Space size={4} wrap>
            <Link to={`/templates/${tpl.id}`} data-testid="template-link">
              {tpl.name}
            </Link>
            {tpl.isDefault && <Tag color="blue">{t('templates.default')}</Tag>}
            {tpl.archived && <Tag>{t('templates.list.archived')}</Tag>}
          </Space>
          {tpl.description && (
            <Typography.Text type="secondary" ellipsis style={{ maxWidth: 420 }}>
              {tpl.description}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('templates.list.kind'),
      key: 'kind',
      width: 150,
      render: (_: unknown, tpl: TemplateSummary) => t(`templates.kinds.${tpl.kind}`),
    },
    {
      title: t('templates.list.current'),
      key: 'current',
      width: 170,
      render: (_: unknown, tpl: TemplateSummary) => <VersionTag version={tpl.currentVersion} />,
    },
    ...(canWrite
      ? [
          {
            title: t('templates.list.latest'),
            key: 'latest',
            width: 150,
            render: (_: unknown, tpl: TemplateSummary) => <VersionTag version={tpl.latestVersion} />,
          },
        ]
      : []),
    {
      title: t('templates.list.updatedAt'),
      key: 'updatedAt',
      width: 150,
      render: (_: unknown, tpl: TemplateSummary) => dayjs(tpl.updatedAt).format('YYYY-MM-DD HH:mm'),
    },
    {
      title: t('templates.list.actions'),
      key: 'actions',
      width: 300,
      render: (_: unknown, tpl: TemplateSummary) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => navigate(`/templates/${tpl.id}`)}>
            {canWrite ? t('templates.list.edit') : t('templates.list.view')}
          </Button>
          {tpl.currentVersion && (
            <Button
              type="link"
              size="small"
              onClick={() => navigate(`/templates/versions/${tpl.currentVersion!.id}/preview`)}
            >
              {t('templates.list.preview')}
            </Button>
          )}
          {canWrite && (
            <Button type="link" size="small" onClick={() => duplicate.mutate(tpl)}>
              {t('templates.list.duplicate')}
            </Button>
          )}
          {canWrite && tpl.latestVersion && (
            <Button
              type="link"
              size="small"
              onClick={() => exportVersion((tpl.currentVersion ?? tpl.latestVersion)!.id).catch(showError)}
            >
              {t('templates.list.export')}
            </Button>
          )}
          {canWrite &&
            (tpl.archived ? (
              <Button type="link" size="small" onClick={() => archive.mutate(tpl)}>
                {t('templates.list.restore')}
              </Button>
            ) : (
              <Popconfirm title={t('templates.list.archiveConfirm')} onConfirm={() => archive.mutate(tpl)}>
                <Button type="link" size="small" danger>
                  {t('templates.list.archive')}
                </Button>
              </Popconfirm>
            ))}
        </Space>
      ),
    },
  ];

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('templates.title')}
        </Typography.Title>
        {canWrite && (
          <Space wrap>
            <Select
              value={archived}
              style={{ width: 120 }}
              onChange={setArchived}
              options={(['false', 'true', 'all'] as const).map((v) => ({
                value: v,
                label: t(`templates.list.filter.${v}`),
              }))}
            />
            <Button
              icon={<ImportOutlined />}
              onClick={() => setImporting(true)}
              data-testid="templates-import"
            >
              {t('templates.list.import')}
            </Button>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="templates-new"
            >
              {t('templates.list.new')}
            </Button>
          </Space>
        )}
      </Flex>
      <Table
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data ?? []}
        columns={columns}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('templates.list.empty') }}
      />
      <TemplateFormModal
        open={creating}
        title={t('templates.create.title')}
        okText={t('templates.create.submit')}
        withKind
        onClose={() => setCreating(false)}
        onSubmit={async (values) => {
          const tpl = await createTemplate(values);
          setCreating(false);
          await refresh();
          navigate(`/templates/versions/${tpl.latestVersion!.id}`);
        }}
      />
      <ImportTemplateModal
        open={importing}
        onClose={() => setImporting(false)}
        onImported={(tpl) => {
          setImporting(false);
          void refresh();
          navigate(`/templates/versions/${tpl.latestVersion!.id}`);
        }}
      />
    </>
  );
}

import { PlusOutlined, TagsOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Image, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PROJECT_TYPES } from '../../../../contract/enums.js';
import { HONOUR_LEVELS, type SiteSummary, WILLINGNESS } from '../../../../contract/sites.js';
import { getSiteTags, listSites, type SiteFilters, sitesKey } from '../api.js';
import { formatNumber, HonourTag, WillingnessTag } from '../components/labels.js';
import { SiteFormDrawer } from '../components/SiteFormDrawer.js';
import { SitesTabs } from '../components/SitesTabs.js';
import { TagListModal } from '../components/TagListModal.js';

type Archived = 'false' | 'true' | 'all';

/** 标杆项目库: the registry of candidate benchmark sites, with filters and search. */
export default function SitesPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<SiteFilters>({ archived: 'false' });
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [creating, setCreating] = useState(false);
  const [editingTags, setEditingTags] = useState(false);

  const sites = useQuery({
    queryKey: [...sitesKey, 'list', filters, page, pageSize],
    queryFn: () => listSites({ ...filters, page, pageSize }),
    placeholderData: keepPreviousData,
  });
  const tags = useQuery({ queryKey: [...sitesKey, 'tags'], queryFn: getSiteTags });

  const setFilter = <K extends keyof SiteFilters>(key: K, value: SiteFilters[K]) => {
    setFilters((f) => ({ ...f, [key]: value }));
    setPage(1);
  };

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('sites.title')}
        </Typography.Title>
        <Space wrap>
          <Button icon={<TagsOutlined />} onClick={() => setEditingTags(true)} data-testid="site-tags-edit">
            {t('sites.tags.edit')}
          </Button>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="sites-create"
          >
            {t('sites.create')}
          </Button>
        </Space>
      </Flex>
      <SitesTabs />
      <div className="gm-toolbar">
        <Input.Search
          allowClear
          placeholder={t('sites.searchPlaceholder')}
          onSearch={(value) => setFilter('q', value.trim() || undefined)}
          style={{ width: 260, maxWidth: '100%' }}
          data-testid="sites-search"
        />
        <Select
          allowClear
          placeholder={t('sites.fields.projectType')}
          value={filters.projectType}
          onChange={(v) => setFilter('projectType', v)}
          options={PROJECT_TYPES.map((v) => ({ value: v, label: t(`enums.projectType.${v}`) }))}
          style={{ width: 150 }}
        />
        <Select
          allowClear
          placeholder={t('sites.fields.tags')}
          value={filters.tag}
          onChange={(v) => setFilter('tag', v)}
          options={(tags.data?.tags ?? []).map((v) => ({ value: v, label: v }))}
          style={{ width: 150 }}
        />
        <Select
          allowClear
          placeholder={t('sites.filters.honourLevel')}
          value={filters.honourLevel}
          onChange={(v) => setFilter('honourLevel', v)}
          options={HONOUR_LEVELS.map((v) => ({ value: v, label: t(`enums.honourLevel.${v}`) }))}
          style={{ width: 150 }}
        />
        <Select
          allowClear
          placeholder={t('sites.fields.willingness')}
          value={filters.willingness}
          onChange={(v) => setFilter('willingness', v)}
          options={WILLINGNESS.map((v) => ({ value: v, label: t(`enums.willingness.${v}`) }))}
          style={{ width: 150 }}
        />
        <Select<Archived>
          value={(filters.archived ?? 'false') as Archived}
          onChange={(v) => setFilter('archived', v)}
          options={[
            { value: 'false', label: t('sites.filters.active') },
            { value: 'true', label: t('sites.filters.archived') },
            { value: 'all', label: t('sites.filters.all') },
          ]}
          style={{ width: 120 }}
        />
      </div>
      <Table<SiteSummary>
        rowKey="id"
        size="middle"
        loading={sites.isFetching}
        dataSource={sites.data?.items}
        scroll={{ x: 'max-content' }}
        onRow={(site) => ({ onClick: () => navigate(`/sites/${site.id}`), style: { cursor: 'pointer' } })}
        pagination={{
          current: page,
          pageSize,
          total: sites.data?.total,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
        columns={[
          {
            title: t('sites.fields.cover'),
            dataIndex: 'coverThumbUrl',
            width: 96,
            render: (url: string | null, site) =>
              url ? (
                <Image
                  src={url}
                  alt={site.name}
                  width={80}
                  height={50}
                  style={{ objectFit: 'cover', borderRadius: 4 }}
                  preview={false}
                />
              ) : (
                <Flex
                  align="center"
                  justify="center"
                  style={{ width: 80, height: 50, background: '#f0f0f0', borderRadius: 4, fontSize: 12 }}
                >
                  {t('sites.photos.none')}
                </Flex>
              ),
          },
          {
            title: t('sites.fields.name'),
            dataIndex: 'name',
            render: (name: string, site) => (
              <Space orientation="vertical" size={2}>
                <Link to={`/sites/${site.id}`} onClick={(e) => e.stopPropagation()}>
                  {name}
                </Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {[site.district, site.managingUnitName ?? site.managingCompany].filter(Boolean).join(' · ')}
                </Typography.Text>
                {site.archived && <Tag>{t('sites.archivedTag')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('sites.fields.projectType'),
            dataIndex: 'projectType',
            render: (v) => t(`enums.projectType.${v}`),
          },
          {
            title: t('sites.fields.tags'),
            dataIndex: 'tags',
            render: (list: string[]) => (
              <Space size={[0, 4]} wrap style={{ maxWidth: 220 }}>
                {list.map((tag) => (
                  <Tag key={tag} color="blue">
                    {tag}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            title: t('sites.fields.honours'),
            dataIndex: 'honours',
            render: (honours: SiteSummary['honours']) => (
              <Space orientation="vertical" size={2} style={{ maxWidth: 280 }}>
                {honours.slice(0, 2).map((h) => (
                  <HonourTag key={h.id} honour={h} />
                ))}
                {honours.length > 2 && (
                  <Typography.Text type="secondary">
                    {t('sites.moreHonours', { count: honours.length - 2 })}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: t('sites.fields.size'),
            render: (_, site) => (
              <Space orientation="vertical" size={0}>
                <span>{t('sites.areaValue', { value: formatNumber(site.areaM2, i18n.language) })}</span>
                {site.households !== null && (
                  <span>
                    {t('sites.householdsValue', { value: formatNumber(site.households, i18n.language) })}
                  </span>
                )}
              </Space>
            ),
          },
          {
            title: t('sites.fields.willingness'),
            dataIndex: 'willingness',
            render: (v) => <WillingnessTag value={v} />,
          },
        ]}
      />
      <SiteFormDrawer
        open={creating}
        site={null}
        onClose={() => setCreating(false)}
        onSaved={(site) => {
          message.success(t('sites.saved', { name: site.name }));
          setCreating(false);
          void queryClient.invalidateQueries({ queryKey: sitesKey });
          navigate(`/sites/${site.id}`);
        }}
      />
      <TagListModal open={editingTags} tags={tags.data?.tags ?? []} onClose={() => setEditingTags(false)} />
    </>
  );
}

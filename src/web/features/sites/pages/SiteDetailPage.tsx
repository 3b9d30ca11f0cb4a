import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Popconfirm,
  Result,
  Row,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Site } from '../../../../contract/sites.js';
import { ApiError } from '../../../app/api.js';
import { isStaff, useMe } from '../../../app/session.js';
import { useApiError } from '../../../components/useApiError.js';
import { getSite, setSiteArchived, sitesKey } from '../api.js';
import { formatNumber, HonourTag, WillingnessTag } from '../components/labels.js';
import { SiteFormDrawer } from '../components/SiteFormDrawer.js';
import { SiteHosts } from '../components/SiteHosts.js';
import { SitePhotos } from '../components/SitePhotos.js';

/** One benchmark site: facts, honours, photos and linked host accounts. */
export default function SiteDetailPage() {
  const { siteId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const canEdit = isStaff(me?.role);
  const [editing, setEditing] = useState(false);
  const key = [...sitesKey, 'detail', siteId];
  const site = useQuery({ queryKey: key, queryFn: () => getSite(siteId) });

  const changed = (next?: Site) => {
    if (next) queryClient.setQueryData(key, next);
    return queryClient.invalidateQueries({ queryKey: sitesKey });
  };
  const archive = useMutation({
    mutationFn: (s: Site) => setSiteArchived(s.id, !s.archived),
    onSuccess: (s) => {
      message.success(s.archived ? t('sites.archivedDone') : t('sites.restoredDone'));
      return changed(s);
    },
    onError: (error) => showError(error),
  });

  if (site.isPending) return <Spin style={{ display: 'block', margin: '64px auto' }} />;
  if (site.error) {
    const status = site.error instanceof ApiError ? site.error.status : 0;
    return (
      <Result
        status={status === 403 ? '403' : status === 404 ? '404' : 'error'}
        title={site.error instanceof ApiError ? site.error.detail : t('common.unexpectedError')}
        extra={<Link to="/sites">{t('sites.backToList')}</Link>}
      />
    );
  }
  const s = site.data;
  const dash = '—';

  return (
    <>
      {canEdit && (
        <Link to="/sites">
          <ArrowLeftOutlined /> {t('sites.backToList')}
        </Link>
      )}
      <Flex justify="space-between" align="center" wrap gap={8} style={{ margin: '8px 0 16px' }}>
        <Space wrap>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="site-title">
            {s.name}
          </Typography.Title>
          <Tag>{t(`enums.projectType.${s.projectType}`)}</Tag>
          <WillingnessTag value={s.willingness} />
          {s.archived && <Tag>{t('sites.archivedTag')}</Tag>}
        </Space>
        {canEdit && (
          <Space wrap>
            <Popconfirm
              title={s.archived ? t('sites.confirmRestore') : t('sites.confirmArchive')}
              onConfirm={() => archive.mutateAsync(s)}
            >
              <Button danger={!s.archived}>{s.archived ? t('sites.restore') : t('sites.archive')}</Button>
            </Popconfirm>
            <Button
              type="primary"
              icon={<EditOutlined />}
              onClick={() => setEditing(true)}
              data-testid="site-edit"
            >
              {t('common.edit')}
            </Button>
          </Space>
        )}
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Card title={t('sites.detail.facts')}>
            <Descriptions
              column={{ xs: 1, sm: 2 }}
              size="small"
              items={[
                {
                  key: 'managing',
                  label: t('sites.fields.managing'),
                  children: s.managingUnitName ?? s.managingCompany ?? dash,
                },
                { key: 'district', label: t('sites.fields.district'), children: s.district ?? dash },
                { key: 'address', label: t('sites.fields.address'), span: 2, children: s.address ?? dash },
                {
                  key: 'area',
                  label: t('sites.fields.areaM2'),
                  children: formatNumber(s.areaM2, i18n.language),
                },
                {
                  key: 'households',
                  label: t('sites.fields.households'),
                  children: formatNumber(s.households, i18n.language),
                },
                { key: 'contact', label: t('sites.fields.contactName'), children: s.contactName ?? dash },
                { key: 'mobile', label: t('sites.fields.contactMobile'), children: s.contactMobile ?? dash },
                {
                  key: 'tags',
                  label: t('sites.fields.tags'),
                  span: 2,
                  children: (
                    <Space size={[0, 4]} wrap>
                      {s.tags.length
                        ? s.tags.map((tag) => (
                            <Tag key={tag} color="blue">
                              {tag}
                            </Tag>
                          ))
                        : dash}
                    </Space>
                  ),
                },
                {
                  key: 'honours',
                  label: t('sites.fields.honours'),
                  span: 2,
                  children: (
                    <Space orientation="vertical" size={4}>
                      {s.honours.length ? s.honours.map((h) => <HonourTag key={h.id} honour={h} />) : dash}
                    </Space>
                  ),
                },
              ]}
            />
            {s.description && (
              <Typography.Paragraph style={{ marginTop: 12, whiteSpace: 'pre-wrap' }}>
                {s.description}
              </Typography.Paragraph>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <SiteHosts site={s} canEdit={canEdit} onChanged={(next) => void changed(next)} />
        </Col>
        <Col span={24}>
          <SitePhotos
            siteId={s.id}
            photos={s.photos}
            canEdit={canEdit}
            onChanged={() => void queryClient.invalidateQueries({ queryKey: sitesKey })}
          />
        </Col>
      </Row>
      <SiteFormDrawer
        open={editing}
        site={s}
        onClose={() => setEditing(false)}
        onSaved={(saved) => {
          message.success(t('sites.saved', { name: saved.name }));
          setEditing(false);
          void changed(saved);
        }}
      />
    </>
  );
}

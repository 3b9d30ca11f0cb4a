import { BulbOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  List,
  Progress,
  Row,
  Select,
  Space,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SITE_LIMITS, type SuggestedSet } from '../../../../contract/sites.js';
import { useApiError } from '../../../components/useApiError.js';
import { getCoverage, getShortlist, screeningKey, sitesKey, suggestCoverage } from '../api.js';
import { SitesTabs } from '../components/SitesTabs.js';

const percent = (share: number) => Math.round(share * 1000) / 10;

/** 代表性: what share of member units a chosen set of sites covers, and which set covers most. */
export default function CoveragePage() {
  const { t } = useTranslation();
  const showError = useApiError();
  const [siteIds, setSiteIds] = useState<string[]>([]);
  const [suggesting, setSuggesting] = useState(false);
  const [suggestion, setSuggestion] = useState<{
    best1: SuggestedSet | null;
    best2: SuggestedSet | null;
  } | null>(null);
  const sites = useQuery({ queryKey: [...screeningKey, 'shortlist'], queryFn: getShortlist });
  const coverage = useQuery({
    queryKey: [...sitesKey, 'coverage', siteIds],
    queryFn: () => getCoverage(siteIds),
    enabled: siteIds.length > 0,
  });

  const suggest = async (size: 1 | 2) => {
    setSuggesting(true);
    try {
      const result = await suggestCoverage();
      setSuggestion(result);
      const best = size === 1 ? result.best1 : result.best2;
      if (best) setSiteIds(best.siteIds);
    } catch (error) {
      showError(error);
    } finally {
      setSuggesting(false);
    }
  };

  const result = coverage.data;
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('sites.coverage.title')}
      </Typography.Title>
      <SitesTabs />
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('sites.coverage.explain')} />
      <Card style={{ marginBottom: 16 }}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text strong>{t('sites.coverage.pick')}</Typography.Text>
          <Select
            mode="multiple"
            value={siteIds}
            onChange={(ids) => setSiteIds(ids.slice(0, SITE_LIMITS.coverageSites))}
            loading={sites.isPending}
            style={{ width: '100%' }}
            placeholder={t('sites.coverage.pickPlaceholder')}
            optionFilterProp="label"
            options={(sites.data ?? []).map((s) => ({
              value: s.siteId,
              label: `${s.siteName}（${t(`enums.projectType.${s.projectType}`)}）`,
            }))}
            data-testid="coverage-sites"
          />
          <Space wrap>
            <Button
              icon={<BulbOutlined />}
              loading={suggesting}
              onClick={() => suggest(1)}
              data-testid="suggest-1"
            >
              {t('sites.coverage.suggest1')}
            </Button>
            <Button
              type="primary"
              icon={<BulbOutlined />}
              loading={suggesting}
              onClick={() => suggest(2)}
              data-testid="suggest-2"
            >
              {t('sites.coverage.suggest2')}
            </Button>
          </Space>
          {suggestion && (
            <Typography.Text type="secondary">
              {(
                [
                  ['suggest1', suggestion.best1],
                  ['suggest2', suggestion.best2],
                ] as const
              )
                .filter(([, s]) => !!s)
                .map(([label, s]) =>
                  t('sites.coverage.suggestionLine', {
                    label: t(`sites.coverage.${label}`),
                    names: s!.siteNames.join(' + '),
                    covered: s!.coveredUnits,
                    percent: percent(s!.share),
                  }),
                )
                .join('；')}
            </Typography.Text>
          )}
        </Space>
      </Card>
      {!siteIds.length ? (
        <Empty description={t('sites.coverage.nothingPicked')} />
      ) : result ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} md={10}>
            <Card>
              <Space align="center" size="large" wrap>
                <Progress type="circle" percent={percent(result.share)} data-testid="coverage-share" />
                <Space orientation="vertical">
                  <Statistic
                    title={t('sites.coverage.covered')}
                    value={result.coveredUnits}
                    suffix={`/ ${result.totalUnits}`}
                  />
                  <Space size={[0, 4]} wrap>
                    {result.projectTypes.map((type) => (
                      <Tag key={type}>{t(`enums.projectType.${type}`)}</Tag>
                    ))}
                  </Space>
                </Space>
              </Space>
            </Card>
          </Col>
          <Col xs={24} md={14}>
            <Card title={t('sites.coverage.leftOut', { count: result.leftOut.length })}>
              <List
                size="small"
                dataSource={result.leftOut}
                locale={{ emptyText: t('sites.coverage.noneLeftOut') }}
                style={{ maxHeight: 420, overflow: 'auto' }}
                renderItem={(unit) => (
                  <List.Item>
                    <List.Item.Meta
                      title={unit.name}
                      description={
                        unit.projectTypes.length ? (
                          <Space size={[0, 4]} wrap>
                            {unit.projectTypes.map((type) => (
                              <Tag key={type}>{t(`enums.projectType.${type}`)}</Tag>
                            ))}
                          </Space>
                        ) : (
                          t('sites.coverage.noTypes')
                        )
                      }
                    />
                  </List.Item>
                )}
              />
            </Card>
          </Col>
        </Row>
      ) : null}
    </>
  );
}

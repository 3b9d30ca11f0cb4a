import { Alert, Card, Descriptions, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Criterion, ShortlistEntry } from '../../../../contract/sites.js';
import { WillingnessTag } from './labels.js';

/** A spread of a whole point or more between scorers is worth a discussion. */
const WIDE_SPREAD = 1;
const fixed = (v: number | null) => (v === null ? '—' : v.toFixed(2));

/** The ranked shortlist: weighted average, number of scorers and how far they disagree. */
export function ShortlistTable(props: { criteria: Criterion[]; shortlist: ShortlistEntry[] }) {
  const { t } = useTranslation();
  const nameOf = new Map(props.criteria.map((c) => [c.id, c.name]));
  return (
    <Card title={t('sites.screening.shortlistTitle')}>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('sites.screening.formula')} />
      <Table<ShortlistEntry>
        rowKey="siteId"
        size="small"
        pagination={false}
        dataSource={props.shortlist}
        scroll={{ x: 'max-content' }}
        data-testid="shortlist"
        expandable={{
          rowExpandable: (row) => row.scorerCount > 0,
          expandedRowRender: (row) => (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Descriptions
                size="small"
                column={{ xs: 1, sm: 2, md: 4 }}
                title={t('sites.screening.perCriterion')}
                items={row.criteria.map((c) => ({
                  key: c.criterionId,
                  label: nameOf.get(c.criterionId),
                  children: c.count
                    ? t('sites.screening.meanSd', {
                        mean: fixed(c.mean),
                        sd: fixed(c.stddev),
                        count: c.count,
                      })
                    : '—',
                }))}
              />
              <Space wrap>
                <Typography.Text type="secondary">{t('sites.screening.scorerTotals')}</Typography.Text>
                {row.scorerTotals.map((s) => (
                  <Tag key={s.scorerId}>
                    {s.scorerName}: {s.total.toFixed(2)}
                  </Tag>
                ))}
              </Space>
            </Space>
          ),
        }}
        columns={[
          { title: t('sites.screening.rank'), dataIndex: 'rank', width: 60 },
          { title: t('sites.fields.name'), dataIndex: 'siteName' },
          {
            title: t('sites.fields.projectType'),
            dataIndex: 'projectType',
            render: (v) => t(`enums.projectType.${v}`),
          },
          {
            title: t('sites.fields.willingness'),
            dataIndex: 'willingness',
            render: (v) => <WillingnessTag value={v} />,
          },
          {
            title: t('sites.screening.weightedScore'),
            dataIndex: 'weightedScore',
            render: (v: number | null) => <Typography.Text strong>{fixed(v)}</Typography.Text>,
          },
          { title: t('sites.screening.scorers'), dataIndex: 'scorerCount' },
          {
            title: (
              <Tooltip title={t('sites.screening.spreadHint')}>
                <span>{t('sites.screening.spread')}</span>
              </Tooltip>
            ),
            dataIndex: 'spread',
            render: (v: number | null) =>
              v !== null && v >= WIDE_SPREAD ? <Tag color="orange">{fixed(v)}</Tag> : fixed(v),
          },
        ]}
      />
    </Card>
  );
}

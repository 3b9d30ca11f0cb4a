import { Card, Flex, Progress, Statistic, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { NpsSummary, QuestionResult } from '../../../../contract/surveys.js';
import { BarChart } from './BarChart.js';
import { percent, round1, round2 } from './format.js';

const NPS_COLORS = { detractors: '#f5222d', passives: '#faad14', promoters: '#52c41a' } as const;
const npsColor = (v: number) =>
  v <= 6 ? NPS_COLORS.detractors : v <= 8 ? NPS_COLORS.passives : NPS_COLORS.promoters;

/** Promoters, passives and detractors as one stacked bar with counts, and the NPS itself. */
export function NpsBreakdown({ nps, prefix }: { nps: NpsSummary; prefix: string }) {
  const { t } = useTranslation();
  const share = (n: number) => (nps.answered ? n / nps.answered : 0);
  const parts = (['promoters', 'passives', 'detractors'] as const).map((key) => ({ key, count: nps[key] }));
  return (
    <div data-testid={`${prefix}-breakdown`}>
      <div className="gm-sv-nps-bar" aria-hidden="true">
        {parts.map((p) => (
          <span key={p.key} style={{ width: `${share(p.count) * 100}%`, background: NPS_COLORS[p.key] }} />
        ))}
      </div>
      <Flex gap={12} wrap>
        {parts.map((p) => (
          <Typography.Text key={p.key} data-testid={`${prefix}-${p.key}`}>
            <span style={{ color: NPS_COLORS[p.key] }}>■</span> {t(`surveys.results.${p.key}`)} {p.count} (
            {percent(nps.answered ? share(p.count) : null)})
          </Typography.Text>
        ))}
      </Flex>
    </div>
  );
}

function Heat({ q }: { q: Extract<QuestionResult, { type: 'matrix' }> }) {
  const { t } = useTranslation();
  const values = Array.from({ length: q.max - q.min + 1 }, (_, i) => q.min + i);
  const columns = [
    { title: t('surveys.results.row'), dataIndex: 'label', key: 'label', width: 200 },
    ...values.map((v) => ({
      title: String(v),
      key: String(v),
      className: 'gm-sv-cell',
      width: 48,
      onCell: (row: (typeof q.rows)[number]) => {
        const count = row.distribution.find((d) => d.value === v)?.count ?? 0;
        const alpha = row.answered ? count / row.answered : 0;
        return {
          style: {
            background: `rgba(22, 119, 255, ${(alpha * 0.85).toFixed(2)})`,
            color: alpha > 0.5 ? '#fff' : undefined,
          },
        };
      },
      render: (_: unknown, row: (typeof q.rows)[number]) =>
        row.distribution.find((d) => d.value === v)?.count || '',
    })),
    {
      title: t('surveys.results.average'),
      key: 'average',
      width: 80,
      render: (_: unknown, row: (typeof q.rows)[number]) => <b>{round2(row.average)}</b>,
    },
    { title: t('surveys.results.answered'), dataIndex: 'answered', key: 'answered', width: 80 },
  ];
  return (
    <Table
      className="gm-sv-heat"
      size="small"
      rowKey="rowId"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={q.rows}
      columns={columns}
      data-testid={`survey-result-heat-${q.questionId}`}
    />
  );
}

/** One question's results: the chart its type calls for, the average where there is one. */
export function QuestionResultCard({
  q,
  number,
  anonymous,
}: {
  q: QuestionResult;
  number: number;
  anonymous: boolean;
}) {
  const { t } = useTranslation();
  const body = useMemo(() => {
    if (q.answered === 0 && q.type !== 'matrix')
      return <Typography.Text type="secondary">{t('surveys.results.noAnswers')}</Typography.Text>;
    switch (q.type) {
      case 'rating':
        return (
          <Flex gap={24} wrap align="center">
            <Statistic
              title={t('surveys.results.average')}
              value={round2(q.average)}
              suffix={`/ ${q.max}`}
              data-testid={`survey-result-average-${q.questionId}`}
            />
            <div style={{ flex: '1 1 360px', minWidth: 0 }}>
              <BarChart
                categories={q.distribution.map((d) =>
                  q.style === 'stars' ? `${d.value}★` : String(d.value),
                )}
                series={[{ name: t('surveys.results.count'), values: q.distribution.map((d) => d.count) }]}
                height={200}
                testId={`survey-result-chart-${q.questionId}`}
              />
            </div>
          </Flex>
        );
      case 'nps':
        return (
          <Flex gap={24} wrap align="center">
            <div>
              <Statistic
                title={t('surveys.results.npsScore')}
                value={round1(q.nps.score)}
                data-testid={`survey-result-nps-${q.questionId}`}
              />
              <Typography.Text type="secondary">
                {t('surveys.results.average')} {round2(q.average)} / 10
              </Typography.Text>
            </div>
            <div style={{ flex: '1 1 360px', minWidth: 0 }}>
              <NpsBreakdown nps={q.nps} prefix={`survey-result-nps-${q.questionId}`} />
              <BarChart
                categories={q.distribution.map((d) => String(d.value))}
                series={[{ name: t('surveys.results.count'), values: q.distribution.map((d) => d.count) }]}
                colors={q.distribution.map((d) => npsColor(d.value))}
                height={200}
                testId={`survey-result-chart-${q.questionId}`}
              />
            </div>
          </Flex>
        );
      case 'single':
      case 'multiple':
        // Options are long sentences: full labels that wrap, a bar, the count and the share.
        return (
          <div className="gm-sv-choices" data-testid={`survey-result-chart-${q.questionId}`}>
            {q.options.map((o) => (
              <div className="gm-sv-choice" key={o.optionId}>
                <span className="gm-sv-choice-label">{o.label}</span>
                <Progress
                  percent={Math.round(o.share * 1000) / 10}
                  showInfo={false}
                  size="small"
                  status="normal"
                />
                <span className="gm-sv-choice-count">
                  {o.count} · {percent(o.share)}
                </span>
              </div>
            ))}
            {q.type === 'multiple' ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('surveys.results.shareHint')}
              </Typography.Text>
            ) : null}
          </div>
        );
      case 'matrix':
        return <Heat q={q} />;
      case 'short_text':
      case 'long_text':
        return (
          <ul className="gm-sv-texts" data-testid={`survey-result-texts-${q.questionId}`}>
            {q.answers.map((a, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: answers have no id (anonymous ones must not)
              <li key={i}>
                {a.text}
                {!anonymous && a.respondent ? (
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    — {a.respondent.name} · {a.respondent.unitName}
                  </Typography.Text>
                ) : null}
              </li>
            ))}
          </ul>
        );
    }
  }, [q, t, anonymous]);

  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center" style={{ minWidth: 0 }}>
          <span style={{ whiteSpace: 'normal' }}>
            {number}. {q.title}
          </span>
        </Flex>
      }
      extra={
        <Flex gap={4} align="center">
          <Tag>{t(`surveys.types.${q.type}`)}</Tag>
          <Typography.Text type="secondary">
            {t('surveys.results.answeredN', { count: q.answered })}
          </Typography.Text>
        </Flex>
      }
      data-testid={`survey-result-${q.questionId}`}
    >
      {body}
    </Card>
  );
}

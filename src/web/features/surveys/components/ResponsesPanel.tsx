import { useQuery } from '@tanstack/react-query';
import { Alert, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AnswerValue, Question, StaffResponse, SurveyDefinition } from '../../../../contract/surveys.js';
import { getResponses, responsesKey } from '../api.js';
import { formatTime } from './format.js';

/** One answer as text: option labels, "row: n" for a matrix. */
function answerText(q: Question, value: AnswerValue | undefined): string {
  if (value === undefined || value === null || value === '') return '';
  if (q.type === 'single') return q.options.find((o) => o.id === value)?.label ?? String(value);
  if (q.type === 'multiple' && Array.isArray(value))
    return value.map((id) => q.options.find((o) => o.id === id)?.label ?? id).join('、');
  if (q.type === 'matrix' && typeof value === 'object' && !Array.isArray(value))
    return q.rows
      .filter((r) => value[r.id] !== undefined)
      .map((r) => `${r.label}: ${value[r.id]}`)
      .join('；');
  return String(value);
}

/** 逐份答卷: every response, one row each; no names when the survey is anonymous. */
export function ResponsesPanel({
  eventId,
  definition,
  refetchInterval,
}: {
  eventId: string;
  definition: SurveyDefinition;
  refetchInterval: number | false;
}) {
  const { t, i18n } = useTranslation();
  const responses = useQuery({
    queryKey: responsesKey(eventId),
    queryFn: () => getResponses(eventId),
    refetchInterval,
  });
  if (responses.isPending) return <Typography.Text type="secondary">{t('surveys.loading')}</Typography.Text>;
  if (responses.isError) return <Alert type="error" title={responses.error.message} />;
  const questions = definition.sections.flatMap((s) => s.questions);
  const { anonymous, items } = responses.data;
  const rows = items.map((r, i) => ({ ...r, key: r.id ?? `anonymous-${i}`, n: i + 1 }));
  return (
    <div data-testid="survey-responses">
      <Table<StaffResponse & { key: string; n: number }>
        size="small"
        rowKey="key"
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20 } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('surveys.results.noResponses') }}
        columns={[
          {
            title: t('surveys.results.respondent'),
            key: 'who',
            fixed: 'left',
            width: 160,
            render: (_, r) =>
              r.respondent ? (
                <>
                  {r.respondent.name}
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {r.respondent.unitName}
                  </Typography.Text>
                </>
              ) : (
                t('surveys.results.anonymousN', { n: r.n })
              ),
          },
          ...(anonymous
            ? []
            : [
                {
                  title: t('surveys.results.submittedAt'),
                  key: 'at',
                  width: 120,
                  render: (_: unknown, r: StaffResponse) => formatTime(r.submittedAt, i18n.language),
                },
              ]),
          ...questions.map((q, i) => ({
            title: (
              <span
                title={q.title}
              >{`${i + 1}. ${q.title.length > 18 ? `${q.title.slice(0, 18)}…` : q.title}`}</span>
            ),
            key: q.id,
            width: q.type === 'long_text' || q.type === 'matrix' ? 280 : 140,
            render: (_: unknown, r: StaffResponse) => answerText(q, r.answers[q.id]),
          })),
        ]}
      />
    </div>
  );
}

import { FileTextOutlined, FileTextTwoTone } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Grid, Input, Popover, Select, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Criterion, MyScore, ShortlistEntry } from '../../../../contract/sites.js';
import { useApiError } from '../../../components/useApiError.js';
import { saveMyScores, screeningKey } from '../api.js';

type Cell = { score: number | null; evidence: string };
type Edits = Record<string, Record<string, Cell>>;

const SCORE_OPTIONS = [1, 2, 3, 4, 5].map((v) => ({ value: v, label: String(v) }));

/** The signed-in scorer's 1–5 scores: one row per site, one column per criterion, with evidence. */
export function ScoreMatrix(props: { criteria: Criterion[]; sites: ShortlistEntry[]; myScores: MyScore[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const queryClient = useQueryClient();
  const [edits, setEdits] = useState<Edits>({});
  const [saving, setSaving] = useState<string | null>(null);
  // Pinned name and save columns help on a desktop; on a phone they would leave no room.
  const pin = Grid.useBreakpoint().md;

  const saved = useMemo(() => {
    const map: Edits = {};
    for (const s of props.myScores) {
      map[s.siteId] ??= {};
      map[s.siteId][s.criterionId] = { score: s.score, evidence: s.evidence ?? '' };
    }
    return map;
  }, [props.myScores]);
  const cell = (siteId: string, criterionId: string): Cell =>
    edits[siteId]?.[criterionId] ?? saved[siteId]?.[criterionId] ?? { score: null, evidence: '' };
  const setCell = (siteId: string, criterionId: string, change: Partial<Cell>) =>
    setEdits((all) => ({
      ...all,
      [siteId]: { ...all[siteId], [criterionId]: { ...cell(siteId, criterionId), ...change } },
    }));

  const save = async (siteId: string) => {
    const changed = edits[siteId] ?? {};
    setSaving(siteId);
    try {
      await saveMyScores(siteId, {
        scores: Object.entries(changed).map(([criterionId, c]) => ({
          criterionId,
          score: c.score,
          evidence: c.evidence.trim() || null,
        })),
      });
      setEdits(({ [siteId]: _done, ...rest }) => rest);
      message.success(t('sites.screening.scoresSaved'));
      await queryClient.invalidateQueries({ queryKey: screeningKey });
    } catch (error) {
      showError(error);
    } finally {
      setSaving(null);
    }
  };

  return (
    <Card title={t('sites.screening.matrixTitle')}>
      <Typography.Paragraph type="secondary">{t('sites.screening.matrixHint')}</Typography.Paragraph>
      <Table<ShortlistEntry>
        rowKey="siteId"
        size="small"
        pagination={false}
        dataSource={props.sites}
        scroll={{ x: 'max-content' }}
        data-testid="score-matrix"
        columns={[
          {
            title: t('sites.fields.name'),
            dataIndex: 'siteName',
            fixed: pin ? 'left' : undefined,
            width: 140,
          },
          ...props.criteria.map((criterion) => ({
            title: criterion.name,
            key: criterion.id,
            width: 130,
            render: (_: unknown, site: ShortlistEntry) => {
              const value = cell(site.siteId, criterion.id);
              return (
                <Space.Compact>
                  <Select
                    size="small"
                    allowClear
                    value={value.score ?? undefined}
                    onChange={(score) => setCell(site.siteId, criterion.id, { score: score ?? null })}
                    options={SCORE_OPTIONS}
                    placeholder="–"
                    style={{ width: 64 }}
                    aria-label={`${site.siteName} ${criterion.name}`}
                  />
                  <Popover
                    trigger="click"
                    title={t('sites.screening.evidence')}
                    content={
                      <Input.TextArea
                        rows={3}
                        maxLength={1000}
                        style={{ width: 260 }}
                        value={value.evidence}
                        placeholder={t('sites.screening.evidencePlaceholder')}
                        onChange={(e) => setCell(site.siteId, criterion.id, { evidence: e.target.value })}
                      />
                    }
                  >
                    <Button
                      size="small"
                      icon={value.evidence ? <FileTextTwoTone /> : <FileTextOutlined />}
                      aria-label={t('sites.screening.evidence')}
                    />
                  </Popover>
                </Space.Compact>
              );
            },
          })),
          {
            title: '',
            key: 'save',
            fixed: pin ? 'right' : undefined,
            width: 80,
            render: (_: unknown, site: ShortlistEntry) => (
              <Button
                size="small"
                type="primary"
                disabled={!edits[site.siteId]}
                loading={saving === site.siteId}
                onClick={() => save(site.siteId)}
              >
                {t('common.save')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}

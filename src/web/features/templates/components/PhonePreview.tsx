import { MessageOutlined } from '@ant-design/icons';
import { Checkbox, Collapse, Empty, Input, InputNumber, Radio, Rate, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckMethod, PointScheme } from '../../../../contract/templates.js';

type PreviewQuestion = { key?: string; id?: string; text: string };

/** The parts of a tree the preview shows (a saved version or the editor's draft both fit). */
type PreviewPoint = {
  key?: string;
  id?: string;
  title: string;
  hint: string | null;
  scheme: PointScheme;
  maxPoints: number | null;
  step: number | null;
  deductionRule: string | null;
  checkMethod: CheckMethod;
  allowNa: boolean;
  questions: PreviewQuestion[];
};
export type PreviewTree = {
  dimensions: {
    key?: string;
    id?: string;
    name: string;
    description: string | null;
    maxPoints: number | null;
    points: PreviewPoint[];
    questions: PreviewQuestion[];
  }[];
};

type Answer = { score: number | null; na: boolean };

function ScoreControl({
  point,
  answer,
  onChange,
}: {
  point: PreviewPoint;
  answer: Answer;
  onChange: (a: Answer) => void;
}) {
  const { t } = useTranslation();
  const na = point.allowNa && (
    <Checkbox checked={answer.na} onChange={(e) => onChange({ score: null, na: e.target.checked })}>
      {t('templates.preview.na')}
    </Checkbox>
  );
  switch (point.scheme) {
    case 'stars_1_5':
      return (
        <Space wrap>
          <Rate
            value={answer.score ?? 0}
            disabled={answer.na}
            onChange={(v) => onChange({ score: v || null, na: false })}
          />
          {na}
        </Space>
      );
    case 'points_0_n':
      return (
        <Space wrap>
          <InputNumber
            min={0}
            max={point.maxPoints ?? undefined}
            step={point.step ?? 1}
            value={answer.score}
            disabled={answer.na}
            inputMode="decimal"
            style={{ width: 96 }}
            onChange={(v) => onChange({ score: v ?? null, na: false })}
          />
          <Typography.Text type="secondary">/ {point.maxPoints ?? '–'}</Typography.Text>
          {na}
        </Space>
      );
    case 'yes_no_na':
      return (
        <Radio.Group
          optionType="button"
          value={answer.na ? 'na' : answer.score === null ? undefined : String(answer.score)}
          onChange={(e) =>
            onChange(
              e.target.value === 'na'
                ? { score: null, na: true }
                : { score: Number(e.target.value), na: false },
            )
          }
          options={[
            { value: '1', label: t('templates.preview.yes') },
            { value: '0', label: t('templates.preview.no') },
            ...(point.allowNa ? [{ value: 'na', label: t('templates.preview.na') }] : []),
          ]}
        />
      );
    case 'unscored':
      return <Typography.Text type="secondary">{t('templates.preview.unscored')}</Typography.Text>;
  }
}

function Questions({ items }: { items: PreviewQuestion[] }) {
  const { t } = useTranslation();
  if (!items.length) return null;
  return (
    <div className="gm-tpl-questions">
      <Typography.Text strong>
        <MessageOutlined /> {t('templates.preview.questions')}
      </Typography.Text>
      <ul>
        {items.map((q) => (
          <li key={q.key ?? q.id ?? q.text}>{q.text}</li>
        ))}
      </ul>
    </div>
  );
}

/**
 * How an attendee sees the template on a phone: dimensions as collapsible sections, each point
 * with its scoring control, hint and guiding questions. Answers stay local (nothing is saved).
 */
export function PhoneView({ title, tree }: { title: string; tree: PreviewTree }) {
  const { t } = useTranslation();
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const keyOf = (d: number, p: number) => `${d}.${p}`;
  const scoredTotal = tree.dimensions.reduce(
    (n, d) => n + d.points.filter((p) => p.scheme !== 'unscored').length,
    0,
  );
  const done = Object.values(answers).filter((a) => a.na || a.score !== null).length;
  if (!tree.dimensions.length) return <Empty description={t('templates.preview.empty')} />;
  return (
    <div className="gm-tpl-phone-view">
      <div className="gm-tpl-phone-title">
        <Typography.Text strong>{title}</Typography.Text>
        <Typography.Text type="secondary" data-testid="preview-progress">
          {t('templates.preview.answered', { done, total: scoredTotal })}
        </Typography.Text>
      </div>
      <Collapse
        defaultActiveKey={['0']}
        items={tree.dimensions.map((d, di) => ({
          key: String(di),
          label: (
            <Space>
              <Typography.Text strong>{d.name || '—'}</Typography.Text>
              {d.maxPoints ? <Tag>{t('templates.preview.pointsOf', { max: d.maxPoints })}</Tag> : null}
            </Space>
          ),
          children: (
            <div className="gm-tpl-points">
              {d.description && <Typography.Paragraph type="secondary">{d.description}</Typography.Paragraph>}
              {d.points.map((p, pi) => {
                const k = keyOf(di, pi);
                const answer = answers[k] ?? { score: null, na: false };
                return (
                  <div className="gm-tpl-point" key={p.key ?? p.id ?? k} data-testid="preview-point">
                    <div className="gm-tpl-point-head">
                      <Typography.Text strong>{p.title || '—'}</Typography.Text>
                      <Tag color={p.checkMethod === 'documents' ? 'purple' : 'blue'}>
                        {t(`templates.checkMethods.${p.checkMethod}`)}
                      </Tag>
                    </div>
                    {p.hint && <Typography.Paragraph type="secondary">{p.hint}</Typography.Paragraph>}
                    {p.deductionRule && (
                      <Typography.Paragraph type="warning" className="gm-tpl-rule">
                        {t('templates.preview.rule')}：{p.deductionRule}
                      </Typography.Paragraph>
                    )}
                    <ScoreControl
                      point={p}
                      answer={answer}
                      onChange={(a) => setAnswers((all) => ({ ...all, [k]: a }))}
                    />
                    <Input.TextArea
                      className="gm-tpl-note"
                      autoSize={{ minRows: 1, maxRows: 3 }}
                      placeholder={t('templates.preview.note')}
                    />
                    <Questions items={p.questions} />
                  </div>
                );
              })}
              <Questions items={d.questions} />
            </div>
          ),
        }))}
      />
    </div>
  );
}

/** The phone view inside a 390 px phone frame, for desktop pages. */
export function PhonePreview({ title, tree }: { title: string; tree: PreviewTree }) {
  return (
    <div className="gm-tpl-phone-frame" data-testid="phone-preview">
      <div className="gm-tpl-phone-notch" />
      <div className="gm-tpl-phone-screen">
        <PhoneView title={title} tree={tree} />
      </div>
    </div>
  );
}

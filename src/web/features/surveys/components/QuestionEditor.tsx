import { DownOutlined, RightOutlined } from '@ant-design/icons';
import { Card, Flex, Form, Input, InputNumber, Radio, Select, Switch, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  MATRIX_SCALES,
  QUESTION_TYPES,
  type Question,
  RATING_STYLES,
  SURVEY_LIMITS,
} from '../../../../contract/surveys.js';
import { changeType, lockedIdsOf, type Problem, problemsAt } from './editorModel.js';
import { OptionList } from './OptionList.js';

const Field = ({
  label,
  children,
  problems,
  width,
}: {
  label: ReactNode;
  children: ReactNode;
  problems?: Problem[];
  width?: number | string;
}) => (
  <Form.Item
    label={label}
    style={{ marginBottom: 8, width }}
    validateStatus={problems?.length ? 'error' : undefined}
    help={problems?.length ? problems.map((p) => p.message).join('；') : undefined}
  >
    {children}
  </Form.Item>
);

/** One question of the builder: its texts, type, required flag and what its type needs. */
export function QuestionEditor({
  question: q,
  number,
  saved,
  problems,
  path,
  actions,
  onChange,
  open,
  onToggle,
  testId,
}: {
  question: Question;
  number: number;
  /** The question as saved while answers exist (its type, scale and options then stay). */
  saved: Question | undefined;
  problems: Problem[];
  path: string;
  actions: ReactNode;
  onChange: (q: Question) => void;
  /** Collapsed, a question is one line (the builder of a long survey stays short). */
  open: boolean;
  onToggle: () => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<Question>) => onChange({ ...q, ...patch } as Question);
  const at = (field: string) => problemsAt(problems, `${path}.${field}`);
  const locked = lockedIdsOf(saved);
  const lockedHint = saved ? t('surveys.builder.lockedQuestion') : undefined;
  const scaleLabels = 'lowLabel' in q && (
    <Flex gap={12} wrap>
      <Field label={t('surveys.builder.lowLabel')} width={240}>
        <Input
          value={q.lowLabel ?? ''}
          maxLength={SURVEY_LIMITS.label}
          placeholder={q.type === 'nps' ? t('attendee.survey.npsLow') : t('surveys.builder.lowExample')}
          onChange={(e) => set({ lowLabel: e.target.value || null })}
          data-testid={`${testId}-low`}
        />
      </Field>
      <Field label={t('surveys.builder.highLabel')} width={240}>
        <Input
          value={q.highLabel ?? ''}
          maxLength={SURVEY_LIMITS.label}
          placeholder={q.type === 'nps' ? t('attendee.survey.npsHigh') : t('surveys.builder.highExample')}
          onChange={(e) => set({ highLabel: e.target.value || null })}
          data-testid={`${testId}-high`}
        />
      </Field>
    </Flex>
  );

  return (
    <Card
      size="small"
      className={`gm-sv-question${problems.length ? ' has-problem' : ''}`}
      title={
        <button
          type="button"
          className="gm-sv-toggle"
          onClick={onToggle}
          aria-expanded={open}
          data-testid={`${testId}-toggle`}
        >
          {open ? <DownOutlined /> : <RightOutlined />}
          <span className="gm-sv-number">{t('surveys.builder.questionN', { n: number })}</span>
          <Tag>{t(`surveys.types.${q.type}`)}</Tag>
          {q.required ? <Tag color="red">{t('surveys.builder.required')}</Tag> : null}
          {saved ? (
            <Tooltip title={lockedHint}>
              <Tag color="gold">{t('surveys.builder.answered')}</Tag>
            </Tooltip>
          ) : null}
          {problems.length ? (
            <Tag color="error">{t('surveys.builder.problemCount', { count: problems.length })}</Tag>
          ) : null}
          {open ? null : <span className="gm-sv-summary">{q.title || t('surveys.builder.untitled')}</span>}
        </button>
      }
      extra={actions}
      styles={open ? undefined : { body: { display: 'none' } }}
      data-testid={testId}
    >
      <Field label={t('surveys.builder.questionTitle')} problems={at('title')}>
        <Input
          value={q.title}
          maxLength={SURVEY_LIMITS.label}
          onChange={(e) => set({ title: e.target.value })}
          data-testid={`${testId}-title`}
        />
      </Field>
      <Field label={t('surveys.builder.description')}>
        <Input.TextArea
          value={q.description ?? ''}
          autoSize={{ minRows: 1, maxRows: 4 }}
          maxLength={SURVEY_LIMITS.description}
          placeholder={t('surveys.builder.descriptionHint')}
          onChange={(e) => set({ description: e.target.value || null })}
          data-testid={`${testId}-desc`}
        />
      </Field>
      <Flex gap={16} wrap align="flex-end">
        <Field label={t('surveys.builder.type')} width={200} problems={at('type')}>
          <Tooltip title={lockedHint}>
            <Select
              value={q.type}
              disabled={!!saved}
              options={QUESTION_TYPES.map((type) => ({ value: type, label: t(`surveys.types.${type}`) }))}
              onChange={(type) => onChange(changeType(q, type))}
              data-testid={`${testId}-type`}
            />
          </Tooltip>
        </Field>
        <Field label={t('surveys.builder.required')}>
          <Switch
            checked={q.required}
            onChange={(required) => set({ required })}
            data-testid={`${testId}-required`}
          />
        </Field>
        {q.type === 'rating' ? (
          <Field label={t('surveys.builder.style')}>
            <Radio.Group
              optionType="button"
              value={q.style}
              disabled={!!saved}
              options={RATING_STYLES.map((s) => ({ value: s, label: t(`surveys.styles.${s}`) }))}
              onChange={(e) => set({ style: e.target.value })}
              data-testid={`${testId}-style`}
            />
          </Field>
        ) : null}
        {q.type === 'matrix' ? (
          <Field label={t('surveys.builder.scale')}>
            <Radio.Group
              optionType="button"
              value={q.scale}
              disabled={!!saved}
              options={MATRIX_SCALES.map((s) => ({ value: s, label: t(`surveys.styles.${s}`) }))}
              onChange={(e) => set({ scale: e.target.value })}
              data-testid={`${testId}-scale`}
            />
          </Field>
        ) : null}
        {q.type === 'multiple' ? (
          <Field label={t('surveys.builder.maxChoices')} problems={at('maxChoices')}>
            <InputNumber
              min={saved?.type === 'multiple' && saved.maxChoices !== null ? saved.maxChoices : 1}
              max={SURVEY_LIMITS.options}
              value={q.maxChoices}
              placeholder={t('surveys.builder.noLimit')}
              onChange={(v) => set({ maxChoices: v ?? null })}
              style={{ width: 120 }}
              data-testid={`${testId}-max`}
            />
          </Field>
        ) : null}
      </Flex>
      {q.type === 'single' || q.type === 'multiple' ? (
        <OptionList
          items={q.options}
          kind="option"
          locked={locked}
          problems={problems}
          path={`${path}.options`}
          onChange={(options) => set({ options })}
          testId={`${testId}-option`}
        />
      ) : null}
      {q.type === 'matrix' ? (
        <OptionList
          items={q.rows}
          kind="row"
          locked={locked}
          problems={problems}
          path={`${path}.rows`}
          onChange={(rows) => set({ rows })}
          testId={`${testId}-row`}
        />
      ) : null}
      {scaleLabels}
      {q.type === 'short_text' || q.type === 'long_text' ? (
        <Field label={t('surveys.builder.placeholder')}>
          <Input
            value={q.placeholder ?? ''}
            maxLength={SURVEY_LIMITS.label}
            onChange={(e) => set({ placeholder: e.target.value || null })}
            data-testid={`${testId}-placeholder`}
          />
        </Field>
      ) : null}
      {problemsAt(problems, path, true).map((p) => (
        <Typography.Text type="danger" key={p.message}>
          {p.message}
        </Typography.Text>
      ))}
    </Card>
  );
}

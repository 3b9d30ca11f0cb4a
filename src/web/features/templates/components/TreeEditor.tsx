import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  ConfigProvider,
  Flex,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Space,
  Switch,
  Tooltip,
  Typography,
} from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CHECK_METHODS,
  POINT_SCHEMES,
  SCORING_MODES,
  TEMPLATE_LIMITS,
} from '../../../../contract/templates.js';
import {
  type EditorDimension,
  type EditorPoint,
  type EditorQuestion,
  type EditorTree,
  move,
  newDimension,
  newPoint,
  newQuestion,
  removeAt,
  replaceAt,
} from './editorTree.js';

type ItemActionsProps = {
  index: number;
  count: number;
  readOnly: boolean;
  onMove: (delta: number) => void;
  onRemove: () => void;
  testId: string;
};

/** Up / down / remove buttons of one item in a list. */
function ItemActions({ index, count, readOnly, onMove, onRemove, testId }: ItemActionsProps) {
  const { t } = useTranslation();
  if (readOnly) return null;
  return (
    <Space size={2}>
      <Tooltip title={t('templates.editor.moveUp')}>
        <Button
          size="small"
          type="text"
          icon={<ArrowUpOutlined />}
          aria-label={t('templates.editor.moveUp')}
          disabled={index === 0}
          onClick={() => onMove(-1)}
          data-testid={`${testId}-up`}
        />
      </Tooltip>
      <Tooltip title={t('templates.editor.moveDown')}>
        <Button
          size="small"
          type="text"
          icon={<ArrowDownOutlined />}
          aria-label={t('templates.editor.moveDown')}
          disabled={index === count - 1}
          onClick={() => onMove(1)}
          data-testid={`${testId}-down`}
        />
      </Tooltip>
      <Popconfirm title={t('templates.editor.removeConfirm')} onConfirm={onRemove}>
        <Button
          size="small"
          type="text"
          danger
          icon={<DeleteOutlined />}
          aria-label={t('templates.editor.remove')}
          data-testid={`${testId}-remove`}
        />
      </Popconfirm>
    </Space>
  );
}

function QuestionList({
  label,
  items,
  readOnly,
  onChange,
  testId,
}: {
  label: string;
  items: EditorQuestion[];
  readOnly: boolean;
  onChange: (items: EditorQuestion[]) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <div>
      <Typography.Text type="secondary">{label}</Typography.Text>
      {items.map((q, i) => (
        <Flex key={q.key} gap={4} align="center" style={{ marginTop: 4 }}>
          <Input
            value={q.text}
            maxLength={TEMPLATE_LIMITS.question}
            placeholder={t('templates.editor.question', { n: i + 1 })}
            onChange={(e) => onChange(replaceAt(items, i, { ...q, text: e.target.value }))}
            data-testid={`${testId}-${i}`}
          />
          <ItemActions
            index={i}
            count={items.length}
            readOnly={readOnly}
            onMove={(d) => onChange(move(items, i, d))}
            onRemove={() => onChange(removeAt(items, i))}
            testId={`${testId}-${i}`}
          />
        </Flex>
      ))}
      {!readOnly && items.length < TEMPLATE_LIMITS.questionsPerItem && (
        <Button
          size="small"
          type="link"
          icon={<PlusOutlined />}
          onClick={() => onChange([...items, newQuestion()])}
          data-testid={`${testId}-add`}
        >
          {t('templates.editor.addQuestion')}
        </Button>
      )}
    </div>
  );
}

const Field = ({ label, children, width }: { label: string; children: ReactNode; width?: number }) => (
  <Form.Item label={label} style={{ marginBottom: 8, width }}>
    {children}
  </Form.Item>
);

function PointEditor({
  point,
  mode,
  index,
  onChange,
  actions,
  testId,
  readOnly,
}: {
  point: EditorPoint;
  mode: EditorTree['scoringMode'];
  index: number;
  onChange: (p: EditorPoint) => void;
  actions: ReactNode;
  testId: string;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<EditorPoint>) => onChange({ ...point, ...patch });
  const scored = point.scheme !== 'unscored';
  const hasMax = point.scheme === 'points_0_n' || (point.scheme === 'yes_no_na' && mode === 'points_sum');
  return (
    <Card
      size="small"
      className="gm-tpl-point-card"
      title={t('templates.editor.point', { n: index + 1 })}
      extra={actions}
      style={{ marginBottom: 8 }}
      data-testid={testId}
    >
      <Field label={t('templates.editor.pointTitle')}>
        <Input
          value={point.title}
          maxLength={TEMPLATE_LIMITS.title}
          onChange={(e) => set({ title: e.target.value })}
          data-testid={`${testId}-title`}
        />
      </Field>
      <Field label={t('templates.editor.hint')}>
        <Input.TextArea
          value={point.hint ?? ''}
          autoSize={{ minRows: 1, maxRows: 4 }}
          maxLength={TEMPLATE_LIMITS.hint}
          onChange={(e) => set({ hint: e.target.value })}
        />
      </Field>
      <Flex gap={12} wrap>
        <Field label={t('templates.editor.scheme')} width={180}>
          <Select
            value={point.scheme}
            options={POINT_SCHEMES.map((s) => ({ value: s, label: t(`templates.schemes.${s}`) }))}
            onChange={(scheme) =>
              set({
                scheme,
                maxPoints: scheme === 'points_0_n' ? (point.maxPoints ?? 1) : point.maxPoints,
                step: scheme === 'points_0_n' ? (point.step ?? 0.5) : point.step,
              })
            }
            data-testid={`${testId}-scheme`}
          />
        </Field>
        {hasMax && (
          <Field label={t('templates.editor.maxPoints')} width={110}>
            <InputNumber
              min={0}
              max={TEMPLATE_LIMITS.maxPoints}
              step={0.5}
              value={point.maxPoints}
              onChange={(v) => set({ maxPoints: v })}
              data-testid={`${testId}-max`}
            />
          </Field>
        )}
        {point.scheme === 'points_0_n' && (
          <Field label={t('templates.editor.step')} width={110}>
            <InputNumber min={0} max={100} step={0.5} value={point.step} onChange={(v) => set({ step: v })} />
          </Field>
        )}
        {scored && mode === 'weighted_average' && (
          <Field label={t('templates.editor.weight')} width={100}>
            <InputNumber
              min={0}
              max={TEMPLATE_LIMITS.weight}
              step={0.5}
              value={point.weight}
              onChange={(v) => set({ weight: v ?? 0 })}
            />
          </Field>
        )}
        <Field label={t('templates.editor.checkMethod')} width={140}>
          <Select
            value={point.checkMethod}
            options={CHECK_METHODS.map((m) => ({ value: m, label: t(`templates.checkMethods.${m}`) }))}
            onChange={(checkMethod) => set({ checkMethod })}
          />
        </Field>
        {scored && (
          <Field label={t('templates.editor.allowNa')}>
            <Switch checked={point.allowNa} onChange={(allowNa) => set({ allowNa })} />
          </Field>
        )}
      </Flex>
      <Field label={t('templates.editor.deductionRule')}>
        <Input
          value={point.deductionRule ?? ''}
          maxLength={TEMPLATE_LIMITS.deductionRule}
          onChange={(e) => set({ deductionRule: e.target.value })}
        />
      </Field>
      <QuestionList
        label={t('templates.editor.questions')}
        items={point.questions}
        readOnly={readOnly}
        onChange={(questions) => set({ questions })}
        testId={`${testId}-q`}
      />
    </Card>
  );
}

function DimensionEditor({
  dimension,
  index,
  mode,
  onChange,
  actions,
  readOnly,
}: {
  dimension: EditorDimension;
  index: number;
  mode: EditorTree['scoringMode'];
  onChange: (d: EditorDimension) => void;
  actions: ReactNode;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<EditorDimension>) => onChange({ ...dimension, ...patch });
  const testId = `dim-${index}`;
  const pointsSum = dimension.points
    .filter((p) => p.scheme !== 'unscored')
    .reduce((sum, p) => sum + (p.maxPoints ?? 0), 0);
  return (
    <Card
      title={`${t('templates.editor.dimension', { n: index + 1 })}${dimension.name ? ` · ${dimension.name}` : ''}`}
      extra={actions}
      style={{ marginBottom: 16 }}
      data-testid={testId}
    >
      <Flex gap={12} wrap>
        <Field label={t('templates.editor.dimensionName')} width={320}>
          <Input
            value={dimension.name}
            maxLength={TEMPLATE_LIMITS.name}
            onChange={(e) => set({ name: e.target.value })}
            data-testid={`${testId}-name`}
          />
        </Field>
        {mode === 'weighted_average' ? (
          <Field label={t('templates.editor.weight')} width={100}>
            <InputNumber
              min={0}
              max={TEMPLATE_LIMITS.weight}
              step={0.5}
              value={dimension.weight}
              onChange={(v) => set({ weight: v ?? 0 })}
            />
          </Field>
        ) : (
          <Field label={t('templates.editor.sectionPoints')} width={200}>
            <Space>
              <InputNumber
                min={0}
                max={TEMPLATE_LIMITS.maxPoints}
                value={dimension.maxPoints}
                onChange={(v) => set({ maxPoints: v })}
              />
              <Typography.Text
                type={dimension.maxPoints && dimension.maxPoints !== pointsSum ? 'danger' : 'secondary'}
              >
                {t('templates.editor.pointsSum', { sum: Math.round(pointsSum * 100) / 100 })}
              </Typography.Text>
            </Space>
          </Field>
        )}
      </Flex>
      <Field label={t('templates.editor.description')}>
        <Input.TextArea
          value={dimension.description ?? ''}
          autoSize={{ minRows: 1, maxRows: 4 }}
          maxLength={TEMPLATE_LIMITS.description}
          onChange={(e) => set({ description: e.target.value })}
        />
      </Field>
      {dimension.points.map((p, pi) => (
        <PointEditor
          key={p.key}
          point={p}
          index={pi}
          mode={mode}
          readOnly={readOnly}
          testId={`${testId}-point-${pi}`}
          onChange={(point) => set({ points: replaceAt(dimension.points, pi, point) })}
          actions={
            <ItemActions
              index={pi}
              count={dimension.points.length}
              readOnly={readOnly}
              onMove={(d) => set({ points: move(dimension.points, pi, d) })}
              onRemove={() => set({ points: removeAt(dimension.points, pi) })}
              testId={`${testId}-point-${pi}`}
            />
          }
        />
      ))}
      {!readOnly && dimension.points.length < TEMPLATE_LIMITS.pointsPerDimension && (
        <Button
          icon={<PlusOutlined />}
          onClick={() => set({ points: [...dimension.points, newPoint(mode)] })}
          style={{ marginBottom: 12 }}
          data-testid={`${testId}-add-point`}
        >
          {t('templates.editor.addPoint')}
        </Button>
      )}
      <QuestionList
        label={t('templates.editor.dimensionQuestions')}
        items={dimension.questions}
        readOnly={readOnly}
        onChange={(questions) => set({ questions })}
        testId={`${testId}-q`}
      />
    </Card>
  );
}

/** Edits a whole draft tree in memory; the page saves it with one PUT. */
export function TreeEditor({
  tree,
  onChange,
  readOnly,
}: {
  tree: EditorTree;
  onChange: (tree: EditorTree) => void;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<EditorTree>) => onChange({ ...tree, ...patch });
  return (
    <ConfigProvider componentDisabled={readOnly}>
      <Form layout="vertical" component="div">
        <Card size="small" title={t('templates.editor.settings')} style={{ marginBottom: 16 }}>
          <Flex gap={12} wrap>
            <Field label={t('templates.editor.scoringMode')} width={260}>
              <Select
                value={tree.scoringMode}
                options={SCORING_MODES.map((m) => ({ value: m, label: t(`templates.scoringModes.${m}`) }))}
                onChange={(scoringMode) => set({ scoringMode })}
                data-testid="scoring-mode"
              />
            </Field>
            <Form.Item
              label={t('templates.editor.passMark')}
              tooltip={t('templates.editor.passMarkHelp')}
              style={{ marginBottom: 8 }}
            >
              <InputNumber min={0} max={100} value={tree.passMark} onChange={(v) => set({ passMark: v })} />
            </Form.Item>
          </Flex>
        </Card>
        {!tree.dimensions.length && (
          <Typography.Paragraph type="secondary">{t('templates.editor.noDimensions')}</Typography.Paragraph>
        )}
        {tree.dimensions.map((d, i) => (
          <DimensionEditor
            key={d.key}
            dimension={d}
            index={i}
            mode={tree.scoringMode}
            readOnly={readOnly}
            onChange={(dimension) => set({ dimensions: replaceAt(tree.dimensions, i, dimension) })}
            actions={
              <ItemActions
                index={i}
                count={tree.dimensions.length}
                readOnly={readOnly}
                onMove={(delta) => set({ dimensions: move(tree.dimensions, i, delta) })}
                onRemove={() => set({ dimensions: removeAt(tree.dimensions, i) })}
                testId={`dim-${i}`}
              />
            }
          />
        ))}
        {!readOnly && tree.dimensions.length < TEMPLATE_LIMITS.dimensions && (
          <Button
            type="dashed"
            block
            icon={<PlusOutlined />}
            onClick={() => set({ dimensions: [...tree.dimensions, newDimension(tree.scoringMode)] })}
            data-testid="add-dimension"
          >
            {t('templates.editor.addDimension')}
          </Button>
        )}
      </Form>
    </ConfigProvider>
  );
}

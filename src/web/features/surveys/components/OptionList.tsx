import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { SURVEY_LIMITS } from '../../../../contract/surveys.js';
import { moveItem, newId, type Problem, problemsAt, removeAt, replaceAt } from './editorModel.js';
import { ItemActions } from './ItemActions.js';

type Item = { id: string; label: string };

/** The options of a choice question or the rows of a matrix: label, order, add, remove. */
export function OptionList({
  items,
  kind,
  locked,
  problems,
  path,
  onChange,
  testId,
}: {
  items: Item[];
  kind: 'option' | 'row';
  /** Ids that answers refer to: they stay. */
  locked: Set<string>;
  problems: Problem[];
  /** Definition path of the list (`sections.0.questions.1.options`). */
  path: string;
  onChange: (items: Item[]) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const max = kind === 'option' ? SURVEY_LIMITS.options : SURVEY_LIMITS.rows;
  const min = kind === 'option' ? 2 : 1;
  const listProblems = problemsAt(problems, path, true);
  return (
    <div>
      <Typography.Text type="secondary">
        {kind === 'option' ? t('surveys.builder.options') : t('surveys.builder.rows')}
      </Typography.Text>
      {items.map((item, i) => {
        const own = problemsAt(problems, `${path}.${i}`);
        return (
          <div key={item.id} style={{ marginTop: 4 }}>
            <Flex gap={4} align="center">
              <Input
                value={item.label}
                maxLength={SURVEY_LIMITS.label}
                status={own.length ? 'error' : undefined}
                placeholder={
                  kind === 'option'
                    ? t('surveys.builder.optionN', { n: i + 1 })
                    : t('surveys.builder.rowN', { n: i + 1 })
                }
                onChange={(e) => onChange(replaceAt(items, i, { ...item, label: e.target.value }))}
                data-testid={`${testId}-${i}`}
              />
              <ItemActions
                canUp={i > 0}
                canDown={i < items.length - 1}
                onMove={(d) => onChange(moveItem(items, i, d))}
                onRemove={() => onChange(removeAt(items, i))}
                removeLocked={
                  locked.has(item.id)
                    ? t('surveys.builder.lockedItem')
                    : items.length <= min
                      ? t('surveys.builder.minItems', { min })
                      : null
                }
                confirm={false}
                testId={`${testId}-${i}`}
              />
            </Flex>
            {own.map((p) => (
              <Typography.Text type="danger" key={p.path + p.message} style={{ fontSize: 12 }}>
                {p.message}
              </Typography.Text>
            ))}
          </div>
        );
      })}
      {listProblems.map((p) => (
        <div key={p.message}>
          <Typography.Text type="danger" style={{ fontSize: 12 }}>
            {p.message}
          </Typography.Text>
        </div>
      ))}
      {items.length < max ? (
        <Button
          size="small"
          type="link"
          icon={<PlusOutlined />}
          onClick={() => onChange([...items, { id: newId(kind === 'option' ? 'o' : 'r'), label: '' }])}
          data-testid={`${testId}-add`}
        >
          {kind === 'option' ? t('surveys.builder.addOption') : t('surveys.builder.addRow')}
        </Button>
      ) : null}
    </div>
  );
}

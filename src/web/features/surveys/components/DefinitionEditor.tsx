import { DownOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Dropdown, Empty, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  QUESTION_TYPES,
  type QuestionType,
  SURVEY_LIMITS,
  type SurveyDefinition,
} from '../../../../contract/surveys.js';
import {
  canMove,
  type Locks,
  moveItem,
  moveQuestion,
  newId,
  newQuestion,
  newSection,
  type Problem,
  problemsAt,
  questionCount,
  removeAt,
  replaceAt,
} from './editorModel.js';
import { ItemActions } from './ItemActions.js';
import { QuestionEditor } from './QuestionEditor.js';

const help = (problems: Problem[]) =>
  problems.length
    ? { validateStatus: 'error' as const, help: problems.map((p) => p.message).join('；') }
    : {};

function AddQuestion({
  onAdd,
  testId,
  block,
}: {
  onAdd: (type: QuestionType) => void;
  testId: string;
  block?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: QUESTION_TYPES.map((type) => ({
          key: type,
          label: <span data-testid={`${testId}-${type}`}>{t(`surveys.types.${type}`)}</span>,
        })),
        onClick: ({ key }) => onAdd(key as QuestionType),
      }}
    >
      <Button icon={<PlusOutlined />} block={block} data-testid={testId}>
        {t('surveys.builder.addQuestion')} <DownOutlined />
      </Button>
    </Dropdown>
  );
}

/** The whole survey: title, introduction, thanks, and its sections of questions. */
export function DefinitionEditor({
  definition: def,
  locks,
  problems,
  onChange,
}: {
  definition: SurveyDefinition;
  locks: Locks;
  problems: Problem[];
  onChange: (def: SurveyDefinition) => void;
}) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState<Set<string>>(() => new Set());
  const allIds = def.sections.flatMap((s) => s.questions.map((q) => q.id));
  const allOpen = allIds.length > 0 && allIds.every((id) => opened.has(id));
  const toggle = (id: string) =>
    setOpened((now) => {
      const next = new Set(now);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const add = (si: number, type: QuestionType) => {
    const q = newQuestion(type);
    setOpened((now) => new Set(now).add(q.id));
    setSection(si, { questions: [...def.sections[si].questions, q] });
  };
  const setSection = (si: number, patch: Partial<SurveyDefinition['sections'][number]>) =>
    onChange({ ...def, sections: replaceAt(def.sections, si, { ...def.sections[si], ...patch }) });
  const full = questionCount(def) >= SURVEY_LIMITS.questions;
  let number = 0;

  return (
    <Form layout="vertical" component="div">
      <Card size="small" title={t('surveys.builder.general')} style={{ marginBottom: 16 }}>
        <Form.Item
          label={t('surveys.builder.surveyTitle')}
          style={{ marginBottom: 8 }}
          {...help(problemsAt(problems, 'title'))}
        >
          <Input
            value={def.title}
            maxLength={SURVEY_LIMITS.title}
            onChange={(e) => onChange({ ...def, title: e.target.value })}
            data-testid="survey-title-input"
          />
        </Form.Item>
        <Form.Item label={t('surveys.builder.intro')} style={{ marginBottom: 8 }}>
          <Input.TextArea
            value={def.intro ?? ''}
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={SURVEY_LIMITS.description}
            onChange={(e) => onChange({ ...def, intro: e.target.value || null })}
            data-testid="survey-intro-input"
          />
        </Form.Item>
        <Form.Item label={t('surveys.builder.thanks')} style={{ marginBottom: 0 }}>
          <Input.TextArea
            value={def.thanks ?? ''}
            autoSize={{ minRows: 1, maxRows: 4 }}
            maxLength={SURVEY_LIMITS.description}
            placeholder={t('attendee.survey.thanksText')}
            onChange={(e) => onChange({ ...def, thanks: e.target.value || null })}
            data-testid="survey-thanks-input"
          />
        </Form.Item>
      </Card>

      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">
          {t('surveys.builder.questionTotal', { count: allIds.length, max: SURVEY_LIMITS.questions })}
        </Typography.Text>
        <Button
          size="small"
          type="link"
          onClick={() => setOpened(allOpen ? new Set() : new Set(allIds))}
          data-testid="survey-expand-all"
        >
          {allOpen ? t('surveys.builder.collapseAll') : t('surveys.builder.expandAll')}
        </Button>
      </Flex>
      {def.sections.length === 0 ? <Empty description={t('surveys.builder.empty')} /> : null}
      {problemsAt(problems, 'sections', true).map((p) => (
        <Typography.Paragraph type="danger" key={p.message}>
          {p.message}
        </Typography.Paragraph>
      ))}

      {def.sections.map((section, si) => {
        const sp = `sections.${si}`;
        const lockedInside = section.questions.some((q) => locks.questions.has(q.id));
        return (
          <Card
            key={section.id}
            className="gm-sv-section"
            title={t('surveys.builder.sectionN', { n: si + 1 })}
            extra={
              <ItemActions
                canUp={si > 0}
                canDown={si < def.sections.length - 1}
                onMove={(d) => onChange({ ...def, sections: moveItem(def.sections, si, d) })}
                onRemove={() => onChange({ ...def, sections: removeAt(def.sections, si) })}
                removeLocked={lockedInside ? t('surveys.builder.lockedSection') : null}
                testId={`survey-s-${si}`}
              />
            }
            style={{ marginBottom: 16 }}
            data-testid={`survey-s-${si}`}
          >
            <Form.Item style={{ marginBottom: 8 }} {...help(problemsAt(problems, `${sp}.title`))}>
              <Input
                placeholder={t('surveys.builder.sectionTitle')}
                aria-label={t('surveys.builder.sectionTitle')}
                style={{ fontWeight: 600 }}
                value={section.title}
                maxLength={SURVEY_LIMITS.label}
                onChange={(e) => setSection(si, { title: e.target.value })}
                data-testid={`survey-s-${si}-title`}
              />
            </Form.Item>
            <Form.Item style={{ marginBottom: 12 }}>
              <Input.TextArea
                placeholder={t('surveys.builder.sectionDescription')}
                aria-label={t('surveys.builder.sectionDescription')}
                value={section.description ?? ''}
                autoSize={{ minRows: 1, maxRows: 4 }}
                maxLength={SURVEY_LIMITS.description}
                onChange={(e) => setSection(si, { description: e.target.value || null })}
                data-testid={`survey-s-${si}-desc`}
              />
            </Form.Item>
            {section.questions.map((q, qi) => {
              number += 1;
              const qp = `${sp}.questions.${qi}`;
              const saved = locks.questions.get(q.id);
              return (
                <QuestionEditor
                  key={q.id}
                  question={q}
                  number={number}
                  saved={saved}
                  problems={problemsAt(problems, qp)}
                  path={qp}
                  onChange={(next) => setSection(si, { questions: replaceAt(section.questions, qi, next) })}
                  testId={`survey-q-${si}-${qi}`}
                  open={opened.has(q.id)}
                  onToggle={() => toggle(q.id)}
                  actions={
                    <ItemActions
                      canUp={canMove(def, si, qi, -1)}
                      canDown={canMove(def, si, qi, 1)}
                      onMove={(d) => onChange(moveQuestion(def, si, qi, d))}
                      onCopy={
                        full
                          ? undefined
                          : () => {
                              const copy = structuredClone(q);
                              copy.id = newId('q');
                              setOpened((now) => new Set(now).add(copy.id));
                              const questions = [...section.questions];
                              questions.splice(qi + 1, 0, copy);
                              setSection(si, { questions });
                            }
                      }
                      onRemove={() => setSection(si, { questions: removeAt(section.questions, qi) })}
                      removeLocked={saved ? t('surveys.builder.lockedQuestion') : null}
                      testId={`survey-q-${si}-${qi}`}
                    />
                  }
                />
              );
            })}
            {section.questions.length >= SURVEY_LIMITS.questionsPerSection || full ? null : (
              <AddQuestion testId={`survey-s-${si}-add`} onAdd={(type) => add(si, type)} />
            )}
          </Card>
        );
      })}
      {def.sections.length < SURVEY_LIMITS.sections ? (
        <Button
          type="dashed"
          block
          icon={<PlusOutlined />}
          onClick={() => onChange({ ...def, sections: [...def.sections, newSection()] })}
          data-testid="survey-add-section"
        >
          {t('surveys.builder.addSection')}
        </Button>
      ) : null}
    </Form>
  );
}

import { ImportOutlined, LeftOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Flex, Segmented, Spin, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  type AnswerInput,
  QA_IMPORT_SOURCES,
  type QaImportSource,
  type QaSettingsInput,
  type QaSort,
  type StaffQuestion,
} from '../../../../contract/qa.js';
import { ApiError } from '../../../app/api.js';
import { useApiError } from '../../../components/useApiError.js';
import * as qaApi from '../api.js';
import { AnswerModal } from '../components/AnswerModal.js';
import { MergeModal } from '../components/MergeModal.js';
import { type QuestionCommand, QuestionItem } from '../components/QuestionItem.js';
import { SettingsBar } from '../components/SettingsBar.js';
import { TextModal } from '../components/TextModal.js';
import { countByStatus, sortQuestions } from '../questions.js';
import { useStaffBoard } from '../useStaffBoard.js';
import '../qa.css';

const FILTERS = ['all', 'pending', 'visible', 'answered', 'hidden', 'merged'] as const;
type Filter = (typeof FILTERS)[number];

const MATCH: Record<Filter, (q: StaffQuestion) => boolean> = {
  all: (q) => q.status !== 'merged',
  pending: (q) => q.status === 'pending',
  visible: (q) => q.status === 'approved' || q.status === 'answered',
  answered: (q) => q.status === 'answered',
  hidden: (q) => q.status === 'hidden',
  merged: (q) => q.status === 'merged',
};

type Busy = { id: string; command: QuestionCommand } | null;

/** 互动问答 moderation: the live list of questions with approve / hide / pin / merge / answer. */
export default function QaPage() {
  const { t } = useTranslation();
  const eventId = useParams().id!;
  const { message } = App.useApp();
  const onError = useApiError();
  const { board, live, put, putSettings, refetch } = useStaffBoard(eventId);
  const [filter, setFilter] = useState<Filter>('all');
  const [sort, setSort] = useState<QaSort>('votes');
  const [answering, setAnswering] = useState<StaffQuestion | null>(null);
  const [merging, setMerging] = useState<StaffQuestion | null>(null);
  const [editing, setEditing] = useState<StaffQuestion | null>(null);
  const [adding, setAdding] = useState(false);
  const [busy, setBusy] = useState<Busy>(null);

  const run = async (id: string, command: QuestionCommand, call: () => Promise<StaffQuestion>) => {
    setBusy({ id, command });
    try {
      put(await call());
      return true;
    } catch (error) {
      onError(error);
      // A refusal often means the question changed meanwhile: show how it is now.
      if (error instanceof ApiError && error.status === 409) void refetch();
      return false;
    } finally {
      setBusy(null);
    }
  };

  const onCommand = (q: StaffQuestion, command: QuestionCommand) => {
    if (command === 'answer') return setAnswering(q);
    if (command === 'merge') return setMerging(q);
    if (command === 'edit') return setEditing(q);
    void run(q.id, command, () => qaApi.moderate(eventId, q.id, command));
  };

  const settings = useMutation({
    mutationFn: (input: QaSettingsInput) => qaApi.updateSettings(eventId, input),
    onSuccess: putSettings,
    onError: (error) => onError(error),
  });
  const rotate = useMutation({
    mutationFn: () => qaApi.rotateScreenKey(eventId),
    onSuccess: (s) => {
      putSettings(s);
      message.success(t('qa.settings.rotated'));
    },
    onError: (error) => onError(error),
  });
  const importing = useMutation({
    mutationFn: (source: QaImportSource) => qaApi.importQuestions(eventId, [source]),
    onSuccess: (result, source) => {
      const count = result.created[source];
      if (count) message.success(t('qa.import.done', { count }));
      else message.info(t(`qa.import.none.${source}`));
      void refetch();
    },
    onError: (error) => onError(error),
  });
  const adder = useMutation({
    mutationFn: (text: string) => qaApi.addQuestion(eventId, text),
    onSuccess: (q) => {
      put(q);
      setAdding(false);
      message.success(t('qa.add.done'));
    },
    onError: (error) => onError(error),
  });

  const questions = board.data?.questions ?? [];
  const counts = useMemo(() => countByStatus(questions), [questions]);
  const shown = useMemo(() => {
    const sorted = sortQuestions(questions.filter(MATCH[filter]), sort);
    // Under "all", hidden questions go last: what attendees see comes first.
    return [...sorted.filter((q) => q.status !== 'hidden'), ...sorted.filter((q) => q.status === 'hidden')];
  }, [questions, filter, sort]);
  const textOf = useMemo(() => new Map(questions.map((q) => [q.id, q.text])), [questions]);

  if (board.isPending) return <Spin />;
  if (board.isError) return <Alert type="error" title={board.error.message} />;
  const data = board.data;
  const filterCount: Record<Filter, number> = {
    all: questions.length - counts.merged,
    pending: counts.pending,
    visible: counts.approved + counts.answered,
    answered: counts.answered,
    hidden: counts.hidden,
    merged: counts.merged,
  };

  return (
    <Flex vertical gap={12} className="qa-page" data-testid="qa-page">
      <Flex align="center" gap={8} wrap>
        <Link to={`/events/${eventId}`}>
          <Button icon={<LeftOutlined />} aria-label={t('qa.back')} data-testid="qa-back" />
        </Link>
        <Typography.Title level={4} style={{ margin: 0, flex: 1, minWidth: 0 }} ellipsis>
          {t('qa.title')} · {data.theme}
        </Typography.Title>
        <Tag color={live ? 'green' : 'default'} data-testid="qa-live">
          {live ? t('qa.live') : t('qa.offline')}
        </Tag>
      </Flex>

      <Card size="small">
        <SettingsBar
          slug={data.slug}
          settings={data.settings}
          saving={
            settings.isPending && settings.variables
              ? (Object.keys(settings.variables)[0] as keyof QaSettingsInput)
              : null
          }
          rotating={rotate.isPending}
          onChange={(input) => settings.mutate(input)}
          onRotate={() => rotate.mutate()}
        />
      </Card>

      {counts.pending > 0 && filter !== 'pending' ? (
        <Alert
          type="warning"
          showIcon
          title={t('qa.pendingAlert', { count: counts.pending })}
          action={
            <Button size="small" onClick={() => setFilter('pending')} data-testid="qa-show-pending">
              {t('qa.showPending')}
            </Button>
          }
        />
      ) : null}

      <Card size="small">
        <Flex justify="space-between" align="center" gap={8} wrap className="qa-toolbar">
          <Segmented<Filter>
            value={filter}
            onChange={setFilter}
            data-testid="qa-filter"
            options={FILTERS.map((key) => ({
              value: key,
              label: (
                <span data-testid={`qa-filter-${key}`}>
                  {t(`qa.filters.${key}`)}
                  <span className={`qa-count${key === 'pending' && filterCount[key] ? ' hot' : ''}`}>
                    {filterCount[key]}
                  </span>
                </span>
              ),
            }))}
          />
          <Segmented<QaSort>
            value={sort}
            onChange={setSort}
            options={[
              { value: 'votes', label: <span data-testid="qa-sort-votes">{t('qa.sort.votes')}</span> },
              { value: 'time', label: <span data-testid="qa-sort-time">{t('qa.sort.time')}</span> },
            ]}
          />
        </Flex>
        <Flex gap={8} wrap align="center" className="qa-sources">
          <Typography.Text type="secondary">
            <ImportOutlined /> {t('qa.import.title')}
          </Typography.Text>
          {QA_IMPORT_SOURCES.map((source) => (
            <Button
              key={source}
              size="small"
              loading={importing.isPending && importing.variables === source}
              disabled={importing.isPending && importing.variables !== source}
              onClick={() => importing.mutate(source)}
              data-testid={`qa-import-${source}`}
            >
              {t(`qa.import.${source}`)}
            </Button>
          ))}
          <Button
            size="small"
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => setAdding(true)}
            data-testid="qa-add"
          >
            {t('qa.add.button')}
          </Button>
        </Flex>
      </Card>

      {shown.length ? (
        <ol className="qa-list" data-testid="qa-list">
          {shown.map((q) => (
            <QuestionItem
              key={q.id}
              question={q}
              mergedIntoText={q.mergedIntoId ? (textOf.get(q.mergedIntoId) ?? null) : null}
              busy={busy?.id === q.id ? busy.command : null}
              onCommand={(command) => onCommand(q, command)}
            />
          ))}
        </ol>
      ) : (
        <Card>
          <Empty
            description={questions.length ? t('qa.empty.filtered') : t('qa.empty.none')}
            data-testid="qa-empty"
          />
        </Card>
      )}

      <AnswerModal
        question={answering}
        busy={busy?.command === 'answer'}
        onClose={() => setAnswering(null)}
        onSubmit={(input: AnswerInput) =>
          answering &&
          void run(answering.id, 'answer', () => qaApi.answer(eventId, answering.id, input)).then(
            (ok) => ok && setAnswering(null),
          )
        }
      />
      <MergeModal
        question={merging}
        questions={questions}
        busy={busy?.command === 'merge'}
        onClose={() => setMerging(null)}
        onSubmit={(targetId) =>
          merging &&
          void run(merging.id, 'merge', () => qaApi.merge(eventId, merging.id, targetId)).then((ok) => {
            if (!ok) return;
            setMerging(null);
            void refetch();
          })
        }
      />
      <TextModal
        open={editing !== null}
        title={t('qa.edit.title')}
        okText={t('common.save')}
        initial={editing?.text ?? ''}
        busy={busy?.command === 'edit'}
        testId="qa-edit"
        onClose={() => setEditing(null)}
        onSubmit={(text) =>
          editing &&
          void run(editing.id, 'edit', () => qaApi.editQuestion(eventId, editing.id, text)).then(
            (ok) => ok && setEditing(null),
          )
        }
      />
      <TextModal
        open={adding}
        title={t('qa.add.title')}
        help={t('qa.add.help')}
        okText={t('qa.add.submit')}
        initial=""
        busy={adder.isPending}
        testId="qa-add"
        onClose={() => setAdding(false)}
        onSubmit={(text) => adder.mutate(text)}
      />
    </Flex>
  );
}

import {
  CheckOutlined,
  EditOutlined,
  EyeInvisibleOutlined,
  EyeOutlined,
  MergeCellsOutlined,
  MessageOutlined,
  PushpinOutlined,
  RollbackOutlined,
} from '@ant-design/icons';
import { Button, Flex, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { QaModerationAction, StaffQuestion } from '../../../../contract/qa.js';
import { formatClock } from '../format.js';

export type QuestionCommand = QaModerationAction | 'answer' | 'merge' | 'edit';

const STATUS_COLOR: Record<StaffQuestion['status'], string> = {
  pending: 'orange',
  approved: 'blue',
  answered: 'green',
  hidden: 'default',
  merged: 'default',
};

/** Who asked, as everyone sees it: the name and unit, 匿名, or the association for its own list. */
export function askerOf(q: StaffQuestion, t: (key: string) => string) {
  if (q.authorName) return [q.authorName, q.authorUnit].filter(Boolean).join(' · ');
  if (q.anonymous) return t('qa.anonymous');
  return q.source === 'prepared' ? t('qa.association') : t('qa.unknownAsker');
}

/** One question on the moderation board, with the actions its status allows. */
export function QuestionItem({
  question: q,
  mergedIntoText,
  busy,
  onCommand,
}: {
  question: StaffQuestion;
  mergedIntoText: string | null;
  busy: QuestionCommand | null;
  onCommand: (command: QuestionCommand) => void;
}) {
  const { t } = useTranslation();
  const visible = q.status === 'approved' || q.status === 'answered';
  const action = (command: QuestionCommand, label: string, icon: ReactNode, primary = false) => (
    <Button
      key={command}
      size="small"
      type={primary ? 'primary' : 'default'}
      icon={icon}
      loading={busy === command}
      disabled={busy !== null && busy !== command}
      onClick={() => onCommand(command)}
      data-testid={`qa-${command}`}
    >
      {label}
    </Button>
  );

  const actions: ReactNode[] = [];
  if (q.status === 'pending')
    actions.push(action('approve', t('qa.actions.approve'), <CheckOutlined />, true));
  if (q.status === 'hidden') actions.push(action('approve', t('qa.actions.restore'), <EyeOutlined />));
  if (visible && !q.pinned) actions.push(action('pin', t('qa.actions.pin'), <PushpinOutlined />));
  if (visible && q.pinned) actions.push(action('unpin', t('qa.actions.unpin'), <PushpinOutlined />));
  if (q.status === 'approved')
    actions.push(action('answer', t('qa.actions.answer'), <MessageOutlined />, !q.pinned));
  if (q.status === 'answered') {
    actions.push(action('answer', t('qa.actions.editAnswer'), <MessageOutlined />));
    actions.push(action('reopen', t('qa.actions.reopen'), <RollbackOutlined />));
  }
  if (q.status !== 'merged' && q.status !== 'hidden')
    actions.push(action('merge', t('qa.actions.merge'), <MergeCellsOutlined />));
  if (q.status !== 'merged' && q.status !== 'hidden')
    actions.push(action('hide', t('qa.actions.hide'), <EyeInvisibleOutlined />));

  return (
    <li
      className={`qa-item qa-${q.status}${q.pinned ? ' qa-pinned' : ''}`}
      data-testid="qa-question"
      data-id={q.id}
      data-status={q.status}
      data-pinned={q.pinned ? 'true' : 'false'}
    >
      <div className="qa-votes" data-testid="qa-votes">
        <b>{q.votes}</b>
        <span>{t('qa.votes')}</span>
      </div>
      <div className="qa-main">
        <Flex gap={6} align="center" wrap className="qa-tags">
          {q.pinned ? (
            <Tag color="red" icon={<PushpinOutlined />}>
              {t('qa.pinned')}
            </Tag>
          ) : null}
          <Tag color={STATUS_COLOR[q.status]} data-testid="qa-status">
            {t(`qa.status.${q.status}`)}
          </Tag>
          <Tag bordered={false}>{t(`qa.sources.${q.source}`)}</Tag>
          {q.mergedCount > 0 ? (
            <Tag bordered={false} color="purple">
              {t('qa.mergedCount', { count: q.mergedCount })}
            </Tag>
          ) : null}
        </Flex>
        <div className="qa-text">
          <span data-testid="qa-text">{q.text}</span>
          {q.status !== 'merged' ? (
            <Tooltip title={t('qa.actions.edit')}>
              <Button
                type="text"
                size="small"
                icon={<EditOutlined />}
                aria-label={t('qa.actions.edit')}
                onClick={() => onCommand('edit')}
                data-testid="qa-edit"
              />
            </Tooltip>
          ) : null}
        </div>
        <Typography.Text type="secondary" className="qa-meta">
          {askerOf(q, t)} · {formatClock(q.createdAt)}
        </Typography.Text>
        {q.status === 'merged' && mergedIntoText ? (
          <Typography.Text type="secondary" className="qa-merged-into">
            {t('qa.mergedInto', { text: mergedIntoText })}
          </Typography.Text>
        ) : null}
        {q.status === 'answered' ? (
          <div className="qa-answer" data-testid="qa-answer-text">
            <b>{t('qa.answerLabel')}</b>
            {q.answer ? <span>{q.answer}</span> : <span className="qa-muted">{t('qa.answerEmpty')}</span>}
            {q.answeredBy ? <span className="qa-answered-by">— {q.answeredBy}</span> : null}
          </div>
        ) : null}
        {actions.length ? (
          <Flex gap={6} wrap className="qa-actions">
            {actions}
          </Flex>
        ) : null}
      </div>
    </li>
  );
}

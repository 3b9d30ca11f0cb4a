import { useMemo, useState } from 'react';
import type { PassQuestion, QaSort } from '../../../contract/qa.js';
import { ApiError } from '../../app/api.js';
import { sortQuestions } from '../../features/qa/questions.js';
import { Shell } from '../components/Shell.js';
import { useTranslation } from '../i18n.js';
import { AskForm } from './AskForm.js';
import { QuestionCard } from './QuestionCard.js';
import { usePassQa } from './usePassQa.js';
import './qa.css';

const REFUSALS = new Set(['qa.event_not_live', 'qa.asking_closed']);

/** 互动问答 on the pass: ask (optionally anonymously), upvote, read the answers — live. */
export default function QaPage({ token }: { token: string }) {
  const { t } = useTranslation();
  const qa = usePassQa(token);
  const [sort, setSort] = useState<QaSort>('votes');
  const [voteError, setVoteError] = useState<string | null>(null);
  const passHref = `/p/${encodeURIComponent(token)}`;

  const groups = useMemo(() => {
    const sorted = sortQuestions(qa.questions, sort);
    return {
      pending: sorted.filter((q) => q.status === 'pending'),
      // The question being discussed stays on top even when it was answered before.
      open: sorted.filter((q) => q.status === 'approved' || (q.pinned && q.status === 'answered')),
      answered: sorted.filter((q) => q.status === 'answered' && !q.pinned),
    };
  }, [qa.questions, sort]);

  const back = { href: passHref, label: t('attendee.qa.back') };
  if (qa.loadError)
    return (
      <Shell title={t('attendee.qa.title')} back={back}>
        <div className="alert error-box" role="alert" data-testid="qa-load-error">
          {qa.loadError.status > 0 ? qa.loadError.detail : t('attendee.errors.network')}
        </div>
        {qa.loadError.status === 0 ? (
          <button type="button" className="btn block" onClick={() => void qa.reload()}>
            {t('attendee.qa.retry')}
          </button>
        ) : null}
      </Shell>
    );
  if (!qa.board) return <p className="loading">{t('attendee.loading')}</p>;
  const board = qa.board;
  const canVote = board.refusal !== 'qa.event_not_live';

  const vote = (q: PassQuestion) => {
    setVoteError(null);
    qa.vote(q).catch((error: unknown) =>
      setVoteError(
        error instanceof ApiError && error.status > 0 ? error.detail : t('attendee.qa.voteFailed'),
      ),
    );
  };
  const list = (items: PassQuestion[]) => (
    <ul className="qa-list">
      {items.map((q) => (
        <QuestionCard key={q.id} question={q} canVote={canVote} onVote={() => vote(q)} />
      ))}
    </ul>
  );

  return (
    <Shell title={board.event.theme} meta={t('attendee.qa.title')} back={back}>
      <div className="qa-page" data-testid="qa-page">
        {board.canAsk ? (
          <AskForm preModeration={board.preModeration} onAsk={qa.ask} onEdit={qa.forgetAsk} />
        ) : (
          <div className="alert info" role="status" data-testid="qa-refusal">
            {REFUSALS.has(board.refusal ?? '')
              ? t(`attendee.qa.refusal.${board.refusal!.slice(3)}`)
              : t('attendee.qa.refusal.other')}
          </div>
        )}

        {voteError ? (
          <div className="alert error-box" role="alert" data-testid="qa-vote-error">
            {voteError}
          </div>
        ) : null}

        {groups.pending.length ? (
          <section className="qa-section" data-testid="qa-pending">
            <h2>{t('attendee.qa.pendingTitle', { count: groups.pending.length })}</h2>
            {list(groups.pending)}
          </section>
        ) : null}

        <section className="qa-section" data-testid="qa-open-list">
          <div className="qa-section-head">
            <h2>
              {t('attendee.qa.listTitle', { count: groups.open.length })}
              <span
                className={`qa-live${qa.live ? ' on' : ''}`}
                title={qa.live ? t('attendee.qa.live') : t('attendee.qa.reconnecting')}
                data-testid="qa-live"
              />
            </h2>
            <div className="qa-sort" title={t('attendee.qa.sortLabel')}>
              {(['votes', 'time'] as const).map((key) => (
                <button
                  key={key}
                  type="button"
                  className={sort === key ? 'on' : ''}
                  aria-pressed={sort === key}
                  onClick={() => setSort(key)}
                  data-testid={`qa-sort-${key}`}
                >
                  {t(`attendee.qa.sort.${key}`)}
                </button>
              ))}
            </div>
          </div>
          {groups.open.length ? (
            list(groups.open)
          ) : (
            <p className="card muted qa-empty" data-testid="qa-empty">
              {board.canAsk ? t('attendee.qa.empty') : t('attendee.qa.emptyReadOnly')}
            </p>
          )}
        </section>

        {groups.answered.length ? (
          <section className="qa-section" data-testid="qa-answered">
            <h2>{t('attendee.qa.answeredTitle', { count: groups.answered.length })}</h2>
            {list(groups.answered)}
          </section>
        ) : null}
      </div>
    </Shell>
  );
}

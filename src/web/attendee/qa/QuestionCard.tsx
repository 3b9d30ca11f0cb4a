import type { PassQuestion } from '../../../contract/qa.js';
import { formatClock } from '../../features/qa/format.js';
import { useTranslation } from '../i18n.js';

/** Who asked, as everyone sees it. */
export function askerName(
  q: Pick<PassQuestion, 'authorName' | 'authorUnit' | 'anonymous' | 'source'>,
  t: (key: string) => string,
) {
  if (q.authorName) return [q.authorName, q.authorUnit].filter(Boolean).join(' · ');
  if (q.anonymous) return t('attendee.qa.anonymousName');
  return q.source === 'prepared' ? t('attendee.qa.association') : t('attendee.qa.attendee');
}

/** One question on the attendee's page: text, asker, the vote button, the answer once given. */
export function QuestionCard({
  question: q,
  canVote,
  onVote,
}: {
  question: PassQuestion;
  canVote: boolean;
  onVote: () => void;
}) {
  const { t } = useTranslation();
  const pending = q.status === 'pending';
  return (
    <li
      className={`qa-card${q.pinned ? ' pinned' : ''}${pending ? ' pending' : ''}${q.status === 'answered' ? ' answered' : ''}`}
      data-testid="qa-item"
      data-id={q.id}
      data-status={q.status}
      data-mine={q.mine ? 'true' : 'false'}
    >
      <div className="qa-card-body">
        {q.pinned || q.mine || pending || q.status === 'answered' ? (
          <div className="qa-badges">
            {q.pinned ? <span className="qa-badge now">{t('attendee.qa.pinned')}</span> : null}
            {pending ? (
              <span className="qa-badge wait" data-testid="qa-item-pending">
                {t('attendee.qa.pending')}
              </span>
            ) : null}
            {q.status === 'answered' ? (
              <span className="qa-badge done">{t('attendee.qa.answered')}</span>
            ) : null}
            {q.mine ? <span className="qa-badge mine">{t('attendee.qa.mine')}</span> : null}
          </div>
        ) : null}
        <p className="qa-card-text" data-testid="qa-item-text">
          {q.text}
        </p>
        <p className="qa-card-meta">
          {askerName(q, t)} · {formatClock(q.createdAt)}
        </p>
        {pending ? <p className="qa-card-hint">{t('attendee.qa.pendingHint')}</p> : null}
        {q.status === 'answered' && (q.answer || q.answeredBy) ? (
          <div className="qa-card-answer" data-testid="qa-item-answer">
            {q.answer ? <p>{q.answer}</p> : null}
            {q.answeredBy ? <small>{t('attendee.qa.answeredBy', { name: q.answeredBy })}</small> : null}
          </div>
        ) : null}
      </div>
      {pending ? null : (
        <button
          type="button"
          className={`qa-vote${q.votedByMe ? ' on' : ''}`}
          aria-pressed={q.votedByMe}
          aria-label={q.votedByMe ? t('attendee.qa.unvote') : t('attendee.qa.vote')}
          disabled={!canVote}
          onClick={onVote}
          data-testid="qa-vote"
        >
          <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
            <path d="M12 4l8 9h-5v7H9v-7H4z" fill="currentColor" />
          </svg>
          <b data-testid="qa-vote-count">{q.votes}</b>
        </button>
      )}
    </li>
  );
}

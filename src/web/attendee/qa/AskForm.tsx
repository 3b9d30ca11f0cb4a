import { useState } from 'react';
import type { QA_LIMITS } from '../../../contract/qa.js';
import { ApiError } from '../../app/api.js';
import { useTranslation } from '../i18n.js';

/** QA_LIMITS.questionText (a value import of the contract would bring zod to phones). */
const MAX_TEXT: (typeof QA_LIMITS)['questionText'] = 500;

/** 提问: the question, anonymous or not; the text stays until the server has it. */
export function AskForm({
  preModeration,
  onAsk,
  onEdit,
}: {
  preModeration: boolean;
  onAsk: (text: string, anonymous: boolean) => Promise<{ status: string }>;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const trimmed = text.trim();

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!trimmed || busy) return;
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const question = await onAsk(trimmed, anonymous);
      setText('');
      setDone(question.status === 'pending' ? t('attendee.qa.askedPending') : t('attendee.qa.asked'));
    } catch (err) {
      setError(err instanceof ApiError && err.status > 0 ? err.detail : t('attendee.errors.network'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card qa-ask" onSubmit={submit} data-testid="qa-ask">
      <h2>{t('attendee.qa.askTitle')}</h2>
      <textarea
        className="input"
        rows={2}
        maxLength={MAX_TEXT}
        value={text}
        placeholder={t('attendee.qa.askPlaceholder')}
        aria-label={t('attendee.qa.askTitle')}
        onChange={(e) => {
          setText(e.target.value);
          setDone(null);
          onEdit();
        }}
        data-testid="qa-ask-text"
      />
      <div className="qa-ask-row">
        <label className="check qa-anon">
          <input
            type="checkbox"
            checked={anonymous}
            onChange={(e) => setAnonymous(e.target.checked)}
            data-testid="qa-ask-anonymous"
          />
          <span>
            {t('attendee.qa.anonymous')}
            <small>{t('attendee.qa.anonymousHint')}</small>
          </span>
        </label>
        <span className="qa-counter" aria-hidden="true">
          {text.length}/{MAX_TEXT}
        </span>
      </div>
      {preModeration ? <p className="hint">{t('attendee.qa.preModeration')}</p> : null}
      {error ? (
        <p className="error" role="alert" data-testid="qa-ask-error">
          {error}
        </p>
      ) : null}
      {done ? (
        <p className="qa-done" role="status" data-testid="qa-ask-done">
          {done}
        </p>
      ) : null}
      <button
        type="submit"
        className="btn primary block"
        disabled={!trimmed || busy}
        data-testid="qa-ask-submit"
      >
        {busy ? t('attendee.qa.sending') : t('attendee.qa.submit')}
      </button>
    </form>
  );
}

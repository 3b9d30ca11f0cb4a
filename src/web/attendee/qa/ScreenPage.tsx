import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PublicQuestion, Screen } from '../../../contract/qa.js';
import { ApiError } from '../../app/api.js';
import {
  applyEvent,
  applySnapshot,
  currentQuestion,
  type LiveList,
  queueAfter,
  removeQuestion,
  upsertQuestion,
} from '../../features/qa/questions.js';
import { type QaStreamMessage, useQaStream } from '../../features/qa/useQaStream.js';
import { useTranslation } from '../i18n.js';
import { fetchScreen, screenStreamUrl } from './api.js';
import { askerName } from './QuestionCard.js';
import { ScreenQr } from './ScreenQr.js';
import { useFlip } from './useFlip.js';
import './screen.css';

const QUEUE = 5;
const EMPTY: PublicQuestion[] = [];
const RELOAD_MS = 10_000;

/** Large for a short question, smaller for a long one: it always fits the stage. */
const sizeOf = (text: string) =>
  text.length <= 36 ? 'xl' : text.length <= 80 ? 'l' : text.length <= 160 ? 'm' : 's';

/**
 * 互动问答大屏 (/e/<slug>/qa/screen?key=…): the pinned or most voted question very large with its
 * votes and asker, the queue after it, and the QR code attendees scan to join — live, reconnecting
 * by itself. Only visible questions ever reach it; anonymous askers stay anonymous.
 */
export default function ScreenPage({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const key = useMemo(() => new URLSearchParams(window.location.search).get('key'), []);
  const [screen, setScreen] = useState<Screen | null>(null);
  const [list, setList] = useState<LiveList<PublicQuestion> | null>(null);
  const questions = list?.questions ?? EMPTY;
  const [invalid, setInvalid] = useState(false);
  const [failed, setFailed] = useState(false);
  const queueRef = useRef<HTMLOListElement>(null);

  const load = useCallback(async () => {
    try {
      const next = await fetchScreen(slug, key);
      setScreen(next);
      setList((shown) => applySnapshot(shown, next));
      setInvalid(false);
      setFailed(false);
    } catch (error) {
      if (error instanceof ApiError && (error.status === 404 || error.status === 400)) setInvalid(true);
      else setFailed(true);
    }
  }, [slug, key]);

  useEffect(() => {
    void load();
  }, [load]);

  const onMessage = useCallback((message: QaStreamMessage) => {
    const change =
      message.type === 'question'
        ? (items: PublicQuestion[]) => upsertQuestion(items, message.data as PublicQuestion, (q) => q)
        : message.type === 'removed'
          ? (items: PublicQuestion[]) => removeQuestion(items, (message.data as { id: string }).id)
          : null;
    if (change) setList((shown) => applyEvent(shown, message.id, change));
  }, []);
  const live = useQaStream(
    screen && !invalid ? screenStreamUrl(slug, key) : null,
    screen ? screen.lastEventId : null,
    onMessage,
  );

  // Not connected (server restarting, network, link changed): check with a fresh load now and then.
  useEffect(() => {
    if (live || invalid) return;
    const timer = setInterval(() => void load(), RELOAD_MS);
    return () => clearInterval(timer);
  }, [live, invalid, load]);

  const current = useMemo(() => currentQuestion(questions), [questions]);
  const queue = useMemo(() => queueAfter(questions, current), [questions, current]);
  const shown = queue.slice(0, QUEUE);
  const answered = questions.filter((q) => q.status === 'answered').length;
  useFlip(queueRef, shown.map((q) => q.id).join());

  useEffect(() => {
    document.title = screen
      ? `${t('attendee.qa.screen.kicker')} · ${screen.event.theme}`
      : t('attendee.qa.title');
  }, [screen, t]);

  if (invalid)
    return (
      <div className="qs qs-message" data-testid="qa-screen-invalid">
        {t('attendee.qa.screen.invalid')}
      </div>
    );
  if (!screen)
    return <div className="qs qs-message">{failed ? t('attendee.qa.screen.reconnecting') : ''}</div>;

  return (
    <div className="qs" data-testid="qa-screen">
      <header className="qs-head">
        <div>
          <div className="qs-kicker">{t('attendee.qa.screen.kicker')}</div>
          <h1 className="qs-theme">{screen.event.theme}</h1>
        </div>
        <div className="qs-live" data-testid="qa-screen-live" data-live={live ? 'true' : 'false'}>
          <span className={`qs-dot${live ? ' on' : ''}`} />
          {live ? t('attendee.qa.screen.live') : t('attendee.qa.screen.reconnecting')}
        </div>
      </header>

      <main className="qs-body">
        <section className="qs-stage">
          {current ? (
            <article
              key={current.id}
              className="qs-current"
              data-testid="qa-screen-current"
              data-id={current.id}
            >
              <div className="qs-current-label">
                {current.pinned ? t('attendee.qa.screen.pinned') : t('attendee.qa.screen.top')}
                {current.status === 'answered' ? (
                  <span className="qs-answered">{t('attendee.qa.screen.answered')}</span>
                ) : null}
              </div>
              <p
                className={`qs-current-text size-${sizeOf(current.text)}`}
                data-testid="qa-screen-current-text"
              >
                {current.text}
              </p>
              <div className="qs-current-foot">
                <span className="qs-asker">{askerName(current, t)}</span>
                <span className="qs-current-votes" data-testid="qa-screen-current-votes">
                  <svg viewBox="0 0 24 24" aria-hidden="true">
                    <path d="M12 4l8 9h-5v7H9v-7H4z" fill="currentColor" />
                  </svg>
                  {current.votes}
                  <small>{t('attendee.qa.screen.votes')}</small>
                </span>
              </div>
            </article>
          ) : (
            <div className="qs-current qs-empty" data-testid="qa-screen-empty">
              <p className="qs-current-text size-l">{t('attendee.qa.screen.empty')}</p>
              <p className="qs-asker">{t('attendee.qa.screen.emptyHint')}</p>
            </div>
          )}

          <div className="qs-queue" hidden={!current}>
            <h2>
              {t('attendee.qa.screen.next')}
              {queue.length > QUEUE ? (
                <small>{t('attendee.qa.screen.more', { count: queue.length - QUEUE })}</small>
              ) : null}
            </h2>
            {shown.length ? (
              <ol ref={queueRef}>
                {shown.map((q) => (
                  <li key={q.id} data-id={q.id} data-testid="qa-screen-queue-item">
                    <span className="qs-q-votes">{q.votes}</span>
                    <span className="qs-q-text">{q.text}</span>
                    <span className="qs-q-asker">{q.authorName ?? askerName(q, t)}</span>
                  </li>
                ))}
              </ol>
            ) : (
              <p className="qs-q-none">{t('attendee.qa.screen.queueEmpty')}</p>
            )}
          </div>
        </section>

        <aside className="qs-join">
          <ScreenQr text={screen.joinUrl} label={t('attendee.qa.screen.scan')} />
          <div className="qs-join-title">{t('attendee.qa.screen.scan')}</div>
          <div className="qs-join-hint">{t('attendee.qa.screen.scanHint')}</div>
          <div className="qs-join-url">{screen.joinUrl.replace(/^https?:\/\//, '')}</div>
          <div className="qs-stats" data-testid="qa-screen-stats">
            <span>
              <b>{questions.length}</b>
              {t('attendee.qa.screen.questions')}
            </span>
            <span>
              <b>{answered}</b>
              {t('attendee.qa.screen.answeredCount')}
            </span>
          </div>
        </aside>
      </main>
    </div>
  );
}

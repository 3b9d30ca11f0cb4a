import { useCallback, useEffect, useRef, useState } from 'react';
import type { PassBoard, PassQuestion, PublicQuestion } from '../../../contract/qa.js';
import { ApiError } from '../../app/api.js';
import {
  applyEvent,
  applySnapshot,
  type LiveList,
  removeQuestion,
  upsertQuestion,
} from '../../features/qa/questions.js';
import { type QaStreamMessage, useQaStream } from '../../features/qa/useQaStream.js';
import { PASSES_KEY } from '../api.js';
import { store } from '../format.js';
import { askQuestion, fetchPassBoard, newId, passStreamUrl, sendVote } from './api.js';

/** A pending question of mine may be hidden by staff: the public stream never says so, a reload does. */
const PENDING_RELOAD_MS = 30_000;

const EMPTY: PassQuestion[] = [];
const asPassQuestion = (q: PublicQuestion): PassQuestion => ({ ...q, mine: false, votedByMe: false });

/**
 * The attendee's Q&A: the board from GET, kept live by the public stream (`question` replaces or
 * adds, `removed` drops; `mine`/`votedByMe` stay as this phone knows them), asking with a client id
 * (a retry cannot ask twice) and voting with instant feedback.
 */
export function usePassQa(token: string) {
  const [board, setBoard] = useState<PassBoard | null>(null);
  const [list, setList] = useState<LiveList<PassQuestion> | null>(null);
  const questions = list?.questions ?? EMPTY;
  /** Local changes (my question, my vote) keep the list's position in the stream. */
  const setQuestions = useCallback(
    (change: (items: PassQuestion[]) => PassQuestion[]) =>
      setList((shown) => (shown ? { ...shown, questions: change(shown.questions) } : shown)),
    [],
  );
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const askId = useRef<string | null>(null);
  const wanted = useRef(new Map<string, boolean>());
  const inFlight = useRef(new Set<string>());

  const load = useCallback(async () => {
    try {
      const next = await fetchPassBoard(token);
      setBoard(next);
      setList((shown) => applySnapshot(shown, next));
      setLoadError(null);
      // The join page (/e/<slug>/qa, the screen's QR code) finds this pass again on this phone.
      if (next.event.slug)
        store.set(PASSES_KEY, {
          ...(store.get<Record<string, string>>(PASSES_KEY) ?? {}),
          [next.event.slug]: token,
        });
    } catch (error) {
      setLoadError(error instanceof ApiError ? error : new ApiError(0, {}));
    }
  }, [token]);

  useEffect(() => {
    void load();
  }, [load]);

  const hasPending = questions.some((q) => q.mine && q.status === 'pending');
  useEffect(() => {
    if (!hasPending) return;
    const timer = setInterval(() => void load(), PENDING_RELOAD_MS);
    return () => clearInterval(timer);
  }, [hasPending, load]);

  const onMessage = useCallback((message: QaStreamMessage) => {
    const change =
      message.type === 'question'
        ? (items: PassQuestion[]) => {
            const next = message.data as PublicQuestion;
            // While my vote on it is on its way, its count stays as I see it; the answer sets it.
            const mine = inFlight.current.has(next.id) ? items.find((q) => q.id === next.id) : undefined;
            return upsertQuestion(items, mine ? { ...next, votes: mine.votes } : next, asPassQuestion);
          }
        : message.type === 'removed'
          ? (items: PassQuestion[]) => removeQuestion(items, (message.data as { id: string }).id)
          : null;
    if (change) setList((shown) => applyEvent(shown, message.id, change));
  }, []);
  const live = useQaStream(board ? passStreamUrl(token) : null, board ? board.lastEventId : null, onMessage);

  /** Asks; resolves with the stored question. A retry after a lost answer reuses the same id. */
  const ask = useCallback(
    async (text: string, anonymous: boolean) => {
      askId.current ??= newId();
      const question = await askQuestion(token, { clientId: askId.current, text, anonymous });
      askId.current = null;
      setQuestions((items) => upsertQuestion(items, question, (q) => q));
      return question;
    },
    [token, setQuestions],
  );
  /** The text changed: the next ask is a new question. */
  const forgetAsk = useCallback(() => {
    askId.current = null;
  }, []);

  /**
   * Votes with instant feedback: the button and count change at once; a tap while the previous one
   * is on its way is sent after it (the latest wish wins). A refusal or lost connection reloads the
   * board, so what shows is what the server has.
   */
  const vote = useCallback(
    async (question: PassQuestion) => {
      const id = question.id;
      const on = !question.votedByMe;
      wanted.current.set(id, on);
      setQuestions((items) =>
        items.map((q) =>
          q.id === id ? { ...q, votedByMe: on, votes: Math.max(0, q.votes + (on ? 1 : -1)) } : q,
        ),
      );
      if (inFlight.current.has(id)) return;
      inFlight.current.add(id);
      try {
        for (;;) {
          const wish = wanted.current.get(id)!;
          const result = await sendVote(token, id, wish);
          if (wanted.current.get(id) !== wish) continue;
          wanted.current.delete(id);
          setQuestions((items) =>
            items.map((q) => (q.id === id ? { ...q, votedByMe: result.votedByMe, votes: result.votes } : q)),
          );
          return;
        }
      } catch (error) {
        wanted.current.delete(id);
        void load();
        throw error;
      } finally {
        inFlight.current.delete(id);
      }
    },
    [token, load, setQuestions],
  );

  return { board, questions, loadError, live, ask, forgetAsk, vote, reload: load };
}

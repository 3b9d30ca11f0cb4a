import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import type { QaSettings, StaffBoard, StaffQuestion } from '../../../contract/qa.js';
import { boardKey, getBoard, staffStreamUrl } from './api.js';
import { upsertQuestion } from './questions.js';
import { type QaStreamMessage, useQaStream } from './useQaStream.js';

/**
 * The staff board, kept current by the staff stream: each `question` event replaces that question
 * in the cached board, `settings` replaces the settings. Mutations put their answer in the same way
 * (`put`), so a click shows at once and the stream's echo changes nothing.
 */
export function useStaffBoard(eventId: string) {
  const queryClient = useQueryClient();
  const board = useQuery({ queryKey: boardKey(eventId), queryFn: () => getBoard(eventId) });

  const put = useCallback(
    (question: StaffQuestion) =>
      queryClient.setQueryData<StaffBoard>(boardKey(eventId), (b) =>
        b ? { ...b, questions: upsertQuestion(b.questions, question, (q) => q) } : b,
      ),
    [queryClient, eventId],
  );
  const putSettings = useCallback(
    (settings: QaSettings) =>
      queryClient.setQueryData<StaffBoard>(boardKey(eventId), (b) => (b ? { ...b, settings } : b)),
    [queryClient, eventId],
  );
  const refetch = useCallback(
    () => queryClient.invalidateQueries({ queryKey: boardKey(eventId) }),
    [queryClient, eventId],
  );

  /** Each event moves the board's `lastEventId` on; events the board already has are skipped. */
  const onMessage = useCallback(
    (message: QaStreamMessage) =>
      queryClient.setQueryData<StaffBoard>(boardKey(eventId), (b) => {
        if (!b || message.id <= b.lastEventId) return b;
        const next = { ...b, lastEventId: message.id };
        if (message.type === 'question')
          return { ...next, questions: upsertQuestion(b.questions, message.data as StaffQuestion, (q) => q) };
        if (message.type === 'settings') return { ...next, settings: message.data as QaSettings };
        return next;
      }),
    [queryClient, eventId],
  );
  // A refetch read before events already shown (it was answered late) is stale: read again.
  const newest = useRef(0);
  useEffect(() => {
    if (!board.data) return;
    if (board.data.lastEventId < newest.current) void refetch();
    else newest.current = board.data.lastEventId;
  }, [board.data, refetch]);
  const since = board.data ? board.data.lastEventId : null;
  const live = useQaStream(board.data ? staffStreamUrl(eventId) : null, since, onMessage);

  return { board, live, put, putSettings, refetch };
}

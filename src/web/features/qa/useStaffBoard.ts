import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
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

  const onMessage = useCallback(
    (message: QaStreamMessage) => {
      if (message.type === 'question') put(message.data as StaffQuestion);
      else if (message.type === 'settings') putSettings(message.data as QaSettings);
    },
    [put, putSettings],
  );
  const since = board.data ? board.data.lastEventId : null;
  const live = useQaStream(board.data ? staffStreamUrl(eventId) : null, since, onMessage);

  return { board, live, put, putSettings, refetch };
}

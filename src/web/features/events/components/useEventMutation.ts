import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApiError } from '../../../components/useApiError.js';
import { eventKey } from '../api.js';

/** A write on one event's plan: on success the event's queries refresh; errors show as messages. */
export function useEventMutation<TArgs, TResult>(
  eventId: string,
  fn: (args: TArgs) => Promise<TResult>,
  onDone?: () => void,
) {
  const queryClient = useQueryClient();
  const showError = useApiError();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: eventKey(eventId) });
      onDone?.();
    },
    onError: (error) => showError(error),
  });
}

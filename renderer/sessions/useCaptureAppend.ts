import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import type { OperationInput } from '../../shared/api';
import type { CaptureResult } from '../../shared/sessions';
import { call } from '../api/client';
import { freshAfterWrite, operationQuery } from '../api/queries';
import { feedInput, feedWithCapture } from './feed-cache';

interface Callbacks {
  onSuccess?: (result: CaptureResult) => void;
  onError?: (e: unknown) => void;
}

/**
 * capture.append for the live view: the feed shows the chunk's sentences from its own result the
 * moment the core answers; the queue, counts and lists it also changes are refetched behind it
 * rather than in front of it (a three-hour transcript makes those reads the slow part).
 */
export function useCaptureAppend(sessionId: string) {
  const client = useQueryClient();
  const refresh = useRef<{ running: boolean; again: boolean }>({ running: false, again: false });
  /** One round of refetches at a time: chunks arriving faster than it queue one more round, not one each. */
  const refreshBehind = useCallback(() => {
    const state = refresh.current;
    if (state.running) {
      state.again = true;
      return;
    }
    state.running = true;
    void (async () => {
      do {
        state.again = false;
        await freshAfterWrite(client);
      } while (state.again);
      state.running = false;
    })();
  }, [client]);
  return useCallback(
    (input: OperationInput<'capture.append'>, callbacks: Callbacks = {}) => {
      call('capture.append', input).then(
        (result) => {
          const key = operationQuery('capture.feed', feedInput(sessionId)).queryKey;
          client.setQueryData(key, (feed) => feedWithCapture(feed, result));
          callbacks.onSuccess?.(result);
          refreshBehind();
        },
        (e: unknown) => callbacks.onError?.(e),
      );
    },
    [client, sessionId, refreshBehind],
  );
}

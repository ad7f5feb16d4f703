import { useCallback, useEffect, useRef } from 'react';
import { call } from '../api/client';

interface Draft {
  text: string;
  speaker: string;
}

/**
 * Saves the capture box on every keystroke without piling requests up: at most one save is in
 * flight, and when it returns the latest text (if it changed meanwhile) goes next. So the stored
 * draft is never more than one request behind what is on screen.
 */
export function useDraftSaver(sessionId: string, onError: (e: unknown) => void) {
  const pending = useRef<Draft | null>(null);
  const running = useRef(false);
  const failed = useRef(onError);
  useEffect(() => {
    failed.current = onError;
  }, [onError]);

  const pump = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    try {
      while (pending.current) {
        const next = pending.current;
        pending.current = null;
        try {
          await call('capture.draft.save', { sessionId, text: next.text, speaker: next.speaker.slice(0, 120) });
        } catch (e) {
          failed.current(e);
        }
      }
    } finally {
      running.current = false;
    }
  }, [sessionId]);

  return useCallback(
    (draft: Draft) => {
      pending.current = draft;
      void pump();
    },
    [pump],
  );
}

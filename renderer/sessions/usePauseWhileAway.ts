import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { FollowStatus } from '../../shared/capture-follow-api';
import type { CheckSession } from '../../shared/sessions';
import { errorMessage } from '../api/client';
import { useOperationMutation } from '../api/queries';
import { useWorkbench } from '../app/workbench';
import { useNotify } from '../ui/notices';
import { followStatusKey } from './FollowFile';

/**
 * A session counts the time spent in it: leaving the session view (Esc, the claim list, a document, search) pauses
 * the session running there, and coming back to it resumes it. A session the checker paused themselves stays paused
 * when they come back. A session following a transcript file keeps running: pausing would stop the
 * follower, and the debate goes on while the checker looks elsewhere. Returns the ids of the sessions
 * paused this way.
 */
export function usePauseWhileAway(sessions: readonly CheckSession[] | undefined): ReadonlySet<string> {
  const { state } = useWorkbench();
  const notify = useNotify();
  const client = useQueryClient();
  const pause = useOperationMutation('sessions.pause').mutate;
  const resume = useOperationMutation('sessions.resume').mutate;
  const [away, setAway] = useState<ReadonlySet<string>>(() => new Set());
  const shown = state.sessionOpen ? state.sessionId : null;
  const previous = useRef(shown);
  const known = useRef(sessions);
  useEffect(() => {
    known.current = sessions;
  }, [sessions]);

  useEffect(() => {
    const left = previous.current;
    previous.current = shown;
    if (left === shown) return;
    const fail = (e: unknown) => notify({ message: errorMessage(e), tone: 'error' });
    const following = (id: string) => client.getQueryData<FollowStatus | null>(followStatusKey(id))?.following === true;
    const running = left
      ? known.current?.find((s) => s.id === left && s.mine && s.status === 'active' && !following(s.id))
      : undefined;
    if (running) pause({ id: running.id }, { onError: fail });
    const back = shown !== null && away.has(shown);
    const workable = back && known.current?.find((s) => s.id === shown)?.status !== 'ended';
    if (workable) resume({ id: shown }, { onError: fail });
    if (running || back) {
      setAway((ids) => {
        const next = new Set(ids);
        if (running) next.add(running.id);
        if (back) next.delete(shown);
        return next;
      });
    }
  }, [shown, away, pause, resume, notify, client]);

  return away;
}

import { useCallback, useMemo } from 'react';
import type { QueueAction } from '../../shared/sessions';
import { errorMessage } from '../api/client';
import { useOperationMutation } from '../api/queries';
import { useWorkbench } from '../app/workbench';
import { useNotify } from '../ui/notices';

/** The session writes the workbench, the keys and the buttons share. */
export function useSessionActions(sessionId: string | null) {
  const notify = useNotify();
  const { dispatch } = useWorkbench();
  const fail = useCallback((e: unknown) => notify({ message: errorMessage(e), tone: 'error' }), [notify]);
  const focusOp = useOperationMutation('sessions.focus').mutate;
  const actOp = useOperationMutation('sessions.act').mutate;
  const pauseOp = useOperationMutation('sessions.pause').mutate;
  const resumeOp = useOperationMutation('sessions.resume').mutate;
  const endOp = useOperationMutation('sessions.end').mutate;
  const verdictOp = useOperationMutation('claims.setVerdict').mutate;

  return useMemo(() => {
    const id = sessionId ?? '';
    return {
      focus: (claimId: string) => sessionId && focusOp({ id, claimId }, { onError: fail }),
      act: (claimId: string, action: QueueAction) => sessionId && actOp({ id, claimId, action }, { onError: fail }),
      setVerdict: (claimId: string, verdict: 'sourced' | 'disputed' | 'unverified') =>
        verdictOp({ ids: [claimId], verdict }, { onError: fail }),
      pause: () => sessionId && pauseOp({ id }, { onError: fail }),
      resume: () => sessionId && resumeOp({ id }, { onError: fail }),
      end: () =>
        sessionId &&
        endOp(
          { id },
          {
            onError: fail,
            onSuccess: () => dispatch({ type: 'dialog', dialog: 'session-summary' }),
          },
        ),
    };
  }, [sessionId, focusOp, actOp, verdictOp, pauseOp, resumeOp, endOp, fail, dispatch]);
}

export type SessionActions = ReturnType<typeof useSessionActions>;

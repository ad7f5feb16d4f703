import { ClipboardList, Timer } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { useOperationQuery } from '../api/queries';
import { useWorkbench } from '../app/workbench';
import { Button } from '../ui/Button';
import { IconButton } from '../ui/IconButton';
import { clock } from './format';
import { useElapsed, useSession } from './useSession';
import { usePauseWhileAway } from './usePauseWhileAway';
import './sessions.css';

/** The header's session entry: start one, go back to the one in hand, or list them all. */
export function SessionHeader() {
  const { state, dispatch } = useWorkbench();
  const sessions = useOperationQuery('sessions.list', {});
  const running = sessions.data?.find((s) => s.mine && s.status === 'active');
  const chosen = sessions.data?.find((s) => s.id === state.sessionId && s.status !== 'ended');
  // A paused session is not reopened on its own (the checker paused it), but stays one click away.
  const paused = sessions.data?.find((s) => s.mine && s.status === 'paused');
  const inHand = chosen?.id ?? running?.id ?? paused?.id ?? null;
  useReopenRunningSession(running?.id ?? null, sessions.data !== undefined);
  const away = usePauseWhileAway(sessions.data);
  return (
    <div className="session-header">
      {inHand && !state.sessionOpen ? (
        <BackToSession sessionId={inHand} pausedWhileAway={away.has(inHand)} />
      ) : (
        <IconButton
          label="Start a checking session"
          shortcut="G"
          icon={<Timer size={16} />}
          onClick={() => dispatch({ type: 'dialog', dialog: 'start-session' })}
        />
      )}
      <IconButton
        label="Sessions"
        shortcut="Shift+G"
        icon={<ClipboardList size={16} />}
        onClick={() => dispatch({ type: 'dialog', dialog: 'sessions' })}
      />
    </div>
  );
}

/** After a reload or a restart, a session still running comes back on screen where it was. */
function useReopenRunningSession(runningId: string | null, loaded: boolean): void {
  const { state, dispatch } = useWorkbench();
  const checked = useRef(false);
  useEffect(() => {
    if (checked.current || !loaded) return;
    checked.current = true;
    if (runningId && state.sessionId === null) dispatch({ type: 'session', sessionId: runningId, open: true });
  }, [runningId, loaded, state.sessionId, dispatch]);
}

/** The way back to the session in hand, saying whether it is running or paused and for how long. */
function BackToSession({ sessionId, pausedWhileAway }: { sessionId: string; pausedWhileAway: boolean }) {
  const { dispatch } = useWorkbench();
  // Polling here too: a session can keep running away from its view (resumed from the command line).
  const query = useSession(sessionId, { poll: true });
  const elapsed = useElapsed(query.data, query.dataUpdatedAt);
  const s = query.data;
  if (!s) return null;
  const standing = s.status === 'active' ? 'Running' : s.status === 'paused' ? 'Paused' : 'Ended';
  const comeBack =
    s.status === 'paused' && pausedWhileAway
      ? 'paused while you work elsewhere; going back resumes it'
      : s.status === 'paused'
        ? 'paused'
        : s.status === 'active'
          ? 'running'
          : 'ended';
  return (
    <Button
      size="sm"
      className={`session-back session-back-${s.status}`}
      title={`Back to ${s.name}: ${comeBack} (${clock(elapsed)} in the session)`}
      onClick={() => {
        dispatch({ type: 'triage', action: { type: 'mark', ids: [] } });
        dispatch({ type: 'session', sessionId, open: true });
      }}
    >
      <Timer size={14} aria-hidden />
      <span className="session-back-name">{s.name}</span>
      <span className="session-back-clock">
        {standing} {clock(elapsed)}
      </span>
    </Button>
  );
}

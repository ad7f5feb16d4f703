import { ArrowLeft, Flag, Pause, Play } from 'lucide-react';
import type { CheckSession } from '../../shared/sessions';
import { Button } from '../ui/Button';
import { EndSessionButton } from './EndSessionButton';
import { clock } from './format';
import type { SessionActions } from './useSessionActions';

interface SessionBarProps {
  session: CheckSession;
  elapsedMs: number;
  actions: SessionActions;
  onLeave: () => void;
  onSummary: () => void;
}

const STATUS_WORDS = { active: 'Running', paused: 'Paused', ended: 'Ended' } as const;

/** Name, progress, clock and the session's own controls, above the current claim. */
export function SessionBar({ session, elapsedMs, actions, onLeave, onSummary }: SessionBarProps) {
  const { counts } = session;
  const settled = counts.done;
  const share = counts.total > 0 ? settled / counts.total : 0;
  const editable = session.mine && session.status !== 'ended';
  return (
    <div className="session-bar">
      <div className="session-bar-top">
        <Button
          variant="ghost"
          size="sm"
          onClick={onLeave}
          title="Back to the claim list; the session pauses until you come back (Esc)"
          className="session-leave"
        >
          <ArrowLeft size={14} aria-hidden /> <span className="session-leave-label">Claim list</span>
        </Button>
        <h2 className="session-name" title={session.name}>
          {session.name}
        </h2>
        <span className={`session-status status-${session.status}`} data-testid="session-status">
          {session.status === 'active' ? (
            <Play size={12} aria-hidden />
          ) : session.status === 'paused' ? (
            <Pause size={12} aria-hidden />
          ) : (
            <Flag size={12} aria-hidden />
          )}
          {STATUS_WORDS[session.status]}
        </span>
        {!session.mine && <span className="session-readonly">{session.ownerName}’s session · read-only</span>}
        <span className="session-clock" data-testid="session-clock" aria-label={`Elapsed time ${clock(elapsedMs)}`}>
          {clock(elapsedMs)}
        </span>
        <div className="session-bar-actions">
          {editable &&
            (session.status === 'active' ? (
              <Button size="sm" onClick={actions.pause} title="Pause (Shift+P)">
                <Pause size={14} aria-hidden /> Pause
              </Button>
            ) : (
              <Button size="sm" onClick={actions.resume} title="Resume (Shift+P)">
                <Play size={14} aria-hidden /> Resume
              </Button>
            ))}
          {editable ? (
            <EndSessionButton session={session} onEnd={actions.end} />
          ) : (
            <Button size="sm" onClick={onSummary}>
              Summary
            </Button>
          )}
        </div>
      </div>
      <div className="session-progress">
        <div
          className="session-progress-track"
          role="progressbar"
          aria-label="Claims done in this session"
          aria-valuemin={0}
          aria-valuemax={counts.total}
          aria-valuenow={settled}
        >
          <span className="session-progress-fill" style={{ width: `${share * 100}%` }} />
        </div>
        <span className="session-progress-text" data-testid="session-progress" aria-live="polite">
          <strong>{counts.done}</strong> of {counts.total} done
        </span>
        <span className="session-count">
          <span className="muted">Skipped</span> <strong data-testid="session-skipped">{counts.skipped}</strong>
        </span>
        <span className="session-count">
          <span className="muted">Needs more time</span> <strong data-testid="session-later">{counts.later}</strong>
        </span>
        <span className="session-count">
          <span className="muted">To check</span> <strong data-testid="session-pending">{counts.pending}</strong>
        </span>
      </div>
    </div>
  );
}

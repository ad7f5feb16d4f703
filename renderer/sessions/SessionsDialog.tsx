import { Flag, Pause, Play, Plus } from 'lucide-react';
import type { ReactNode } from 'react';
import type { CheckSession } from '../../shared/sessions';
import { errorMessage } from '../api/client';
import { useOperationMutation, useOperationQuery } from '../api/queries';
import { useWorkbench } from '../app/workbench';
import { Button } from '../ui/Button';
import { EmptyState } from '../ui/EmptyState';
import { Modal } from '../ui/Modal';
import { useNotify } from '../ui/notices';
import { Spinner } from '../ui/Progress';
import { duration, timeOfDay } from './format';
import './sessions.css';

const STATUS = {
  active: { word: 'Running', Icon: Play },
  paused: { word: 'Paused', Icon: Pause },
  ended: { word: 'Ended', Icon: Flag },
} as const;

/** Earlier sessions: resume or open one, see an ended one's summary; teammates' sessions are read-only. */
export function SessionsDialog() {
  const { state, dispatch } = useWorkbench();
  const open = state.dialog === 'sessions';
  return (
    <ModalShell open={open} onClose={() => dispatch({ type: 'dialog', dialog: null })}>
      {open && <SessionsList />}
    </ModalShell>
  );
}

function ModalShell({ open, onClose, children }: { open: boolean; onClose: () => void; children: ReactNode }) {
  return (
    <Modal
      open={open}
      onOpenChange={(o) => !o && onClose()}
      title="Checking sessions"
      description="Resume one of your sessions, or open a teammate’s to read it."
      width={680}
    >
      {children}
    </Modal>
  );
}

function SessionsList() {
  const { dispatch } = useWorkbench();
  const notify = useNotify();
  const sessions = useOperationQuery('sessions.list', {});
  const resume = useOperationMutation('sessions.resume');
  const openSession = (s: CheckSession, summary = false) => {
    dispatch({ type: 'triage', action: { type: 'mark', ids: [] } });
    dispatch({ type: 'session', sessionId: s.id, open: !summary });
    dispatch({ type: 'dialog', dialog: summary ? 'session-summary' : null });
  };
  const resumeAndOpen = (s: CheckSession) =>
    resume.mutate(
      { id: s.id },
      { onSuccess: () => openSession(s), onError: (e) => notify({ message: errorMessage(e), tone: 'error' }) },
    );

  const newSession = (
    <Button variant="primary" size="sm" onClick={() => dispatch({ type: 'dialog', dialog: 'start-session' })}>
      <Plus size={14} aria-hidden /> Start a session…
    </Button>
  );
  if (sessions.error) return <p className="form-error">{sessions.error.message}</p>;
  if (!sessions.data) return <Spinner label="Loading sessions…" />;
  if (sessions.data.length === 0) {
    return (
      <EmptyState icon={<Play size={26} />} title="No sessions yet" action={newSession}>
        Start a session to work through a queue of claims against the clock, or to capture a live event. Press G.
      </EmptyState>
    );
  }
  return (
    <div className="sessions-list-wrap">
      <ul className="sessions-list" aria-label="Sessions">
        {sessions.data.map((s) => {
          const { word, Icon } = STATUS[s.status];
          const share = s.counts.total > 0 ? s.counts.done / s.counts.total : 0;
          return (
            <li key={s.id} className="sessions-item" data-session-id={s.id}>
              <div className="sessions-item-main">
                <span className="sessions-item-name">{s.name}</span>
                <span className="sessions-item-meta muted">
                  {s.mine ? 'You' : `${s.ownerName} · read-only`} · started {timeOfDay(s.startedAt)}
                  {s.captureDocumentId ? ' · live capture' : ''}
                </span>
                <span className="sessions-item-progress">
                  <span className="session-progress-track small" aria-hidden>
                    <span className="session-progress-fill" style={{ width: `${share * 100}%` }} />
                  </span>
                  <span>
                    {s.counts.done} of {s.counts.total} done
                  </span>
                  <span className="muted">· {duration(s.elapsedMs)}</span>
                </span>
              </div>
              <span className={`session-status status-${s.status}`}>
                <Icon size={12} aria-hidden /> {word}
              </span>
              <div className="sessions-item-actions">
                {s.status === 'ended' || !s.mine ? (
                  <>
                    <Button size="sm" onClick={() => openSession(s, true)}>
                      Summary<span className="visually-hidden"> of {s.name}</span>
                    </Button>
                    <Button size="sm" variant="ghost" onClick={() => openSession(s)}>
                      Open<span className="visually-hidden"> {s.name}</span>
                    </Button>
                  </>
                ) : s.status === 'paused' ? (
                  <Button size="sm" variant="primary" onClick={() => resumeAndOpen(s)} disabled={resume.isPending}>
                    <Play size={14} aria-hidden /> Resume<span className="visually-hidden"> {s.name}</span>
                  </Button>
                ) : (
                  <Button size="sm" variant="primary" onClick={() => openSession(s)}>
                    Open<span className="visually-hidden"> {s.name}</span>
                  </Button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      <div className="form-actions">{newSession}</div>
    </div>
  );
}

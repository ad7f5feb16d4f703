import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useRef } from 'react';
import { useTakeLostFocus } from '../ui/focusHome';
import type { QueueItem } from '../../shared/sessions';
import { operationQuery } from '../api/queries';
import { useWorkbench } from '../app/workbench';
import { Spinner } from '../ui/Progress';
import { CAPTURE_INPUT_ID, CapturePanel } from './CapturePanel';
import { CurrentClaim } from './CurrentClaim';
import { QueueList } from './QueueList';
import { SessionBar } from './SessionBar';
import { useElapsed, useSession } from './useSession';
import { useQueue } from './useQueue';
import { useSessionActions } from './useSessionActions';
import { useSessionKeys } from './useSessionKeys';
import './sessions.css';

/** The middle pane in session mode: the session's bar, the current claim, its queue and the live capture. */
export function SessionWorkbench({ sessionId }: { sessionId: string }) {
  const { dispatch } = useWorkbench();
  const sessionQuery = useSession(sessionId, { poll: true });
  const session = sessionQuery.data;
  const pane = useRef<HTMLElement>(null);
  useTakeLostFocus(pane, session !== undefined);
  const elapsed = useElapsed(session, sessionQuery.dataUpdatedAt);
  const queue = useQueue(sessionId);
  const actions = useSessionActions(sessionId);
  const currentId = session?.currentClaimId ?? null;
  const currentIndex = currentId ? queue.indexOf(currentId) : undefined;
  const item = currentIndex !== undefined ? queue.itemAt(currentIndex) : undefined;
  const fetched = useQuery({ ...operationQuery('claims.get', { id: currentId ?? '' }), enabled: currentId !== null && !item });
  const claim = item?.claim ?? (currentId ? fetched.data : undefined);
  const editable = !!session && session.mine && session.status !== 'ended';

  const leave = useCallback(() => dispatch({ type: 'session', sessionId, open: false }), [dispatch, sessionId]);
  const pick = useCallback(
    (picked: QueueItem) => {
      if (editable) actions.focus(picked.claim.id);
    },
    [actions, editable],
  );
  const moveTo = useCallback(
    (index: number) => {
      const total = queue.total ?? 0;
      if (!editable || total === 0) return;
      const target = queue.itemAt(Math.min(Math.max(0, index), total - 1));
      if (target) actions.focus(target.claim.id);
    },
    [queue, actions, editable],
  );

  const handlers = useMemo(
    () => ({
      verdict: (v: 'sourced' | 'disputed' | 'unverified') => {
        if (editable && claim) actions.setVerdict(claim.id, v);
      },
      act: (a: 'done' | 'skip' | 'later' | 'reopen') => {
        if (editable && claim) actions.act(claim.id, a);
      },
      move: (delta: number) => moveTo((currentIndex ?? -1) + delta),
      moveTo,
      togglePause: () => {
        if (!editable) return;
        if (session.status === 'active') actions.pause();
        else actions.resume();
      },
      focusCapture: () => document.getElementById(CAPTURE_INPUT_ID)?.focus(),
      leave,
    }),
    [editable, claim, actions, moveTo, currentIndex, session, leave],
  );
  useSessionKeys(handlers);

  if (!session) {
    return (
      <section className="pane session-pane" aria-label="Checking session">
        {sessionQuery.error ? (
          <p className="pane-message">{sessionQuery.error.message}</p>
        ) : (
          <Spinner label="Loading the session…" />
        )}
      </section>
    );
  }
  const capture = session.captureDocumentId !== null;
  return (
    <section
      ref={pane}
      id="session-workbench"
      className={`pane session-pane ${capture ? 'has-capture' : ''}`}
      aria-label={`Checking session ${session.name}`}
      tabIndex={-1}
      data-session-id={session.id}
    >
      <SessionBar
        session={session}
        elapsedMs={elapsed}
        actions={actions}
        onLeave={leave}
        onSummary={() => dispatch({ type: 'dialog', dialog: 'session-summary' })}
      />
      <CurrentClaim session={session} claim={claim} item={item} index={currentIndex} actions={actions} />
      <div className="session-queue">
        <h3 className="session-queue-title">
          Queue <span className="muted">in order of check-worthiness</span>
        </h3>
        {queue.error ? (
          <p className="pane-message">{queue.error.message}</p>
        ) : (queue.total ?? 0) === 0 ? (
          <p className="session-queue-empty muted">
            {capture ? 'Claims spotted in the capture appear here as they arrive.' : 'No claims in this session.'}
          </p>
        ) : (
          <QueueList queue={queue} currentIndex={currentIndex} onPick={pick} />
        )}
      </div>
      {capture && <CapturePanel session={session} />}
    </section>
  );
}

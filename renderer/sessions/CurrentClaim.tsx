import { CircleCheckBig, Clock3, Flag, Inbox, RotateCcw, SkipForward } from 'lucide-react';
import { VERDICTS, type Claim } from '../../shared/domain';
import type { CheckSession, QueueItem } from '../../shared/sessions';
import { useOperationQuery } from '../api/queries';
import { Button } from '../ui/Button';
import { EmptyState } from '../ui/EmptyState';
import { Kbd } from '../ui/Kbd';
import { VerdictBadge, verdictButtonTitle } from '../ui/Verdict';
import { scoreText, timeOfDay } from './format';
import { QueueStateBadge } from './StateIcon';
import type { SessionActions } from './useSessionActions';

interface CurrentClaimProps {
  session: CheckSession;
  claim: Claim | undefined;
  item: QueueItem | undefined;
  index: number | undefined;
  actions: SessionActions;
}

/** The claim the checker is on, large, with its verdict and the session's one-key decisions. */
export function CurrentClaim({ session, claim, item, index, actions }: CurrentClaimProps) {
  const documents = useOperationQuery('documents.list', {});
  if (!claim) {
    const capture = session.captureDocumentId !== null;
    if (session.status === 'ended') {
      return (
        <div className="session-current session-current-empty">
          <EmptyState icon={<Flag size={26} />} title="This session has ended">
            Its summary lists the figures and what is still open. The queue below is kept as it was.
          </EmptyState>
        </div>
      );
    }
    return (
      <div className="session-current session-current-empty">
        <EmptyState icon={<Inbox size={26} />} title={capture ? 'No claims captured yet' : 'Nothing left in the queue'}>
          {capture
            ? 'Paste or type what is being said in the capture box below; check-worthy sentences join the queue as they arrive.'
            : 'Every claim of this session has been decided. End the session to see its summary.'}
        </EmptyState>
      </div>
    );
  }
  const editable = session.mine && session.status !== 'ended';
  const state = item?.state ?? 'pending';
  const document = documents.data?.find((d) => d.id === claim.documentId);
  const speaker = item?.speaker ?? claim.claimant;
  const capturedAt = item?.capturedAt ?? null;
  return (
    <article className="session-current" aria-label="Current claim" data-claim-id={claim.id} data-testid="current-claim">
      <div className="session-current-head">
        <span className="session-current-position">
          Claim {index === undefined ? '' : (index + 1).toLocaleString()}{' '}
          <span className="muted">of {session.counts.total.toLocaleString()}</span>
        </span>
        <QueueStateBadge state={state} />
        <VerdictBadge verdict={claim.verdict} />
        <span className="score-chip" title="Check-worthiness">
          {scoreText(claim.score)}
        </span>
      </div>
      <p className="session-current-text" title={claim.text}>
        {claim.text}
      </p>
      <p className="session-current-meta">
        {speaker && (
          <span className="session-speaker" data-testid="current-speaker">
            {speaker}
          </span>
        )}
        {document && <span title="Document">{document.title}</span>}
        {capturedAt && <span>captured {timeOfDay(capturedAt)}</span>}
      </p>
      <div className="session-current-controls">
        <div className="session-decisions" role="group" aria-label="Decide">
          {state !== 'pending' && state !== 'later' ? (
            <Button size="sm" disabled={!editable} title="Reopen (r)" onClick={() => actions.act(claim.id, 'reopen')}>
              <RotateCcw size={14} aria-hidden /> Reopen <Kbd>r</Kbd>
            </Button>
          ) : null}
          <Button size="sm" disabled={!editable} title="Needs more time (m)" onClick={() => actions.act(claim.id, 'later')}>
            <Clock3 size={14} aria-hidden /> Needs more time <Kbd>m</Kbd>
          </Button>
          <Button size="sm" disabled={!editable} title="Skip (q)" onClick={() => actions.act(claim.id, 'skip')}>
            <SkipForward size={14} aria-hidden /> Skip <Kbd>q</Kbd>
          </Button>
          <Button
            size="sm"
            variant="primary"
            disabled={!editable}
            title="Done (Enter)"
            onClick={() => actions.act(claim.id, 'done')}
          >
            <CircleCheckBig size={14} aria-hidden /> Done <Kbd>Enter</Kbd>
          </Button>
        </div>
        <span className="session-verdict-hint muted" title={VERDICTS.map(verdictButtonTitle).join('\n')}>
          <Kbd>s</Kbd> <Kbd>d</Kbd> <Kbd>u</Kbd> set the verdict
        </span>
      </div>
    </article>
  );
}

import { useQuery } from '@tanstack/react-query';
import { FileDown } from 'lucide-react';
import { VERDICT_LABELS, VERDICTS } from '../../shared/domain';
import type { OpenItem, SessionSummary } from '../../shared/sessions';
import { operationQuery } from '../api/queries';
import { useWorkbench } from '../app/workbench';
import { useReveal } from '../search/useReveal';
import { Button } from '../ui/Button';
import { DialogActions } from '../ui/DialogActions';
import { Modal } from '../ui/Modal';
import { Spinner } from '../ui/Progress';
import { VerdictIcon } from '../ui/Verdict';
import { duration } from './format';
import { QueueStateBadge } from './StateIcon';
import { useSessionActions } from './useSessionActions';
import './sessions.css';

const OPEN_LIMIT = 50;

/** The figures of a session, shown when it ends and on demand; exportable with the report formats. */
export function SummaryDialog() {
  const { state, dispatch } = useWorkbench();
  const open = state.dialog === 'session-summary' && state.sessionId !== null;
  return (
    <Modal open={open} onOpenChange={(o) => !o && dispatch({ type: 'dialog', dialog: null })} title="Session summary" width={640}>
      {open && state.sessionId && <SummaryBody sessionId={state.sessionId} />}
    </Modal>
  );
}

function SummaryBody({ sessionId }: { sessionId: string }) {
  const { dispatch } = useWorkbench();
  const summary = useQuery({ ...operationQuery('sessions.summary', { id: sessionId, openLimit: OPEN_LIMIT }), staleTime: 0 });
  if (summary.error) return <p className="form-error">{summary.error.message}</p>;
  if (!summary.data) return <Spinner label="Adding up the session…" />;
  const s = summary.data;
  return (
    <div className="summary" data-testid="session-summary">
      <p className="summary-lead">
        <strong>{s.session.name}</strong>
        <span className="muted">
          {' '}
          · {s.session.status === 'ended' ? 'ended' : s.session.status === 'paused' ? 'paused' : 'running'} ·{' '}
          {duration(s.durationMs)}
          {s.session.mine ? '' : ` · ${s.session.ownerName}’s session`}
        </span>
      </p>
      <dl className="summary-figures">
        {s.session.captureDocumentId !== null && <Figure label="Captured" value={s.captured} testId="captured" />}
        <Figure label="Reviewed" value={s.reviewed} testId="reviewed" />
        <Figure label="Skipped" value={s.skipped} testId="skipped" />
        <Figure label="Needs more time" value={s.later} testId="later" />
        <Figure label="Not yet checked" value={s.pending} testId="pending" />
        <Figure label="Duration" value={duration(s.durationMs)} testId="duration" />
        <Figure label="Mean per claim" value={duration(s.meanMsPerClaim)} testId="mean" />
        <Figure label="Median per claim" value={duration(s.medianMsPerClaim)} testId="median" />
      </dl>
      <section aria-labelledby="summary-verdicts">
        <h3 className="section-title" id="summary-verdicts">
          Verdicts given
        </h3>
        <ul className="summary-verdicts">
          {VERDICTS.map((v) => (
            <li key={v} className={`summary-verdict verdict-${v}`} data-testid={`summary-verdict-${v}`}>
              <VerdictIcon verdict={v} size={14} />
              <span>{VERDICT_LABELS[v]}</span>
              <strong className="summary-verdict-value">{s.verdicts[v]}</strong>
            </li>
          ))}
        </ul>
      </section>
      {s.speakers.length > 0 && <p className="summary-speakers muted">Speakers: {s.speakers.join(', ')}</p>}
      <OpenItems summary={s} />
      <DialogActions onSubmit={() => dispatch({ type: 'export-session', sessionId })}>
        <Button onClick={() => dispatch({ type: 'dialog', dialog: null })}>Close</Button>
        <Button variant="primary" type="submit">
          <FileDown size={14} aria-hidden /> Export report…
        </Button>
      </DialogActions>
    </div>
  );
}

function Figure({ label, value, testId }: { label: string; value: number | string; testId: string }) {
  return (
    <div className="summary-figure">
      <dt className="muted">{label}</dt>
      <dd data-testid={`summary-${testId}`}>{typeof value === 'number' ? value.toLocaleString() : value}</dd>
    </div>
  );
}

function OpenItems({ summary }: { summary: SessionSummary }) {
  const { dispatch } = useWorkbench();
  const reveal = useReveal();
  const actions = useSessionActions(summary.session.id);
  const workable = summary.session.mine && summary.session.status !== 'ended';
  const jump = (item: OpenItem) => {
    dispatch({ type: 'dialog', dialog: null });
    if (workable) {
      actions.focus(item.claimId);
      dispatch({ type: 'session', sessionId: summary.session.id, open: true });
    } else {
      dispatch({ type: 'session', sessionId: summary.session.id, open: false });
      void reveal(item.claimId);
    }
  };
  return (
    <section aria-labelledby="summary-open">
      <h3 className="section-title" id="summary-open">
        Open items <span className="muted">({(summary.later + summary.skipped + summary.pending).toLocaleString()})</span>
      </h3>
      {summary.openItems.length === 0 ? (
        <p className="muted summary-none">Nothing left open: every claim of the session is done.</p>
      ) : (
        <ul className="summary-open">
          {summary.openItems.map((item) => (
            <li key={item.claimId}>
              <button type="button" className="summary-open-item" onClick={() => jump(item)} data-claim-id={item.claimId}>
                <QueueStateBadge state={item.state} compact />
                <span className="summary-open-text">{item.text}</span>
                {item.speaker && <span className="summary-open-speaker muted">{item.speaker}</span>}
              </button>
            </li>
          ))}
          {summary.openItemsTruncated && <li className="muted summary-none">…and more; the report lists them all.</li>}
        </ul>
      )}
    </section>
  );
}

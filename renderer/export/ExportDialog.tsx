import { useQuery } from '@tanstack/react-query';
import { CircleCheck, Download, TriangleAlert } from 'lucide-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentSummary } from '../../shared/domain';
import type { CheckSession } from '../../shared/sessions';
import { REPORT_FORMAT_INFO, type ReportFormat, type ReportOptions } from '../../shared/report';
import { call, errorMessage } from '../api/client';
import { useOperationQuery } from '../api/queries';
import { MOD } from '../app/shortcuts';
import { useWorkbench } from '../app/workbench';
import { Button } from '../ui/Button';
import { Modal } from '../ui/Modal';
import { ProgressBar, Spinner } from '../ui/Progress';
import { draftFrom, optionsFrom, problemsOf, type DraftProblems, type ExportDraft } from './draft';
import { ExportForm } from './ExportForm';
import { FieldsToFix } from './FieldsToFix';
import { ReportPreview } from './ReportPreview';
import { offeredSession } from './session-scope';
import { useExportRun, type ExportOutcome, type ExportRun } from './useExportRun';
import { useReportPreview } from './useReportPreview';
import './export.css';
import { countLabel } from '../../shared/text/count-label';

/** The format last exported in this window; the options themselves are remembered per workspace. */
let lastFormat: ReportFormat = 'html';

/**
 * `sessionId` offers that checking session as "This session" and picks it; without it, the
 * dialog offers the session from the workbench state (renderer/export/session-scope.ts).
 */
export function ExportDialog({ sessionId }: { sessionId?: string | null } = {}) {
  const { state, dispatch } = useWorkbench();
  const exportRun = useExportRun();
  const open = state.dialog === 'export-report';
  const offered = sessionId ? { sessionId, pick: true } : offeredSession(state);
  useResultShownOnce(open, exportRun.outcome, exportRun.forgetOutcome);
  return (
    <Modal
      open={open}
      onOpenChange={(o) => !o && dispatch({ type: 'dialog', dialog: null })}
      title="Export report"
      description="Choose what goes into the report; the preview follows your choices. Exports keep running if you close this dialog."
      width={1180}
    >
      {open && (
        <ExportDialogBody key={offered.sessionId ?? ''} {...exportRun} sessionId={offered.sessionId} pickSession={offered.pick} />
      )}
    </Modal>
  );
}

/**
 * An export's result shows in the dialog it finished in, or, when it finished with the dialog closed, the next
 * time the dialog opens; reopened after that, the dialog starts clean (the workspace may have changed since).
 */
function useResultShownOnce(open: boolean, outcome: ExportOutcome, forget: () => void) {
  const seen = useRef<ExportOutcome | null>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    const justOpened = open && !wasOpen.current;
    wasOpen.current = open;
    const hasResult = outcome.done !== null || outcome.error !== null;
    if (justOpened && hasResult && seen.current === outcome) forget();
    else if (open) seen.current = outcome;
  }, [open, outcome, forget]);
}

function ExportDialogBody({
  run,
  outcome,
  start,
  cancel,
  sessionId,
  pickSession,
}: ReturnType<typeof useExportRun> & { sessionId: string | null; pickSession: boolean }) {
  const remembered = useQuery({
    queryKey: ['report.options.get', {}],
    queryFn: () => call('report.options.get', {}),
    staleTime: 0,
    gcTime: 0,
  });
  const session = useOperationQuery('identity.get', {});
  const documents = useOperationQuery('documents.list', {});
  const formats = useOperationQuery('report.formats', {});
  const checkSession = useOperationQuery('sessions.get', { id: sessionId ?? '' }, sessionId !== null);
  // A session that cannot be read (gone, say) is simply not offered.
  const sessionPending = sessionId !== null && checkSession.isPending && !checkSession.error;
  const offered = sessionId !== null && checkSession.data ? checkSession.data : null;
  const draftSession = offered ? { id: offered.id, pick: pickSession } : null;
  if (remembered.error) return <p className="export-problem">{errorMessage(remembered.error)}</p>;
  if (!remembered.data || !session.data || !documents.data || (formats.isPending && !formats.error) || sessionPending) {
    return (
      <div className="export-layout export-layout-loading">
        <Spinner label="Loading your export settings…" />
      </div>
    );
  }
  const unavailable = formats.data?.unavailable ?? {};
  return (
    <ExportEditor
      initial={draftFrom(
        remembered.data,
        unavailable[lastFormat] ? 'html' : lastFormat,
        session.data.author ?? '',
        draftSession,
        documents.data.some((d) => d.checkedCount > 0),
      )}
      documents={documents.data}
      checkSession={offered}
      unavailable={unavailable}
      run={run}
      outcome={outcome}
      onExport={(draft, options) => {
        lastFormat = draft.format;
        void start(draft.format, options);
      }}
      onCancel={cancel}
    />
  );
}

interface ExportEditorProps {
  initial: ExportDraft;
  documents: DocumentSummary[];
  checkSession: CheckSession | null;
  unavailable: Partial<Record<ReportFormat, string>>;
  run: ExportRun;
  outcome: ExportOutcome;
  onExport: (draft: ExportDraft, options: ReportOptions) => void;
  onCancel: () => void;
}

function ExportEditor({ initial, documents, checkSession, unavailable, run, outcome, onExport, onCancel }: ExportEditorProps) {
  const { filter } = useWorkbench();
  const [draft, setDraft] = useState(initial);
  const options = useMemo(() => optionsFrom(draft, filter), [draft, filter]);
  const problems = useMemo(() => problemsOf(draft, options), [draft, options]);
  const valid = Object.keys(problems).length === 0;
  // The preview needs only what the core accepts; a format's own needs (ClaimReview's publisher) do not stop it.
  const previewProblems = useMemo(() => problemsOf({ ...draft, format: 'html' }, options), [draft, options]);
  const preview = useReportPreview(Object.keys(previewProblems).length === 0 ? options : null);
  const formatNote =
    draft.format === 'html' || draft.format === 'pdf'
      ? null
      : draft.format === 'claimreview'
        ? `The preview shows the web page; the ${REPORT_FORMAT_INFO[draft.format].label} holds its decided claims, except any whose teammates' decisions are still in conflict.`
        : `The preview shows the web page; the ${REPORT_FORMAT_INFO[draft.format].label} holds the same claims.`;
  const running = run.phase !== 'idle';

  return (
    <form
      className="export-layout"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid && !running) onExport(draft, options);
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Enter') return;
        if (e.ctrlKey || e.metaKey) {
          e.preventDefault();
          e.currentTarget.requestSubmit();
        } else if (e.target instanceof HTMLInputElement) {
          // Enter in a field must not open the save dialog by surprise; Ctrl/Cmd+Enter exports.
          e.preventDefault();
        }
      }}
    >
      <ExportForm
        draft={draft}
        problems={problems}
        documents={documents}
        filter={filter}
        session={checkSession}
        unavailable={unavailable}
        onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))}
      />
      <div className="export-side">
        {outcome.done && <ExportResult done={outcome.done} />}
        <ReportPreview
          data={preview.data}
          fetching={preview.isFetching}
          error={preview.error ? errorMessage(preview.error) : null}
          formatNote={formatNote}
        />
      </div>
      <ExportFooter run={run} outcome={outcome} problems={problems} format={draft.format} onCancel={onCancel} />
    </form>
  );
}

function ExportFooter({
  run,
  outcome,
  problems,
  format,
  onCancel,
}: {
  run: ExportRun;
  outcome: ExportOutcome;
  problems: DraftProblems;
  format: ReportFormat;
  onCancel: () => void;
}) {
  const valid = Object.keys(problems).length === 0;
  const progress = run.phase === 'running' ? run.progress : null;
  const printing = run.phase === 'running' && run.format === 'pdf' && progress !== null && progress.done >= progress.total;
  return (
    <div className="export-footer">
      <div className="export-footer-status">
        {run.phase === 'running' ? (
          <div className="export-progress" data-testid="export-progress">
            <span className="export-progress-text" aria-live="polite">
              {run.cancelling
                ? 'Cancelling…'
                : printing
                  ? 'Printing the PDF…'
                  : progress
                    ? `Exporting ${progress.done.toLocaleString()} of ${countLabel(progress.total, 'claim')}…`
                    : 'Exporting…'}
            </span>
            <ProgressBar
              label="Export progress"
              value={progress && progress.total > 0 && !printing ? progress.done / progress.total : null}
            />
          </div>
        ) : outcome.error ? (
          <p className="export-problem" role="alert">
            {outcome.error}
          </p>
        ) : valid ? (
          <span className="export-hint">{`Saves a ${REPORT_FORMAT_INFO[format].label} file · ${MOD}+Enter`}</span>
        ) : (
          <FieldsToFix problems={problems} />
        )}
      </div>
      {run.phase === 'running' ? (
        <Button onClick={onCancel} disabled={run.cancelling}>
          Cancel export
        </Button>
      ) : (
        <Button
          type="submit"
          variant="primary"
          disabled={!valid || run.phase === 'choosing'}
          aria-keyshortcuts="Control+Enter Meta+Enter"
        >
          <Download size={14} aria-hidden /> Export…
        </Button>
      )}
    </div>
  );
}

function ExportResult({ done }: { done: NonNullable<ExportOutcome['done']> }) {
  const count = `${done.claimCount.toLocaleString()} ${done.claimCount === 1 ? 'claim' : 'claims'}`;
  return (
    <div className={`export-result ${done.warnings.length ? 'export-result-warned' : ''}`} data-testid="export-result">
      <p className="export-result-line">
        <CircleCheck size={15} className="export-result-icon" aria-hidden />
        <span>
          Saved {count} as {REPORT_FORMAT_INFO[done.format].label} to <span className="export-path">{done.name}</span>
        </span>
      </p>
      {done.warnings.length > 0 && (
        <div className="export-warnings">
          <p className="export-warnings-title">
            <TriangleAlert size={14} aria-hidden /> {done.warnings.length} {done.warnings.length === 1 ? 'warning' : 'warnings'}{' '}
            from the {done.format === 'claimreview' ? 'ClaimReview ' : ''}
            check. The file was written; review these before publishing.
          </p>
          <ul>
            {done.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

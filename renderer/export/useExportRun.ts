import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PageOutput } from '../../shared/api';
import type { ReportFormat, ReportJobProgress, ReportOptions } from '../../shared/report';
import { ApiError, call, errorMessage } from '../api/client';
import { freshAfterWrite } from '../api/queries';
import { useNotify } from '../ui/notices';

const POLL_MS = 200;

export type ExportRun =
  | { phase: 'idle' }
  | { phase: 'choosing' }
  | { phase: 'running'; jobId: string; format: ReportFormat; progress: ReportJobProgress | null; cancelling: boolean };

export interface ExportOutcome {
  /** The last export that finished, with its warnings (shown until the next one starts). */
  done: (PageOutput<'report.export'> & { format: ReportFormat }) | null;
  error: string | null;
}

function newJobId(): string {
  return `export-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * Export… : ask the host where to save, remember the options, run report.export as a job and
 * poll its progress. The core writes the file; the path stays in the core (the page has a token and the file name).
 * Lives above the dialog, so an export keeps running (and reports back) when the dialog closes.
 */
export function useExportRun() {
  const client = useQueryClient();
  const notify = useNotify();
  const [run, setRun] = useState<ExportRun>({ phase: 'idle' });
  const [outcome, setOutcome] = useState<ExportOutcome>({ done: null, error: null });
  const jobId = run.phase === 'running' ? run.jobId : null;

  useEffect(() => {
    if (!jobId) return;
    const timer = window.setInterval(() => {
      call('report.progress', { jobId })
        .then((progress) =>
          setRun((r) => (r.phase === 'running' && r.jobId === jobId && progress.state === 'running' ? { ...r, progress } : r)),
        )
        .catch(() => undefined);
    }, POLL_MS);
    return () => window.clearInterval(timer);
  }, [jobId]);

  const busy = useRef(false);
  const start = useCallback(
    async (format: ReportFormat, options: ReportOptions) => {
      if (busy.current) return;
      busy.current = true;
      setOutcome({ done: null, error: null });
      setRun({ phase: 'choosing' });
      try {
        const { file } = await call('report.chooseTarget', { format });
        if (!file) return;
        await call('report.options.set', { options });
        void freshAfterWrite(client);
        const id = newJobId();
        setRun({ phase: 'running', jobId: id, format, progress: null, cancelling: false });
        const result = await call('report.export', { format, chosen: file.token, options, jobId: id });
        setOutcome({ done: { ...result, format }, error: null });
        notify({
          message: `Exported ${result.claimCount.toLocaleString()} ${result.claimCount === 1 ? 'claim' : 'claims'} to ${result.name}${warningsNote(result.warnings)}`,
          tone: result.warnings.length ? 'warning' : 'info',
        });
      } catch (e) {
        if (e instanceof ApiError && e.code === 'CANCELLED') {
          notify({ message: 'Export cancelled. No file was written.' });
        } else {
          setOutcome({ done: null, error: errorMessage(e) });
          notify({ message: `Export failed: ${errorMessage(e)}`, tone: 'error' });
        }
      } finally {
        busy.current = false;
        setRun({ phase: 'idle' });
      }
    },
    [client, notify],
  );

  const cancel = useCallback(() => {
    if (!jobId) return;
    setRun((r) => (r.phase === 'running' ? { ...r, cancelling: true } : r));
    void call('report.cancel', { jobId }).catch(() => undefined);
  }, [jobId]);

  const forgetOutcome = useCallback(() => setOutcome({ done: null, error: null }), []);

  return { run, outcome, start, cancel, forgetOutcome };
}

/** The export's warnings as the notice says them: the first two in full (each names its claims), then how many more. */
function warningsNote(warnings: readonly string[]): string {
  if (warnings.length === 0) return '';
  // Each warning ends as a sentence, so two in a row read as two.
  const shown = warnings
    .slice(0, 2)
    .map((w) => (/[.!?]$/.test(w) ? w : `${w}.`))
    .join(' ');
  const more = warnings.length > 2 ? ` (${warnings.length - 2} more in the export dialog)` : '';
  return `. ${shown}${more}`;
}

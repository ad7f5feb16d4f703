import { useQueryClient } from '@tanstack/react-query';
import { Ban, CircleAlert, CircleCheck, Clock, Copy, FileUp, FolderOpen, LoaderCircle, TriangleAlert } from 'lucide-react';
import { useEffect, useRef, type ReactNode } from 'react';
import type { DocumentSummary } from '../../shared/domain';
import { useOperationQuery } from '../api/queries';
import { useWorkbench } from '../app/workbench';
import { Button } from '../ui/Button';
import { DialogActions } from '../ui/DialogActions';
import { Modal } from '../ui/Modal';
import { ProgressBar } from '../ui/Progress';
import {
  cancelImport,
  clearImport,
  importChosen,
  importDuplicateAnyway,
  importPicked,
  importRows,
  isBusy,
  skipDuplicate,
  summarise,
  useImportJob,
  type ImportJob,
  type ImportRow,
  type ImportRowState,
} from './importJob';
import './import.css';

export const IMPORT_ACCEPT = '.txt,.text,.md,.markdown,.html,.htm,.xhtml,.docx,.pdf';
export const IMPORT_FORMATS = 'Text (.txt), Markdown (.md), web pages (.html), Word (.docx) and PDF (.pdf)';

/** File ▸ Import…: per-file progress with cancel; the import keeps running if the dialog closes. */
export function ImportDialog() {
  const { state, dispatch } = useWorkbench();
  const client = useQueryClient();
  const job = useImportJob();
  const open = state.dialog === 'import';
  const fileInput = useRef<HTMLInputElement>(null);

  const choose = async () => {
    // The app's own dialog when there is a host; a plain file input otherwise.
    if (!(await importChosen(client))) fileInput.current?.click();
  };
  const chooseRef = useRef(choose);
  useEffect(() => {
    chooseRef.current = choose;
  });
  useEffect(() => {
    if (open && state.pickFileOnOpen && !isBusy()) {
      clearImport();
      void chooseRef.current();
    }
  }, [open, state.pickFileOnOpen]);

  const close = () => {
    dispatch({ type: 'dialog', dialog: null });
    if (!isBusy()) clearImport();
  };
  const openDocument = (id: string) => {
    dispatch({ type: 'scope', documentId: id });
    dispatch({ type: 'view', view: 'document' });
    close();
  };

  return (
    <Modal
      open={open}
      onOpenChange={(o) => !o && close()}
      title="Import documents"
      description={`${IMPORT_FORMATS}. Drop files anywhere on the window, or choose them.`}
      width={620}
    >
      <input
        ref={fileInput}
        type="file"
        multiple
        accept={IMPORT_ACCEPT}
        className="visually-hidden"
        tabIndex={-1}
        aria-label="Files to import"
        data-testid="import-file-input"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          void importPicked(
            client,
            files.map((file) => ({ file })),
          );
        }}
      />
      {job.phase === 'idle' ? <ImportStart onChoose={() => void choose()} /> : <ImportProgress job={job} onOpen={openDocument} />}
      {/* Ctrl/Cmd+Enter: choose files before a batch, Done after one (nothing while one runs). */}
      <DialogActions
        className="form-actions import-actions"
        onSubmit={() => {
          if (job.phase === 'idle') void choose();
          else if (!isBusy(job)) close();
        }}
      >
        {job.phase !== 'idle' && !isBusy(job) && (
          // Straight to the file chooser; the last batch's results stay up until the next batch starts.
          <Button className="form-actions-start" onClick={() => void choose()}>
            <FolderOpen size={15} aria-hidden /> Import more…
          </Button>
        )}
        {isBusy(job) ? (
          <>
            <span className="form-hint muted">Closing this dialog does not stop the import.</span>
            <Button variant="danger" onClick={() => void cancelImport()} disabled={job.phase !== 'running'}>
              Cancel import
            </Button>
          </>
        ) : null}
        <Button
          variant={isBusy(job) ? 'default' : 'primary'}
          type={job.phase === 'finished' ? 'submit' : 'button'}
          onClick={job.phase === 'finished' ? undefined : close}
        >
          {isBusy(job) ? 'Hide' : 'Done'}
        </Button>
      </DialogActions>
    </Modal>
  );
}

function ImportStart({ onChoose }: { onChoose: () => void }) {
  return (
    <div className="import-start">
      <FileUp size={28} aria-hidden className="import-start-icon" />
      <p className="import-start-title">Drop files here</p>
      <p className="muted">Each file becomes a document; its check-worthy sentences become candidate claims.</p>
      <Button variant="primary" onClick={onChoose}>
        <FolderOpen size={15} aria-hidden /> Choose files…
      </Button>
    </div>
  );
}

function ImportProgress({ job, onOpen }: { job: ImportJob; onOpen: (id: string) => void }) {
  const documents = useOperationQuery('documents.list', {});
  const rows = importRows(job);
  const sum = summarise(job);
  const total = job.names.length;
  const progress = job.phase === 'reading' ? null : job.phase === 'finished' && !job.status ? 1 : (job.status?.progress ?? 0);
  const headline =
    job.phase === 'reading'
      ? `Reading ${total.toLocaleString()} ${total === 1 ? 'file' : 'files'}…`
      : job.phase === 'running'
        ? `Importing ${Math.min(total, (job.status?.completed ?? 0) + 1).toLocaleString()} of ${total.toLocaleString()}`
        : job.status?.state === 'cancelled'
          ? 'Import cancelled'
          : 'Import finished';
  return (
    <div className="import-progress">
      <div className="import-headline">
        <strong aria-live="polite">{headline}</strong>
        {job.phase === 'finished' && (
          <span className="muted" data-testid="import-summary">
            {summaryText(sum)}
          </span>
        )}
      </div>
      <ProgressBar value={progress} label="Import progress" />
      {job.error && (
        <p className="form-error" role="alert">
          {job.error}
        </p>
      )}
      <ul className="import-rows" aria-label="Files">
        {rows.map((row) => (
          <ImportRowView key={row.key} row={row} documents={documents.data} onOpen={onOpen} />
        ))}
      </ul>
    </div>
  );
}

function summaryText(s: ReturnType<typeof summarise>): string {
  const parts = [`${s.imported} imported`];
  if (s.duplicates) parts.push(`${s.duplicates} already in the workspace, not imported`);
  if (s.failed) parts.push(`${s.failed} could not be read`);
  parts.push(`${s.claims.toLocaleString()} candidate ${s.claims === 1 ? 'claim' : 'claims'}`);
  return parts.join(' · ');
}

const ROW_ICONS: Record<ImportRowState, ReactNode> = {
  queued: <Clock size={15} aria-hidden />,
  parsing: <LoaderCircle size={15} aria-hidden className="spin" />,
  done: <CircleCheck size={15} aria-hidden />,
  duplicate: <Copy size={15} aria-hidden />,
  failed: <CircleAlert size={15} aria-hidden />,
  cancelled: <Ban size={15} aria-hidden />,
};

function rowText(row: ImportRow, documents: DocumentSummary[] | undefined): string {
  const o = row.outcome;
  const claims = (n: number) => `${n.toLocaleString()} candidate ${n === 1 ? 'claim' : 'claims'}`;
  switch (row.state) {
    case 'queued':
      return 'Waiting';
    case 'parsing':
      return 'Reading the text…';
    case 'done':
      return `Imported · ${claims(o?.claimCount ?? 0)}`;
    case 'duplicate': {
      const title = documents?.find((d) => d.id === o?.duplicateOf)?.title ?? 'another document';
      return row.skipped
        ? `Same text as “${title}”; skipped`
        : `Same text as “${title}” is already in the workspace. Import a second copy?`;
    }
    case 'failed':
      return o?.error?.message ?? 'Could not be imported';
    case 'cancelled':
      return 'Cancelled; nothing was stored';
  }
}

function ImportRowView({
  row,
  documents,
  onOpen,
}: {
  row: ImportRow;
  documents: DocumentSummary[] | undefined;
  onOpen: (id: string) => void;
}) {
  const client = useQueryClient();
  const doc = row.outcome?.document;
  return (
    <li className={`import-row import-${row.state}`} data-state={row.state}>
      <span className="import-row-icon">{ROW_ICONS[row.state]}</span>
      <span className="import-row-body">
        <span className="import-row-name" title={row.name}>
          {row.name}
        </span>
        <span className="import-row-status">{rowText(row, documents)}</span>
        {row.state === 'done' && row.outcome?.warning && (
          <span className="import-row-warning" data-testid="import-warning">
            <TriangleAlert size={13} aria-hidden /> {row.outcome.warning}
          </span>
        )}
      </span>
      {doc && (
        <Button size="sm" variant="ghost" onClick={() => onOpen(doc.id)} aria-label={`Open ${doc.title}`}>
          Open
        </Button>
      )}
      {row.state === 'duplicate' && row.index !== null && !row.skipped && (
        <span className="import-row-ask" role="group" aria-label={`${row.name} is already in the workspace`}>
          <Button size="sm" onClick={() => skipDuplicate(row.index!)}>
            Skip
          </Button>
          <Button size="sm" variant="primary" onClick={() => void importDuplicateAnyway(client, row.index!)}>
            Import anyway
          </Button>
        </span>
      )}
    </li>
  );
}

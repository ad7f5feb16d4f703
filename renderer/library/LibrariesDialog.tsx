import { useQueryClient } from '@tanstack/react-query';
import { BookCheck, FilePlus, FolderOpen, Import, Unlink } from 'lucide-react';
import { useState } from 'react';
import type { LibraryImportProgress, LibraryImportSummary, PageLinkedLibrary } from '../../shared/library-api';
import { call, errorMessage } from '../api/client';
import { freshAfterWrite, useOperationQuery } from '../api/queries';
import { useWorkbench } from '../app/workbench';
import { Button } from '../ui/Button';
import { EmptyState } from '../ui/EmptyState';
import { Modal } from '../ui/Modal';
import { ProgressBar, Spinner } from '../ui/Progress';
import './library.css';
import { count } from '../team/format';

/** File ▸ Fact-check Libraries…: create, link, import into and unlink the libraries this workspace matches against. */
export function LibrariesDialog() {
  const { state, dispatch } = useWorkbench();
  const open = state.dialog === 'libraries';
  return (
    <Modal
      open={open}
      onOpenChange={(o) => !o && dispatch({ type: 'dialog', dialog: null })}
      title="Fact-check libraries"
      description="Published fact-checks kept on this computer. Every claim is matched against the linked libraries, offline."
      width={640}
    >
      {open && <LibrariesPanel />}
    </Modal>
  );
}

type Busy = null | 'creating' | 'linking' | 'importing' | 'unlinking';

function LibrariesPanel() {
  const client = useQueryClient();
  const list = useOperationQuery('libraries.list', {});
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<string | null>(null);
  const [summary, setSummary] = useState<{ library: string; result: LibraryImportSummary } | null>(null);
  const [job, setJob] = useState<LibraryImportProgress | null>(null);

  const run = async (what: Exclude<Busy, null>, work: () => Promise<void>) => {
    setBusy(what);
    setError(null);
    try {
      await work();
      await freshAfterWrite(client);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  const create = () =>
    run('creating', async () => {
      const { file } = await call('libraries.chooseNew', {});
      if (file) await call('libraries.create', { chosen: file.token });
    });
  const link = () =>
    run('linking', async () => {
      const { file } = await call('libraries.chooseExisting', {});
      if (file) await call('libraries.link', { chosen: file.token });
    });
  const importInto = (library: PageLinkedLibrary) =>
    run('importing', async () => {
      const { files } = await call('libraries.chooseImportFiles', {});
      if (!files) return;
      setSummary(null);
      const jobId = crypto.randomUUID();
      setJob({ jobId, state: 'running', file: '', filesDone: 0, filesTotal: files.names.length, itemsDone: 0, itemsTotal: 0 });
      const timer = window.setInterval(() => {
        void call('libraries.importProgress', { jobId }).then((p) => setJob((j) => (j?.jobId === jobId ? p : j)));
      }, 250);
      try {
        setSummary({
          library: library.name,
          result: await call('libraries.import', { library: library.id, chosen: files.token, jobId }),
        });
      } finally {
        window.clearInterval(timer);
        setJob(null);
      }
    });
  const cancelImport = () => {
    if (job) void call('libraries.importCancel', { jobId: job.jobId });
  };
  const unlink = (library: PageLinkedLibrary) =>
    run('unlinking', async () => {
      await call('libraries.unlink', { library: library.id });
    });

  if (list.error) return <p className="form-error">{errorMessage(list.error)}</p>;
  if (!list.data) return <Spinner label="Reading the linked libraries…" />;
  return (
    <div className="form">
      {list.data.length === 0 ? (
        <EmptyState icon={<BookCheck size={28} />} title="No library linked">
          Create a library and import ClaimReview feeds, fact-check pages or a CSV into it, or link one a colleague gave you.
        </EmptyState>
      ) : (
        <ul className="library-list" aria-label="Linked libraries">
          {list.data.map((l) => (
            <li key={l.id} className="library-item">
              <span className="library-name">
                <BookCheck size={14} aria-hidden /> {l.name}
              </span>
              <span className="library-count">{l.reviews === null ? 'unavailable' : count(l.reviews, 'fact-check')}</span>
              <span className="library-path" title={l.location}>
                {l.location}
              </span>
              {l.problem && <span className="form-error">{l.problem}</span>}
              <span className="library-actions">
                <Button size="sm" onClick={() => void importInto(l)} disabled={busy !== null || l.reviews === null}>
                  <Import size={13} aria-hidden /> Import…
                </Button>
                <Button size="sm" variant="ghost" onClick={() => void unlink(l)} disabled={busy !== null}>
                  <Unlink size={13} aria-hidden /> Unlink
                </Button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {busy === 'importing' && (
        <div className="library-progress">
          <ProgressBar value={job && job.itemsTotal > 0 ? job.itemsDone / job.itemsTotal : null} label="Importing fact-checks" />
          <span className="library-progress-text">
            {job?.file ? `${job.file}: ${job.itemsDone.toLocaleString()} of ${job.itemsTotal.toLocaleString()}` : 'Reading…'}
          </span>
          <Button size="sm" variant="ghost" onClick={cancelImport}>
            Cancel
          </Button>
        </div>
      )}
      {summary && <ImportSummary library={summary.library} result={summary.result} />}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <Button onClick={() => void link()} disabled={busy !== null}>
          <FolderOpen size={14} aria-hidden /> Link library…
        </Button>
        <Button variant="primary" onClick={() => void create()} disabled={busy !== null}>
          <FilePlus size={14} aria-hidden /> New library…
        </Button>
      </div>
    </div>
  );
}

function ImportSummary({ library, result }: { library: string; result: LibraryImportSummary }) {
  return (
    <div className="library-summary" role="status">
      <p>
        {library}: {count(result.found, 'fact-check')} read from {count(result.files, 'file')}; {result.added.toLocaleString()}{' '}
        added, {result.updated.toLocaleString()} updated, {result.unchanged.toLocaleString()} unchanged,{' '}
        {result.skipped.length.toLocaleString()} skipped.
      </p>
      {result.skipped.length > 0 && (
        <ul className="library-skipped" aria-label="Skipped items">
          {result.skipped.slice(0, 8).map((s, i) => (
            <li key={i}>
              {s.file} {s.position}: {s.reason}
            </li>
          ))}
          {result.skipped.length > 8 && <li>… and {result.skipped.length - 8} more</li>}
        </ul>
      )}
    </div>
  );
}

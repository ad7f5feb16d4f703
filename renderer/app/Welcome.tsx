import { useQueryClient } from '@tanstack/react-query';
import { FilePlus, FileWarning, FolderOpen } from 'lucide-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { StartupStatus } from '../../shared/workspace-api';
import { onAppEvent } from '../api/client';
import { useOperationMutation, useOperationQuery } from '../api/queries';
import { Button } from '../ui/Button';
import { useNotify } from '../ui/notices';
import { currentHost } from './commandPlaces';
import { WorkspaceDialog } from './WorkspaceDialog';
import './welcome.css';

/** Why each file tried at start was not opened; the file itself is never changed by a refusal. */
function Refusals({ refused }: { refused: StartupStatus['refused'] }) {
  return (
    <ul className="welcome-refusals" aria-label="Workspaces not opened">
      {refused.map((r) => (
        <li key={r.file} className="welcome-refusal" role="alert">
          <FileWarning size={18} aria-hidden className="welcome-refusal-icon" />
          <div>
            <p className="welcome-refusal-message">{r.message}</p>
            <p className="welcome-refusal-file" title={r.file}>
              {r.file}
            </p>
            <p className="welcome-refusal-kept">Claimbench did not change this file.</p>
          </div>
        </li>
      ))}
    </ul>
  );
}

/** No workspace could be opened at start: say which files and why, and offer a new workspace. */
export function Welcome({ status }: { status: StartupStatus }) {
  const startNew = useOperationMutation('workspace.startNew');
  const start = useRef<HTMLButtonElement>(null);
  const browser = currentHost() === 'browser';
  const [opening, setOpening] = useState(false);
  useEffect(() => start.current?.focus(), []);
  return (
    <main className="welcome" aria-labelledby="welcome-title">
      <div className="welcome-card">
        <div className="welcome-brand">
          <span className="brand-mark" aria-hidden>
            C
          </span>
          Claimbench
        </div>
        <h1 id="welcome-title" className="welcome-title">
          No workspace is open
        </h1>
        {status.refused.length > 0 && <Refusals refused={status.refused} />}
        <div className="welcome-actions">
          <Button ref={start} variant="primary" onClick={() => startNew.mutate({})} disabled={startNew.isPending}>
            <FilePlus size={16} aria-hidden />
            Start a new workspace
          </Button>
          {browser ? (
            <Button onClick={() => setOpening(true)}>
              <FolderOpen size={16} aria-hidden />
              Open another workspace…
            </Button>
          ) : (
            <p className="welcome-hint">
              To open another workspace, use File › Open…, or move the file aside and start Claimbench again.
            </p>
          )}
          {startNew.error && (
            <p className="welcome-error" role="alert">
              {startNew.error.message}
            </p>
          )}
        </div>
      </div>
      <WorkspaceDialog kind={opening ? 'open' : null} onClose={() => setOpening(false)} />
    </main>
  );
}

/** Kept for the page's lifetime, reloads included: a refusal is news once, not on every reload. */
const refusalSaidKey = (file: string) => `claimbench.refused-at-start:${file}`;

/**
 * A file refused at start while another workspace opened instead: said once, as a notice, with the
 * way to create it when it is missing.
 */
function RefusedAtStartNotice({ status }: { status: StartupStatus }) {
  const notify = useNotify();
  useEffect(() => {
    if (!status.workspace) return;
    for (const r of status.refused) {
      if (sessionStorage.getItem(refusalSaidKey(r.file))) continue;
      sessionStorage.setItem(refusalSaidKey(r.file), '1');
      const create = r.code === 'NOT_FOUND' ? ' To make a new one, use New workspace… (Ctrl+Shift+N).' : '';
      notify({ tone: 'warning', message: `${r.message} Opened ${status.workspace.name} instead.${create}` });
    }
  }, [notify, status]);
  return null;
}

/** The workbench once a workspace is open; the welcome screen while none is. */
export function WorkspaceGate({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const status = useOperationQuery('workspace.status', {});
  // A workspace opened from the shell's menu (or by Start a new workspace) replaces the welcome screen.
  useEffect(
    () =>
      onAppEvent((event) => {
        if (event === 'workspace-changed') void client.invalidateQueries({ queryKey: ['workspace.status'] });
      }),
    [client],
  );
  if (status.isPending) return null;
  if (status.data && !status.data.workspace) return <Welcome status={status.data} />;
  return (
    <>
      {status.data && <RefusedAtStartNotice status={status.data} />}
      {children}
    </>
  );
}

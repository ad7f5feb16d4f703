import { useQuery, useQueryClient } from '@tanstack/react-query';
import { FolderSync, RefreshCw, TriangleAlert, Unlink } from 'lucide-react';
import { useId, useState } from 'react';
import type { PageOutput } from '../../shared/api';
import { call, errorMessage } from '../api/client';
import { freshAfterWrite, operationQuery, useOperationQuery } from '../api/queries';
import { relativeTime } from '../detail/describeChange';
import { Button } from '../ui/Button';
import { DialogActions } from '../ui/DialogActions';
import { EmptyState } from '../ui/EmptyState';
import { Modal } from '../ui/Modal';
import { useNotify } from '../ui/notices';
import { ProgressBar, Spinner } from '../ui/Progress';
import { Avatar } from './Avatar';
import { count, forgottenUndoCount, forgottenUndoNote, fullTime, shortActorId } from './format';
import { useTeamDialogs } from './useTeamDialogs';
import { KeyConflictsNotice } from './KeyConflictsNotice';
import './team.css';

/** A sync status as a page has it: the folder's display location and file names, no paths. */
type SyncStatus = PageOutput<'team.sync.status'>;

/** File ▸ Sync Folder…: link a folder a sync tool keeps in step, see who is in it, sync now, unlink. */
export function SyncDialog() {
  const { current, close } = useTeamDialogs();
  const open = current === 'sync';
  return (
    <Modal
      open={open}
      onOpenChange={(o) => !o && close()}
      title="Sync folder"
      description="Each person's changes go to their own file in a folder that Syncthing, Dropbox or a network share keeps in step. The workspace itself stays on your disk."
      width={620}
    >
      {open && <SyncPanel />}
    </Modal>
  );
}

type Busy = null | 'linking' | 'syncing' | 'unlinking';

function SyncPanel() {
  const client = useQueryClient();
  const notify = useNotify();
  const { open } = useTeamDialogs();
  // Read afresh each time the dialog opens: another program may have linked the folder (the CLI's
  // `sync --link`, the way in the browser) or a sync tool brought teammates' files since.
  const status = useQuery({ ...operationQuery('team.sync.status', {}), refetchOnMount: 'always' });
  const keys = useOperationQuery('team.keys.list', {});
  const identity = useOperationQuery('identity.get', {});
  // A browser can pick files but never a folder: there the folder is linked from a terminal.
  const noFolderChoice = useOperationQuery('team.syncFolderChoice', {}).data?.unavailable ?? null;
  const inBrowser = noFolderChoice !== null;
  const hintId = useId();
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (what: Exclude<Busy, null>, work: () => Promise<void>) => {
    setBusy(what);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  const store = (s: SyncStatus) => client.setQueryData(['team.sync.status', {}], s);

  const link = () =>
    run('linking', async () => {
      const { folder } = await call('team.chooseSyncFolder', {});
      if (!folder) return;
      store(await call('team.sync.link', { chosen: folder.token }));
    });
  const syncNow = () =>
    run('syncing', async () => {
      const r = await call('team.sync.now', {});
      store(r);
      await freshAfterWrite(client);
      notify({
        message: `Synced: ${count(r.imported, 'change')} in, ${count(r.exported, 'change')} out${
          r.conflicts ? ', with new conflicts to resolve' : ''
        }${r.keyConflicts.length ? `; changes from ${r.keyConflicts.map((c) => c.name).join(', ')} held back (signing key does not match)` : ''}.${forgottenUndoCount(r.undoStepsForgotten)}`,
        ...(r.undoStepsForgotten ? { details: forgottenUndoNote(r.undoStepsForgotten, r.undoForgotten).trim() } : {}),
        tone: r.conflicts || r.keyConflicts.length || r.undoStepsForgotten ? 'warning' : 'info',
        ...(r.conflicts ? { action: { label: 'Resolve', run: () => open('conflicts') } } : {}),
      });
    });
  const unlink = () =>
    run('unlinking', async () => {
      store(await call('team.sync.unlink', {}));
    });

  if (status.error) return <p className="form-error">{errorMessage(status.error)}</p>;
  if (!status.data) return <Spinner label="Reading the sync status…" />;
  const s = status.data;

  return (
    <div className="form">
      <KeyConflictsNotice conflicts={keys.data?.conflicts ?? []} recorded />
      {s.location ? (
        <LinkedStatus status={s} />
      ) : (
        <EmptyState icon={<FolderSync size={28} />} title="No shared folder linked">
          Choose a folder your team already syncs. Claimbench writes your changes there and reads your teammates’.
        </EmptyState>
      )}
      {busy === 'syncing' && <ProgressBar value={null} label="Sync progress" />}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <DialogActions onSubmit={() => busy === null && void (s.location ? syncNow() : !inBrowser && link())}>
        {noFolderChoice !== null && (
          <BrowserLinkHint
            id={hintId}
            reason={noFolderChoice}
            workspace={identity.data?.workspace.location ?? 'WORKSPACE.claimbench'}
            linked={!!s.location}
          />
        )}
        {s.location ? (
          <>
            <Button variant="ghost" onClick={() => void unlink()} disabled={busy !== null} className="team-unlink">
              <Unlink size={14} aria-hidden /> Unlink folder
            </Button>
            <Button
              onClick={() => void link()}
              disabled={busy !== null || inBrowser}
              aria-describedby={inBrowser ? hintId : undefined}
            >
              Change folder…
            </Button>
            <Button variant="primary" type="submit" disabled={busy !== null}>
              <RefreshCw size={14} aria-hidden className={busy === 'syncing' ? 'spin' : undefined} />{' '}
              {busy === 'syncing' ? 'Syncing…' : 'Sync now'}
            </Button>
          </>
        ) : (
          <Button
            variant="primary"
            type="submit"
            disabled={busy !== null || inBrowser}
            aria-describedby={inBrowser ? hintId : undefined}
          >
            <FolderSync size={14} aria-hidden /> Choose shared folder…
          </Button>
        )}
      </DialogActions>
    </div>
  );
}

/**
 * Beside the disabled folder button in the browser: why, and the command that links the folder
 * instead (the README's `claimbench sync WORKSPACE --link DIR`); the dialog shows the link when it
 * opens again.
 */
function BrowserLinkHint({ id, reason, workspace, linked }: { id: string; reason: string; workspace: string; linked: boolean }) {
  return (
    <div className={`form-hint team-browser-link ${linked ? 'is-linked' : ''}`} id={id} data-testid="sync-browser-hint">
      <p>
        {reason} {linked ? 'To link another folder, run' : 'Link one by running'} this in a terminal, then open this dialog again
        {linked ? '' : ' and use Sync now'}:
      </p>
      <code className="team-command">{`claimbench sync "${workspace}" --link FOLDER`}</code>
    </div>
  );
}

function LinkedStatus({ status }: { status: SyncStatus }) {
  const own = status.ownFileName;
  return (
    <div className="team-sync">
      <dl className="team-sync-facts">
        <dt>Folder</dt>
        <dd className="team-path">{status.location}</dd>
        <dt>Last sync</dt>
        <dd>
          {status.lastSyncAt ? (
            <span title={fullTime(status.lastSyncAt)}>
              {relativeTime(status.lastSyncAt)} · {fullTime(status.lastSyncAt)}
            </span>
          ) : (
            <span className="muted">Not yet: choose Sync now</span>
          )}
        </dd>
      </dl>
      <h3 className="section-title">Files in the folder ({status.peers.length})</h3>
      {status.peers.length === 0 ? (
        <p className="muted team-small">No change files yet. Sync now writes yours.</p>
      ) : (
        <ul className="team-peers">
          {status.peers.map((p) => {
            const name = p.name ?? 'Someone new';
            return (
              <li key={p.fileName} className="team-peer" data-testid="sync-peer">
                <Avatar name={p.name ?? '?'} actorId={p.actorId} />
                <span className="team-peer-name">
                  {name}
                  {p.fileName === own && <span className="muted"> (you)</span>}
                </span>
                <span className="team-peer-id muted">{shortActorId(p.actorId)}</span>
                <span className="team-peer-count">{count(p.changes, 'change')}</span>
                {p.problem && (
                  <span className="team-peer-problem">
                    <TriangleAlert size={13} aria-hidden /> Skipped: {p.problem}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

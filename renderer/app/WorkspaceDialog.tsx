import { FolderOpen } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import type { KnownWorkspace } from '../../shared/workspace-api';
import { errorMessage } from '../api/client';
import { useOperationMutation, useOperationQuery } from '../api/queries';
import { Button } from '../ui/Button';
import { Modal } from '../ui/Modal';
import { useNotify } from '../ui/notices';

export type WorkspaceDialogKind = 'new' | 'open';

/**
 * New workspace and Open workspace for the browser host, which has no File menu and no native file
 * dialogs: a new workspace is named here and made in the data folder's Workspaces folder; one to open
 * is picked from the recent ones and those in the data folder. The page never sends a path.
 */
export function WorkspaceDialog({ kind, onClose }: { kind: WorkspaceDialogKind | null; onClose: () => void }) {
  return (
    <Modal
      open={kind !== null}
      onOpenChange={(open) => !open && onClose()}
      title={kind === 'new' ? 'New workspace' : 'Open a workspace'}
      description={
        kind === 'new'
          ? 'A workspace holds one investigation: its documents, claims, verdicts and sources. The one open now is closed (everything in it is already saved).'
          : 'Workspaces you opened recently and those in Claimbench’s data folder. Everything in the open one is already saved.'
      }
      width={480}
    >
      {kind === 'new' && <NewWorkspaceForm onDone={onClose} />}
      {kind === 'open' && <KnownWorkspaceList onDone={onClose} />}
    </Modal>
  );
}

function NewWorkspaceForm({ onDone }: { onDone: () => void }) {
  const create = useOperationMutation('workspace.create');
  const notify = useNotify();
  const [name, setName] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    create.mutate(
      { name: name.trim() },
      {
        onSuccess: (status) => {
          notify({ message: `Created and opened ${status.workspace?.name ?? name.trim()}.` });
          onDone();
        },
      },
    );
  };
  return (
    <form onSubmit={submit} className="form">
      <label className="field">
        <span className="field-label">Name</span>
        <input
          className="field-input"
          type="text"
          value={name}
          autoFocus
          maxLength={120}
          onChange={(e) => setName(e.target.value)}
          placeholder="e.g. Election debate 2026"
        />
      </label>
      <p className="muted workspace-dialog-hint">
        Saved in Claimbench’s data folder, under Workspaces. From a terminal, <code>claimbench init PATH</code> makes one
        anywhere.
      </p>
      {create.error && (
        <p className="form-error" role="alert">
          {errorMessage(create.error)}
        </p>
      )}
      <div className="form-actions">
        <Button type="submit" variant="primary" disabled={!name.trim() || create.isPending}>
          Create and open
        </Button>
      </div>
    </form>
  );
}

function KnownWorkspaceList({ onDone }: { onDone: () => void }) {
  const known = useOperationQuery('workspace.known', {});
  const openKnown = useOperationMutation('workspace.openKnown');
  const notify = useNotify();
  const open = (w: KnownWorkspace) => {
    if (w.open) return onDone();
    openKnown.mutate(
      { id: w.id },
      {
        onSuccess: () => {
          notify({ message: `Opened ${w.name}.` });
          onDone();
        },
      },
    );
  };
  return (
    <div className="form">
      <ul className="workspace-list" aria-label="Workspaces">
        {known.data?.map((w) => (
          <li key={w.id}>
            <button
              type="button"
              className="workspace-list-item"
              aria-current={w.open || undefined}
              disabled={openKnown.isPending}
              onClick={() => open(w)}
            >
              <FolderOpen size={16} aria-hidden />
              <span className="workspace-list-text">
                <span className="workspace-list-name">
                  {w.name}
                  {w.open && <span className="muted"> (open now)</span>}
                </span>
                <span className="workspace-list-folder muted">{w.folder}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
      <p className="muted workspace-dialog-hint">
        A workspace elsewhere on this computer: start Claimbench with its file, <code>npm start -- PATH</code>.
      </p>
      {(openKnown.error ?? known.error) && (
        <p className="form-error" role="alert">
          {errorMessage(openKnown.error ?? known.error)}
        </p>
      )}
    </div>
  );
}

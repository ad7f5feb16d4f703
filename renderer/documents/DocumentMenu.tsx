import * as Menu from '@radix-ui/react-dropdown-menu';
import { Ellipsis } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import type { DeletionImpact, DocumentSummary } from '../../shared/domain';
import { errorMessage } from '../api/client';
import { useOperationMutation, useOperationQuery } from '../api/queries';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { useUndoRedo } from '../app/useUndoRedo';
import { useWorkbench } from '../app/workbench';
import { Button } from '../ui/Button';
import { Modal } from '../ui/Modal';
import { useNotify } from '../ui/notices';

/** Rename and delete for one document. Delete asks first, saying what goes with the document. */
export function DocumentMenu({ document }: { document: DocumentSummary }) {
  const { state, dispatch } = useWorkbench();
  const notify = useNotify();
  const { undo } = useUndoRedo();
  const [renaming, setRenaming] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const impact = useOperationQuery('documents.deletionImpact', { id: document.id }, confirming);
  const [title, setTitle] = useState(document.title);
  const rename = useOperationMutation('documents.rename');
  const remove = useOperationMutation('documents.delete');
  const fail = (e: unknown) => notify({ message: errorMessage(e), tone: 'error' });

  const submitRename = (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) return;
    rename.mutate({ id: document.id, title }, { onSuccess: () => setRenaming(false), onError: fail });
  };

  const onDelete = () =>
    remove.mutate(
      { id: document.id },
      {
        onSuccess: () => {
          if (state.documentId === document.id) dispatch({ type: 'scope', documentId: null });
          notify({ message: `Deleted “${document.title}”.`, action: { label: 'Undo', run: () => void undo() } });
        },
        onError: fail,
      },
    );

  return (
    <>
      <Menu.Root>
        <Menu.Trigger asChild>
          <button type="button" className="btn btn-ghost icon-btn" aria-label={`Actions for ${document.title}`}>
            <Ellipsis size={15} aria-hidden />
          </button>
        </Menu.Trigger>
        <Menu.Portal>
          <Menu.Content className="menu" align="end" sideOffset={4}>
            <Menu.Item
              className="menu-item"
              onSelect={() => {
                setTitle(document.title);
                setRenaming(true);
              }}
            >
              Rename…
            </Menu.Item>
            <Menu.Separator className="menu-separator" />
            <Menu.Item className="menu-item menu-item-danger" onSelect={() => setConfirming(true)}>
              Delete document…
            </Menu.Item>
          </Menu.Content>
        </Menu.Portal>
      </Menu.Root>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Delete “${document.title}”?`}
        cancelLabel="Keep document"
        confirmLabel="Delete document"
        tone="danger"
        onConfirm={onDelete}
        testId="delete-document-confirm"
      >
        <p data-testid="delete-document-impact">{impactText(impact.data)}</p>
        <p className="muted">Undo (Ctrl/Cmd+Z) brings it all back.</p>
      </ConfirmDialog>
      <Modal open={renaming} onOpenChange={setRenaming} title="Rename document" width={420}>
        <form onSubmit={submitRename} className="form">
          <label className="field">
            <span className="field-label">Title</span>
            <input className="field-input" value={title} autoFocus maxLength={2_000} onChange={(e) => setTitle(e.target.value)} />
          </label>
          <div className="form-actions">
            <Button onClick={() => setRenaming(false)}>Cancel</Button>
            <Button type="submit" variant="primary" disabled={!title.trim() || rename.isPending}>
              Rename
            </Button>
          </div>
        </form>
      </Modal>
    </>
  );
}

const count = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** "Its 12 claims go with it, 3 of them with a verdict, and 2 sources and 1 note." */
function impactText(impact: DeletionImpact | undefined): string {
  if (!impact) return 'Counting what goes with it…';
  if (impact.claims === 0) return 'It has no claims.';
  const evidence = [
    impact.sources ? count(impact.sources, 'source', 'sources') : '',
    impact.notes ? count(impact.notes, 'note', 'notes') : '',
  ].filter(Boolean);
  const decided =
    impact.decisions === 0
      ? 'none of them reviewed yet'
      : `${count(impact.decisions, 'decision', 'decisions')} (verdicts) among them`;
  return `${count(impact.claims, 'claim goes', 'claims go')} with it, ${decided}${
    evidence.length ? `, and ${evidence.join(' and ')}` : ''
  }.`;
}

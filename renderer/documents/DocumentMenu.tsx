import * as Menu from '@radix-ui/react-dropdown-menu';
import { Ellipsis } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import type { DocumentSummary } from '../../shared/domain';
import { errorMessage } from '../api/client';
import { useOperationMutation } from '../api/queries';
import { useUndoRedo } from '../app/useUndoRedo';
import { useWorkbench } from '../app/workbench';
import { Button } from '../ui/Button';
import { Modal } from '../ui/Modal';
import { useNotify } from '../ui/notices';

/** Rename and delete for one document. Both are undoable, so delete asks no question. */
export function DocumentMenu({ document }: { document: DocumentSummary }) {
  const { state, dispatch } = useWorkbench();
  const notify = useNotify();
  const { undo } = useUndoRedo();
  const [renaming, setRenaming] = useState(false);
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
            <Menu.Item className="menu-item menu-item-danger" onSelect={onDelete}>
              Delete document
            </Menu.Item>
          </Menu.Content>
        </Menu.Portal>
      </Menu.Root>
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

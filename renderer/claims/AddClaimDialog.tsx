import { useState, type FormEvent } from 'react';
import { errorMessage } from '../api/client';
import { useOperationMutation } from '../api/queries';
import { useWorkbench } from '../app/workbench';
import { Button } from '../ui/Button';
import { Modal } from '../ui/Modal';
import { useNotify } from '../ui/notices';

/** Add a claim the sentence splitter missed; it joins the selected document, or stands alone. */
export function AddClaimDialog() {
  const { state, pages, dispatch } = useWorkbench();
  const notify = useNotify();
  const [text, setText] = useState('');
  const [claimant, setClaimant] = useState('');
  const add = useOperationMutation('claims.add');
  const open = state.dialog === 'add-claim';
  const close = () => {
    dispatch({ type: 'dialog', dialog: null });
    setText('');
    setClaimant('');
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    const lastIndex = pages.total ?? 0;
    add.mutate(
      { text, claimant: claimant.trim() || undefined, documentId: state.documentId ?? undefined },
      {
        onSuccess: (claim) => {
          close();
          // Manual claims sort last in their document, so the new one is the last row.
          dispatch({ type: 'select', index: lastIndex, id: claim.id });
        },
        onError: (err) => notify({ message: errorMessage(err), tone: 'error' }),
      },
    );
  };

  return (
    <Modal
      open={open}
      onOpenChange={(o) => !o && close()}
      title="Add a claim"
      description={state.documentId ? 'It is added to the selected document.' : 'It is added without a document.'}
    >
      <form onSubmit={submit} className="form">
        <label className="field">
          <span className="field-label">Claim</span>
          <textarea
            className="field-input"
            rows={3}
            value={text}
            maxLength={20_000}
            autoFocus
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit(e);
            }}
            placeholder="The statement to check, as written"
          />
        </label>
        <label className="field">
          <span className="field-label">Claimant (optional)</span>
          <input
            className="field-input"
            type="text"
            value={claimant}
            maxLength={2_000}
            onChange={(e) => setClaimant(e.target.value)}
            placeholder="Who makes this claim?"
          />
        </label>
        <div className="form-actions">
          <Button onClick={close}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={!text.trim() || add.isPending}>
            {add.isPending ? 'Adding…' : 'Add claim'}
          </Button>
        </div>
      </form>
    </Modal>
  );
}

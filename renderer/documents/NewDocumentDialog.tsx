import { FolderOpen } from 'lucide-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { call, errorMessage } from '../api/client';
import { useOperationMutation } from '../api/queries';
import { useWorkbench } from '../app/workbench';
import { Button } from '../ui/Button';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { Modal } from '../ui/Modal';
import { ProgressBar, Spinner } from '../ui/Progress';
import { useNotify } from '../ui/notices';
import { useUndoRedo } from '../app/useUndoRedo';
import { readFileBytes, type FileBytes } from '../import/fileBytes';
import { titleFromFileName } from './fileTitle';

/**
 * New document from pasted text or a text file; its sentences become candidate claims. A file's
 * bytes go to the core, which detects the encoding and shows the text it read; unless the text is
 * then edited, the document is made from those same bytes, exactly as an import would make it.
 */
export function NewDocumentDialog() {
  const { state, dispatch, refs } = useWorkbench();
  const open = state.dialog === 'new-document';
  const notify = useNotify();
  const { undo } = useUndoRedo();
  const create = useOperationMutation('documents.createFromText');
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [origin, setOrigin] = useState<string | undefined>(undefined);
  const [file, setFile] = useState<FileBytes | null>(null);
  const [reading, setReading] = useState<number | null>(null);
  const [duplicate, setDuplicate] = useState<{ id: string; title: string } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const reset = () => {
    setTitle('');
    setText('');
    setOrigin(undefined);
    setFile(null);
    setReading(null);
  };
  const close = () => {
    dispatch({ type: 'dialog', dialog: null });
    reset();
  };

  useEffect(() => {
    if (open && state.pickFileOnOpen) fileInput.current?.click();
  }, [open, state.pickFileOnOpen]);

  const onFile = async (picked: File | undefined) => {
    if (!picked) return;
    setReading(0);
    try {
      const bytes = await readFileBytes(picked, (f) => setReading(f * 0.5));
      const read = await call('ingest.readText', bytes);
      setText(read.text);
      setFile(bytes);
      setOrigin(picked.name);
      if (!title.trim()) setTitle(read.title ?? titleFromFileName(picked.name));
    } catch (e) {
      notify({ message: errorMessage(e), tone: 'error' });
    } finally {
      setReading(null);
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  const store = (allowDuplicate: boolean) => {
    if (!text.trim() || create.isPending) return;
    create.mutate(
      {
        ...(file ? { file } : { text }),
        title: title.trim() || undefined,
        origin,
        ...(allowDuplicate ? { allowDuplicate } : {}),
      },
      {
        onSuccess: ({ document, claimCount, skipped }) => {
          // The same content is already here: nothing was stored; ask before adding a second copy.
          if (skipped) {
            setDuplicate({ id: document.id, title: document.title });
            return;
          }
          close();
          dispatch({ type: 'scope', documentId: document.id });
          refs.claimList.current?.focus();
          const found = `${claimCount.toLocaleString()} candidate ${claimCount === 1 ? 'claim' : 'claims'} found.`;
          notify({
            message: `Added “${document.title}”${allowDuplicate ? ' as a second copy' : ''}. ${found}`,
            action: { label: 'Undo', run: () => void undo() },
          });
        },
        onError: (err) => notify({ message: errorMessage(err), tone: 'error' }),
      },
    );
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    store(false);
  };
  const skipDuplicate = () => {
    const existing = duplicate;
    setDuplicate(null);
    if (!existing) return;
    close();
    dispatch({ type: 'scope', documentId: existing.id });
    notify({ message: `Skipped: this text is already in the workspace as “${existing.title}”.` });
  };

  const busy = create.isPending || reading !== null;
  const duplicateQuestion = (
    <ConfirmDialog
      open={duplicate !== null}
      onOpenChange={(o) => !o && setDuplicate(null)}
      title="Already in the workspace"
      cancelLabel="Skip"
      confirmLabel="Import anyway"
      onCancel={skipDuplicate}
      onConfirm={() => {
        setDuplicate(null);
        store(true);
      }}
      testId="duplicate-confirm"
    >
      <p>
        The same text is already here as “{duplicate?.title}”. Skip it and open that document, or import a second copy with its
        own claims?
      </p>
    </ConfirmDialog>
  );
  return (
    <Modal
      open={open}
      onOpenChange={(o) => !o && !create.isPending && close()}
      title="New document"
      description="Paste the text of an article, or open a text file in any encoding. Sentences that state checkable facts become claims; you can add any other sentence yourself."
      width={640}
    >
      <form onSubmit={submit} className="form">
        <label className="field">
          <span className="field-label">Title (optional)</span>
          <input
            className="field-input"
            type="text"
            value={title}
            maxLength={2_000}
            onChange={(e) => setTitle(e.target.value)}
            placeholder="If left empty: the headline (a short first line)"
          />
        </label>
        <label className="field">
          <span className="field-label">Text</span>
          <textarea
            className="field-input document-text-input"
            value={text}
            autoFocus
            onChange={(e) => {
              setText(e.target.value);
              setOrigin(undefined);
              setFile(null);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit(e);
            }}
            placeholder="Paste the article here"
            spellCheck={false}
          />
        </label>
        {reading !== null && <ProgressBar value={reading} label="Reading file" />}
        <div className="form-actions">
          <input
            ref={fileInput}
            type="file"
            accept=".txt,.md,text/plain,text/markdown"
            className="visually-hidden"
            tabIndex={-1}
            aria-label="Text file to open"
            onChange={(e) => void onFile(e.target.files?.[0])}
          />
          <Button onClick={() => fileInput.current?.click()} disabled={busy} className="form-actions-start">
            <FolderOpen size={15} aria-hidden /> Open text file…
          </Button>
          <span className="form-hint muted">
            {text ? `${text.length.toLocaleString()} characters${origin ? ` from ${origin}` : ''}` : ''}
          </span>
          <Button onClick={close} disabled={create.isPending}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" disabled={!text.trim() || busy}>
            {create.isPending ? <Spinner label="Finding claims…" /> : 'Create document'}
          </Button>
        </div>
      </form>
      {duplicateQuestion}
    </Modal>
  );
}

import { FileText, FolderOpen, Paperclip, Trash } from 'lucide-react';
import { memo, useRef, useState, type ClipboardEvent, type DragEvent } from 'react';
import type { Claim } from '../../shared/domain';
import { MAX_ATTACHMENT_BYTES } from '../../shared/evidence-api';
import type { Attachment } from '../../shared/evidence';
import { call, errorMessage } from '../api/client';
import { useOperationMutation } from '../api/queries';
import { Button } from '../ui/Button';
import { IconButton } from '../ui/IconButton';
import { ProgressBar, Spinner } from '../ui/Progress';
import { useNotify } from '../ui/notices';
import { fileToBase64, formatBytes } from './format';
import { useEvidence, useFail } from './useEvidence';
import './evidence.css';

export const ATTACH_INPUT_ID = 'attachment-file-input';

/** Files dropped, pasted (e.g. a screenshot) or chosen, stored in the workspace by SHA-256. */
export const AttachmentsSection = memo(function AttachmentsSection({ claim }: { claim: Claim }) {
  const evidence = useEvidence(claim);
  const add = useOperationMutation('attachments.add');
  const fileInput = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);

  const attach = async (files: File[]) => {
    if (files.length === 0) return;
    setError(null);
    setBusy({ done: 0, total: files.length });
    const problems: string[] = [];
    for (const [i, file] of files.entries()) {
      const name = file.name || `pasted-${new Date().toISOString().replace(/[:.]/g, '-')}.${file.type.split('/')[1] ?? 'bin'}`;
      if (file.size > MAX_ATTACHMENT_BYTES) {
        problems.push(`“${name}” is ${formatBytes(file.size)}; attachments can be at most ${formatBytes(MAX_ATTACHMENT_BYTES)}.`);
      } else {
        try {
          await add.mutateAsync({ claimId: claim.id, name, mime: file.type || undefined, base64: await fileToBase64(file) });
        } catch (e) {
          problems.push(`“${name}”: ${errorMessage(e)}`);
        }
      }
      setBusy({ done: i + 1, total: files.length });
    }
    setBusy(null);
    if (problems.length) setError(problems.join(' '));
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void attach([...e.dataTransfer.files]);
  };
  const onPaste = (e: ClipboardEvent) => {
    const files = [...e.clipboardData.files];
    if (files.length) {
      e.preventDefault();
      void attach(files);
    }
  };

  const items = evidence.data?.attachments;
  return (
    <div className="evidence-block">
      {evidence.isPending ? (
        <Spinner label="Loading attachments…" />
      ) : items && items.length > 0 ? (
        <ul className="attachment-list" aria-label="Attachments">
          {items.map((a) => (
            <AttachmentItem key={a.id} attachment={a} />
          ))}
        </ul>
      ) : null}
      <div
        className={`drop-zone ${dragging ? 'is-dragging' : ''}`}
        tabIndex={0}
        role="group"
        aria-label="Attach files: drop them here, paste a screenshot, or choose files"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        onPaste={onPaste}
      >
        <Paperclip size={14} aria-hidden />
        <span className="drop-zone-text">Drop files or paste a screenshot here, or</span>
        <Button size="sm" onClick={() => fileInput.current?.click()} disabled={busy !== null}>
          <FolderOpen size={13} aria-hidden /> Choose files…
        </Button>
        <input
          id={ATTACH_INPUT_ID}
          ref={fileInput}
          type="file"
          multiple
          className="visually-hidden"
          tabIndex={-1}
          aria-label="Choose files to attach"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            void attach(files);
          }}
        />
      </div>
      {busy && <ProgressBar value={busy.done / busy.total} label={`Attaching ${busy.done + 1} of ${busy.total}`} />}
      {error && (
        <p className="evidence-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
});

function AttachmentItem({ attachment: a }: { attachment: Attachment }) {
  const fail = useFail();
  const notify = useNotify();
  const remove = useOperationMutation('attachments.delete');
  const [opening, setOpening] = useState(false);
  const open = async () => {
    setOpening(true);
    try {
      await call('attachments.open', { id: a.id });
    } catch (e) {
      notify({ message: `Could not open “${a.name}”: ${errorMessage(e)}`, tone: 'error' });
    } finally {
      setOpening(false);
    }
  };
  return (
    <li className="attachment-item">
      <FileText size={15} aria-hidden className="attachment-icon" />
      <div className="attachment-body">
        <span className="attachment-name" title={a.name}>
          {a.name}
        </span>
        <span className="attachment-meta">
          {a.kind.toUpperCase()} · {formatBytes(a.size)} ·{' '}
          <span className="sha" title={`SHA-256 ${a.sha256}`}>
            SHA-256 {a.sha256.slice(0, 12)}
          </span>
        </span>
      </div>
      <Button
        size="sm"
        onClick={() => void open()}
        disabled={!a.viewable || opening}
        title={a.viewable ? 'Open in the system viewer' : 'This kind of file is kept, but never opened by Claimbench'}
      >
        Open
      </Button>
      <IconButton
        label={`Remove attachment ${a.name}`}
        icon={<Trash size={13} />}
        onClick={() => remove.mutate({ id: a.id }, { onError: fail })}
      />
    </li>
  );
}

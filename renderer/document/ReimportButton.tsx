import { FileDiff } from 'lucide-react';
import { useRef } from 'react';
import type { DocumentRecord } from '../../shared/domain';
import { errorMessage } from '../api/client';
import { useOperationMutation } from '../api/queries';
import { useUndoRedo } from '../app/useUndoRedo';
import { readFileBytes } from '../import/fileBytes';
import { IconButton } from '../ui/IconButton';
import { useNotify } from '../ui/notices';

/** Replace the document's text with an edited version; claims follow their quotes into it. */
export function ReimportButton({ document: doc }: { document: DocumentRecord }) {
  const input = useRef<HTMLInputElement>(null);
  const notify = useNotify();
  const { undo } = useUndoRedo();
  const replace = useOperationMutation('documents.replaceText');

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      const r = await replace.mutateAsync({ id: doc.id, file: await readFileBytes(file) });
      notify({
        tone: r.orphans.length > 0 ? 'warning' : 'info',
        message:
          r.orphans.length > 0
            ? `Text replaced. ${r.reanchored} ${r.reanchored === 1 ? 'claim' : 'claims'} found again; ${r.orphans.length} could not be placed (listed above the text).`
            : r.reanchored === 1
              ? 'Text replaced. The claim found its place again.'
              : `Text replaced. All ${r.reanchored.toLocaleString()} claims found their place again.`,
        action: { label: 'Undo', run: () => void undo() },
      });
    } catch (e) {
      notify({ message: errorMessage(e), tone: 'error' });
    }
  };

  return (
    <>
      <input
        ref={input}
        type="file"
        accept=".txt,.md,text/plain"
        className="visually-hidden"
        tabIndex={-1}
        aria-label="Edited text file"
        data-testid="reimport-input"
        onChange={(e) => {
          void onFile(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      <IconButton
        label="Replace the text with an edited version (.txt)"
        icon={<FileDiff size={16} />}
        disabled={replace.isPending}
        onClick={() => input.current?.click()}
      />
    </>
  );
}

import { Trash } from 'lucide-react';
import { memo, useRef, useState } from 'react';
import { z } from 'zod';
import type { Claim } from '../../shared/domain';
import { errorMessage } from '../api/client';
import { useOperationMutation } from '../api/queries';
import { MOD } from '../app/shortcuts';
import { focusHome } from '../ui/focusHome';
import { relativeTime } from '../detail/describeChange';
import { Button } from '../ui/Button';
import { IconButton } from '../ui/IconButton';
import { Kbd } from '../ui/Kbd';
import { Spinner } from '../ui/Progress';
import { useEvidence, useFail } from './useEvidence';
import { DraftShelf, useUnsentDraft } from '../ui/unsentDrafts';
import './evidence.css';

export const NOTE_INPUT_ID = 'note-input';

/** Notes typed but not yet added, per claim; kept across a reload or a crash. */
const unsentNotes = new DraftShelf<string>({ key: 'notes', schema: z.string() });
const noNote = () => '';
const isBlankNote = (note: string) => note === '';

/** The comment thread on a claim: author, time, text; oldest first like a conversation. */
export const NotesSection = memo(function NotesSection({ claim }: { claim: Claim }) {
  const evidence = useEvidence(claim);
  const add = useOperationMutation('notes.add');
  const remove = useOperationMutation('notes.delete');
  const fail = useFail();
  const [draft, setDraft] = useUnsentDraft(unsentNotes, claim.id, noNote, isBlankNote);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const submit = () => {
    if (!draft.trim()) return;
    const sent = draft;
    // Emptied and left at once, not when the core answers: a key pressed meanwhile is a command on the list, never
    // half in the box and half a command. If the core refuses, the note comes back unless something was typed since.
    setDraft('');
    setError(null);
    if (document.activeElement === input.current) focusHome();
    add.mutate(
      { claimId: claim.id, text: sent },
      {
        onError: (e) => {
          setDraft((now) => (now === '' ? sent : now));
          setError(errorMessage(e));
        },
      },
    );
  };
  const notes = evidence.data?.notes;
  return (
    <div className="evidence-block">
      {evidence.isPending ? (
        <Spinner label="Loading notes…" />
      ) : notes && notes.length > 0 ? (
        <ol className="note-list" aria-label="Notes">
          {notes.map((n) => (
            <li key={n.id} className="note-item">
              <div className="note-head">
                <span className="note-author">{n.author || 'Someone'}</span>
                <time className="note-time" dateTime={n.createdAt} title={new Date(n.createdAt).toLocaleString()}>
                  {relativeTime(n.createdAt)}
                </time>
                <IconButton
                  label="Delete note"
                  className="note-delete"
                  icon={<Trash size={12} />}
                  onClick={() => remove.mutate({ id: n.id }, { onError: fail })}
                />
              </div>
              <p className="note-text">{n.text}</p>
            </li>
          ))}
        </ol>
      ) : (
        <p className="evidence-empty">No notes yet. Leave one for whoever checks this next.</p>
      )}
      <div className="evidence-form">
        <label className="visually-hidden" htmlFor={NOTE_INPUT_ID}>
          Add a note
        </label>
        <textarea
          id={NOTE_INPUT_ID}
          ref={input}
          className="field-input"
          rows={2}
          maxLength={20_000}
          placeholder="Add a note…"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              submit();
            } else if (e.key === 'Escape') input.current?.blur();
          }}
        />
        <div className="evidence-form-row end">
          <Button size="sm" variant="primary" onClick={submit} disabled={!draft.trim() || add.isPending}>
            Add note <Kbd>{`${MOD}+Enter`}</Kbd>
          </Button>
        </div>
        {error && (
          <p className="evidence-error" role="alert">
            {error}
          </p>
        )}
      </div>
    </div>
  );
});

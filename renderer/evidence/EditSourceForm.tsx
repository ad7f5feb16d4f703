import { Pencil } from 'lucide-react';
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { z } from 'zod';
import type { Source } from '../../shared/evidence';
import { errorMessage } from '../api/client';
import { useOperationMutation } from '../api/queries';
import { MOD } from '../app/shortcuts';
import { Button } from '../ui/Button';
import { Kbd } from '../ui/Kbd';
import { DraftShelf, useUnsentDraft } from '../ui/unsentDrafts';
import { SourceField } from './SourceField';

/** What the edit form holds: every editable field of a source as the checker types it. */
interface Draft {
  url: string;
  title: string;
  publisher: string;
  publishedAt: string;
  accessedAt: string;
  archiveUrl: string;
  excerpt: string;
}

/** The fields sources.update takes, with null clearing a nullable one. */
interface SourcePatch {
  url?: string | null;
  title?: string;
  publisher?: string | null;
  publishedAt?: string | null;
  accessedAt?: string | null;
  archiveUrl?: string | null;
  excerpt?: string;
}

const NULLABLE = new Set<keyof Draft>(['url', 'publisher', 'publishedAt', 'accessedAt', 'archiveUrl']);

function draftOf(source: Source): Draft {
  return {
    url: source.url ?? '',
    title: source.title,
    publisher: source.publisher ?? '',
    publishedAt: source.publishedAt ?? '',
    accessedAt: source.accessedAt ?? '',
    archiveUrl: source.archiveUrl ?? '',
    excerpt: source.excerpt,
  };
}

/** Only the fields the checker changed, trimmed; an emptied field is cleared. */
function changedFields(before: Draft, after: Draft): SourcePatch {
  const patch: Record<string, string | null> = {};
  for (const key of Object.keys(after) as (keyof Draft)[]) {
    const value = after[key].trim();
    if (value === before[key].trim()) continue;
    patch[key] = value === '' && NULLABLE.has(key) ? null : value;
  }
  return patch as SourcePatch;
}

/**
 * A date input holds only YYYY-MM-DD; a stored month, year or time ("2024-05") would show as blank and be
 * lost on save, so such a date is edited as text.
 */
const dateFieldType = (stored: string | null): 'date' | 'text' =>
  !stored || /^\d{4}-\d{2}-\d{2}$/.test(stored) ? 'date' : 'text';

/** An edit under way: the source as it was when the form opened, and what the checker has typed since. */
interface OpenEdit {
  original: Draft;
  draft: Draft;
}

const draftSchema = z.object({
  url: z.string(),
  title: z.string(),
  publisher: z.string(),
  publishedAt: z.string(),
  accessedAt: z.string(),
  archiveUrl: z.string(),
  excerpt: z.string(),
});

/**
 * Source edits left open, per source: the form is open again, as it was, when its claim is shown again,
 * also after a reload or a crash.
 */
export const sourceEdits = new DraftShelf<OpenEdit>({
  key: 'source-edits',
  schema: z.object({ original: draftSchema, draft: draftSchema }),
});
const keptWhileOpen = () => false;

/**
 * A source turned into a form in its place: Save sends what changed, Cancel leaves the source as it was, Esc leaves
 * the form open with what was typed (or closes it when nothing was).
 */
export function EditSourceForm({ source, name, onClose }: { source: Source; name: string; onClose: () => void }) {
  // An edit left open on this claim and found again when the claim is shown keeps the keyboard where it was (on the
  // list, so j and k go on moving); only an edit just opened takes it.
  const [reopened] = useState(() => sourceEdits.has(source.id));
  const [edit, setEdit] = useUnsentDraft(
    sourceEdits,
    source.id,
    () => {
      const original = draftOf(source);
      return { original, draft: original };
    },
    keptWhileOpen,
  );
  const { original, draft } = edit;
  const close = () => {
    sourceEdits.discard(source.id);
    onClose();
  };
  const [error, setError] = useState<string | null>(null);
  const update = useOperationMutation('sources.update');
  const firstField = useRef<HTMLDivElement>(null);
  const fieldId = useId();
  const errorId = useId();
  const passage = original.excerpt.trim() !== '';

  useEffect(() => {
    if (reopened) return;
    const field = firstField.current?.querySelector<HTMLInputElement | HTMLTextAreaElement>('input, textarea');
    if (!field) return;
    field.focus();
    // A long link reads from its start (its host), not scrolled to its end where the caret would put it. A url
    // input takes no selection range, so it is turned to text for that moment.
    const type = field.getAttribute('type');
    if (type === 'url') field.setAttribute('type', 'text');
    field.setSelectionRange(0, 0);
    if (type === 'url') field.setAttribute('type', 'url');
    field.scrollLeft = 0;
  }, [reopened]);

  const set = (key: keyof Draft) => (value: string) => {
    setEdit((e) => ({ ...e, draft: { ...e.draft, [key]: value } }));
    if (error) setError(null);
  };

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    const patch = changedFields(original, draft);
    if (Object.keys(patch).length === 0) return close();
    update.mutate({ id: source.id, patch }, { onSuccess: close, onError: (err) => setError(errorMessage(err)) });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== 'Escape' || e.nativeEvent.isComposing) return;
    // With something typed, Esc leaves the field as everywhere else (the keymap's "leave the field") and the edit
    // stays open with what was typed; only Cancel throws typing away. With nothing typed, it closes the form and
    // focus goes back to this source's Edit button.
    if (Object.keys(changedFields(original, draft)).length > 0) return;
    e.preventDefault();
    e.stopPropagation();
    close();
  };

  const field = (key: keyof Draft, label: string, type: 'text' | 'url' | 'date', placeholder?: string) => (
    <SourceField
      id={`${fieldId}-${key}`}
      label={label}
      type={type}
      placeholder={placeholder}
      value={draft[key]}
      onChange={set(key)}
    />
  );

  return (
    <form
      className="evidence-form source-edit-form"
      aria-label={`Edit source ${name}`}
      aria-describedby={error ? errorId : undefined}
      onSubmit={submit}
      onKeyDown={onKeyDown}
    >
      <span className="field-label">
        <Pencil size={12} aria-hidden /> Edit source
      </span>
      <div className="origin-fields" ref={firstField}>
        {passage ? (
          <div className="origin-field wide">
            {/* Beside the textarea, not around it: a wrapping label would lend the passage to its name. */}
            <label className="origin-label" htmlFor={`${fieldId}-excerpt`}>
              Passage
            </label>
            <textarea
              id={`${fieldId}-excerpt`}
              className="field-input"
              rows={3}
              maxLength={200_000}
              value={draft.excerpt}
              onChange={(e) => set('excerpt')(e.target.value)}
            />
          </div>
        ) : (
          field('url', 'Link', 'url', 'https://…')
        )}
        {field('title', 'Title', 'text', 'Title (optional)')}
        {passage && field('url', 'Link to the passage', 'url', 'https://…')}
        {field('publisher', 'Publisher', 'text', 'e.g. Reuters')}
        {field('publishedAt', 'Published', dateFieldType(source.publishedAt))}
        {field('accessedAt', 'Accessed', dateFieldType(source.accessedAt))}
        {field('archiveUrl', 'Archived copy', 'url', 'https://web.archive.org/…')}
      </div>
      {error && (
        <p id={errorId} className="evidence-error" role="alert">
          {error}
        </p>
      )}
      <div className="evidence-form-row end">
        <Button size="sm" onClick={close}>
          Cancel <Kbd>Esc</Kbd>
        </Button>
        <Button type="submit" size="sm" variant="primary" disabled={update.isPending}>
          Save <Kbd>{`${MOD}+Enter`}</Kbd>
        </Button>
      </div>
    </form>
  );
}

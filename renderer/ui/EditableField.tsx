import { useEffect, useId, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { SuggestionList } from './SuggestionList';

interface EditableFieldProps {
  label: string;
  value: string;
  /** Called with the new value when the user leaves the field after changing it. */
  onCommit: (next: string) => void;
  multiline?: boolean;
  placeholder?: string;
  /** Reject blank values (the previous value comes back). */
  required?: boolean;
  /** Applies to the multi-line variant (the one other code focuses). */
  inputRef?: Ref<HTMLTextAreaElement>;
  /** Where focus goes after Ctrl/Cmd+Enter or Escape (both save, as leaving the field does). */
  onDone?: () => void;
  className?: string;
  maxLength?: number;
  /** Values offered as the person types (the single-line variant): they can still type anything else. */
  suggestions?: readonly string[];
}

const SAVE_SHOWN_MS = 3_000;

/**
 * A field that saves when you leave it. While you type, the draft is yours; the stored value
 * shows again once you leave, so an undo from elsewhere is visible immediately.
 */
export function EditableField({
  label,
  value,
  onCommit,
  multiline = false,
  placeholder,
  required = false,
  inputRef,
  onDone,
  className,
  maxLength,
  suggestions,
}: EditableFieldProps) {
  const id = useId();
  const listId = `${id}-suggestions`;
  const [draft, setDraftState] = useState<string | null>(null);
  // Mirrors `draft` so blur after Enter/Escape (same tick, stale closure) sees the field as settled.
  const live = useRef<string | null>(null);
  const setDraft = (next: string | null) => {
    live.current = next;
    setDraftState(next);
  };

  // What was just saved shows until the stored value arrives, so the text never blinks back to the old one
  // while the save is on its way; if it never arrives (the save failed and said so), the stored value returns.
  const [saved, setSaved] = useState<{ text: string; over: string } | null>(null);
  const saving = saved && saved.over === value ? saved.text : null;
  useEffect(() => {
    if (saved === null) return;
    const timer = setTimeout(() => setSaved(null), SAVE_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [saved]);

  const commit = () => {
    const current = live.current;
    if (current === null) return;
    const next = multiline ? current : current.trim();
    setDraft(null);
    if (next === value || (required && !next.trim())) return;
    setSaved({ text: next, over: value });
    onCommit(next);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      // Esc leaves the field as a click elsewhere does: what was typed is kept, never thrown away.
      e.preventDefault();
      e.stopPropagation();
      commit();
      onDone?.();
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey || !multiline)) {
      e.preventDefault();
      commit();
      onDone?.();
    }
  };

  const common = {
    id,
    className: `field-input ${className ?? ''}`,
    value: draft ?? saving ?? value,
    placeholder,
    maxLength,
    onFocus: () => setDraft(saving ?? value),
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onBlur: commit,
    onKeyDown,
  };
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {multiline ? (
        <textarea rows={2} spellCheck ref={inputRef} {...common} />
      ) : (
        <input type="text" list={suggestions?.length ? listId : undefined} autoComplete="off" {...common} />
      )}
      {!multiline && <SuggestionList id={listId} values={suggestions} />}
    </div>
  );
}

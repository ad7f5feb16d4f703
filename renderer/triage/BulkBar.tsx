import * as Popover from '@radix-ui/react-popover';
import { Tag, Trash, UserRound, X } from 'lucide-react';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { VERDICT_LABELS, VERDICTS } from '../../shared/domain';
import { Button } from '../ui/Button';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { Kbd } from '../ui/Kbd';
import { VERDICT_KEYS, VerdictIcon, verdictButtonTitle } from '../ui/Verdict';
import { countLabel } from '../../shared/text/count-label';
import { SuggestionList } from '../ui/SuggestionList';
import { useAssigneeSuggestions } from './useAssigneeSuggestions';
import { useBulk } from './useBulk';
import './triage.css';
import { returnFocusHome } from '../ui/focusHome';

export const BULK_ASSIGN_ID = 'bulk-assign-trigger';
export const BULK_TAG_ID = 'bulk-tag-trigger';
export const BULK_DELETE_ID = 'bulk-delete-trigger';

/** Shown while claims are marked: verdict, assign, tag and delete (after asking) for all of them at once. */
export function BulkBar() {
  const bulk = useBulk();
  const people = useAssigneeSuggestions();
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const n = bulk.marked.length;
  if (n === 0) return null;
  const count = countLabel(n, 'claim');
  return (
    <div className="bulk-bar" role="toolbar" aria-label={`Actions for ${n} selected claims`}>
      <span className="bulk-count" aria-live="polite">
        {n.toLocaleString()} selected
      </span>
      <div className="bulk-actions">
        {VERDICTS.map((v) => (
          <Button
            key={v}
            size="sm"
            className={`bulk-verdict verdict-${v}`}
            title={verdictButtonTitle(v)}
            aria-keyshortcuts={VERDICT_KEYS[v]}
            onClick={() => bulk.setVerdict(v)}
          >
            <VerdictIcon verdict={v} size={13} />
            {VERDICT_LABELS[v]}
            <Kbd>{VERDICT_KEYS[v].toUpperCase()}</Kbd>
          </Button>
        ))}
        <TextAction
          triggerId={BULK_ASSIGN_ID}
          icon={<UserRound size={13} aria-hidden />}
          label="Assign"
          field="Assign to"
          placeholder="Name (empty to unassign)"
          suggestions={people}
          onSubmit={(v) => bulk.assign(v.trim() || null)}
        />
        <TextAction
          triggerId={BULK_TAG_ID}
          icon={<Tag size={13} aria-hidden />}
          label="Tag"
          field="Add tags"
          placeholder="Comma-separated"
          onSubmit={(v) =>
            bulk.tag(
              v
                .split(',')
                .map((t) => t.trim())
                .filter(Boolean),
            )
          }
        />
        <Button id={BULK_DELETE_ID} size="sm" className="bulk-delete" onClick={() => setConfirmingDelete(true)}>
          <Trash size={13} aria-hidden />
          Delete…
        </Button>
      </div>
      <ConfirmDialog
        open={confirmingDelete}
        onOpenChange={setConfirmingDelete}
        title={`Delete ${count}?`}
        cancelLabel="Keep them"
        confirmLabel={`Delete ${count}`}
        tone="danger"
        onConfirm={bulk.remove}
        testId="bulk-delete-confirm"
      >
        <p>Their verdicts, sources and notes go with them.</p>
        <p className="muted">Undo (Ctrl/Cmd+Z) brings them all back.</p>
      </ConfirmDialog>
      <Button size="sm" variant="ghost" className="bulk-clear" onClick={bulk.clear} aria-label="Clear the selection">
        <X size={13} aria-hidden /> Clear
      </Button>
    </div>
  );
}

function TextAction(props: {
  triggerId: string;
  icon: ReactNode;
  label: string;
  field: string;
  placeholder: string;
  suggestions?: readonly string[];
  onSubmit: (value: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState('');
  const id = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onSubmit(value);
    setValue('');
    setOpen(false);
  };
  return (
    <Popover.Root open={open} onOpenChange={setOpen}>
      <Popover.Trigger asChild>
        <button id={props.triggerId} type="button" className="btn btn-default btn-sm">
          {props.icon}
          {props.label}…
        </button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          className="popover bulk-popover"
          sideOffset={6}
          aria-label={props.field}
          onCloseAutoFocus={returnFocusHome}
        >
          <form onSubmit={submit} className="bulk-form">
            <label htmlFor={id} className="field-label">
              {props.field}
            </label>
            <input
              id={id}
              className="field-input"
              autoFocus
              maxLength={600}
              list={props.suggestions?.length ? `${id}-suggestions` : undefined}
              autoComplete="off"
              placeholder={props.placeholder}
              value={value}
              onChange={(e) => setValue(e.target.value)}
            />
            <SuggestionList id={`${id}-suggestions`} values={props.suggestions} />
            <Button size="sm" variant="primary" type="submit">
              {props.label}
            </Button>
          </form>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}

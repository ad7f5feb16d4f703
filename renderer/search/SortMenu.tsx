import * as Popover from '@radix-ui/react-popover';
import { ArrowDownUp, Check } from 'lucide-react';
import { useState } from 'react';
import { CLAIM_SORTS, type ClaimSort } from '../../shared/evidence';
import { useWorkbench } from '../app/workbench';
import './search.css';
import { returnFocusHome } from '../ui/focusHome';

export const SORT_TRIGGER_ID = 'claims-sort-trigger';

const SORT_LABELS: Record<ClaimSort, string> = {
  document: 'Document order',
  score: 'Check-worthiness',
  date: 'Newest first',
};

export function SortMenu() {
  const { state, dispatch } = useWorkbench();
  const [open, setOpen] = useState(false);
  const sort = state.triage.sort;
  return (
    <Popover.Root open={open} onOpenChange={setOpen}>
      <Popover.Trigger asChild>
        <button
          id={SORT_TRIGGER_ID}
          type="button"
          className="btn btn-ghost btn-sm toolbar-chip"
          aria-label={`Sort: ${SORT_LABELS[sort]}`}
          title={`Sort: ${SORT_LABELS[sort]}`}
          aria-keyshortcuts="o"
        >
          <ArrowDownUp size={14} aria-hidden />
          <span className="sort-label">{SORT_LABELS[sort]}</span>
        </button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          className="popover sort-popover"
          align="end"
          sideOffset={6}
          aria-label="Sort claims"
          onCloseAutoFocus={returnFocusHome}
        >
          <div role="radiogroup" aria-label="Sort claims by">
            {CLAIM_SORTS.map((s) => (
              <button
                key={s}
                type="button"
                role="radio"
                aria-checked={sort === s}
                className="sort-option"
                onClick={() => {
                  dispatch({ type: 'triage', action: { type: 'sort', sort: s } });
                  setOpen(false);
                }}
              >
                <Check size={13} aria-hidden className="sort-check" />
                {SORT_LABELS[s]}
              </button>
            ))}
          </div>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}

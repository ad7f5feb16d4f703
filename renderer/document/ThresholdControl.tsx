import { useQuery } from '@tanstack/react-query';
import { Info } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import { errorMessage } from '../api/client';
import { useOperationMutation } from '../api/queries';
import { Tooltip } from '../ui/Tooltip';
import { useNotify } from '../ui/notices';
import { useUndoRedo } from '../app/useUndoRedo';
import { thresholdQuery } from './useDocumentData';

const EXPLANATION =
  'One threshold for the whole workspace: sentences scoring at or above it are candidate claims, in new ' +
  'imports and in every document already here, not only the one on screen. Lower it to catch more, raise it for fewer; a claim anyone has worked on (verdict, ' +
  'rationale, source, note, tag, assignment, edit) is never removed. One undo step. Remembered for this workspace.';

const claims = (n: number) => `${n.toLocaleString()} candidate ${n === 1 ? 'claim' : 'claims'}`;

/** The threshold is the workspace's: say that it reached every document, not only the one on screen. */
export function thresholdReach(documents: number): string {
  return documents === 1 ? 'in the only document' : `across all ${documents.toLocaleString()} documents`;
}

/** "3 candidate claims added, 5 removed; 2 kept because someone worked on them." */
export function describeReapplied(r: { added: number; removed: number; kept: number }): string | null {
  const moved = [r.added ? `${claims(r.added)} added` : '', r.removed ? `${r.removed.toLocaleString()} removed` : '']
    .filter(Boolean)
    .join(', ');
  const kept = r.kept ? `${r.kept.toLocaleString()} kept because someone worked on ${r.kept === 1 ? 'it' : 'them'}` : '';
  if (!moved && !kept) return null;
  return `${[moved, kept].filter(Boolean).join('; ')}.`;
}

/** The check-worthiness threshold: a slider saved (per workspace) shortly after it stops moving. */
export function ThresholdControl() {
  const id = useId();
  const notify = useNotify();
  const { undo } = useUndoRedo();
  const stored = useQuery(thresholdQuery);
  const save = useOperationMutation('spotting.setThreshold');
  const [draft, setDraft] = useState<number | null>(null);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  if (!stored.data) return null;
  const { threshold, defaultThreshold } = stored.data;
  const value = draft ?? threshold;

  const commit = (next: number | null) => {
    window.clearTimeout(timer.current);
    save.mutate(
      { threshold: next },
      {
        onSettled: () => setDraft(null),
        onSuccess: (r) => {
          const what = describeReapplied(r.reapplied);
          if (what)
            notify({
              message: `Threshold ${r.threshold.toFixed(2)} ${thresholdReach(r.reapplied.documents)}: ${what}`,
              action: { label: 'Undo', run: () => void undo() },
            });
        },
        onError: (e) => notify({ message: errorMessage(e), tone: 'error' }),
      },
    );
  };
  const change = (next: number) => {
    setDraft(next);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => commit(next), 400);
  };

  return (
    <div className="threshold" data-testid="threshold">
      <label htmlFor={id} className="threshold-label">
        Threshold
      </label>
      <input
        id={id}
        type="range"
        min={0}
        max={1}
        step={0.01}
        value={value}
        aria-valuetext={`${value.toFixed(2)}${value === defaultThreshold ? ' (default)' : ''}`}
        onChange={(e) => change(Number(e.target.value))}
      />
      <output htmlFor={id} className="threshold-value" data-testid="threshold-value">
        {value.toFixed(2)}
      </output>
      {Math.abs(value - defaultThreshold) > 1e-9 ? (
        <button
          type="button"
          className="threshold-reset"
          onClick={() => {
            setDraft(defaultThreshold);
            commit(null);
          }}
        >
          Default {defaultThreshold.toFixed(2)}
        </button>
      ) : (
        <span className="threshold-default muted">default</span>
      )}
      <Tooltip content={<span className="threshold-tip">{EXPLANATION}</span>}>
        <button type="button" className="btn btn-ghost icon-btn threshold-info" aria-label="What the threshold does">
          <Info size={14} aria-hidden />
        </button>
      </Tooltip>
    </div>
  );
}

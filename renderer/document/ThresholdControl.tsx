import { useQuery } from '@tanstack/react-query';
import { Info } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import { errorMessage } from '../api/client';
import { useOperationMutation } from '../api/queries';
import { Tooltip } from '../ui/Tooltip';
import { useNotify } from '../ui/notices';
import { thresholdQuery } from './useDocumentData';

const EXPLANATION =
  'Sentences scoring at or above the threshold become candidate claims when a document is imported. ' +
  'In the document view they are underlined with dots until they are claims. Lower it to catch more, ' +
  'raise it for fewer. Remembered for this workspace.';

/** The check-worthiness threshold: a slider saved (per workspace) shortly after it stops moving. */
export function ThresholdControl() {
  const id = useId();
  const notify = useNotify();
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

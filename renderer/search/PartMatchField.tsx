import { useId } from 'react';
import { countLabel } from '../../shared/text/count-label';
import { valuesMatching, type ValueCount } from './part-match';

interface PartMatchFieldProps {
  id: string;
  /** What one value is called, for the placeholder and the hints ("claimant", "tag"). */
  noun: string;
  /** The testid stem of the field's lists: `${testId}-counts` and `${testId}-matches`. */
  testId: string;
  value: string;
  known: readonly ValueCount[] | undefined;
  maxLength: number;
  onChange: (value: string) => void;
}

/**
 * A filter field that takes part of a value: it offers the values in use with their claim counts, and under a
 * part of several lists them to pick from (a part of one means that one: `resolvePart`).
 */
export function PartMatchField({ id, noun, testId, value, known, maxLength, onChange }: PartMatchFieldProps) {
  const listId = useId();
  const typed = value.trim();
  const matches = valuesMatching(typed, known ?? []);
  const exact = isExact(typed, matches);
  return (
    <>
      <input
        id={id}
        list={listId}
        autoComplete="off"
        value={value}
        maxLength={maxLength}
        placeholder={known?.length ? countLabel(known.length, noun) : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      <datalist id={listId} data-testid={`${testId}-counts`}>
        {known?.map((c) => (
          <option key={c.value} value={c.value} label={`${c.value} (${c.count})`} />
        ))}
      </datalist>
      {typed && !exact && known && (
        <div className="filter-hint" role="status" data-testid={`${testId}-matches`}>
          {matches.length === 0 ? (
            <span>
              No {noun} named “{typed}” here.
            </span>
          ) : (
            <>
              <span>
                {matches.length === 1
                  ? `Will filter by this ${noun}:`
                  : `${matches.length.toLocaleString()} ${noun}s match; pick one:`}
              </span>
              {matches.slice(0, 5).map((m) => (
                <button key={m.value} type="button" className="filter-hint-pick" onClick={() => onChange(m.value)}>
                  {m.value} ({m.count})
                </button>
              ))}
              {matches.length > 5 && <span>and {matches.length - 5} more</span>}
            </>
          )}
        </div>
      )}
    </>
  );
}

function isExact(typed: string, matches: readonly ValueCount[]): boolean {
  return matches.length === 1 && matches[0]!.value.toLocaleLowerCase() === typed.toLocaleLowerCase();
}

/**
 * What a typed part means when the filters are applied: the one value it matches, the part itself when it
 * matches none (the filter then finds nothing, as typed), or null while it matches several (wait for a pick).
 */
export function resolvePart(typed: string, known: readonly ValueCount[] | undefined): string | null {
  const t = typed.trim();
  if (!t || !known) return t;
  const matches = valuesMatching(t, known);
  if (matches.length === 1) return matches[0]!.value;
  return matches.length === 0 ? t : null;
}

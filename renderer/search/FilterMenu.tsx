import * as Popover from '@radix-ui/react-popover';
import { ListFilter } from 'lucide-react';
import { useId, useState, type FormEvent } from 'react';
import { NOT_REVIEWED, VERDICT_FILTERS, verdictExplained, verdictFilterLabel, type VerdictFilter } from '../../shared/domain';
import { countLabel } from '../../shared/text/count-label';
import { useOperationQuery } from '../api/queries';
import { useWorkbench } from '../app/workbench';
import { activeFilterCount, type ListFilters } from '../triage/state';
import { Button } from '../ui/Button';
import { SuggestionList } from '../ui/SuggestionList';
import { claimantsMatching } from './claimant-match';
import './search.css';
import { returnFocusHome } from '../ui/focusHome';

export const FILTER_TRIGGER_ID = 'claims-filter-trigger';
const UNASSIGNED = '\u0000unassigned';

interface Draft {
  verdict: VerdictFilter | '';
  documentId: string;
  claimant: string;
  assignee: string;
  tag: string;
  noSource: boolean;
}

/** Filter by verdict, document, claimant, assignee, tag and "no source yet"; applied with Enter or Apply. */
export function FilterMenu() {
  const { state, dispatch } = useWorkbench();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<Draft | null>(null);
  const documents = useOperationQuery('documents.list', {}, open);
  const claimants = useOperationQuery('claims.claimants', state.documentId ? { documentId: state.documentId } : {}, open);
  const assignees = useOperationQuery('claims.assignees', {}, open);
  const ids = {
    verdict: useId(),
    verdictMeaning: useId(),
    document: useId(),
    claimant: useId(),
    claimants: useId(),
    assignee: useId(),
    tag: useId(),
    noSource: useId(),
  };
  const f = state.triage.filters;
  const current: Draft = {
    verdict: state.verdict ?? '',
    documentId: state.documentId ?? '',
    claimant: f.claimant ?? '',
    assignee: f.assignee === null ? UNASSIGNED : (f.assignee ?? ''),
    tag: f.tag ?? '',
    noSource: f.noSource ?? false,
  };
  const d = draft ?? current;
  const set = (patch: Partial<Draft>) => setDraft({ ...d, ...patch });
  const count = activeFilterCount(f, state.verdict);

  const apply = (next: Draft) => {
    const filters: ListFilters = {
      claimant: next.claimant,
      assignee: next.assignee === UNASSIGNED ? null : next.assignee,
      tag: next.tag,
      noSource: next.noSource,
    };
    if ((next.documentId || null) !== state.documentId) dispatch({ type: 'scope', documentId: next.documentId || null });
    if ((next.verdict || null) !== state.verdict) dispatch({ type: 'verdict', verdict: next.verdict || null });
    dispatch({ type: 'triage', action: { type: 'filters', filters } });
  };
  const typed = d.claimant.trim();
  const matches = claimantsMatching(typed, claimants.data ?? []);
  const exact = matches.length === 1 && matches[0]!.claimant.toLocaleLowerCase() === typed.toLocaleLowerCase();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // A part of one claimant's name ("Rathbun") means that claimant; a part of several waits for a pick.
    if (typed && !exact && matches.length > 1) return;
    apply(matches.length === 1 ? { ...d, claimant: matches[0]!.claimant } : d);
    setOpen(false);
  };
  const clear = () => {
    const empty: Draft = { verdict: '', documentId: '', claimant: '', assignee: '', tag: '', noSource: false };
    setDraft(empty);
    apply(empty);
  };

  return (
    <Popover.Root
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        setDraft(null);
      }}
    >
      <Popover.Trigger asChild>
        <button
          id={FILTER_TRIGGER_ID}
          type="button"
          className={`btn btn-ghost btn-sm toolbar-chip ${count ? 'is-active' : ''}`}
          title={count ? `${countLabel(count, 'filter')} active` : 'Filter the claims'}
          aria-keyshortcuts="f"
        >
          <ListFilter size={14} aria-hidden />
          <span>Filter</span>
          {count > 0 && (
            <span className="toolbar-chip-count">
              <span className="visually-hidden">, active: </span>
              {count}
            </span>
          )}
        </button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          className="popover filter-popover"
          align="start"
          sideOffset={6}
          aria-label="Filter claims"
          onCloseAutoFocus={returnFocusHome}
        >
          <form onSubmit={submit} className="filter-form">
            <label htmlFor={ids.verdict}>Verdict</label>
            <select
              id={ids.verdict}
              value={d.verdict}
              aria-describedby={ids.verdictMeaning}
              onChange={(e) => set({ verdict: e.target.value as VerdictFilter | '' })}
            >
              <option value="">Any verdict</option>
              {VERDICT_FILTERS.map((v) => (
                <option key={v} value={v}>
                  {verdictFilterLabel(v)}
                </option>
              ))}
            </select>
            {/* The two a first-day checker confuses, or the meaning of the one chosen. */}
            <p className="filter-hint filter-verdict-meaning" id={ids.verdictMeaning} data-testid="verdict-meaning">
              {d.verdict ? verdictExplained(d.verdict) : `${verdictExplained('unverified')}. ${verdictExplained(NOT_REVIEWED)}.`}
            </p>
            <label htmlFor={ids.document}>Document</label>
            <select id={ids.document} value={d.documentId} onChange={(e) => set({ documentId: e.target.value })}>
              <option value="">All documents</option>
              {documents.data?.map((doc) => (
                <option key={doc.id} value={doc.id}>
                  {doc.title}
                </option>
              ))}
            </select>
            <label htmlFor={ids.claimant}>Claimant</label>
            <input
              id={ids.claimant}
              list={ids.claimants}
              value={d.claimant}
              maxLength={2_000}
              placeholder={claimants.data?.length ? countLabel(claimants.data.length, 'claimant') : undefined}
              onChange={(e) => set({ claimant: e.target.value })}
            />
            <datalist id={ids.claimants} data-testid="claimant-counts">
              {claimants.data?.map((c) => (
                <option key={c.claimant} value={c.claimant} label={`${c.claimant} (${c.count})`} />
              ))}
            </datalist>
            {typed && !exact && claimants.data && (
              <div className="filter-hint" role="status" data-testid="claimant-matches">
                {matches.length === 0 ? (
                  <span>No claimant named “{typed}” here.</span>
                ) : (
                  <>
                    <span>{matches.length === 1 ? 'Apply filters by' : 'Pick one:'}</span>
                    {matches.slice(0, 5).map((m) => (
                      <button
                        key={m.claimant}
                        type="button"
                        className="filter-hint-pick"
                        onClick={() => set({ claimant: m.claimant })}
                      >
                        {m.claimant} ({m.count})
                      </button>
                    ))}
                    {matches.length > 5 && <span>and {matches.length - 5} more</span>}
                  </>
                )}
              </div>
            )}
            <label htmlFor={ids.assignee}>Assignee</label>
            <div className="filter-inline">
              <input
                id={ids.assignee}
                list={`${ids.assignee}-suggestions`}
                autoComplete="off"
                value={d.assignee === UNASSIGNED ? '' : d.assignee}
                disabled={d.assignee === UNASSIGNED}
                maxLength={120}
                onChange={(e) => set({ assignee: e.target.value })}
              />
              <label className="check">
                <input
                  type="checkbox"
                  checked={d.assignee === UNASSIGNED}
                  onChange={(e) => set({ assignee: e.target.checked ? UNASSIGNED : '' })}
                />
                Unassigned
              </label>
              <SuggestionList
                id={`${ids.assignee}-suggestions`}
                values={assignees.data?.filter((a) => a.count > 0).map((a) => a.name)}
              />
            </div>
            <label htmlFor={ids.tag}>Tag</label>
            <input id={ids.tag} value={d.tag} maxLength={60} onChange={(e) => set({ tag: e.target.value })} />
            <span />
            <label className="check" htmlFor={ids.noSource}>
              <input
                id={ids.noSource}
                type="checkbox"
                checked={d.noSource}
                onChange={(e) => set({ noSource: e.target.checked })}
              />
              No source yet
            </label>
            <div className="filter-actions">
              <Button size="sm" variant="ghost" onClick={clear}>
                Clear all
              </Button>
              <Button size="sm" variant="primary" type="submit">
                Apply
              </Button>
            </div>
          </form>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}

import * as Popover from '@radix-ui/react-popover';
import { ListFilter } from 'lucide-react';
import { useId, useState, type FormEvent } from 'react';
import { VERDICT_FILTERS, verdictExplained, verdictFilterLabel, type VerdictFilter } from '../../shared/domain';
import { countLabel } from '../../shared/text/count-label';
import { useOperationQuery } from '../api/queries';
import { useWorkbench } from '../app/workbench';
import { activeFilterCount, type ListFilters } from '../triage/state';
import { Button } from '../ui/Button';
import { SuggestionList } from '../ui/SuggestionList';
import { PartMatchField, resolvePart } from './PartMatchField';
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
  const tags = useOperationQuery('claims.tags', state.documentId ? { documentId: state.documentId } : {}, open);
  const assignees = useOperationQuery('claims.assignees', {}, open);
  const claimantCounts = claimants.data?.map((c) => ({ value: c.claimant, count: c.count }));
  const tagCounts = tags.data?.map((t) => ({ value: t.tag, count: t.count }));
  const ids = {
    verdict: useId(),
    verdictMeaning: useId(),
    document: useId(),
    claimant: useId(),
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
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // A part of one claimant's name ("Rathbun") or one tag means that one; a part of several waits for a pick.
    const claimant = resolvePart(d.claimant, claimantCounts);
    const tag = resolvePart(d.tag, tagCounts);
    if (claimant === null || tag === null) return;
    apply({ ...d, claimant, tag });
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
            {/* Every state a line each, or the meaning of the one chosen. */}
            <p className="filter-hint filter-verdict-meaning" id={ids.verdictMeaning} data-testid="verdict-meaning">
              {(d.verdict ? [d.verdict] : VERDICT_FILTERS).map((v) => (
                <span key={v}>{verdictExplained(v)}</span>
              ))}
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
            <PartMatchField
              id={ids.claimant}
              noun="claimant"
              testId="claimant"
              value={d.claimant}
              known={claimantCounts}
              maxLength={2_000}
              onChange={(claimant) => set({ claimant })}
            />
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
            <PartMatchField
              id={ids.tag}
              noun="tag"
              testId="tag"
              value={d.tag}
              known={tagCounts}
              maxLength={60}
              onChange={(tag) => set({ tag })}
            />
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

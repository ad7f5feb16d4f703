import { verdictFilterLabel } from '../../shared/domain';
import { useWorkbench } from '../app/workbench';
import { cleanFilters, type ListFilters } from '../triage/state';

interface Chip {
  key: string;
  text: string;
  remove(): void;
}

/** One removable chip per active filter of the claim list (the document scope shows in the pane title). */
export function FilterChips() {
  const { state, dispatch } = useWorkbench();
  const filters = cleanFilters(state.triage.filters);
  const without = (key: keyof ListFilters) => () => {
    const next = { ...filters };
    delete next[key];
    dispatch({ type: 'triage', action: { type: 'filters', filters: next } });
  };
  const chips: Chip[] = [];
  if (state.verdict) {
    chips.push({
      key: 'verdict',
      text: `Only ${verdictFilterLabel(state.verdict)}`,
      remove: () => dispatch({ type: 'verdict', verdict: null }),
    });
  }
  if (filters.claimant) chips.push({ key: 'claimant', text: `Claimant: ${filters.claimant}`, remove: without('claimant') });
  if (filters.assignee !== undefined) {
    chips.push({
      key: 'assignee',
      text: filters.assignee === null ? 'Unassigned' : `Assigned to ${filters.assignee}`,
      remove: without('assignee'),
    });
  }
  if (filters.tag) chips.push({ key: 'tag', text: `Tag: ${filters.tag}`, remove: without('tag') });
  if (filters.noSource) chips.push({ key: 'noSource', text: 'No source yet', remove: without('noSource') });
  return (
    <div className="filter-chips" role="group" aria-label="Active filters">
      {chips.map((chip) => (
        <button
          key={chip.key}
          type="button"
          className="chip"
          data-testid={`filter-chip-${chip.key}`}
          title={`${chip.text} (click to remove)`}
          onClick={chip.remove}
        >
          <span className="chip-text">{chip.text}</span> <span aria-hidden>×</span>
          <span className="visually-hidden"> (remove)</span>
        </button>
      ))}
    </div>
  );
}

import type { VerdictFilter } from '../../shared/domain';
import type { ClaimSort } from '../../shared/evidence';

/** The list filters beyond scope, verdict and text (claims.list's evidence-era filters). */
export interface ListFilters {
  claimant?: string;
  /** A name, or null for "unassigned". */
  assignee?: string | null;
  tag?: string;
  noSource?: boolean;
}

export interface TriageState {
  filters: ListFilters;
  sort: ClaimSort;
  /** The multi-selection (ids), separate from the focused claim. */
  marked: string[];
}

export const initialTriage: TriageState = { filters: {}, sort: 'document', marked: [] };

export type TriageAction =
  | { type: 'filters'; filters: ListFilters }
  | { type: 'sort'; sort: ClaimSort }
  | { type: 'mark'; ids: string[] }
  | { type: 'toggle'; id: string }
  | { type: 'add-marks'; ids: string[] };

export function reduceTriage(state: TriageState, action: TriageAction): TriageState {
  switch (action.type) {
    case 'filters':
      return { ...state, filters: cleanFilters(action.filters) };
    case 'sort':
      return { ...state, sort: action.sort };
    case 'mark':
      return { ...state, marked: [...new Set(action.ids)] };
    case 'toggle':
      return {
        ...state,
        marked: state.marked.includes(action.id) ? state.marked.filter((m) => m !== action.id) : [...state.marked, action.id],
      };
    case 'add-marks': {
      const next = new Set(state.marked);
      for (const id of action.ids) next.add(id);
      return next.size === state.marked.length ? state : { ...state, marked: [...next] };
    }
  }
}

/** Drops empty values so `{}` means "no filter" everywhere (query keys, saved view). */
export function cleanFilters(f: ListFilters): ListFilters {
  const out: ListFilters = {};
  if (f.claimant?.trim()) out.claimant = f.claimant.trim();
  if (f.assignee === null) out.assignee = null;
  else if (f.assignee?.trim()) out.assignee = f.assignee.trim();
  if (f.tag?.trim()) out.tag = f.tag.trim();
  if (f.noSource) out.noSource = true;
  return out;
}

/** Filters that narrow the list, each with its removable chip; the document in view is shown by the pane title instead. */
export function activeFilterCount(f: ListFilters, verdict: VerdictFilter | null): number {
  return Object.keys(cleanFilters(f)).length + (verdict ? 1 : 0);
}

import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useReducer,
  useRef,
  type ReactNode,
  type RefObject,
} from 'react';
import type { VerdictFilter } from '../../shared/domain';
import { keepPlace, noPlaces, placeIn, type ScopePlaces } from '../claims/scopePlaces';
import { useClaimPages, type ClaimFilter, type ClaimPages } from '../claims/useClaimPages';
import { useSelectionKept } from '../claims/useSelectionKept';
import { activeFilterCount, initialTriage, reduceTriage, type TriageAction, type TriageState } from '../triage/state';

export type DialogName =
  | 'shortcuts'
  | 'new-document'
  | 'add-claim'
  | 'export-report'
  | 'share'
  | 'merge'
  | 'conflicts'
  | 'sync'
  | 'import'
  | 'activity'
  | 'start-session'
  | 'start-capture'
  | 'sessions'
  | 'session-summary'
  | 'libraries'
  | null;

export interface WorkbenchState {
  /** The document whose claims are listed; null lists every claim. */
  documentId: string | null;
  query: string;
  verdict: VerdictFilter | null;
  /**
   * The selection by position and by id: the id keeps it on its claim when rows move, and through a
   * change of filter, search, sort or scope (renderer/claims/useSelectionKept).
   */
  selection: { index: number; id: string | null };
  /** The claim last selected in each scope left since the window opened. */
  places: ScopePlaces;
  dialog: DialogName;
  /** Open the file chooser as soon as the new-document dialog appears. */
  pickFileOnOpen: boolean;
  /** Filters, sort and multi-selection (renderer/triage). */
  triage: TriageState;
  /** The middle pane: the claim list, or the scoped document's text with its claims highlighted (renderer/document). */
  view: 'claims' | 'document';
  /**
   * True while the document view was opened from All claims (`v` on a claim there): leaving it goes
   * back to All claims, where it started, rather than to that document's list.
   */
  documentViewFromAll: boolean;
  /** False after a restore or reveal: the query applies at once instead of after the typing debounce. */
  queryTyped: boolean;
  /** The checking session in hand (renderer/sessions); its summary dialog shows this one. */
  sessionId: string | null;
  /** True while the middle pane is the session workbench instead of the list or the document. */
  sessionOpen: boolean;
  /** Set when "Export report…" comes from a session summary: the export dialog offers that session's scope. */
  exportSessionId: string | null;
}

/** A whole view at once (saved view on start, revealing a search hit). */
export interface RestoredView {
  documentId: string | null;
  query: string;
  verdict: VerdictFilter | null;
  triage: TriageState;
  selection: { index: number; id: string | null };
}

type Action =
  /** `claimId`: the claim to select there, instead of the place remembered for that scope. */
  | { type: 'scope'; documentId: string | null; claimId?: string }
  /** Another workspace is open: back to All claims, and no place remembered in the old one's scopes. */
  | { type: 'workspace-changed' }
  | { type: 'query'; query: string }
  | { type: 'verdict'; verdict: VerdictFilter | null }
  /** Drop the text, verdict and triage filters at once (the document scope stays: it is the pane's subject). */
  | { type: 'clear-filters' }
  | { type: 'select'; index: number; id: string | null }
  | { type: 'dialog'; dialog: DialogName; pickFile?: boolean }
  | { type: 'triage'; action: TriageAction }
  | { type: 'view'; view: 'claims' | 'document' }
  /** From All claims into the text of a claim's document, at that claim; leaving the view comes back. */
  | { type: 'open-document-view'; documentId: string; claimId: string }
  | { type: 'restore'; view: RestoredView }
  | { type: 'session'; sessionId: string | null; open: boolean }
  | { type: 'export-session'; sessionId: string };

const initialState: WorkbenchState = {
  documentId: null,
  query: '',
  verdict: null,
  selection: { index: 0, id: null },
  places: noPlaces,
  dialog: null,
  pickFileOnOpen: false,
  triage: initialTriage,
  queryTyped: true,
  view: 'claims',
  documentViewFromAll: false,
  sessionId: null,
  sessionOpen: false,
  exportSessionId: null,
};

const top = { index: 0, id: null };

/** True while any list filter narrows the claims shown (the document scope is not a filter). */
export function isListFiltered(state: Pick<WorkbenchState, 'query' | 'verdict' | 'triage'>): boolean {
  return state.query.trim() !== '' || activeFilterCount(state.triage.filters, state.verdict) > 0;
}

/** Into another scope, leaving the current claim as the place of the scope left. */
function enterScope(
  state: WorkbenchState,
  documentId: string | null,
  claimId?: string,
): Pick<WorkbenchState, 'places' | 'selection'> {
  if (documentId === state.documentId) return { places: state.places, selection: state.selection };
  const places = keepPlace(state.places, state.documentId, state.selection.id);
  return { places, selection: { index: 0, id: claimId ?? placeIn(places, documentId) } };
}

function reduce(state: WorkbenchState, action: Action): WorkbenchState {
  switch (action.type) {
    case 'scope':
      return {
        ...state,
        ...enterScope(state, action.documentId, action.claimId),
        documentId: action.documentId,
        sessionOpen: false,
        documentViewFromAll: false,
      };
    case 'workspace-changed':
      return {
        ...state,
        documentId: null,
        places: noPlaces,
        selection: top,
        sessionOpen: false,
        documentViewFromAll: false,
      };
    case 'query':
      return { ...state, query: action.query, queryTyped: true };
    case 'verdict':
      return { ...state, verdict: action.verdict };
    case 'clear-filters':
      return {
        ...state,
        query: '',
        queryTyped: true,
        verdict: null,
        triage: reduceTriage(state.triage, { type: 'filters', filters: {} }),
      };
    case 'select':
      return { ...state, selection: { index: Math.max(0, action.index), id: action.id } };
    case 'dialog':
      return {
        ...state,
        dialog: action.dialog,
        pickFileOnOpen: action.pickFile ?? false,
        exportSessionId: action.dialog === 'export-report' ? state.exportSessionId : null,
      };
    case 'triage':
      return { ...state, triage: reduceTriage(state.triage, action.action) };
    case 'restore':
      return {
        ...state,
        ...action.view,
        places: keepPlace(state.places, state.documentId, state.selection.id),
        queryTyped: false,
        documentViewFromAll: false,
      };
    case 'view':
      if (action.view === 'claims' && state.documentViewFromAll) {
        // Back where `v` started, on the claim the checker is on now.
        return {
          ...state,
          ...enterScope(state, null, state.selection.id ?? undefined),
          documentId: null,
          view: 'claims',
          sessionOpen: false,
          documentViewFromAll: false,
        };
      }
      return {
        ...state,
        view: action.view,
        sessionOpen: false,
        documentViewFromAll: action.view === 'document' && state.view === 'document' && state.documentViewFromAll,
      };
    case 'open-document-view':
      return {
        ...state,
        ...enterScope(state, action.documentId, action.claimId),
        documentId: action.documentId,
        view: 'document',
        sessionOpen: false,
        documentViewFromAll: true,
      };
    case 'session':
      return { ...state, sessionId: action.sessionId, sessionOpen: action.open && action.sessionId !== null };
    case 'export-session':
      return { ...state, exportSessionId: action.sessionId, dialog: 'export-report', pickFileOnOpen: false };
  }
}

export interface Workbench {
  state: WorkbenchState;
  filter: ClaimFilter;
  pages: ClaimPages;
  dispatch: (action: Action) => void;
  refs: {
    filterInput: RefObject<HTMLInputElement | null>;
    claimList: RefObject<HTMLDivElement | null>;
    documentList: RefObject<HTMLDivElement | null>;
    claimText: RefObject<HTMLTextAreaElement | null>;
    rationale: RefObject<HTMLTextAreaElement | null>;
  };
}

const WorkbenchContext = createContext<Workbench | null>(null);

export function useWorkbench(): Workbench {
  const wb = useContext(WorkbenchContext);
  if (!wb) throw new Error('useWorkbench outside WorkbenchProvider');
  return wb;
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useReducer((_: T, next: T) => next, value);
  useEffect(() => {
    const t = window.setTimeout(() => setDebounced(value), ms);
    return () => window.clearTimeout(t);
  }, [value, ms]);
  return debounced;
}

export function WorkbenchProvider({ children }: { children: ReactNode }) {
  const [state, dispatch] = useReducer(reduce, initialState);
  const debouncedQuery = useDebounced(state.query.trim(), 150);
  const query = state.queryTyped ? debouncedQuery : state.query.trim();
  const filter = useMemo<ClaimFilter>(
    () => ({
      ...(state.documentId ? { documentId: state.documentId } : {}),
      ...(state.verdict ? { verdict: state.verdict } : {}),
      ...(query ? { query } : {}),
      ...state.triage.filters,
      ...(state.triage.sort !== 'document' ? { sort: state.triage.sort } : {}),
    }),
    [state.documentId, state.verdict, query, state.triage.filters, state.triage.sort],
  );
  const pages = useClaimPages(filter, state.selection.index);
  const select = useCallback((index: number, id: string | null) => dispatch({ type: 'select', index, id }), []);
  const settled = useSelectionKept(filter, state.selection, select);
  useSelectionFollowsData(state.selection, pages, dispatch, settled);

  const filterInput = useRef<HTMLInputElement>(null);
  const claimList = useRef<HTMLDivElement>(null);
  const documentList = useRef<HTMLDivElement>(null);
  const claimText = useRef<HTMLTextAreaElement>(null);
  const rationale = useRef<HTMLTextAreaElement>(null);
  const value = useMemo<Workbench>(
    () => ({ state, filter, pages, dispatch, refs: { filterInput, claimList, documentList, claimText, rationale } }),
    [state, filter, pages],
  );
  return <WorkbenchContext.Provider value={value}>{children}</WorkbenchContext.Provider>;
}

/**
 * After the rows change (a write), keep the selection on its claim if it is still listed; if it is
 * gone, select whatever now sits at its position, like a mail client after a delete. Waits while the
 * selection is being found in a new list (`settled` false).
 */
function useSelectionFollowsData(
  selection: WorkbenchState['selection'],
  pages: ClaimPages,
  dispatch: (action: Action) => void,
  settled: boolean,
): void {
  useEffect(() => {
    const { total } = pages;
    if (total === undefined || !settled) return;
    if (total === 0) {
      if (selection.id !== null || selection.index !== 0) dispatch({ type: 'select', index: 0, id: null });
      return;
    }
    const index = Math.min(selection.index, total - 1);
    const here = pages.itemAt(index);
    if (here && here.id === selection.id && index === selection.index) return;
    if (selection.id) {
      const moved = pages.indexOf(selection.id);
      if (moved !== undefined) {
        if (moved !== selection.index) dispatch({ type: 'select', index: moved, id: selection.id });
        return;
      }
    }
    if (here) dispatch({ type: 'select', index, id: here.id });
    else if (index !== selection.index) dispatch({ type: 'select', index, id: selection.id });
  }, [selection, pages, dispatch, settled]);
}

import { useEffect, useRef, useState } from 'react';
import type { ViewState } from '../../shared/evidence-api';
import { call, onAppEvent } from '../api/client';
import { useWorkbench, type WorkbenchState } from '../app/workbench';
import { cleanFilters, initialTriage } from '../triage/state';

const SAVE_DELAY_MS = 400;

function toViewState(state: WorkbenchState): ViewState {
  const { filters, sort, marked } = state.triage;
  return {
    ...(state.query.trim() ? { query: state.query.trim() } : {}),
    ...(state.documentId ? { documentId: state.documentId } : {}),
    ...(state.verdict ? { verdict: state.verdict } : {}),
    ...cleanFilters(filters),
    sort,
    selectedIds: marked.slice(0, 10_000),
    focusedId: state.selection.id,
  };
}

/**
 * The list's filters, sort and selection survive a restart: read once with view.get when the
 * workspace opens (the focused claim found again with claims.locate), then saved with view.set
 * shortly after each change. Nothing is saved before the stored view has been read.
 */
export function useViewPersistence(): void {
  const { state, dispatch } = useWorkbench();
  const [restored, setRestored] = useState(false);
  const lastSaved = useRef<string | null>(null);

  // Another workspace: stop saving (this view belongs to the old one) and read the new one's.
  useEffect(
    () =>
      onAppEvent((event) => {
        if (event === 'workspace-changed') setRestored(false);
      }),
    [],
  );

  useEffect(() => {
    if (restored) return;
    let cancelled = false;
    void (async () => {
      try {
        const { view } = await call('view.get', {});
        if (cancelled) return;
        if (!view) {
          lastSaved.current = null;
          const none = { query: '', documentId: null, verdict: null, triage: initialTriage, selection: { index: 0, id: null } };
          dispatch({ type: 'restore', view: none });
          return;
        }
        const { query = '', documentId, verdict, claimant, assignee, tag, noSource, sort = 'document' } = view;
        const filters = cleanFilters({ claimant, assignee, tag, noSource });
        let selection = { index: 0, id: null as string | null };
        if (view.focusedId) {
          const { index } = await call('claims.locate', {
            id: view.focusedId,
            ...(query ? { query } : {}),
            ...(documentId ? { documentId } : {}),
            ...(verdict ? { verdict } : {}),
            ...filters,
            sort,
          });
          if (index !== null) selection = { index, id: view.focusedId };
        }
        if (cancelled) return;
        lastSaved.current = JSON.stringify(view);
        dispatch({
          type: 'restore',
          view: {
            query,
            documentId: documentId ?? null,
            verdict: verdict ?? null,
            triage: { filters, sort, marked: view.selectedIds ?? [] },
            selection,
          },
        });
      } catch {
        // A view that cannot be read or located is not worth an error: start from the default view.
      } finally {
        if (!cancelled) setRestored(true);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [restored, dispatch]);

  const view = restored ? JSON.stringify(toViewState(state)) : null;
  useEffect(() => {
    if (view === null || view === lastSaved.current) return;
    const t = window.setTimeout(() => {
      lastSaved.current = view;
      void call('view.set', JSON.parse(view) as ViewState).catch(() => undefined);
    }, SAVE_DELAY_MS);
    return () => window.clearTimeout(t);
  }, [view]);
}

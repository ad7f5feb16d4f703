import { useCallback, useMemo } from 'react';
import type { Verdict } from '../../shared/domain';
import { errorMessage } from '../api/client';
import { useOperationMutation } from '../api/queries';
import { useNotify } from '../ui/notices';
import { useUndoRedo } from './useUndoRedo';
import { isListFiltered, useWorkbench } from './workbench';

export interface Commands {
  move(delta: number): void;
  moveTo(index: number): void;
  setVerdict(verdict: Verdict): void;
  deleteClaim(): void;
  editText(): void;
  editRationale(): void;
  focusList(): void;
  /** The documents pane, to pick a document from the keyboard. */
  focusDocuments(): void;
  focusFilter(): void;
  /** Drop every active list filter (text, verdict, claimant, assignee, tag, no-source), back to the list. */
  clearFilters(): void;
  addClaim(): void;
  newDocument(pickFile?: boolean): void;
  showShortcuts(): void;
  exportReport(): void;
  /** The import dialog; with pickFile, the file chooser opens at once (File ▸ Import…). */
  importFiles(pickFile?: boolean): void;
  /** Switch the middle pane between the claim list and the document's text (renderer/document). */
  toggleDocumentView(): void;
  undo(): void;
  redo(): void;
}

/** Every user command in one place, shared by the keyboard, the shell's menu and the buttons. */
export function useCommands(): Commands {
  const { state, pages, dispatch, refs } = useWorkbench();
  const notify = useNotify();
  const { undo, redo } = useUndoRedo();
  const setVerdictOp = useOperationMutation('claims.setVerdict').mutate;
  const deleteOp = useOperationMutation('claims.delete').mutate;
  const selectedId = state.selection.id;
  const total = pages.total ?? 0;
  const listFiltered = isListFiltered(state);

  const moveTo = useCallback(
    (index: number) => {
      if (total === 0) return;
      const clamped = Math.min(Math.max(0, index), total - 1);
      dispatch({ type: 'select', index: clamped, id: pages.itemAt(clamped)?.id ?? null });
    },
    [total, pages, dispatch],
  );

  const fail = useCallback((e: unknown) => notify({ message: errorMessage(e), tone: 'error' }), [notify]);

  return useMemo<Commands>(
    () => ({
      move: (delta) => moveTo(state.selection.index + delta),
      moveTo,
      setVerdict: (verdict) => {
        if (!selectedId) return;
        setVerdictOp({ ids: [selectedId], verdict }, { onError: fail });
      },
      deleteClaim: () => {
        if (!selectedId) return;
        deleteOp(
          { ids: [selectedId] },
          {
            onError: fail,
            onSuccess: () => notify({ message: 'Claim deleted.', action: { label: 'Undo', run: () => void undo() } }),
          },
        );
      },
      editText: () => refs.claimText.current?.focus(),
      editRationale: () => refs.rationale.current?.focus(),
      focusList: () => refs.claimList.current?.focus(),
      focusDocuments: () => refs.documentList.current?.focus(),
      focusFilter: () => {
        refs.filterInput.current?.focus();
        refs.filterInput.current?.select();
      },
      clearFilters: () => {
        if (listFiltered) dispatch({ type: 'clear-filters' });
        refs.claimList.current?.focus();
      },
      addClaim: () => dispatch({ type: 'dialog', dialog: 'add-claim' }),
      newDocument: (pickFile = false) => dispatch({ type: 'dialog', dialog: 'new-document', pickFile }),
      showShortcuts: () => dispatch({ type: 'dialog', dialog: 'shortcuts' }),
      exportReport: () => dispatch({ type: 'dialog', dialog: 'export-report' }),
      importFiles: (pickFile = true) => dispatch({ type: 'dialog', dialog: 'import', pickFile }),
      toggleDocumentView: () => {
        if (state.documentId) return dispatch({ type: 'view', view: state.view === 'document' ? 'claims' : 'document' });
        const claim = pages.itemAt(state.selection.index);
        const documentId = claim?.documentId;
        if (!documentId) return notify({ message: 'Pick a document first to read its text.' });
        // The document opens at the claim the checker was on, not where they last left that document;
        // switching back returns to All claims.
        dispatch({ type: 'open-document-view', documentId, claimId: claim.id });
      },
      undo: () => void undo(),
      redo: () => void redo(),
    }),
    [
      moveTo,
      state.selection.index,
      listFiltered,
      selectedId,
      setVerdictOp,
      deleteOp,
      fail,
      notify,
      undo,
      redo,
      refs,
      dispatch,
      state.documentId,
      state.view,
      pages,
    ],
  );
}

import { useVirtualizer } from '@tanstack/react-virtual';
import { FilePlus, ListChecks, Plus } from 'lucide-react';
import { useCallback, useEffect, useMemo } from 'react';
import { useOperationQuery } from '../api/queries';
import { useCommands } from '../app/commands';
import { isListFiltered, useWorkbench } from '../app/workbench';
import { Button } from '../ui/Button';
import { EmptyState } from '../ui/EmptyState';
import { IconButton } from '../ui/IconButton';
import { useTakeLostFocus } from '../ui/focusHome';
import { Spinner } from '../ui/Progress';
import { ClaimRow, claimOptionId } from './ClaimRow';
import { useFactCheckBadges } from '../library/useFactCheckBadges';
import { DocumentMenu } from '../documents/DocumentMenu';
import { ViewToggle } from '../document/ViewToggle';
import { FilterBar } from './FilterBar';
import { FilterChips } from './FilterChips';
import { NoMatchEmptyState } from './NoMatchEmptyState';
import { IMPORT_FORMATS } from '../import/ImportDialog';
import { FilterMenu } from '../search/FilterMenu';
import { queryTerms } from '../search/highlight';
import { SearchHits } from '../search/SearchHits';
import { SortMenu } from '../search/SortMenu';
import { BulkBar } from '../triage/BulkBar';

const ROW_HEIGHT = 68;

function useScopeDocument() {
  const { state } = useWorkbench();
  const documents = useOperationQuery('documents.list', {});
  return state.documentId ? documents.data?.find((d) => d.id === state.documentId) : undefined;
}

export function ClaimsPane() {
  const { state, pages } = useWorkbench();
  const commands = useCommands();
  const scopeDocument = useScopeDocument();
  const title = state.documentId ? (scopeDocument?.title ?? 'Document') : 'All claims';
  const total = pages.total;
  const filtered = isListFiltered(state);

  return (
    <section className="pane claims-pane" aria-label="Claims">
      <div className="pane-toolbar">
        <h2 className="pane-title" title={title}>
          {title}
        </h2>
        <span className="pane-count muted" aria-live="polite">
          {total === undefined ? '' : `${total.toLocaleString()} ${total === 1 ? 'claim' : 'claims'}`}
        </span>
        <div className="toolbar-actions">
          <ViewToggle />
          <IconButton label="Add a claim" shortcut="A" icon={<Plus size={16} />} onClick={commands.addClaim} />
          {scopeDocument && <DocumentMenu document={scopeDocument} />}
        </div>
      </div>
      <div className="claims-filters">
        <FilterBar />
        <FilterMenu />
        <SortMenu />
        <FilterChips />
      </div>
      <BulkBar />
      <SearchHits />
      {pages.error ? (
        <p className="pane-message">{pages.error.message}</p>
      ) : total === undefined ? (
        <Spinner label="Loading claims…" />
      ) : total === 0 ? (
        filtered ? (
          <NoMatchEmptyState documentTitle={scopeDocument?.title} />
        ) : state.documentId ? (
          <EmptyState
            icon={<ListChecks size={28} />}
            title="No claims in this document"
            action={<Button onClick={commands.addClaim}>Add a claim</Button>}
          >
            Press A to add a claim by hand.
          </EmptyState>
        ) : (
          <EmptyState
            icon={<FilePlus size={28} />}
            title="Nothing to check yet"
            action={
              <>
                <Button variant="primary" onClick={() => commands.newDocument()}>
                  New document
                </Button>
                <Button onClick={() => commands.importFiles()}>Import files…</Button>
              </>
            }
          >
            Paste an article, or import files: {IMPORT_FORMATS}, also by dropping them on the window. Each sentence becomes a
            candidate claim.
          </EmptyState>
        )
      ) : (
        <ClaimList total={total} />
      )}
    </section>
  );
}

function ClaimList({ total }: { total: number }) {
  const { state, filter, pages, dispatch, refs } = useWorkbench();
  const { index: selectedIndex } = state.selection;
  const terms = useMemo(() => queryTerms(filter.query ?? ''), [filter.query]);
  const marked = useMemo(() => new Set(state.triage.marked), [state.triage.marked]);
  const onToggleMark = useCallback((id: string) => dispatch({ type: 'triage', action: { type: 'toggle', id } }), [dispatch]);
  // The virtualizer's API is mutable by design; this component re-renders on every scroll anyway.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => refs.claimList.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const badges = useFactCheckBadges(items.map((row) => pages.itemAt(row.index)?.id).filter((id): id is string => !!id));
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => pages.setVisibleRange(first, last), [pages, first, last]);
  // The selected claim stays in view when it changes and when the list is resized (the window, or
  // a filter chip or bulk bar taking room): the observer also fires once when it starts.
  // Keyed on the list's own ref, not the workbench's `refs` object, which is new whenever rows load:
  // otherwise every load would scroll a list the checker is scrolling by hand back to the selection.
  const claimListRef = refs.claimList;
  useEffect(() => {
    const list = claimListRef.current;
    if (!list) return;
    const observer = new ResizeObserver(() => virtualizer.scrollToIndex(selectedIndex, { align: 'auto' }));
    observer.observe(list);
    return () => observer.disconnect();
  }, [virtualizer, selectedIndex, claimListRef]);

  // The list comes and goes (a spinner while a new scope or search loads, the document view): when it
  // appears with the keyboard on nothing, because the button or pane that had it is gone, it takes it.
  useTakeLostFocus(claimListRef);

  const onSelect = useCallback(
    (index: number, id: string | null) => {
      dispatch({ type: 'select', index, id });
      refs.claimList.current?.focus();
    },
    [dispatch, refs],
  );

  return (
    <div
      ref={refs.claimList}
      className="claim-list"
      role="listbox"
      aria-label="Claims"
      aria-multiselectable={marked.size > 0 || undefined}
      tabIndex={0}
      aria-activedescendant={total > 0 ? claimOptionId(selectedIndex) : undefined}
    >
      <div className="claim-list-inner" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((row) => (
          <ClaimRow
            key={row.key}
            index={row.index}
            total={total}
            top={row.start}
            height={row.size}
            claim={pages.itemAt(row.index)}
            selected={row.index === selectedIndex}
            onSelect={onSelect}
            marked={marked.size > 0 ? marked.has(pages.itemAt(row.index)?.id ?? '') : undefined}
            onToggleMark={onToggleMark}
            terms={terms}
            factCheck={badges[pages.itemAt(row.index)?.id ?? '']}
          />
        ))}
      </div>
    </div>
  );
}

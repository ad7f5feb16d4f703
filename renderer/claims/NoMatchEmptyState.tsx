import { SearchX } from 'lucide-react';
import { useOperationQuery } from '../api/queries';
import { useWorkbench } from '../app/workbench';
import { Button } from '../ui/Button';
import { EmptyState } from '../ui/EmptyState';

/**
 * The filtered list is empty. Inside a document, say that the search looked in that document only,
 * how many claims elsewhere match, and offer the same search over all claims.
 */
export function NoMatchEmptyState({ documentTitle }: { documentTitle: string | undefined }) {
  const { state, filter, dispatch } = useWorkbench();
  const inDocument = state.documentId !== null;
  const { documentId: _scope, sort: _sort, ...everywhere } = filter;
  const elsewhere = useOperationQuery('claims.list', { ...everywhere, limit: 1 }, inDocument).data?.total;
  if (!inDocument) {
    return (
      <EmptyState icon={<SearchX size={28} />} title="No claims match">
        Change the filter, or press Esc to clear it.
      </EmptyState>
    );
  }
  const where = documentTitle ? `“${documentTitle}”` : 'this document';
  return (
    <EmptyState
      icon={<SearchX size={28} />}
      title="No claims in this document match"
      action={elsewhere !== 0 && <Button onClick={() => dispatch({ type: 'scope', documentId: null })}>Search all claims</Button>}
    >
      {state.query.trim() ? 'The search' : 'The filter'} looks only in {where}
      {matchesElsewhere(elsewhere)} Press Esc to clear the filter.
    </EmptyState>
  );
}

/** The end of the sentence about the scope: how many claims of other documents match, once known. */
function matchesElsewhere(count: number | undefined): string {
  if (count === undefined) return '.';
  if (count === 0) return '; no other document has a match either.';
  return `; ${count.toLocaleString()} ${count === 1 ? 'claim in other documents matches' : 'claims in other documents match'}.`;
}

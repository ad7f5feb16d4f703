import { useQuery } from '@tanstack/react-query';
import { call } from '../api/client';
import { useOperationQuery } from '../api/queries';

/** Every claim of one document, for the highlights (the most `claims.list` returns at once). */
const DOCUMENT_CLAIMS_LIMIT = 5_000;

export function sentencesQuery(documentId: string) {
  // Keyed by operation name like every read, so writes that invalidate everything refresh it.
  return { queryKey: ['ingest.sentences', { documentId }] as const, queryFn: () => call('ingest.sentences', { documentId }) };
}

export const thresholdQuery = {
  queryKey: ['spotting.getThreshold', {}] as const,
  queryFn: () => call('spotting.getThreshold', {}),
};

/** The text, its scored sentences and its claims. */
export function useDocumentData(documentId: string) {
  const document = useOperationQuery('documents.get', { id: documentId });
  const sentences = useQuery(sentencesQuery(documentId));
  const claims = useOperationQuery('claims.list', { documentId, offset: 0, limit: DOCUMENT_CLAIMS_LIMIT });
  return { document, sentences, claims };
}

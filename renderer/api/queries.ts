import { QueryClient, queryOptions, useMutation, useQuery, useQueryClient, type UseMutationOptions } from '@tanstack/react-query';
import type { OperationInput, OperationName, PageOutput } from '../../shared/api';
import { isEmptyTouched, LOGGED_KINDS, type DataKind, type Touched } from '../../shared/touched';
import { ApiError, call, onTouched } from './client';

const CLAIM_VIEW: readonly DataKind[] = ['claim', 'document', 'source', 'attachment', 'note', 'conflict', 'actor'];
const SESSION_VIEW: readonly DataKind[] = ['checkSession', 'claim', 'document', 'transcriptChunk', 'source', 'note'];

/**
 * What each read depends on. A `data-changed` event (and every write's envelope) says which kinds
 * a write touched; the queries whose reads include one of them are refetched. A query whose
 * operation is missing here is refetched after any change, which is always correct, only slower.
 */
const READS = {
  'identity.get': ['identity'],
  'documents.list': ['document', 'claim'],
  'documents.get': ['document', 'claim'],
  'documents.deletionImpact': ['document', 'claim', 'source', 'attachment', 'note'],
  'claims.list': CLAIM_VIEW,
  'claims.get': CLAIM_VIEW,
  'claims.history': [...CLAIM_VIEW, 'library'],
  'stats.get': CLAIM_VIEW,
  'claims.claimants': ['claim', 'document'],
  'claims.tags': ['claim', 'document'],
  'claims.assignees': ['claim', 'actor'],
  // The undo stack moves with every local write.
  'edit.state': LOGGED_KINDS,
  'claims.evidence': ['claim', 'source', 'attachment', 'note'],
  'claims.similar': ['claim', 'document'],
  'activity.list': [...LOGGED_KINDS, 'actor'],
  search: ['claim', 'document', 'source', 'note'],
  'view.get': ['setting'],
  'conflicts.list': ['conflict', 'claim', 'actor'],
  'team.identity': ['identity', 'actor', 'actorKey'],
  'team.sync.status': [...LOGGED_KINDS, 'syncLink', 'actor'],
  'team.keys.list': ['actorKey', 'actor'],
  'sessions.list': SESSION_VIEW,
  'sessions.get': SESSION_VIEW,
  'sessions.queue': SESSION_VIEW,
  'sessions.summary': SESSION_VIEW,
  'capture.feed': SESSION_VIEW,
  'capture.draft.get': ['checkSession'],
  'capture.followStatus': ['checkSession', 'transcriptChunk'],
  'libraries.list': ['library'],
  'libraries.matchClaim': ['library', 'claim'],
  'libraries.badges': ['library', 'claim'],
  'ingest.sentences': ['document', 'claim'],
  'spotting.getThreshold': ['setting'],
  'report.options.get': ['setting'],
  // Changes only when another workspace opens, which refetches every query.
  'workspace.status': [],
  'workspace.known': [],
  // What this machine can print, and whether it can choose a folder, does not change while the app runs.
  'report.formats': [],
  'team.syncFolderChoice': [],
} as const satisfies Partial<Record<OperationName, readonly DataKind[]>>;

/** Operations that only read. Their query key is `[name, input]`, so what they read is known from the key. */
export type ReadOperation = keyof typeof READS;

function readsTouched(queryKey: readonly unknown[], touched: Touched): boolean {
  const name = queryKey[0];
  const reads: readonly DataKind[] | undefined =
    typeof name === 'string' && Object.prototype.hasOwnProperty.call(READS, name) ? READS[name as ReadOperation] : undefined;
  if (!reads) return true;
  return reads.some((kind) => touched[kind] !== undefined);
}

/**
 * Mark the reads a write touched as stale and refetch the ones on screen. A refetch already running
 * is cancelled and started again: it may have begun before the write, and its answer would otherwise
 * be kept as fresh (a write reported twice, by its reply and by its event, may fetch twice).
 */
export async function invalidateTouched(client: QueryClient, touched: Touched): Promise<void> {
  if (isEmptyTouched(touched)) return;
  await client.invalidateQueries({ predicate: (q) => readsTouched(q.queryKey, touched) }, { cancelRefetch: true });
}

/** Wait until what the last write made stale on screen has been refetched. */
export async function freshAfterWrite(client: QueryClient): Promise<void> {
  await client.refetchQueries({ type: 'active', stale: true }, { cancelRefetch: false });
}

export function operationQuery<N extends ReadOperation>(name: N, input: OperationInput<N>) {
  return queryOptions({
    queryKey: [name, input] as const,
    queryFn: () => call(name, input),
  });
}

export function useOperationQuery<N extends ReadOperation>(name: N, input: OperationInput<N>, enabled = true) {
  return useQuery({ ...operationQuery(name, input), enabled });
}

/** A write operation as a mutation; on success the reads it touched are fresh. */
export function useOperationMutation<N extends OperationName>(
  name: N,
  options: Omit<UseMutationOptions<PageOutput<N>, ApiError, OperationInput<N>>, 'mutationFn'> = {},
) {
  const client = useQueryClient();
  return useMutation<PageOutput<N>, ApiError, OperationInput<N>>({
    ...options,
    mutationFn: (input) => call(name, input),
    onSuccess: async (...args) => {
      await freshAfterWrite(client);
      await options.onSuccess?.(...args);
    },
  });
}

/** The app's one query client: every write's reply and every `data-changed` event invalidate what they touched. */
export function createQueryClient(): QueryClient {
  const client = new QueryClient({
    defaultOptions: {
      // Local data: nothing goes stale behind our back; every change arrives as what it touched.
      queries: { staleTime: Infinity, retry: false, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
  onTouched((touched) => void invalidateTouched(client, touched));
  return client;
}

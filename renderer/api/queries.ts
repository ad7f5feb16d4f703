import { QueryClient, queryOptions, useMutation, useQuery, useQueryClient, type UseMutationOptions } from '@tanstack/react-query';
import type { OperationInput, OperationName, OperationOutput } from '../../shared/api';
import { ApiError, call } from './client';

/** Operations that only read. Their query key is `[name, input]`, so invalidation can target one operation. */
export type ReadOperation =
  | 'session.get'
  | 'documents.list'
  | 'documents.get'
  | 'documents.deletionImpact'
  | 'claims.list'
  | 'claims.get'
  | 'claims.history'
  | 'stats.get'
  | 'claims.claimants'
  | 'edit.state'
  | 'claims.evidence'
  | 'claims.similar'
  | 'activity.list'
  | 'search'
  | 'view.get'
  | 'conflicts.list'
  | 'team.identity'
  | 'team.sync.status'
  | 'team.keys.list'
  | 'sessions.list'
  | 'sessions.get'
  | 'sessions.queue'
  | 'sessions.summary'
  | 'capture.feed'
  | 'libraries.list'
  | 'libraries.matchClaim'
  | 'libraries.badges';

export function operationQuery<N extends ReadOperation>(name: N, input: OperationInput<N>) {
  return queryOptions({
    queryKey: [name, input] as const,
    queryFn: () => call(name, input),
  });
}

export function useOperationQuery<N extends ReadOperation>(name: N, input: OperationInput<N>, enabled = true) {
  return useQuery({ ...operationQuery(name, input), enabled });
}

/** A checking session's reads: its queue shows claims' verdicts and texts, its summary counts them. */
const SESSION_READS: ReadOperation[] = ['sessions.list', 'sessions.get', 'sessions.queue', 'sessions.summary'];

// conflicts.list: a local write to a conflicted field settles its conflict.
const CLAIM_READS: ReadOperation[] = [
  ...SESSION_READS,
  'claims.list',
  'claims.get',
  'claims.history',
  'stats.get',
  'claims.claimants',
  'documents.list',
  'edit.state',
  'conflicts.list',
  'documents.deletionImpact',
  'libraries.badges',
  'libraries.matchClaim',
];
const DOCUMENT_READS: ReadOperation[] = [...CLAIM_READS, 'documents.get'];
/** A source, attachment or note: the claim's evidence, "no source yet", search and the feeds. */
const EVIDENCE_READS: ReadOperation[] = [
  'claims.evidence',
  'claims.list',
  'claims.history',
  'stats.get',
  'edit.state',
  'activity.list',
  'search',
  'documents.deletionImpact',
];

/** Linking, importing or re-matching changes every claim's matches and badges. */
const LIBRARY_READS: ReadOperation[] = ['libraries.list', 'libraries.matchClaim', 'libraries.badges'];

/**
 * What each write makes stale. A write missing here (a later operation) invalidates everything,
 * which is always correct, only slower.
 */
const INVALIDATES: Partial<Record<OperationName, ReadOperation[]>> = {
  'session.setAuthor': ['session.get', 'team.identity'],
  'documents.createFromText': DOCUMENT_READS,
  'documents.rename': DOCUMENT_READS,
  'documents.delete': [...DOCUMENT_READS, 'activity.list'],
  'claims.add': CLAIM_READS,
  'claims.update': CLAIM_READS,
  'claims.setVerdict': CLAIM_READS,
  'claims.delete': CLAIM_READS,
  'claims.assign': [...CLAIM_READS, 'activity.list'],
  'claims.tag': [...CLAIM_READS, 'activity.list'],
  'sources.add': EVIDENCE_READS,
  'sources.update': EVIDENCE_READS,
  'sources.delete': EVIDENCE_READS,
  'attachments.add': EVIDENCE_READS,
  'attachments.delete': EVIDENCE_READS,
  'notes.add': EVIDENCE_READS,
  'notes.delete': EVIDENCE_READS,
  'view.set': [],
  'attachments.export': [],
  'host.openPath': [],
  'sessions.focus': ['sessions.get', 'sessions.queue'],
  'sessions.act': SESSION_READS,
  'sessions.pause': [...SESSION_READS, 'activity.list', 'edit.state'],
  'sessions.resume': [...SESSION_READS, 'activity.list', 'edit.state'],
  'sessions.end': [...SESSION_READS, 'activity.list', 'edit.state'],
  'capture.append': [...DOCUMENT_READS, 'capture.feed', 'activity.list'],
  'capture.flush': [...DOCUMENT_READS, 'capture.feed', 'activity.list'],
  'capture.promote': [...CLAIM_READS, 'capture.feed', 'activity.list'],
  'capture.draft.save': [],
  'team.keys.resolve': ['team.keys.list'],
  'libraries.create': LIBRARY_READS,
  'libraries.link': LIBRARY_READS,
  'libraries.unlink': LIBRARY_READS,
  'libraries.import': LIBRARY_READS,
  'libraries.importCancel': [],
  'libraries.matchClaims': LIBRARY_READS,
  'libraries.attachMatch': EVIDENCE_READS,
};

export async function invalidateAfter(client: QueryClient, name: OperationName): Promise<void> {
  const stale = INVALIDATES[name];
  if (!stale) {
    await client.invalidateQueries();
    return;
  }
  await Promise.all(stale.map((read) => client.invalidateQueries({ queryKey: [read] })));
}

/** A write operation as a mutation; on success it invalidates the reads it affects. */
export function useOperationMutation<N extends OperationName>(
  name: N,
  options: Omit<UseMutationOptions<OperationOutput<N>, ApiError, OperationInput<N>>, 'mutationFn'> = {},
) {
  const client = useQueryClient();
  return useMutation<OperationOutput<N>, ApiError, OperationInput<N>>({
    ...options,
    mutationFn: (input) => call(name, input),
    onSuccess: async (...args) => {
      await invalidateAfter(client, name);
      await options.onSuccess?.(...args);
    },
  });
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Local data: nothing goes stale behind our back except through our own writes or a workspace switch.
      queries: { staleTime: Infinity, retry: false, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

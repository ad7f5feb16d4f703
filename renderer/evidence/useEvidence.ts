import type { Claim } from '../../shared/domain';
import { errorMessage } from '../api/client';
import { useOperationQuery } from '../api/queries';
import { useNotify } from '../ui/notices';

export function useEvidence(claim: Claim) {
  return useOperationQuery('claims.evidence', { id: claim.id });
}

export function useFail() {
  const notify = useNotify();
  return (e: unknown) => notify({ message: errorMessage(e), tone: 'error' });
}

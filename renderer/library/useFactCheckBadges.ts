import { useQuery } from '@tanstack/react-query';
import { operationQuery } from '../api/queries';

/** Badges for the claims on screen, fetched in one call; ids are sorted so scrolling back reuses the cache. */
export function useFactCheckBadges(claimIds: string[]) {
  const ids = [...new Set(claimIds)].sort();
  const q = useQuery({
    ...operationQuery('libraries.badges', { claimIds: ids }),
    enabled: ids.length > 0,
    placeholderData: (prev) => prev,
  });
  return q.data ?? {};
}

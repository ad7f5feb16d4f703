import { useOperationQuery } from '../api/queries';

/** The names an assignee input offers: names already assigned (most used first), then the workspace's people. */
export function useAssigneeSuggestions(): string[] | undefined {
  return useOperationQuery('claims.assignees', {}).data?.map((p) => p.name);
}

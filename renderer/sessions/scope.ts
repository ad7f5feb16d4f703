import type { SessionScope } from '../../shared/sessions';
import type { WorkbenchState } from '../app/workbench';
import { verdictFilterLabel } from '../../shared/domain';

/** The claim list's filter as a session scope: verdict, text, claimant, assignee, tag, "no source". */
export function scopeFromFilter(state: WorkbenchState): SessionScope {
  const { claimant, assignee, tag, noSource } = state.triage.filters;
  const query = state.query.trim();
  return {
    ...(state.documentId ? { documentIds: [state.documentId] } : {}),
    ...(state.verdict ? { verdict: state.verdict } : {}),
    ...(query ? { query } : {}),
    ...(claimant ? { claimant } : {}),
    ...(assignee !== undefined ? { assignee } : {}),
    ...(tag ? { tag } : {}),
    ...(noSource ? { noSource } : {}),
  };
}

/** "Disputed · “tax” · tag budget", or null for no filter at all. */
export function describeFilter(scope: SessionScope): string | null {
  const parts = [
    scope.verdict ? verdictFilterLabel(scope.verdict) : null,
    scope.query ? `“${scope.query}”` : null,
    scope.claimant ? `said by ${scope.claimant}` : null,
    scope.assignee === null ? 'unassigned' : scope.assignee ? `assigned to ${scope.assignee}` : null,
    scope.tag ? `tag ${scope.tag}` : null,
    scope.noSource ? 'no source yet' : null,
  ].filter((p): p is string => p !== null);
  return parts.length > 0 ? parts.join(' · ') : null;
}

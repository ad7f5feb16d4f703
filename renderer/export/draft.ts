/**
 * The export dialog's working state and how it maps to the core's ReportOptions: the scope is
 * chosen as a mode (decided claims only, whole workspace, chosen documents, the claim list's
 * current filter, or the checking session the dialog was opened for).
 */
import { verdictFilterLabel } from '../../shared/domain';
import {
  reportOptionsSchema,
  type ReportFormat,
  type ReportOptions,
  type ReportScope,
  type ReportSection,
} from '../../shared/report';
import type { ClaimFilter } from '../claims/useClaimPages';

export type ScopeMode = 'decided' | 'all' | 'documents' | 'filter' | 'session';

export interface ExportDraft {
  format: ReportFormat;
  title: string;
  organisation: string;
  author: string;
  baseUrl: string;
  sections: Record<ReportSection, boolean>;
  scopeMode: ScopeMode;
  /** The documents ticked in 'documents' mode (kept when switching modes). */
  documentIds: string[];
  /** The session offered as "This session" (the one open in the session view), else null. */
  sessionId: string | null;
}

export function filterScope(filter: ClaimFilter): ReportScope {
  return {
    ...(filter.documentId ? { documentIds: [filter.documentId] } : {}),
    ...(filter.verdict ? { verdicts: [filter.verdict] } : {}),
    ...(filter.query ? { query: filter.query } : {}),
  };
}

export function isFilterEmpty(filter: ClaimFilter): boolean {
  return !filter.documentId && !filter.verdict && !filter.query;
}

/** "Disputed, matching “iodine”, in “Iodine tablets”" — the current filter in words. */
export function describeFilter(filter: ClaimFilter, documentTitle: (id: string) => string | undefined): string {
  const parts: string[] = [];
  if (filter.verdict) parts.push(`${verdictFilterLabel(filter.verdict)} claims`);
  if (filter.query) parts.push(`matching “${filter.query}”`);
  if (filter.documentId) parts.push(`in “${documentTitle(filter.documentId) ?? 'the chosen document'}”`);
  if (parts.length === 0) return 'The claim list has no filter: every claim.';
  const text = parts.join(', ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/**
 * The remembered options as a draft. A remembered verdict or text filter is taken to mean
 * "the current filter" (which is re-read from the claim list); document ids alone are a choice.
 */
export function draftFrom(
  options: ReportOptions,
  format: ReportFormat,
  fallbackAuthor: string,
  session: { id: string; pick: boolean } | null = null,
  anyDecided = false,
): ExportDraft {
  const { scope } = options;
  // Opened from a session's summary: that session is what the person came to export.
  // Otherwise, once anything is decided, a report of the decisions is what is usually wanted,
  // unless the person chose the whole workspace last time (remembered as decided: false).
  const scopeMode: ScopeMode = session?.pick
    ? 'session'
    : scope.verdicts?.length || scope.query
      ? 'filter'
      : scope.documentIds?.length
        ? 'documents'
        : scope.decided || (scope.decided === undefined && anyDecided)
          ? 'decided'
          : 'all';
  return {
    format,
    title: options.title,
    organisation: options.organisation,
    author: options.author || fallbackAuthor,
    baseUrl: options.baseUrl,
    sections: { ...options.sections },
    scopeMode,
    documentIds: scope.documentIds?.length && !scope.verdicts?.length && !scope.query ? [...scope.documentIds] : [],
    sessionId: session?.id ?? null,
  };
}

export function optionsFrom(draft: ExportDraft, filter: ClaimFilter): ReportOptions {
  const scope: ReportScope =
    draft.scopeMode === 'documents'
      ? { documentIds: draft.documentIds }
      : draft.scopeMode === 'filter'
        ? filterScope(filter)
        : draft.scopeMode === 'session' && draft.sessionId
          ? { sessionId: draft.sessionId }
          : { decided: draft.scopeMode === 'decided' };
  return {
    title: draft.title,
    organisation: draft.organisation,
    author: draft.author,
    baseUrl: draft.baseUrl,
    sections: draft.sections,
    scope,
  };
}

export type DraftProblems = Partial<Record<'title' | 'organisation' | 'author' | 'baseUrl' | 'scope', string>>;

/** What stops an export, by field: the shared schema's rules plus what each format needs. */
export function problemsOf(draft: ExportDraft, options: ReportOptions): DraftProblems {
  const problems: DraftProblems = {};
  const parsed = reportOptionsSchema.safeParse(options);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (field === 'title' || field === 'organisation' || field === 'author' || field === 'baseUrl') {
        problems[field] ??= issue.message;
      }
    }
  }
  if (draft.scopeMode === 'documents' && draft.documentIds.length === 0) problems.scope = 'Tick at least one document.';
  if (draft.scopeMode === 'session' && !draft.sessionId) problems.scope = 'Open a checking session to export it.';
  if (draft.format === 'claimreview') {
    if (!draft.organisation.trim()) problems.organisation ??= 'ClaimReview names the publishing organisation.';
    if (!draft.baseUrl.trim()) problems.baseUrl ??= 'ClaimReview links each review to this address.';
  }
  return problems;
}

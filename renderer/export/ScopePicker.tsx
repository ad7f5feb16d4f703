import type { DocumentSummary } from '../../shared/domain';
import type { CheckSession } from '../../shared/sessions';
import type { ClaimFilter } from '../claims/useClaimPages';
import { describeFilter, type ScopeMode } from './draft';
import { count } from '../team/format';

interface ScopePickerProps {
  mode: ScopeMode;
  documentIds: string[];
  documents: DocumentSummary[];
  filter: ClaimFilter;
  /** The checking session the dialog was opened for; offered as "This session". */
  session?: CheckSession | null;
  problem?: string;
  onMode: (mode: ScopeMode) => void;
  onDocuments: (ids: string[]) => void;
}

function claimsOf(d: DocumentSummary): string {
  return `${d.claimCount.toLocaleString()} ${d.claimCount === 1 ? 'claim' : 'claims'}`;
}

/** "“Leaders’ debate” · 14 claims in the queue, 9 reviewed" */
function describeSession(session: CheckSession): string {
  const { total, done } = session.counts;
  const claims = `${total.toLocaleString()} ${total === 1 ? 'claim' : 'claims'} in the queue`;
  return `“${session.name || 'Untitled session'}” · ${claims}, ${done.toLocaleString()} reviewed, with the session summary`;
}

export function ScopePicker({ mode, documentIds, documents, filter, session, problem, onMode, onDocuments }: ScopePickerProps) {
  const chosen = new Set(documentIds);
  const title = (id: string) => documents.find((d) => d.id === id)?.title;
  const option = (value: ScopeMode, label: string, detail: string) => (
    <label className="scope-option">
      <input type="radio" name="export-scope" value={value} checked={mode === value} onChange={() => onMode(value)} />
      <span className="scope-text">
        <span className="scope-label">{label}</span>
        <span className="scope-detail">{detail}</span>
      </span>
    </label>
  );
  const totalClaims = documents.reduce((n, d) => n + d.claimCount, 0);
  const decidedClaims = documents.reduce((n, d) => n + d.checkedCount, 0);
  return (
    <fieldset className="export-fieldset">
      <legend className="section-title">Claims</legend>
      <div className="scope-options">
        {session && option('session', 'This session', describeSession(session))}
        {option(
          'decided',
          'Decided claims only',
          `${count(decidedClaims, 'claim')} with a verdict; the not reviewed ones are left out`,
        )}
        {option('all', 'Whole workspace', `${count(documents.length, 'document')}, ${count(totalClaims, 'claim')}`)}
        {option('documents', 'Chosen documents', chosen.size ? `${chosen.size.toLocaleString()} chosen` : 'Tick them below')}
        {option('filter', 'Current filter', describeFilter(filter, title))}
      </div>
      {mode === 'documents' && (
        <div className="scope-documents">
          <div className="scope-documents-head">
            <button type="button" className="link-button" onClick={() => onDocuments(documents.map((d) => d.id))}>
              Select all
            </button>
            <button type="button" className="link-button" onClick={() => onDocuments([])}>
              Clear
            </button>
          </div>
          <ul className="scope-document-list" aria-label="Documents to include">
            {documents.map((d) => (
              <li key={d.id}>
                <label className="scope-document">
                  <input
                    type="checkbox"
                    checked={chosen.has(d.id)}
                    onChange={(e) =>
                      onDocuments(e.target.checked ? [...documentIds, d.id] : documentIds.filter((id) => id !== d.id))
                    }
                  />
                  <span className="scope-document-title">{d.title || 'Untitled document'}</span>
                  <span className="scope-document-count">{claimsOf(d)}</span>
                </label>
              </li>
            ))}
            {documents.length === 0 && <li className="muted">No documents yet: add one with New document.</li>}
          </ul>
        </div>
      )}
      {problem && (
        <p className="export-problem" role="alert">
          {problem}
        </p>
      )}
    </fieldset>
  );
}

import type { DocumentSummary } from '../../shared/domain';
import type { ReportFormat } from '../../shared/report';
import type { CheckSession } from '../../shared/sessions';
import type { ClaimFilter } from '../claims/useClaimPages';
import type { DraftProblems, ExportDraft } from './draft';
import { DATA_FORMATS, SECTION_CHOICES } from './formats';
import { FormatPicker } from './FormatPicker';
import { ScopePicker } from './ScopePicker';

interface ExportFormProps {
  draft: ExportDraft;
  problems: DraftProblems;
  documents: DocumentSummary[];
  filter: ClaimFilter;
  session?: CheckSession | null;
  unavailable: Partial<Record<ReportFormat, string>>;
  onChange: (patch: Partial<ExportDraft>) => void;
}

type TextField = 'title' | 'organisation' | 'author' | 'baseUrl';

function Field({
  field,
  label,
  hint,
  draft,
  problems,
  onChange,
  placeholder,
  type = 'text',
}: {
  field: TextField;
  label: string;
  hint?: string;
  placeholder?: string;
  type?: 'text' | 'url';
  draft: ExportDraft;
  problems: DraftProblems;
  onChange: (patch: Partial<ExportDraft>) => void;
}) {
  const id = `export-${field}`;
  const problem = problems[field];
  const describedBy = [problem ? `${id}-problem` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        type={type}
        className="field-input"
        value={draft[field]}
        placeholder={placeholder}
        maxLength={field === 'baseUrl' ? 2_000 : 300}
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange({ [field]: e.target.value })}
      />
      {problem && (
        <p id={`${id}-problem`} className="export-problem">
          {problem}
        </p>
      )}
      {hint && !problem && (
        <p id={`${id}-hint`} className="export-hint">
          {hint}
        </p>
      )}
    </div>
  );
}

export function ExportForm({ draft, problems, documents, filter, session, unavailable, onChange }: ExportFormProps) {
  const common = { draft, problems, onChange };
  return (
    <div className="export-form">
      <FormatPicker value={draft.format} unavailable={unavailable} onChange={(format) => onChange({ format })} />
      <ScopePicker
        mode={draft.scopeMode}
        documentIds={draft.documentIds}
        documents={documents}
        filter={filter}
        session={session}
        problem={problems.scope}
        onMode={(scopeMode) => onChange({ scopeMode })}
        onDocuments={(documentIds) => onChange({ documentIds })}
      />
      <fieldset className="export-fieldset">
        <legend className="section-title">Sections</legend>
        <div className="section-grid">
          {SECTION_CHOICES.map(({ section, label, hint }) => (
            <label key={section} className="section-option" title={hint}>
              <input
                type="checkbox"
                checked={draft.sections[section]}
                onChange={(e) => onChange({ sections: { ...draft.sections, [section]: e.target.checked } })}
              />
              <span>{label}</span>
            </label>
          ))}
        </div>
        {DATA_FORMATS.includes(draft.format) && (
          <p className="export-hint">
            Sections shape the web page, PDF and Markdown; this format always holds every claim’s data.
          </p>
        )}
      </fieldset>
      <fieldset className="export-fieldset export-fields">
        <legend className="section-title">Title and credits</legend>
        <Field field="title" label="Title" {...common} />
        <div className="export-field-pair">
          <Field field="organisation" label="Organisation" placeholder="e.g. Example Fact Desk" {...common} />
          <Field field="author" label="Author" {...common} />
        </div>
        <Field
          field="baseUrl"
          label="Published at"
          type="url"
          placeholder="https://example.org/fact-checks/this-report"
          hint={
            draft.format === 'claimreview'
              ? 'Each ClaimReview links to this address plus #claim-….'
              : 'Optional: where the report will be published.'
          }
          {...common}
        />
      </fieldset>
    </div>
  );
}

import { FileSearch } from 'lucide-react';
import type { ReportPreview as PreviewData } from '../../shared/report';
import { EmptyState } from '../ui/EmptyState';
import { Spinner } from '../ui/Progress';
import { PREVIEW_CLAIMS } from './useReportPreview';
import { countLabel } from '../../shared/text/count-label';

interface ReportPreviewProps {
  data: PreviewData | undefined;
  fetching: boolean;
  error: string | null;
  /** Said when the chosen format is not the web page the preview draws. */
  formatNote: string | null;
}

/**
 * The HTML report in a sandboxed frame: `sandbox=""` gives it no scripts, no forms, no popups
 * and an opaque origin, so whatever a claim's text holds stays inert text.
 */
export function ReportPreview({ data, fetching, error, formatNote }: ReportPreviewProps) {
  const count = data?.claimCount ?? 0;
  return (
    <section className="export-preview" aria-label="Preview">
      <div className="export-preview-bar">
        <h3 className="section-title export-preview-title">Preview</h3>
        <span className="export-preview-status" data-testid="export-preview-status" aria-live="polite">
          {fetching && <Spinner size={12} />}
          {data &&
            (data.truncated
              ? `Showing the first ${PREVIEW_CLAIMS.toLocaleString()} of ${countLabel(count, 'claim')}`
              : `${count.toLocaleString()} ${count === 1 ? 'claim' : 'claims'}`)}
        </span>
      </div>
      {formatNote && <p className="export-preview-note">{formatNote}</p>}
      <div className="export-preview-frame">
        {error ? (
          <EmptyState icon={<FileSearch size={22} />} title="No preview">
            {error}
          </EmptyState>
        ) : data ? (
          <>
            {count === 0 && (
              <p className="export-preview-empty" role="status">
                No claims in this scope: widen it on the left, or the report will be empty.
              </p>
            )}
            <iframe className="export-preview-iframe" title="Report preview" sandbox="" srcDoc={data.html} />
          </>
        ) : (
          <div className="export-preview-loading">
            <Spinner label="Drawing the preview…" />
          </div>
        )}
      </div>
    </section>
  );
}

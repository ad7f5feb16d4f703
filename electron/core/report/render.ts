/** One entry point per output: pick the format's renderer, run it plainly or cooperatively. */
import { REPORT_FORMAT_INFO, suggestedReportFileName, type RenderedReport, type ReportTextFormat } from '../../../shared/report';
import { csvParts } from './render-csv';
import { htmlParts } from './render-html';
import { jsonParts } from './render-json';
import { markdownParts } from './render-markdown';
import { claimReviewParts, summariseIssues, type ClaimReviewRun } from './render-claimreview';
import type { ReportModel } from './schema';
import { collect, collectCooperatively, type CooperativeOptions, type PartStream, type RenderProgress } from './stream';

function partsFor(format: ReportTextFormat, model: ReportModel, progress: RenderProgress, run: ClaimReviewRun): PartStream {
  switch (format) {
    case 'html':
      return htmlParts(model, progress);
    case 'md':
      return markdownParts(model, progress);
    case 'csv':
      return csvParts(model, progress);
    case 'json':
      return jsonParts(model, progress);
    case 'claimreview':
      return claimReviewParts(model, progress, run);
  }
}

function finish(format: ReportTextFormat, model: ReportModel, content: string, run: ClaimReviewRun): RenderedReport {
  const info = REPORT_FORMAT_INFO[format];
  return {
    format,
    content,
    mimeType: info.mimeType,
    extension: info.extension,
    suggestedFileName: suggestedReportFileName(model.workspace.name, model.generatedAt, format),
    // A ClaimReview file holds only the decided, settled claims: count what it holds.
    claimCount: format === 'claimreview' ? run.written : model.summary.total,
    warnings: summariseIssues(run.issues, 'warning'),
  };
}

export function renderReport(format: ReportTextFormat, model: ReportModel): RenderedReport {
  const run: ClaimReviewRun = { issues: [], written: 0 };
  return finish(format, model, collect(partsFor(format, model, { claimsDone: 0 }, run)), run);
}

/** Same output as renderReport, produced in slices so the main process stays responsive. */
export async function renderReportCooperatively(
  format: ReportTextFormat,
  model: ReportModel,
  options: CooperativeOptions = {},
): Promise<RenderedReport> {
  const run: ClaimReviewRun = { issues: [], written: 0 };
  const progress: RenderProgress = { claimsDone: 0 };
  const content = await collectCooperatively(partsFor(format, model, progress, run), progress, options);
  return finish(format, model, content, run);
}

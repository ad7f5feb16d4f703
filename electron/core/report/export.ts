/**
 * report.export: render a report in the core and write it to the path the person chose, so the
 * content never crosses into the renderer. Runs as a job (progress, cancel); a cancelled or
 * failed export writes nothing, and an existing file at the path is left as it was.
 */
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { REPORT_FORMAT_INFO, type ExportedReport, type ReportFormat, type ReportOptionsPatch } from '../../../shared/report';
import { ClaimbenchError } from '../../../shared/result';
import { pathOrChosen } from '../chosen-files';
import type { CoreContext } from '../context';
import { buildReportModel } from './build';
import { loadReportOptions, mergeOptions } from './options';
import { renderPdf } from './pdf';
import { renderReportCooperatively } from './render';
import { reportJobs } from './jobs';
import type { ReportModel } from './schema';
import { throwIfCancelled, type CooperativeOptions } from './stream';
import { writeFileAtomically } from './write';

export interface ExportRequest {
  format: ReportFormat;
  /** The target: a path from the core's own callers, or the token of the file chosen in report.chooseTarget. */
  path?: string;
  chosen?: string;
  options?: ReportOptionsPatch;
  jobId?: string;
}

/** Extensions accepted for each format (the first is the one save dialogs suggest). */
const ACCEPTED_EXTENSIONS: Record<ReportFormat, string[]> = {
  html: ['html', 'htm'],
  pdf: ['pdf'],
  md: ['md', 'markdown'],
  csv: ['csv'],
  json: ['json'],
  claimreview: ['jsonld', 'json'],
};

/**
 * The target must be an absolute path ending in the format's extension: the path comes from the
 * renderer, and this keeps a report from landing on (say) a shell profile or an executable.
 */
export function checkExportPath(target: string, format: ReportFormat): string {
  if (!path.isAbsolute(target)) throw new ClaimbenchError('VALIDATION', `Export path must be absolute: ${target}`);
  const ext = path.extname(target).slice(1).toLowerCase();
  const accepted = ACCEPTED_EXTENSIONS[format];
  if (!accepted.includes(ext)) {
    throw new ClaimbenchError(
      'VALIDATION',
      `A ${REPORT_FORMAT_INFO[format].label} report must be saved as .${accepted.join(' or .')}, not ${ext ? `.${ext}` : 'a file without an extension'}.`,
    );
  }
  return path.resolve(target);
}

async function renderBytes(
  format: ReportFormat,
  model: ReportModel,
  ctx: CoreContext,
  cooperative: CooperativeOptions,
): Promise<{ content: string | Buffer; warnings: string[]; claimCount: number }> {
  if (format !== 'pdf') {
    const rendered = await renderReportCooperatively(format, model, cooperative);
    return { content: rendered.content, warnings: rendered.warnings, claimCount: rendered.claimCount };
  }
  const html = (await renderReportCooperatively('html', model, cooperative)).content;
  throwIfCancelled(cooperative.signal);
  const printToPdf = ctx.host?.printToPdf?.bind(ctx.host);
  const pdf = printToPdf
    ? Buffer.from(await printToPdf(html, { footerText: model.title, signal: cooperative.signal }))
    : await renderPdf(html, { footerText: model.title, signal: cooperative.signal });
  return { content: pdf, warnings: [], claimCount: model.summary.total };
}

export async function exportReport(request: ExportRequest, ctx: CoreContext): Promise<ExportedReport> {
  const target = checkExportPath(pathOrChosen(request.path, request.chosen, 'save:report'), request.format);
  const options = mergeOptions(loadReportOptions(ctx.workspace), request.options);
  const model = buildReportModel({
    db: ctx.workspace.db,
    workspaceName: ctx.workspace.name,
    options,
    actorId: () => ctx.identity.get().actorId,
  });
  const job = request.jobId ? reportJobs.start(request.jobId, model.summary.total) : null;
  try {
    if (job) {
      // Give the caller a turn first, so a cancel sent right after the start is honoured.
      await nextTurn();
      throwIfCancelled(job.signal);
    }
    const { content, warnings, claimCount } = await renderBytes(request.format, model, ctx, {
      signal: job?.signal,
      onProgress: job?.onProgress,
    });
    // The last moment a cancel can take effect: after this the file is complete or absent.
    throwIfCancelled(job?.signal);
    writeFileAtomically(target, content);
    job?.finish('done');
    return {
      path: target,
      name: path.basename(target),
      bytes: typeof content === 'string' ? Buffer.byteLength(content) : content.length,
      claimCount,
      warnings,
    };
  } catch (e) {
    job?.finish(job.signal.aborted ? 'cancelled' : 'failed');
    throw e;
  }
}

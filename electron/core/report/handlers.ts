import { setImmediate as nextTurn } from 'node:timers/promises';
import { REPORT_FORMAT_INFO, suggestedReportFileName, type ReportOptions, type ReportOptionsPatch } from '../../../shared/report';
import { chooseSaveTarget } from '../chosen-files';
import type { Handlers } from '../handler-types';
import type { Workspace } from '../store/workspace';
import { buildReportModel } from './build';
import { exportReport } from './export';
import { pdfUnavailableReason } from './pdf';
import { reportJobs } from './jobs';
import { loadReportOptions, mergeOptions, saveReportOptions } from './options';
import { renderReportCooperatively } from './render';
import { htmlParts } from './render-html';
import type { ReportModel } from './schema';
import { collectCooperatively, throwIfCancelled } from './stream';

const PREVIEW_DEFAULT_LIMIT = 200;

/** The model for the remembered options, overridden for this call by `patch`; `actorId` = who exports. */
export function modelFor(
  workspace: Workspace,
  patch: ReportOptionsPatch | undefined,
  actorId?: string | (() => string),
): ReportModel {
  const options: ReportOptions = mergeOptions(loadReportOptions(workspace), patch);
  return buildReportModel({ db: workspace.db, workspaceName: workspace.name, options, actorId });
}

export const reportHandlers = {
  'report.formats': async (_input, { host }) => {
    // The host prints when it can (Electron, the browser host); otherwise export.ts uses Chromium here.
    const pdf = host?.printToPdf ? ((await host.pdfUnavailable?.()) ?? null) : pdfUnavailableReason();
    return { unavailable: pdf ? { pdf } : {} };
  },

  'report.options.get': (_input, { workspace }) => loadReportOptions(workspace),

  'report.options.set': ({ options }, { workspace }) => saveReportOptions(workspace, options),

  'report.preview': async ({ options, limit = PREVIEW_DEFAULT_LIMIT }, { workspace, identity }) => {
    const model = modelFor(workspace, options, () => identity.get().actorId);
    const progress = { claimsDone: 0 };
    const html = await collectCooperatively(htmlParts(model, progress, { claimLimit: limit }), progress);
    return { html, claimCount: model.summary.total, truncated: model.summary.total > limit };
  },

  'report.render': async ({ format, options, jobId }, { workspace, identity, signal, progress }) => {
    const model = modelFor(workspace, options, () => identity.get().actorId);
    if (!jobId) {
      const total = model.summary.total;
      return renderReportCooperatively(format, model, { signal, onProgress: progress && ((done) => progress({ done, total })) });
    }
    const job = reportJobs.start(jobId, model.summary.total);
    try {
      // Give the caller a turn first, so a cancel sent right after the start is honoured.
      await nextTurn();
      throwIfCancelled(job.signal);
      const rendered = await renderReportCooperatively(format, model, { signal: job.signal, onProgress: job.onProgress });
      job.finish('done');
      return rendered;
    } catch (e) {
      job.finish(job.signal.aborted ? 'cancelled' : 'failed');
      throw e;
    }
  },

  'report.chooseTarget': async ({ format }, ctx) => {
    const defaultName = suggestedReportFileName(ctx.workspace.name, new Date().toISOString(), format);
    return { file: await chooseSaveTarget(ctx, 'report', defaultName, REPORT_FORMAT_INFO[format].extension) };
  },

  'report.export': (input, ctx) => exportReport(input, ctx),

  'report.progress': ({ jobId }) => reportJobs.progress(jobId),

  'report.cancel': ({ jobId }) => ({ cancelled: reportJobs.cancel(jobId) }),
} satisfies Partial<Handlers>;

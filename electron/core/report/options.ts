/**
 * The export dialog's choices, remembered per workspace as the `setting` entity
 * `report.options`, written through the change recorder like every other write.
 */
import { isDeepStrictEqual } from 'node:util';
import { DEFAULT_REPORT_OPTIONS, reportOptionsSchema, type ReportOptions, type ReportOptionsPatch } from '../../../shared/report';
import { REPORT_OPTIONS_SETTING } from '../../../shared/setting-keys';
import type { Workspace } from '../store/workspace';

export { REPORT_OPTIONS_SETTING };

/** Later values win; `sections` merges key by key. */
export function mergeOptions(base: ReportOptions, patch: ReportOptionsPatch | undefined): ReportOptions {
  if (!patch) return base;
  return { ...base, ...patch, sections: { ...base.sections, ...patch.sections }, scope: patch.scope ?? base.scope };
}

/**
 * A session scope is a one-off (the session view's "Export summary"): it is never remembered, so
 * the next export from the workbench, or a CLI run without --session, covers the usual claims.
 */
function withoutSession(options: ReportOptions): ReportOptions {
  if (options.scope.sessionId === undefined) return options;
  const { sessionId: _session, ...scope } = options.scope;
  return { ...options, scope };
}

/**
 * The stored options over the defaults. A stored value that no longer validates (an older app,
 * a hand-edited or hostile file) falls back field by field rather than failing the export.
 */
export function loadReportOptions(workspace: Workspace): ReportOptions {
  const raw = workspace.db
    .prepare('SELECT value FROM settings WHERE id = ? AND deleted = 0')
    .pluck()
    .get(REPORT_OPTIONS_SETTING) as string | null | undefined;
  if (!raw) return DEFAULT_REPORT_OPTIONS;
  let stored: unknown;
  try {
    stored = JSON.parse(raw);
  } catch {
    return DEFAULT_REPORT_OPTIONS;
  }
  if (typeof stored !== 'object' || stored === null) return DEFAULT_REPORT_OPTIONS;
  const result: Record<string, unknown> = { ...DEFAULT_REPORT_OPTIONS };
  for (const [key, fieldSchema] of Object.entries(reportOptionsSchema.shape)) {
    const candidate = (stored as Record<string, unknown>)[key];
    const parsed = fieldSchema.safeParse(
      key === 'sections' && typeof candidate === 'object' ? { ...DEFAULT_REPORT_OPTIONS.sections, ...candidate } : candidate,
    );
    if (parsed.success) result[key] = parsed.data;
  }
  return withoutSession(result as ReportOptions);
}

export function saveReportOptions(workspace: Workspace, patch: ReportOptionsPatch): ReportOptions {
  const current = loadReportOptions(workspace);
  const next = withoutSession(reportOptionsSchema.parse(mergeOptions(current, patch)));
  // Exporting again with the same choices (another format, another file) changes nothing: nothing goes in the log.
  if (isDeepStrictEqual(next, current)) return next;
  workspace.recorder.action('Change report options', (w) => {
    if (w.exists('setting', REPORT_OPTIONS_SETTING)) w.set('setting', REPORT_OPTIONS_SETTING, 'value', next);
    else w.create('setting', REPORT_OPTIONS_SETTING, { value: next });
  });
  return next;
}

/**
 * The report export contract shared by the core, the CLI and the export dialog: formats, scope,
 * options (remembered per workspace) and what a render returns. Pure data, no Node.
 */
import { z } from 'zod';
import { chosenToken, filePath } from './file-path';
import { VERDICT_FILTERS } from './domain';
import { op, pageOmits } from './operation';
import type { ChosenFile } from './team';

/** The JSON export's `schemaVersion` (docs/report-schema.md); the export dialog and its notices name it too. */
export const REPORT_SCHEMA_VERSION = 2;

/** Formats the core renders to text. PDF is drawn from the HTML (printToPDF in the app, Chromium in the CLI). */
export const REPORT_TEXT_FORMATS = ['html', 'md', 'csv', 'json', 'claimreview'] as const;
export type ReportTextFormat = (typeof REPORT_TEXT_FORMATS)[number];
export const REPORT_FORMATS = [...REPORT_TEXT_FORMATS, 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_FORMAT_INFO: Record<ReportFormat, { extension: string; mimeType: string; label: string }> = {
  html: { extension: 'html', mimeType: 'text/html;charset=utf-8', label: 'Web page (HTML)' },
  pdf: { extension: 'pdf', mimeType: 'application/pdf', label: 'PDF' },
  md: { extension: 'md', mimeType: 'text/markdown;charset=utf-8', label: 'Markdown' },
  csv: { extension: 'csv', mimeType: 'text/csv;charset=utf-8', label: 'Spreadsheet (CSV)' },
  json: { extension: 'json', mimeType: 'application/json', label: `JSON (schema version ${REPORT_SCHEMA_VERSION})` },
  claimreview: { extension: 'jsonld', mimeType: 'application/ld+json', label: 'schema.org ClaimReview (JSON-LD)' },
};

/** Optional parts of a report; the claim list itself is always there. */
export const REPORT_SECTIONS = ['summary', 'contents', 'context', 'sources', 'notes', 'decisions', 'appendix'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

const entityId = z.string().min(1).max(64);

/**
 * Which claims: all (empty scope), chosen documents, and/or the current filter (verdicts, text
 * query). With `sessionId`, only the claims in that checking session's queue (narrowed further by
 * the other fields), and the report carries the session's summary.
 */
export const reportScopeSchema = z
  .object({
    documentIds: z.array(entityId).max(10_000).optional(),
    verdicts: z.array(z.enum(VERDICT_FILTERS)).max(VERDICT_FILTERS.length).optional(),
    query: z.string().max(2_000).optional(),
    /** Only claims someone has decided (sourced, disputed or unverified). */
    decided: z.boolean().optional(),
    sessionId: entityId.optional(),
  })
  .strict();
export type ReportScope = z.infer<typeof reportScopeSchema>;

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

const sectionsSchema = z.object(
  Object.fromEntries(REPORT_SECTIONS.map((s) => [s, z.boolean()])) as Record<ReportSection, z.ZodBoolean>,
);

export const reportOptionsSchema = z
  .object({
    title: z.string().trim().max(300),
    organisation: z.string().trim().max(300),
    author: z.string().trim().max(300),
    /** Where the published report will live; ClaimReview URLs are this plus `#claim-<id>`. */
    baseUrl: z
      .string()
      .trim()
      .max(2_000)
      .refine((v) => v === '' || isHttpUrl(v), 'Base URL must be an http(s) address'),
    sections: sectionsSchema.strict(),
    scope: reportScopeSchema,
  })
  .strict();
export type ReportOptions = z.infer<typeof reportOptionsSchema>;

/** A partial update: anything left out keeps its remembered value. */
export const reportOptionsPatchSchema = reportOptionsSchema
  .extend({ sections: sectionsSchema.partial().strict() })
  .partial()
  .strict();
export type ReportOptionsPatch = z.infer<typeof reportOptionsPatchSchema>;

export const DEFAULT_REPORT_OPTIONS: ReportOptions = {
  title: 'Fact-check report',
  organisation: '',
  author: '',
  baseUrl: '',
  sections: { summary: true, contents: true, context: true, sources: true, notes: true, decisions: true, appendix: true },
  scope: {},
};

/**
 * "odesa-desk-report-2026-03-04.pdf": the workspace's name (which says which investigation it is,
 * where every report's title is often the same), the date, the format's extension.
 */
export function suggestedReportFileName(workspaceName: string, isoDate: string, format: ReportFormat): string {
  const stem = workspaceName
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .toLowerCase();
  return `${stem ? `${stem}-report` : 'fact-check-report'}-${isoDate.slice(0, 10)}.${REPORT_FORMAT_INFO[format].extension}`;
}

/** What report.render returns; the shell writes `content` to the path the user chose. */
export interface RenderedReport {
  format: ReportTextFormat;
  content: string;
  mimeType: string;
  extension: string;
  suggestedFileName: string;
  claimCount: number;
  /** Non-fatal findings, e.g. a ClaimReview claimReviewed longer than 75 characters. */
  warnings: string[];
}

export interface ReportPreview {
  html: string;
  claimCount: number;
  /** True when the preview shows only the first `limit` claims. */
  truncated: boolean;
}

/** What report.export returns: the file was written completely (atomically) at `path`. */
export interface ExportedReport {
  /** Where the file was written: for the core's own callers (the CLI); a page gets only `name`. */
  path: string;
  name: string;
  bytes: number;
  claimCount: number;
  /** Non-fatal findings to show the person, as for report.render. */
  warnings: string[];
}

export type ReportJobState = 'running' | 'done' | 'cancelled' | 'failed' | 'unknown';

export interface ReportJobProgress {
  jobId: string;
  state: ReportJobState;
  /** Claims rendered so far and in all. */
  done: number;
  total: number;
}

/** A caller-chosen id for a long render, so report.progress and report.cancel can name it. */
const jobId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Job id must be 1-64 letters, digits, - or _');

/** The report operations of the contract (spread into `api` in shared/api.ts). */
export const reportApi = {
  /** The export dialog's remembered choices for this workspace (defaults until first saved). */
  'report.options.get': op<ReportOptions>()(z.object({}).strict()),
  /** Remember changed choices (a partial update); returns the full, saved options. */
  'report.options.set': op<ReportOptions>()(z.object({ options: reportOptionsPatchSchema }).strict()),
  /** HTML for the live preview (render it in a sandboxed iframe via srcdoc); at most `limit` claims. */
  'report.preview': op<ReportPreview>()(
    z.object({ options: reportOptionsPatchSchema.optional(), limit: z.number().int().min(1).max(5_000).optional() }).strict(),
  ),
  /**
   * The whole report as text in one format (for PDF: render 'html' and print it). Without
   * `options`, the remembered ones are used; `options` overrides them for this render only.
   */
  'report.render': op<RenderedReport>()(
    z
      .object({ format: z.enum(REPORT_TEXT_FORMATS), options: reportOptionsPatchSchema.optional(), jobId: jobId.optional() })
      .strict(),
  ),
  /** Ask the person where to save a report in this format, in the host's dialog; the path stays in the core behind the token. */
  'report.chooseTarget': op<{ file: ChosenFile | null }>()(z.object({ format: z.enum(REPORT_FORMATS) }).strict()),
  /**
   * Render in the core and write the file atomically to `path` (absolute, with the format's
   * extension) or to the file chosen in report.chooseTarget (`chosen`, the only way a page names it).
   * PDF is printed by the host when it can, else by headless Chromium. A cancelled or failed export
   * leaves no file and no partial file.
   */
  'report.export': pageOmits(
    op<ExportedReport>()(
      z
        .object({
          format: z.enum(REPORT_FORMATS),
          path: filePath.optional(),
          chosen: chosenToken.optional(),
          options: reportOptionsPatchSchema.optional(),
          jobId: jobId.optional(),
        })
        .strict()
        .refine((v) => (v.path === undefined) !== (v.chosen === undefined), 'Give either a path or a chosen file, not both.'),
      z
        .object({
          format: z.enum(REPORT_FORMATS),
          chosen: chosenToken,
          options: reportOptionsPatchSchema.optional(),
          jobId: jobId.optional(),
        })
        .strict(),
    ),
    ['path'],
  ),
  /** The formats this machine cannot export, each with why in one line (PDF without Chromium). */
  'report.formats': op<{ unavailable: Partial<Record<ReportFormat, string>> }>()(z.object({}).strict()),
  'report.progress': op<ReportJobProgress>()(z.object({ jobId }).strict()),
  'report.cancel': op<{ cancelled: boolean }>()(z.object({ jobId }).strict()),
} as const;

/**
 * The one contract. Each entry: operation name -> zod input schema + output type.
 * The IPC registration, the preload, the renderer client, the CLI and the test bridge
 * are all derived from this table; adding an operation is one entry here plus one handler.
 */
import { z } from 'zod';
import { stripDisguisingChars } from './text/invisible';
import { collapseWhitespace } from './text/whitespace';
import { MAX_DOCUMENT_TEXT_CHARS, MAX_IMPORT_FILE_BASE64_CHARS, MAX_IMPORT_FILES } from './limits';
import { op, pageOmits, type WithoutKeys } from './operation';
import type {
  Claim,
  DeletionImpact,
  DocumentRecord,
  DocumentSummary,
  HistoryEntry,
  IdentityInfo,
  UndoResult,
  UndoState,
  VerdictCounts,
} from './domain';
import { VERDICTS } from './domain';
import type { BatchStatus, DocumentSentence, ImportOutcome, ReplaceTextResult } from './spotting/ingest-types';
import { claimFilterShape, claimSort, evidenceApi } from './evidence-api';
import { hostApi } from './host-api';
import { reportApi } from './report';
import { sessionsApi } from './sessions-api';
import { captureFollowApi } from './capture-follow-api';
import { teamApi } from './team-api';
import { libraryApi } from './library-api';
import { workspaceApi } from './workspace-api';

export type { OperationDef } from './operation';

/** A claim's text reads as one line: typed or pasted line breaks become spaces. */
const claimText = z
  .string()
  .overwrite((t) => collapseWhitespace(stripDisguisingChars(t)))
  .min(1)
  .max(20_000);

const id = z.string().min(1).max(64);
const verdict = z.enum(VERDICTS);
/** Text fields are bounded so a hostile caller cannot make the store swallow gigabytes. */
/** Typed text loses bidi overrides and zero-width characters on the way in (shared/text/invisible.ts). */
const shortText = z.string().overwrite(stripDisguisingChars).max(2_000);
const longText = z.string().overwrite(stripDisguisingChars).max(200_000);
const documentText = z.string().max(MAX_DOCUMENT_TEXT_CHARS);
const empty = z.object({}).strict();
/** A file crossing IPC: its name and its bytes as base64 (shared/limits.ts). */
const fileName = z.string().trim().min(1).max(500);
const fileBase64 = z
  .string()
  .max(MAX_IMPORT_FILE_BASE64_CHARS)
  .regex(/^[A-Za-z0-9+/=\s]*$/, 'Not base64');
const fileBytes = z.object({ name: fileName, dataBase64: fileBase64 }).strict();
const nonEmptyText = documentText.refine((t) => t.trim().length > 0, 'Text is empty');
const exactlyOneOfTextOrFile = (v: { text?: string; file?: unknown }) => (v.text === undefined) !== (v.file === undefined);

export const api = {
  'identity.get': pageOmits(op<IdentityInfo>()(empty), ['path']),
  'identity.setAuthor': op<IdentityInfo>()(z.object({ name: z.string().trim().min(1).max(120) }).strict()),

  'documents.list': op<DocumentSummary[]>()(empty),
  'documents.get': op<DocumentRecord>()(z.object({ id }).strict()),
  /**
   * A document from pasted `text`, or from a text `file`'s bytes (Open Text File), read by the core's
   * ingest pipeline either way. Content already in the workspace is skipped (`skipped`, `document` =
   * the one there) unless allowDuplicate.
   */
  'documents.createFromText': op<{
    document: DocumentSummary;
    claimCount: number;
    duplicateOf: string | null;
    skipped: boolean;
  }>()(
    z
      .object({
        title: shortText.optional(),
        text: nonEmptyText.optional(),
        file: fileBytes.optional(),
        origin: shortText.optional(),
        allowDuplicate: z.boolean().optional(),
      })
      .strict()
      .refine(exactlyOneOfTextOrFile, 'Give either text or a file'),
  ),
  'documents.rename': op<DocumentSummary>()(z.object({ id, title: z.string().trim().min(1).max(2_000) }).strict()),
  'documents.delete': op<{ deleted: number }>()(z.object({ id }).strict()),
  /** What deleting a document takes with it, for the question asked first. */
  'documents.deletionImpact': op<DeletionImpact>()(z.object({ id }).strict()),

  'claims.list': op<{ items: Claim[]; total: number }>()(
    z
      .object({
        query: shortText.optional(),
        ...claimFilterShape,
        sort: claimSort.optional(),
        offset: z.number().int().min(0).max(10_000_000).optional(),
        limit: z.number().int().min(1).max(5_000).optional(),
      })
      .strict(),
  ),
  'claims.get': op<Claim>()(z.object({ id }).strict()),
  'claims.add': op<Claim>()(
    z
      .object({
        documentId: id.optional(),
        text: claimText,
        claimant: shortText.optional(),
      })
      .strict(),
  ),
  'claims.update': op<Claim>()(
    z
      .object({
        id,
        patch: z
          .object({
            text: claimText.optional(),
            claimant: shortText.nullable().optional(),
            rationale: longText.optional(),
          })
          .strict(),
      })
      .strict(),
  ),
  'claims.setVerdict': op<{ updated: number }>()(
    z
      .object({
        ids: z.array(id).min(1).max(100_000),
        verdict,
        rationale: longText.optional(),
      })
      .strict(),
  ),
  'claims.delete': op<{ deleted: number }>()(z.object({ ids: z.array(id).min(1).max(100_000) }).strict()),
  'claims.history': op<HistoryEntry[]>()(z.object({ id }).strict()),

  'stats.get': op<VerdictCounts>()(z.object({ documentId: id.optional() }).strict()),
  /** Each claimant with how many live claims name it (in one document, or all), most claims first. */
  'claims.claimants': op<{ claimant: string; count: number }[]>()(z.object({ documentId: id.optional() }).strict()),
  /** Tags in use with their live claim counts, most used first. */
  'claims.tags': op<{ tag: string; count: number }[]>()(z.object({ documentId: id.optional() }).strict()),
  /**
   * The people a claim can be assigned to, for suggestions: names already assigned (with how many live claims
   * each has) and everyone who has worked in this workspace (count 0), most assigned first, then by name.
   */
  'claims.assignees': op<{ name: string; count: number }[]>()(z.object({}).strict()),
  /** One undoable action: every live claim whose claimant is `from` (in any case) names `to` instead. */
  'claims.renameClaimant': op<{ updated: number }>()(
    z
      .object({
        from: shortText.pipe(z.string().trim().min(1)),
        to: shortText.pipe(z.string().trim().min(1)),
        documentId: id.optional(),
      })
      .strict(),
  ),

  'edit.undo': op<UndoResult>()(empty),
  'edit.redo': op<UndoResult>()(empty),
  'edit.state': op<UndoState>()(empty),

  // Issue 3: import, sentences, check-worthiness, claim spans (handlers in electron/core/ingest/handlers.ts).
  'ingest.importFile': op<ImportOutcome>()(
    z.object({ name: fileName, dataBase64: fileBase64, allowDuplicate: z.boolean().optional() }).strict(),
  ),
  'ingest.startBatch': op<BatchStatus>()(z.object({ files: z.array(fileBytes).min(1).max(MAX_IMPORT_FILES) }).strict()),
  /** "Import anyway": store a file the batch skipped because its content was already in the workspace. */
  'ingest.importDuplicate': op<ImportOutcome>()(
    z
      .object({
        jobId: id,
        index: z
          .number()
          .int()
          .min(0)
          .max(MAX_IMPORT_FILES - 1),
      })
      .strict(),
  ),
  /** Asks the host for files (the renderer never names paths) and starts a batch; null status when cancelled. */
  'ingest.importChosen': op<{ status: BatchStatus | null; names: string[] }>()(empty),
  'ingest.batchStatus': op<BatchStatus>()(z.object({ jobId: id }).strict()),
  'ingest.cancelBatch': op<BatchStatus>()(z.object({ jobId: id }).strict()),
  'ingest.sentences': op<{ threshold: number; sentences: DocumentSentence[] }>()(z.object({ documentId: id }).strict()),
  /** New text for a document, typed (`text`) or an edited file's bytes (`file`, read by the ingest pipeline). */
  'documents.replaceText': op<ReplaceTextResult>()(
    z
      .object({ id, text: nonEmptyText.optional(), file: fileBytes.optional() })
      .strict()
      .refine(exactlyOneOfTextOrFile, 'Give either text or a file'),
  ),
  /** A file's text as the ingest pipeline reads it (encoding detected, extracted, normalised), stored nowhere. */
  'ingest.readText': op<{ text: string; encoding: string | null; format: string; title: string | null }>()(fileBytes),
  'claims.createFromSpan': op<Claim>()(
    z
      .object({ documentId: id, start: z.number().int().min(0), end: z.number().int().min(1) })
      .strict()
      .refine((v) => v.end > v.start, 'end must be after start'),
  ),
  'claims.split': op<{ first: Claim; second: Claim }>()(z.object({ id, offset: z.number().int().min(1) }).strict()),
  'claims.mergeNext': op<Claim>()(z.object({ id }).strict()),
  'spotting.getThreshold': op<{ threshold: number; defaultThreshold: number }>()(empty),
  /** Also re-applies the threshold to the documents already imported (one undo step); `reapplied` says what moved. */
  'spotting.setThreshold': op<{
    threshold: number;
    defaultThreshold: number;
    reapplied: { added: number; removed: number; kept: number; documents: number };
  }>()(z.object({ threshold: z.number().min(0).max(1).nullable() }).strict()),

  ...evidenceApi,
  ...reportApi,
  ...teamApi,
  ...sessionsApi,
  ...captureFollowApi,
  ...hostApi,
  ...libraryApi,
  ...workspaceApi,
} as const;

export type Api = typeof api;
export type OperationName = keyof Api;
/** What a page may send (the narrower renderer schema where an operation has one). */
export type OperationInput<N extends OperationName> = Api[N] extends { renderer: infer R extends z.ZodType }
  ? z.input<R>
  : z.input<Api[N]['input']>;
export type ParsedInput<N extends OperationName> = z.output<Api[N]['input']>;
export type OperationOutput<N extends OperationName> = NonNullable<Api[N]['output']>;
/** What a page receives: the output without the fields the core keeps (`pageOmits`, shared/operation.ts). */
export type PageOutput<N extends OperationName> = Api[N] extends { pageOmits: readonly (infer K extends string)[] }
  ? WithoutKeys<OperationOutput<N>, K>
  : OperationOutput<N>;

export const OPERATION_NAMES = Object.keys(api) as OperationName[];

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(api, name);
}

/** The shape `window.claimbench` has in the renderer: one method per operation. */
export type ClaimbenchBridge = {
  [N in OperationName]: (input: OperationInput<N>) => Promise<import('./result').Result<PageOutput<N>>>;
} & {
  onEvent(listener: (event: import('./events').BridgeEvent) => void): () => void;
  /** Which host serves the page: the desktop app (with its menu bar) or the browser host (no menu bar). */
  readonly host: 'desktop' | 'browser';
  /** Electron only: open an http(s) link in the system browser. Call it from a click handler: the shell checks for a real click. */
  openExternal?(url: string): Promise<boolean>;
  /** Electron only: on a right-click, whether the selection is document text a claim can be made from. */
  reportContextSelection?(claimable: boolean): void;
};

/** The IPC channel all operations travel on. */
export const IPC_CHANNEL = 'claimbench';
export const IPC_EVENT_CHANNEL = 'claimbench:event';

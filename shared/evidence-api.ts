/**
 * The evidence, search and triage operations of the contract (spread into `api` in shared/api.ts).
 * Same rules as there: one entry per operation, input validated by its zod schema.
 */
import { z } from 'zod';
import { filePath } from './file-path';
import { stripDisguisingChars } from './text/invisible';
import { op, pageOmits } from './operation';
import { VERDICT_FILTERS } from './domain';
import {
  CLAIM_SORTS,
  SEARCH_KINDS,
  STANCES,
  type ActivityPage,
  type Attachment,
  type ClaimEvidence,
  type Note,
  type SearchResult,
  type SimilarClaims,
  type Source,
} from './evidence';

/** 100 MiB: large enough for a 50 MB scan or saved page, small enough to keep a workspace portable. */
export const MAX_ATTACHMENT_BYTES = 100 * 1024 * 1024;
const MAX_BASE64_CHARS = Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4 + 16;

const id = z.string().min(1).max(64);
const ids = z.array(id).min(1).max(100_000);
const shortText = z.string().overwrite(stripDisguisingChars).max(2_000);
const longText = z.string().overwrite(stripDisguisingChars).max(200_000);
const personName = z.string().trim().min(1).max(120);
export const tagName = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .refine((t) => !/[\p{Cc}]/u.test(t), 'Tags cannot contain control characters');
const stance = z.enum(STANCES);
/** Any string here; the core accepts only http(s) and says why it refuses the rest. */
const urlText = z.string().trim().max(4_000);

/** The filters claims.list gained with evidence (it already had documentId, verdict and query). */
export const claimListExtraShape = {
  claimant: shortText.optional(),
  /** A name, or null for "unassigned". */
  assignee: z.string().max(120).nullable().optional(),
  tag: tagName.optional(),
  /** Only claims without any source yet. */
  noSource: z.boolean().optional(),
};

/** The claim list's filters, declared once: claims.list, search, claims.locate, the saved view and a session's scope. */
export const claimFilterShape = {
  documentId: id.optional(),
  verdict: z.enum(VERDICT_FILTERS).optional(),
  ...claimListExtraShape,
};
/** The filters with the search text each of those operations adds: what the core's claim conditions take. */
export type ClaimFilters = z.output<z.ZodObject<typeof claimFilterShape>> & { query?: string };
export const claimSort = z.enum(CLAIM_SORTS);

/** One person's view of a workspace, restored after a restart: not shared, not undoable. */
export const viewStateSchema = z
  .object({
    query: shortText.optional(),
    ...claimFilterShape,
    sort: claimSort.optional(),
    selectedIds: z.array(id).max(10_000).optional(),
    focusedId: id.nullable().optional(),
  })
  .strict();
export type ViewState = z.output<typeof viewStateSchema>;

const sourceFields = {
  url: urlText.nullable().optional(),
  title: shortText.optional(),
  publisher: shortText.nullable().optional(),
  publishedAt: z.string().trim().max(64).nullable().optional(),
  /** When the checker read the source; a new source with a link gets today's date unless given. */
  accessedAt: z.string().trim().max(64).nullable().optional(),
  /** A frozen copy of the page, e.g. https://web.archive.org/web/…; http(s) only. */
  archiveUrl: urlText.nullable().optional(),
  excerpt: longText.optional(),
  stance: stance.optional(),
  attachmentId: id.nullable().optional(),
};

const attachmentFile = z
  .object({
    name: z.string().max(1_000),
    mime: z.string().max(200).optional(),
    /** The file's bytes, base64-encoded (at most 100 MiB once decoded). */
    base64: z.string().max(MAX_BASE64_CHARS, 'The attachment is larger than 100 MB.'),
  })
  .strict();

export const evidenceApi = {
  'claims.evidence': op<ClaimEvidence>()(z.object({ id }).strict()),
  'claims.assign': op<{ updated: number }>()(z.object({ ids, assignee: personName.nullable() }).strict()),
  'claims.tag': op<{ updated: number }>()(
    z
      .object({
        ids,
        add: z.array(tagName).max(50).optional(),
        remove: z.array(tagName).max(50).optional(),
      })
      .strict()
      .refine((v) => (v.add?.length ?? 0) + (v.remove?.length ?? 0) > 0, 'Give at least one tag to add or remove'),
  ),
  /** A page looks only in the host's recently opened workspaces, and gets no workspace paths back. */
  'claims.similar': pageOmits(
    op<SimilarClaims>()(
      z
        .object({
          id,
          limit: z.number().int().min(1).max(50).optional(),
          /** Other workspace files to look in (e.g. the recently opened ones); opened read-only. */
          otherWorkspaces: z.array(filePath).max(20).optional(),
        })
        .strict(),
      z.object({ id, limit: z.number().int().min(1).max(50).optional() }).strict(),
    ),
    ['workspacePath', 'path'],
  ),

  /** Where a claim sits in the list these filters and this sort give (null: not listed), to reveal it. */
  'claims.locate': op<{ index: number | null }>()(
    z.object({ id, query: shortText.optional(), ...claimFilterShape, sort: claimSort.optional() }).strict(),
  ),
  /**
   * Where the checker's place is in that list: the claim's own row when listed, else the listed claim
   * that follows it in the sort order (the last one when none follows); null when nothing is listed.
   */
  'claims.place': op<{ index: number | null; listed: boolean }>()(
    z.object({ id, query: shortText.optional(), ...claimFilterShape, sort: claimSort.optional() }).strict(),
  ),

  'sources.add': op<Source>()(
    z
      .object({
        claimId: id,
        /** What the checker pasted: a URL becomes the link, anything else the excerpt. */
        pasted: longText.optional(),
        ...sourceFields,
        /** A file to attach, stored in the same transaction as the source: both or neither. */
        file: attachmentFile.optional(),
      })
      .strict(),
  ),
  'sources.update': op<Source>()(z.object({ id, patch: z.object(sourceFields).strict() }).strict()),
  'sources.delete': op<{ deleted: number }>()(z.object({ id }).strict()),
  'sources.list': op<Source[]>()(z.object({ claimId: id }).strict()),

  'attachments.add': op<Attachment>()(z.object({ claimId: id, ...attachmentFile.shape }).strict()),
  'attachments.list': op<Attachment[]>()(z.object({ claimId: id }).strict()),
  'attachments.delete': op<{ deleted: number }>()(z.object({ id }).strict()),
  /** Write the attachment to a fresh temporary file with a safe name (the path is for the core's own callers). */
  'attachments.export': pageOmits(op<{ path: string; name: string; size: number }>()(z.object({ id }).strict()), ['path']),
  /** Write the attachment to a fresh temporary file and show it in the system viewer (in a browser: a download). */
  'attachments.open': op<{ opened: true; name: string }>()(z.object({ id }).strict()),

  'notes.add': op<Note>()(
    z.object({ claimId: id, text: z.string().overwrite(stripDisguisingChars).trim().min(1).max(20_000) }).strict(),
  ),
  'notes.list': op<Note[]>()(z.object({ claimId: id }).strict()),
  'notes.delete': op<{ deleted: number }>()(z.object({ id }).strict()),

  'activity.list': op<ActivityPage>()(
    z
      .object({
        /** HLC cursor from the previous page's nextBefore. */
        before: z.string().max(64).optional(),
        limit: z.number().int().min(1).max(500).optional(),
        claimId: id.optional(),
      })
      .strict(),
  ),

  search: op<SearchResult>()(
    z
      .object({
        query: z.string().max(2_000),
        kinds: z.array(z.enum(SEARCH_KINDS)).min(1).max(4).optional(),
        ...claimFilterShape,
        offset: z.number().int().min(0).max(100_000).optional(),
        limit: z.number().int().min(1).max(500).optional(),
      })
      .strict(),
  ),

  'view.get': op<{ view: ViewState | null }>()(z.object({}).strict()),
  'view.set': op<ViewState>()(viewStateSchema),
} as const;

/**
 * The report model (schema version REPORT_SCHEMA_VERSION). It is both the input of every renderer and, verbatim, the
 * JSON export, so this zod schema is the documented contract (docs/report-schema.md) and tests
 * validate real output against it. Change it only by adding optional fields; anything else
 * bumps REPORT_SCHEMA_VERSION.
 */
import { z } from 'zod';
import { VERDICTS, VERDICT_FILTERS } from '../../../shared/domain';
import { CLAIM_WARNING_CODES, STANCES } from '../../../shared/evidence';
import { REPORT_SCHEMA_VERSION, REPORT_SECTIONS } from '../../../shared/report';
import { QUEUE_STATES, SESSION_STATUSES } from '../../../shared/sessions';

export { REPORT_SCHEMA_VERSION };

const isoTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
const nullableText = z.string().nullable();

export const reportSourceSchema = z.object({
  id: z.string(),
  title: z.string(),
  url: nullableText,
  publisher: nullableText,
  publishedAt: nullableText,
  /** When the checker read the source (ISO date). */
  accessedAt: nullableText.optional(),
  /** A frozen copy of the page, e.g. a web archive snapshot. */
  archiveUrl: nullableText.optional(),
  excerpt: z.string(),
  stance: z.enum(STANCES),
  attachmentSha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
  /** Who added the source (the author of its creation in the change log). */
  addedBy: z.string().optional(),
});

export const reportNoteSchema = z.object({
  id: z.string(),
  author: z.string(),
  at: isoTime,
  text: z.string(),
});

/** Where a claim stood in the checking session a session report covers. */
export const reportClaimSessionSchema = z.object({
  state: z.enum(QUEUE_STATES),
  /** "To check", "Done", "Skipped", "Needs more time". */
  stateLabel: z.string(),
  /** Who said it, for a claim captured live; else null. */
  speaker: nullableText,
  capturedAt: isoTime.nullable(),
  /** Time the checker spent on the claim in this session. */
  timeMs: z.number().int().min(0),
});

/** A published fact-check from a linked library that covers the claim (its stored strong match). */
export const reportFactCheckSchema = z.object({
  url: z.string(),
  publisher: z.string(),
  rating: z.string(),
  verdict: z.string(),
  claimReviewed: z.string(),
  headline: z.string(),
  datePublished: nullableText,
});
export type ReportFactCheck = z.infer<typeof reportFactCheckSchema>;

/** One person's whole decision on a claim. */
const decisionSideSchema = z.object({
  author: z.string(),
  verdict: z.enum(VERDICTS).nullable(),
  verdictLabel: z.string(),
  rationale: z.string(),
  /** When this person last changed their decision. */
  at: isoTime,
});
export type DecisionSide = z.infer<typeof decisionSideSchema>;

export const conflictingDecisionSchema = decisionSideSchema.extend({ shown: z.boolean() });
export type ConflictingDecision = z.infer<typeof conflictingDecisionSchema>;

/** One person's whole decision that a settled conflict set aside, and who settled it. */
export const overruledDecisionSchema = decisionSideSchema.extend({
  settledBy: z.string(),
  settledAt: isoTime,
});
export type OverruledDecision = z.infer<typeof overruledDecisionSchema>;

export const reportClaimSchema = z.object({
  id: z.string(),
  /** The HTML anchor: `claim-<id>`; ClaimReview urls end with `#<anchor>`. */
  anchor: z.string(),
  /** 1-based position in the whole report. */
  number: z.number().int().min(1),
  documentId: nullableText,
  text: z.string(),
  claimant: nullableText,
  /** A person's decision; null while the claim is not reviewed. */
  verdict: z.enum(VERDICTS).nullable(),
  /** "Not reviewed" when verdict is null. */
  verdictLabel: z.string(),
  /** ClaimReview scale: 1 Disputed, 2 Unverified, 3 Sourced; null when not reviewed. */
  rating: z.number().int().min(1).max(3).nullable(),
  rationale: z.string(),
  /** The quote in its paragraph; `before`/`after` start/end with "…" where the paragraph was cut. */
  context: z.object({ before: z.string(), quote: z.string(), after: z.string() }).nullable(),
  tags: z.array(z.string()),
  assignee: nullableText,
  /**
   * Who chose the current verdict and when (the verdict change that first set this value, else the claim's creation);
   * null when not reviewed.
   */
  decidedBy: z.string().nullable(),
  decidedAt: isoTime.nullable(),
  decidedHow: z.enum(['verdict-change', 'creation']).nullable(),
  /** Who later kept that verdict as it was (settling a conflict by keeping this side), and when; null otherwise. */
  keptBy: z.string().nullable().optional(),
  keptAt: isoTime.nullable().optional(),
  /** True while a team merge left an open conflict on this claim. */
  conflicted: z.boolean(),
  /**
   * While `conflicted`: each person's whole decision in the conflict (their verdict with their own rationale),
   * oldest first; `shown` marks the one the claim's verdict and rationale above are until someone settles it.
   */
  conflictingDecisions: z.array(conflictingDecisionSchema).optional(),
  /**
   * Decisions set aside when someone settled a team conflict on this claim (keeping a side or deciding anew), oldest
   * settlement first; absent when no conflict was ever settled or the settlement set nothing aside.
   */
  overruledDecisions: z.array(overruledDecisionSchema).optional(),
  createdAt: isoTime,
  createdBy: z.string(),
  sources: z.array(reportSourceSchema),
  /** Files attached to the claim itself (details in the appendix). */
  attachments: z.array(z.object({ id: z.string(), fileName: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
  notes: z.array(reportNoteSchema),
  /** What the record still lacks for its verdict (sourced with no source, disputed with no evidence); warns, never blocks. */
  warnings: z.array(z.object({ code: z.enum(CLAIM_WARNING_CODES), message: z.string() })).optional(),
  /** Only in a session report (`scope.sessionId`). */
  session: reportClaimSessionSchema.optional(),
  /** Only when a linked fact-check library has a published fact-check covering the claim. */
  factCheck: reportFactCheckSchema.optional(),
});

const countsSchema = z.object({
  total: z.number().int().min(0),
  /** Claims nobody has decided yet. */
  unreviewed: z.number().int().min(0),
  sourced: z.number().int().min(0),
  disputed: z.number().int().min(0),
  unverified: z.number().int().min(0),
});

export const reportDocumentSchema = z.object({
  /** Null for the group of claims that belong to no document. */
  id: nullableText,
  title: z.string(),
  origin: nullableText,
  /** The origin when it is an http(s) address, else null. */
  url: nullableText,
  publisher: nullableText,
  publishedAt: nullableText,
  contentHash: nullableText,
  counts: countsSchema,
  claims: z.array(reportClaimSchema),
});

export const reportAttachmentSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  mediaType: nullableText,
  size: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Claims the file is attached to or cited by (through a source). */
  claimIds: z.array(z.string()),
});

const count = z.number().int().min(0);

/** The checking session a session report covers: its figures when the report was made. */
export const reportSessionSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(SESSION_STATUSES),
  /** Whose session it is (display name). */
  owner: z.string(),
  startedAt: isoTime,
  endedAt: isoTime.nullable(),
  /** Active time: pauses are not counted. */
  durationMs: count,
  /** The transcript document of a live capture, else null. */
  captureDocumentId: nullableText,
  /** Claims captured live (spotted or by hand). */
  captured: count,
  /** Claims in the queue, and how many are done (reviewed), skipped, need more time, are still to check. */
  queued: count,
  reviewed: count,
  skipped: count,
  later: count,
  pending: count,
  /** Verdicts of the claims marked done in the session. */
  verdicts: z.object({ sourced: count, disputed: count, unverified: count }),
  /** Time per reviewed claim; null before the first. */
  meanMsPerClaim: count.nullable(),
  medianMsPerClaim: count.nullable(),
  /** Speakers of the live capture, in order of first appearance. */
  speakers: z.array(z.string()),
  /** Claims still open (needs more time, then skipped, then to check; queue order within each). */
  openItems: z.array(
    z.object({
      claimId: z.string(),
      text: z.string(),
      state: z.enum(QUEUE_STATES),
      stateLabel: z.string(),
      verdict: z.enum(VERDICTS).nullable(),
      speaker: nullableText,
    }),
  ),
  /** True when openItems was cut at its limit. */
  openItemsTruncated: z.boolean(),
});

export const reportModelSchema = z.object({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  generator: z.string(),
  generatedAt: isoTime,
  title: z.string(),
  organisation: z.string(),
  author: z.string(),
  baseUrl: nullableText,
  sections: z.object(
    Object.fromEntries(REPORT_SECTIONS.map((s) => [s, z.boolean()])) as Record<(typeof REPORT_SECTIONS)[number], z.ZodBoolean>,
  ),
  scope: z.object({
    documentIds: z.array(z.string()).nullable(),
    /** `unreviewed` stands for the claims with no verdict yet. */
    verdicts: z.array(z.enum(VERDICT_FILTERS)).nullable(),
    query: nullableText,
    /** True: only claims someone has decided (a verdict set). */
    decided: z.boolean().optional(),
    /** Present (and not null) only in a session report. */
    sessionId: z.string().optional(),
  }),
  workspace: z.object({
    name: z.string(),
    id: nullableText,
    /** `sha256:<hex>` over the ordered change-log HLC list; same state, same fingerprint. */
    fingerprint: z.string().regex(/^sha256:[0-9a-f]{64}$/),
    changeCount: z.number().int().min(0),
    lastChange: nullableText,
  }),
  summary: countsSchema.extend({
    documents: z.number().int().min(0),
    /** Claims whose record lacks what their verdict needs (see a claim's `warnings`). */
    needsAttention: z.number().int().min(0).optional(),
    /** Claims in scope with an open team conflict: the verdict shown is not settled (see a claim's `conflicted`). */
    conflicts: z.number().int().min(0).optional(),
  }),
  documents: z.array(reportDocumentSchema),
  attachments: z.array(reportAttachmentSchema),
  /** Only in a session report (`scope.sessionId`). */
  session: reportSessionSchema.optional(),
});

export type ReportModel = z.infer<typeof reportModelSchema>;
export type ReportDocument = z.infer<typeof reportDocumentSchema>;
export type ReportClaim = z.infer<typeof reportClaimSchema>;
export type ReportSource = z.infer<typeof reportSourceSchema>;
export type ReportNote = z.infer<typeof reportNoteSchema>;
export type ReportAttachment = z.infer<typeof reportAttachmentSchema>;
export type ReportSession = z.infer<typeof reportSessionSchema>;
export type ReportClaimSession = z.infer<typeof reportClaimSessionSchema>;

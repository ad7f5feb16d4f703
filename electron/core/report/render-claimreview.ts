/**
 * ReportModel -> schema.org ClaimReview JSON-LD: an array with one ClaimReview per claim
 * (docs/claimreview.md). Validated before it is written: missing required fields are an error,
 * a claimReviewed longer than 75 characters (what search engines show) is a warning.
 */
import { z } from 'zod';
import { VERDICT_LABELS } from '../../../shared/domain';
import { ClaimbenchError } from '../../../shared/result';
import { claimantKind } from '../../../shared/spotting/attribution/claimant-kind';
import { safeHttpUrl } from './escape';
import { nest, safeJson } from './json-text';
import type { ReportClaim, ReportDocument, ReportModel } from './schema';
import { collect, type PartStream, type RenderProgress } from './stream';

export const CLAIM_REVIEWED_WARN_LENGTH = 75;
export const RATING_SCALE = { worstRating: 1, bestRating: 3 } as const;

/** The report URL with the claim's anchor as its fragment; null without a usable base URL. */
export function claimUrl(baseUrl: string | null, anchor: string): string | null {
  const safe = safeHttpUrl(baseUrl);
  if (!safe) return null;
  const url = new URL(safe);
  url.hash = anchor;
  return url.href;
}

const httpUrl = z.string().refine((v) => safeHttpUrl(v) === v, 'must be an absolute http(s) URL');
const nonEmpty = z.string().trim().min(1);

/** The fields we promise in every item; Google's required set (url, claimReviewed, author, reviewRating) and more. */
export const claimReviewSchema = z.object({
  '@context': z.literal('https://schema.org'),
  '@type': z.literal('ClaimReview'),
  url: httpUrl,
  claimReviewed: nonEmpty,
  datePublished: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  author: z.object({ '@type': z.literal('Organization'), name: nonEmpty, url: httpUrl.optional() }),
  itemReviewed: z.object({
    '@type': z.literal('Claim'),
    author: z.object({ '@type': z.enum(['Person', 'Organization']), name: nonEmpty }).optional(),
    datePublished: z.string().optional(),
    appearance: z
      .array(
        z.object({
          '@type': z.literal('CreativeWork'),
          url: httpUrl.optional(),
          headline: z.string().optional(),
          datePublished: z.string().optional(),
          publisher: z.object({ '@type': z.literal('Organization'), name: nonEmpty }).optional(),
        }),
      )
      .optional(),
  }),
  reviewRating: z.object({
    '@type': z.literal('Rating'),
    ratingValue: z.number().int().min(1).max(3),
    worstRating: z.literal(1),
    bestRating: z.literal(3),
    alternateName: z.enum([VERDICT_LABELS.disputed, VERDICT_LABELS.unverified, VERDICT_LABELS.sourced]),
  }),
  reviewBody: z.string().optional(),
  /** A published fact-check of the same claim, from a linked library. */
  citation: z
    .array(
      z.object({
        '@type': z.literal('ClaimReview'),
        url: httpUrl,
        claimReviewed: z.string().optional(),
        author: z.object({ '@type': z.literal('Organization'), name: nonEmpty }).optional(),
        reviewRating: z.object({ '@type': z.literal('Rating'), alternateName: z.string() }).optional(),
        datePublished: z.string().optional(),
      }),
    )
    .optional(),
});
export type ClaimReview = z.infer<typeof claimReviewSchema>;

function appearance(d: ReportDocument | undefined): ClaimReview['itemReviewed']['appearance'] {
  if (!d || d.id === null) return undefined;
  const url = safeHttpUrl(d.url) ?? undefined;
  return [
    {
      '@type': 'CreativeWork',
      ...(url ? { url } : {}),
      headline: d.title,
      ...(d.publishedAt ? { datePublished: d.publishedAt } : {}),
      ...(d.publisher?.trim() ? { publisher: { '@type': 'Organization' as const, name: d.publisher.trim() } } : {}),
    },
  ];
}

/** A claim nobody has reviewed has no rating to publish: ClaimReview covers decided claims only. */
export type DecidedClaim = ReportClaim & { verdict: NonNullable<ReportClaim['verdict']>; rating: number };

export function isDecided(c: ReportClaim): c is DecidedClaim {
  return c.verdict !== null && c.rating !== null;
}

function citationFor(c: ReportClaim): NonNullable<ClaimReview['citation']>[number] | null {
  const f = c.factCheck;
  const url = f ? safeHttpUrl(f.url) : null;
  if (!f || !url) return null;
  return {
    '@type': 'ClaimReview',
    url,
    claimReviewed: f.claimReviewed,
    ...(f.publisher.trim() ? { author: { '@type': 'Organization' as const, name: f.publisher.trim() } } : {}),
    ...(f.rating.trim() ? { reviewRating: { '@type': 'Rating' as const, alternateName: f.rating.trim() } } : {}),
    ...(f.datePublished ? { datePublished: f.datePublished } : {}),
  };
}

/**
 * schema.org's Person is one person: "Mark Rathbun" is one; a body ("Wikimedia Foundation", "the
 * air force") and a group of people ("researchers", "officials") are organisations.
 */
function claimantAuthor(name: string): NonNullable<ClaimReview['itemReviewed']['author']> {
  return { '@type': claimantKind(name) === 'person' ? 'Person' : 'Organization', name };
}

export function claimReviewFor(model: ReportModel, d: ReportDocument | undefined, c: DecidedClaim): ClaimReview {
  const orgUrl = safeHttpUrl(model.baseUrl) ? new URL(model.baseUrl!).origin + '/' : undefined;
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: claimUrl(model.baseUrl, c.anchor) ?? '',
    claimReviewed: c.text,
    datePublished: model.generatedAt.slice(0, 10),
    author: { '@type': 'Organization', name: model.organisation, ...(orgUrl ? { url: orgUrl } : {}) },
    itemReviewed: {
      '@type': 'Claim',
      ...(c.claimant?.trim() ? { author: claimantAuthor(c.claimant.trim()) } : {}),
      ...(d?.publishedAt ? { datePublished: d.publishedAt } : {}),
      ...(appearance(d) ? { appearance: appearance(d) } : {}),
    },
    reviewRating: {
      '@type': 'Rating',
      ratingValue: c.rating,
      ...RATING_SCALE,
      alternateName: VERDICT_LABELS[c.verdict] as ClaimReview['reviewRating']['alternateName'],
    },
    ...(c.rationale.trim() ? { reviewBody: c.rationale.trim() } : {}),
    ...(citationFor(c) ? { citation: [citationFor(c)!] } : {}),
  };
}

export type ClaimReviewIssueKind = 'invalid' | 'long-claim' | 'no-claimant' | 'open-conflict' | 'needs-attention';

export interface ClaimReviewIssue {
  claimId: string;
  kind: ClaimReviewIssueKind;
  level: 'error' | 'warning';
  message: string;
  /** What differs from claim to claim within one kind (a length), shown beside the claim's id. */
  detail?: string;
}

/** How a warning names a claim: the start of its id, as the CLI's other commands do (the file holds no numbers). */
export function claimLabel(claimId: string): string {
  return claimId.slice(0, 8);
}

const LONG_CLAIM = `claimReviewed is longer than the ${CLAIM_REVIEWED_WARN_LENGTH} characters search engines show`;

/** Errors for anything schema.org consumers require; warnings for what they merely prefer. */
export function validateClaimReview(item: unknown, claim: Pick<ReportClaim, 'id'>): ClaimReviewIssue[] {
  const issues: ClaimReviewIssue[] = [];
  const parsed = claimReviewSchema.safeParse(item);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      issues.push({
        claimId: claim.id,
        kind: 'invalid',
        level: 'error',
        message: `${issue.path.join('.') || 'item'}: ${issue.message}`,
      });
    }
    return issues;
  }
  const review = parsed.data;
  if (review.claimReviewed.length > CLAIM_REVIEWED_WARN_LENGTH) {
    issues.push({
      claimId: claim.id,
      kind: 'long-claim',
      level: 'warning',
      message: LONG_CLAIM,
      detail: `${review.claimReviewed.length} characters`,
    });
  }
  if (!review.itemReviewed.author) {
    issues.push({ claimId: claim.id, kind: 'no-claimant', level: 'warning', message: 'no claimant: itemReviewed has no author' });
  }
  return issues;
}

const NAMED_PER_WARNING = 5;

/** Short, human sentences summarising issues of one level (one per kind), naming the claims by id. */
export function summariseIssues(issues: ClaimReviewIssue[], level: 'error' | 'warning'): string[] {
  const byKind = new Map<string, ClaimReviewIssue[]>();
  for (const i of issues) {
    if (i.level !== level) continue;
    byKind.set(i.kind, [...(byKind.get(i.kind) ?? []), i]);
  }
  return [...byKind.values()].map((list) => {
    const message = list[0]!.message;
    if (list.length === 1) {
      const only = list[0]!;
      return `Claim ${claimLabel(only.claimId)}${only.detail ? ` (${only.detail})` : ''}: ${message}`;
    }
    const named = list
      .slice(0, NAMED_PER_WARNING)
      .map((i) => (i.detail ? `${claimLabel(i.claimId)}: ${i.detail}` : claimLabel(i.claimId)))
      .join(list.some((i) => i.detail) ? '; ' : ', ');
    const more = list.length > NAMED_PER_WARNING ? ` and ${list.length - NAMED_PER_WARNING} more` : '';
    return `${list.length} claims (${named}${more}): ${message}`;
  });
}

/** Refuse up front what would make every item invalid, with the fix in the message. */
function checkReportLevelFields(model: ReportModel): void {
  if (!model.organisation.trim()) {
    throw new ClaimbenchError(
      'VALIDATION',
      'ClaimReview needs the publishing organisation: set Organisation in the report options (CLI: --organisation).',
    );
  }
  if (!safeHttpUrl(model.baseUrl)) {
    throw new ClaimbenchError(
      'VALIDATION',
      'ClaimReview needs the URL where the report will be published: set Base URL in the report options (CLI: --base-url https://…).',
    );
  }
}

/**
 * A claim whose teammates' decisions still disagree has no rating the desk stands behind: it is
 * left out of the file, and the warning says so and what to do.
 */
export const OPEN_CONFLICT_WARNING =
  'left out: open team conflict (teammates’ decisions disagree); settle the conflict first (claimbench conflicts, claimbench resolve), then export again';

const NEEDS_ATTENTION = 'needs attention: a verdict without the evidence it calls for';

export interface ClaimReviewRun {
  issues: ClaimReviewIssue[];
  /** How many ClaimReview items the file holds. */
  written: number;
}

export function* claimReviewParts(
  model: ReportModel,
  progress: RenderProgress = { claimsDone: 0 },
  run: ClaimReviewRun = { issues: [], written: 0 },
): PartStream {
  checkReportLevelFields(model);
  yield '[';
  let first = true;
  for (const d of model.documents) {
    for (const c of d.claims) {
      if (!isDecided(c)) {
        progress.claimsDone++;
        continue;
      }
      if (c.conflicted) {
        run.issues.push({ claimId: c.id, kind: 'open-conflict', level: 'warning', message: OPEN_CONFLICT_WARNING });
        progress.claimsDone++;
        continue;
      }
      const item = claimReviewFor(model, d, c);
      const issues = validateClaimReview(item, c);
      // Published, as the other reports print it, but not without a word: the rating lacks what it rests on.
      for (const w of c.warnings ?? []) {
        issues.push({ claimId: c.id, kind: 'needs-attention', level: 'warning', message: NEEDS_ATTENTION, detail: w.message });
      }
      run.issues.push(...issues);
      const error = issues.find((i) => i.level === 'error');
      if (error) {
        throw new ClaimbenchError('VALIDATION', `ClaimReview for claim ${claimLabel(c.id)} is invalid: ${error.message}`);
      }
      yield `${first ? '' : ','}\n  ${nest(safeJson(item), 1)}`;
      first = false;
      run.written++;
      progress.claimsDone++;
    }
  }
  yield first ? ']\n' : '\n]\n';
}

export function renderClaimReview(model: ReportModel): { content: string; issues: ClaimReviewIssue[]; written: number } {
  const run: ClaimReviewRun = { issues: [], written: 0 };
  const content = collect(claimReviewParts(model, undefined, run));
  return { content, issues: run.issues, written: run.written };
}

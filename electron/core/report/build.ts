/**
 * Workspace -> ReportModel. Read-only and deterministic apart from `generatedAt`: the model is
 * what every renderer draws and, as is, the JSON export.
 */
import { createHash } from 'node:crypto';
import { NOT_REVIEWED, verdictLabel, type TextAnchor, type Verdict } from '../../../shared/domain';
import { claimWarnings } from '../../../shared/evidence';
import type { ReportOptions } from '../../../shared/report';
import { ClaimbenchError } from '../../../shared/result';
import { CREATE_FIELD } from '../store/entities';
import type { StoredRow } from '../../../shared/entities/registry';
import type { DB } from '../store/open';
import { hlcTime } from '../store/recorder';
import { conflictDecisions, conflictedFields } from '../store/decisions';
import { loadConflictedClaimIds, loadEvidence } from './evidence';
import { loadSessionReportData, type SessionReportData } from './session';
import { LIBRARY_VERDICT_LABELS, STRONG_MATCH } from '../../../shared/library-api';
import { storedMatches } from '../library/links';
import { REPORT_SCHEMA_VERSION, type ReportClaim, type ReportDocument, type ReportModel } from './schema';
import { documentText } from '../capture/transcript-text';
import { verdictOrigin } from './verdict-origin';
import { loadOverruledDecisions } from './overruled';
import { decisionSide } from './decision-side';
import { ofDocuments } from '../claims/of-document';

export const VERDICT_RATING: Record<Verdict, number> = { disputed: 1, unverified: 2, sourced: 3 };
/** Characters of surrounding text shown on each side of a quote. */
const CONTEXT_CHARS = 220;
export const GENERATOR = 'Claimbench 0.1.0';

export interface BuildInput {
  db: DB;
  workspaceName: string;
  options: ReportOptions;
  /** Injected so tests and goldens can pin the time. */
  now?: Date;
  /**
   * Who is exporting: decides whether a session's figures are live (theirs) or as recorded (a
   * teammate's). Asked only for a session report, so a plain report needs no identity (a reader with
   * no writable profile can still export).
   */
  actorId?: string | (() => string);
}

/**
 * SHA-256 over every change-log HLC in order, one per line. HLCs are unique and carry their
 * writer's node id, so two workspaces with the same history get the same fingerprint and any
 * further write (including one merged from a teammate) changes it.
 */
export function workspaceFingerprint(db: DB): { fingerprint: string; changeCount: number; lastChange: string | null } {
  const hash = createHash('sha256');
  let changeCount = 0;
  let lastChange: string | null = null;
  for (const hlc of db.prepare('SELECT hlc FROM changes ORDER BY hlc').pluck().iterate() as IterableIterator<string>) {
    hash.update(changeCount === 0 ? hlc : `\n${hlc}`);
    changeCount++;
    lastChange = hlc;
  }
  return { fingerprint: `sha256:${hash.digest('hex')}`, changeCount, lastChange };
}

type ClaimRow = Pick<
  StoredRow<'claim'>,
  | 'id'
  | 'document_id'
  | 'text'
  | 'anchor'
  | 'claimant'
  | 'verdict'
  | 'rationale'
  | 'assignee'
  | 'tags'
  | 'created_at'
  | 'created_by'
>;

type DocumentRow = Pick<StoredRow<'document'>, 'id' | 'title' | 'origin' | 'publisher' | 'published_at' | 'content_hash'>;

function selectClaims(db: DB, scope: ReportOptions['scope'], session: SessionReportData | null): ClaimRow[] {
  const where = ['c.deleted = 0'];
  const params: unknown[] = [];
  if (session) {
    where.push(session.claimCondition.sql);
    params.push(...session.claimCondition.params);
  }
  if (scope.documentIds && scope.documentIds.length > 0) {
    where.push(ofDocuments('c.document_id'));
    params.push(JSON.stringify(scope.documentIds));
  }
  if (scope.verdicts && scope.verdicts.length > 0) {
    where.push(`coalesce(c.verdict, '${NOT_REVIEWED}') IN (SELECT value FROM json_each(?))`);
    params.push(JSON.stringify(scope.verdicts));
  }
  if (scope.decided) where.push('c.verdict IS NOT NULL');
  const q = scope.query?.trim();
  if (q) {
    where.push("(c.text LIKE ? ESCAPE '\\' OR coalesce(c.claimant, '') LIKE ? ESCAPE '\\')");
    const like = `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    params.push(like, like);
  }
  return db
    .prepare(
      `SELECT c.id, c.document_id, c.text, c.anchor, c.claimant, c.verdict, c.rationale, c.assignee, c.tags, c.created_at, c.created_by
       FROM claims c LEFT JOIN documents d ON d.id = c.document_id
       WHERE ${where.join(' AND ')} AND (c.document_id IS NULL OR d.deleted = 0)
       ORDER BY c.document_id IS NULL, d.created_at, d.rowid, c.ordinal, c.id`,
    )
    .all(...params) as ClaimRow[];
}

/** Who set each claim's current verdict: its latest `verdict` change, else its creation. */
function loadDecisions(db: DB): Map<string, { hlc: string; author: string; field: string }> {
  // SQLite returns the bare columns of the row that holds max(hlc).
  const rows = db
    .prepare(
      `SELECT entity_id AS id, max(hlc) AS hlc, author, field FROM changes
       WHERE entity = 'claim' AND field IN ('verdict', '${CREATE_FIELD}') GROUP BY entity_id`,
    )
    .all() as { id: string; hlc: string; author: string; field: string }[];
  return new Map(rows.map((r) => [r.id, r]));
}

function parseAnchor(raw: string | null): TextAnchor | null {
  if (!raw) return null;
  try {
    const a = JSON.parse(raw) as Partial<TextAnchor>;
    if (typeof a.start === 'number' && typeof a.end === 'number' && typeof a.exact === 'string') {
      return { start: a.start, end: a.end, exact: a.exact, prefix: a.prefix ?? '', suffix: a.suffix ?? '' };
    }
  } catch {
    // A damaged anchor only costs the context line.
  }
  return null;
}

/** The quote with up to CONTEXT_CHARS of its paragraph on each side, cut at word boundaries. */
export function quoteContext(text: string | undefined, anchor: TextAnchor | null): ReportClaim['context'] {
  if (!anchor) return null;
  let start = anchor.start;
  let end = anchor.end;
  if (text === undefined || text.slice(start, end) !== anchor.exact) {
    const found = text?.indexOf(anchor.exact) ?? -1;
    if (found < 0 || !text) {
      return anchor.exact ? withSurroundings({ before: anchor.prefix, quote: anchor.exact, after: anchor.suffix }) : null;
    }
    start = found;
    end = found + anchor.exact.length;
  }
  let before = text.slice(Math.max(0, start - CONTEXT_CHARS), start);
  const para = before.lastIndexOf('\n\n');
  if (para >= 0) before = before.slice(para + 2);
  else if (start - CONTEXT_CHARS > 0) before = `…${before.replace(/^\S*\s+/, '')}`;
  let after = text.slice(end, end + CONTEXT_CHARS);
  const paraEnd = after.indexOf('\n\n');
  if (paraEnd >= 0) after = after.slice(0, paraEnd);
  else if (end + CONTEXT_CHARS < text.length) after = `${after.replace(/\s+\S*$/, '')}…`;
  return withSurroundings({
    before: before.replace(/\s+/g, ' ').trimStart(),
    // Hard-wrapped lines read as one line, as the text around the quote does.
    quote: text.slice(start, end).replace(/\s+/g, ' '),
    after: after.replace(/\s+/g, ' ').trimEnd(),
  });
}

/** A claim that is its whole paragraph has no context to show: the block would only repeat the claim. */
function withSurroundings(context: NonNullable<ReportClaim['context']>): ReportClaim['context'] {
  return context.before.trim() || context.after.trim() ? context : null;
}

function httpUrl(value: string | null): string | null {
  if (!value) return null;
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function emptyCounts() {
  return { total: 0, unreviewed: 0, sourced: 0, disputed: 0, unverified: 0 };
}

export function buildReportModel({ db, workspaceName, options, now = new Date(), actorId }: BuildInput): ReportModel {
  // One read transaction, so the claims, the evidence and the fingerprint describe the same state.
  return db
    .transaction(() => {
      const scope = options.scope;
      const session = scope.sessionId
        ? loadSessionReportData(db, scope.sessionId, typeof actorId === 'function' ? actorId() : actorId, now.getTime())
        : null;
      const claims = selectClaims(db, scope, session);
      const decisions = loadDecisions(db);
      const evidence = loadEvidence(db);
      const factChecks = storedMatches(db, null, STRONG_MATCH);
      const conflicted = loadConflictedClaimIds(db);
      const overruled = loadOverruledDecisions(db);
      const fp = workspaceFingerprint(db);
      const workspaceId =
        (db.prepare("SELECT value FROM meta WHERE key = 'workspace_id'").pluck().get() as string | undefined) ?? null;

      const docIds = new Set(claims.map((c) => c.document_id).filter((d): d is string => d !== null));
      for (const id of scope.documentIds ?? []) docIds.add(id);
      const docRows = db
        .prepare(
          `SELECT id, title, origin, publisher, published_at, content_hash FROM documents
         WHERE deleted = 0 AND id IN (SELECT value FROM json_each(?)) ORDER BY created_at, rowid`,
        )
        .all(JSON.stringify([...docIds])) as DocumentRow[];
      const missing = (scope.documentIds ?? []).find((id) => !docRows.some((d) => d.id === id));
      if (missing) throw new ClaimbenchError('NOT_FOUND', `No document with id ${missing}`);

      const documents = new Map<string | null, ReportDocument>();
      for (const d of docRows) {
        documents.set(d.id, {
          id: d.id,
          title: d.title || 'Untitled document',
          origin: d.origin,
          url: httpUrl(d.origin),
          publisher: d.publisher,
          publishedAt: d.published_at,
          contentHash: d.content_hash || null,
          counts: emptyCounts(),
          claims: [],
        });
      }

      const summary = { ...emptyCounts(), documents: docRows.length, needsAttention: 0, conflicts: 0 };
      let currentDocText: { id: string | null; text: string | undefined } = { id: null, text: undefined };
      let number = 0;
      const attachmentClaims = new Map<string, Set<string>>();
      for (const c of claims) {
        let doc = documents.get(c.document_id);
        if (!doc) {
          doc = {
            id: null,
            title: 'Claims without a document',
            origin: null,
            url: null,
            publisher: null,
            publishedAt: null,
            contentHash: null,
            counts: emptyCounts(),
            claims: [],
          };
          documents.set(null, doc);
        }
        const anchor = parseAnchor(c.anchor);
        if (anchor && c.document_id && currentDocText.id !== c.document_id) {
          currentDocText = { id: c.document_id, text: documentText(db, c.document_id) };
        }
        const sides = conflicted.has(c.id) ? conflictDecisions(db, c.id, conflictedFields(db, c.id)) : [];
        // A claim in conflict shows one person's whole decision: its verdict is set by whoever set that person's.
        const decision = sides.find((d) => d.shown)?.sources.verdict ?? decisions.get(c.id);
        // Keeping a teammate's verdict credits them with it, and the person who kept it second.
        const origin = c.verdict && decision?.field === 'verdict' ? verdictOrigin(db, decision.hlc) : null;
        const kept = !!origin && origin.author !== decision!.author;
        const sources = evidence.sourcesByClaim.get(c.id) ?? [];
        const cited = [
          ...(evidence.attachmentsByClaim.get(c.id) ?? []).map((a) => a.id),
          ...sources.map((s) => evidence.attachmentOfSource.get(s.id)).filter((a): a is string => a !== undefined),
        ];
        for (const att of cited) {
          const claimIds = attachmentClaims.get(att) ?? new Set<string>();
          claimIds.add(c.id);
          attachmentClaims.set(att, claimIds);
        }
        const claim: ReportClaim = {
          id: c.id,
          anchor: `claim-${c.id}`,
          number: ++number,
          documentId: c.document_id,
          text: c.text,
          claimant: c.claimant,
          verdict: c.verdict,
          verdictLabel: verdictLabel(c.verdict),
          rating: c.verdict ? VERDICT_RATING[c.verdict] : null,
          rationale: c.rationale,
          context: quoteContext(currentDocText.id === c.document_id ? currentDocText.text : undefined, anchor),
          tags: JSON.parse(c.tags || '[]') as string[],
          assignee: c.assignee,
          decidedBy: c.verdict ? (origin?.author ?? decision?.author ?? c.created_by) : null,
          decidedAt: c.verdict ? (origin ? hlcTime(origin.hlc) : decision ? hlcTime(decision.hlc) : c.created_at) : null,
          keptBy: kept ? decision!.author : null,
          keptAt: kept ? hlcTime(decision!.hlc) : null,
          decidedHow: c.verdict ? (decision?.field === 'verdict' ? 'verdict-change' : 'creation') : null,
          conflicted: conflicted.has(c.id),
          ...(sides.length > 0
            ? { conflictingDecisions: sides.map((side) => ({ ...decisionSide(side), shown: side.shown })) }
            : {}),
          ...(overruled.has(c.id) ? { overruledDecisions: overruled.get(c.id)! } : {}),
          createdAt: c.created_at,
          createdBy: c.created_by,
          sources,
          attachments: (evidence.attachmentsByClaim.get(c.id) ?? []).map((a) => ({
            id: a.id,
            fileName: a.fileName,
            sha256: a.sha256,
          })),
          notes: evidence.notesByClaim.get(c.id) ?? [],
          warnings: claimWarnings({ verdict: c.verdict, rationale: c.rationale, sources }),
        };
        const fc = factChecks.get(c.id);
        if (fc) {
          claim.factCheck = {
            url: fc.url,
            publisher: fc.publisher,
            rating: fc.ratingText || LIBRARY_VERDICT_LABELS[fc.verdict],
            verdict: fc.verdict,
            claimReviewed: fc.claimReviewed,
            headline: fc.headline,
            datePublished: fc.datePublished,
          };
        }
        const queued = session?.items.get(c.id);
        if (queued) claim.session = { ...queued };
        doc.claims.push(claim);
        doc.counts.total++;
        doc.counts[c.verdict ?? NOT_REVIEWED]++;
        summary.total++;
        summary[c.verdict ?? NOT_REVIEWED]++;
        if (claim.warnings?.length) summary.needsAttention++;
        if (claim.conflicted) summary.conflicts++;
      }

      const attachments = [...attachmentClaims.entries()]
        .map(([id, claimIds]) => {
          const { claimId: _owner, ...info } = evidence.attachmentsById.get(id)!;
          return { ...info, claimIds: [...claimIds] };
        })
        .sort((a, b) => a.fileName.localeCompare(b.fileName) || a.id.localeCompare(b.id));

      return {
        schemaVersion: REPORT_SCHEMA_VERSION,
        generator: GENERATOR,
        generatedAt: now.toISOString(),
        title: options.title || 'Fact-check report',
        organisation: options.organisation,
        author: options.author,
        baseUrl: options.baseUrl || null,
        sections: { ...options.sections },
        scope: {
          documentIds: scope.documentIds?.length ? [...scope.documentIds] : null,
          verdicts: scope.verdicts?.length ? [...scope.verdicts] : null,
          query: scope.query?.trim() || null,
          ...(scope.decided ? { decided: true } : {}),
          ...(session ? { sessionId: session.session.id } : {}),
        },
        workspace: { name: workspaceName, id: workspaceId, ...fp },
        summary,
        documents: [...documents.values()],
        attachments,
        ...(session ? { session: session.session } : {}),
      } satisfies ReportModel;
    })
    .deferred();
}

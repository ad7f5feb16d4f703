import fs from 'node:fs';
import path from 'node:path';
import type { StoredRow } from '../../../shared/entities/registry';
import type { SimilarClaim, SimilarClaims } from '../../../shared/evidence';
import { APPLICATION_ID, checkWorkspaceSchema, type DB } from '../store/open';
import { toAnyWordQuery } from './fts-query';
import { openDatabase } from '../store/sqlite';
import { describeMatch, explainMatch, type MatchWhy } from './match-reasons';

/** Words too common to say two claims are about the same thing (English and Russian). */
const STOPWORDS = new Set(
  (
    'the a an and or of to in on at for from by with as is are was were be been has have had it its this that these those ' +
    'not but than then there their they he she his her we our you your i said says will would could should may might ' +
    'about after before over under more most less into out up down also just very ' +
    'и в во на не что с со по к ко из у за о об от до для как а но это этот эта эти был была были было же ли бы ' +
    'он она они оно его её их мы вы я так то все всё при уже или еще ещё'
  ).split(/\s+/),
);

const MAX_TERMS = 10;
const CANDIDATES = 60;
const MIN_SIMILARITY = 0.12;
/**
 * Below this, a claim is listed as similar only when it shares something particular with the one asked about: a
 * figure, a name, or three words. Two sentences that both "received reports" are not the same claim.
 */
const LOOSE_SIMILARITY = 0.3;
const SHARED_WORDS_ENOUGH = 3;

function onlyCommonWordsShared(why: MatchWhy): boolean {
  if (why.sharedFigures.length > 0 || why.sharedWords.length >= SHARED_WORDS_ENOUGH) return false;
  return !why.sharedWords.some((w) => /^\p{Lu}/u.test(w));
}
/**
 * Sentences of one article share its names and topic words, so they look 15–30 % alike without
 * repeating each other; from the same document only a claim this close (a repeated or reworded
 * sentence) is worth listing.
 */
export const NEAR_DUPLICATE = 0.6;

export function salientWords(text: string): string[] {
  const words = (
    text
      .normalize('NFC')
      .toLowerCase()
      .match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu) ?? []
  ).filter((w) => w.length >= 3 && !STOPWORDS.has(w));
  // Longer words tend to be the rarer, more telling ones (names, places, figures).
  return [...new Set(words)].sort((a, b) => b.length - a.length).slice(0, MAX_TERMS);
}

function trigrams(text: string): Set<string> {
  const norm = ` ${text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= norm.length; i++) grams.add(norm.slice(i, i + 3));
  return grams;
}

export function trigramSimilarity(a: string, b: string): number {
  const x = trigrams(a);
  const y = trigrams(b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const g of x) if (y.has(g)) shared++;
  return shared / (x.size + y.size - shared);
}

type CandidateRow = Pick<StoredRow<'claim'>, 'id' | 'document_id' | 'text' | 'verdict' | 'rationale'> & {
  document_title: string | null;
};

/**
 * The best-ranked claims sharing a salient word. With `document`, either only that document's
 * claims or only the others': fetched apart, so a long article's own sentences (which share its
 * words and are mostly left out) cannot crowd the other documents out of the candidates.
 */
function candidates(
  db: DB,
  text: string,
  excludeId: string | null,
  document: { id: string; same: boolean } | null = null,
  limit = CANDIDATES,
): CandidateRow[] {
  const match = toAnyWordQuery(salientWords(text));
  if (!match) return [];
  const inDocument = document ? (document.same ? 'AND c.document_id = ?' : 'AND c.document_id IS NOT ?') : '';
  return db
    .prepare(
      `SELECT c.id, c.document_id, c.text, c.verdict, c.rationale, d.title AS document_title
       FROM claims_fts JOIN claims c ON c.rowid = claims_fts.rowid AND c.deleted = 0
       LEFT JOIN documents d ON d.id = c.document_id
       WHERE claims_fts MATCH ? AND c.id IS NOT ? ${inDocument} ORDER BY bm25(claims_fts, 10, 1, 0) LIMIT ?`,
    )
    .all(match, excludeId, ...(document ? [document.id] : []), limit) as CandidateRow[];
}

/** Near-duplicates in the claim's own document are rare; a few best-ranked sentences are enough to find them. */
const SAME_DOCUMENT_CANDIDATES = 20;

interface Asked {
  text: string;
  /** The asked-about claim's document, in the workspace being searched; null elsewhere. */
  documentId: string | null;
}

function scored(rows: CandidateRow[], asked: Asked, where: { path: string | null; name: string }): SimilarClaim[] {
  const out: SimilarClaim[] = [];
  for (const r of rows) {
    const similarity = Number(trigramSimilarity(asked.text, r.text).toFixed(3));
    if (similarity < MIN_SIMILARITY) continue;
    const sameDocument = asked.documentId !== null && r.document_id === asked.documentId;
    if (sameDocument && similarity < NEAR_DUPLICATE) continue;
    const why = explainMatch(asked.text, r.text);
    if (similarity < LOOSE_SIMILARITY && onlyCommonWordsShared(why)) continue;
    out.push({
      workspacePath: where.path,
      inThisWorkspace: where.path === null,
      workspaceName: where.name,
      claimId: r.id,
      text: r.text,
      verdict: r.verdict,
      rationale: r.rationale,
      documentTitle: r.document_title,
      similarity,
      sameDocument,
      ...why,
      reason: describeMatch(why, similarity, sameDocument),
    });
  }
  return out;
}

/** Open another workspace read-only, or say why it cannot be searched. */
function openOther(file: string): { db: DB } | { reason: string } {
  if (!fs.existsSync(file)) return { reason: 'The file no longer exists.' };
  let db: DB | undefined;
  try {
    db = openDatabase(file, { readonly: true, fileMustExist: true });
    const appId = db.pragma('application_id', { simple: true }) as number;
    if (appId !== APPLICATION_ID) throw new Error('It is not a Claimbench workspace.');
    // Refused before any of its data is read, as when it is opened (a view could spin when queried).
    checkWorkspaceSchema(db, db.pragma('user_version', { simple: true }) as number, file);
    const hasIndex = db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'claims_fts'").get();
    if (!hasIndex) throw new Error('It was made by an older Claimbench; open it once to update it.');
    return { db };
  } catch (e) {
    db?.close();
    const msg = e instanceof Error ? e.message : String(e);
    return { reason: /not a database|malformed/i.test(msg) ? 'It is not a Claimbench workspace.' : msg };
  }
}

export function similarClaims(
  db: DB,
  claim: { id: string; text: string; documentId: string | null },
  opts: { limit: number; currentPath: string; workspaceName: string; otherWorkspaces: string[] },
): SimilarClaims {
  const rows = claim.documentId
    ? [
        ...candidates(db, claim.text, claim.id, { id: claim.documentId, same: false }),
        ...candidates(db, claim.text, claim.id, { id: claim.documentId, same: true }, SAME_DOCUMENT_CANDIDATES),
      ]
    : candidates(db, claim.text, claim.id);
  const items = scored(rows, { text: claim.text, documentId: claim.documentId }, { path: null, name: opts.workspaceName });
  const skipped: { path: string; reason: string }[] = [];
  const seen = new Set([path.resolve(opts.currentPath)]);
  for (const other of opts.otherWorkspaces) {
    const resolved = path.resolve(other);
    if (seen.has(resolved)) continue;
    seen.add(resolved);
    const opened = openOther(resolved);
    if ('reason' in opened) {
      skipped.push({ path: resolved, reason: opened.reason });
      continue;
    }
    try {
      const name = path.basename(resolved).replace(/\.claimbench$/i, '');
      items.push(
        ...scored(candidates(opened.db, claim.text, null), { text: claim.text, documentId: null }, { path: resolved, name }),
      );
    } catch (e) {
      skipped.push({ path: resolved, reason: e instanceof Error ? e.message : String(e) });
    } finally {
      opened.db.close();
    }
  }
  items.sort((a, b) => b.similarity - a.similarity || a.claimId.localeCompare(b.claimId));
  return { items: items.slice(0, opts.limit), skipped };
}

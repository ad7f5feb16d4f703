/**
 * The workspace side of libraries: which library files are linked (local to this machine), matching claims
 * against all of them, and each claim's stored best match (local and derived, see migration 010).
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { STRONG_MATCH, type FactCheckMatch, type LinkedLibrary } from '../../../shared/library-api';
import { ClaimbenchError } from '../../../shared/result';
import { displayPath } from '../display-path';
import type { DB } from '../store/open';
import { reviewFields, type LibraryMatch, type ReviewColumns } from './match';
import { libraryAt } from './pool';

export function linkedPaths(db: DB): string[] {
  return db.prepare('SELECT path FROM library_links ORDER BY linked_at, path').pluck().all() as string[];
}

/** How a page names a linked library: derived from its path, so it stays the same while the link does. */
export function libraryIdOf(file: string): string {
  return createHash('sha256').update(path.resolve(file)).digest('hex').slice(0, 16);
}

/** The linked library a page names by its id. */
export function linkedLibraryPath(db: DB, id: string): string {
  const file = linkedPaths(db).find((p) => libraryIdOf(p) === id);
  if (!file) throw new ClaimbenchError('NOT_FOUND', 'That library is not linked to this workspace (any more).');
  return file;
}

export function describeLibrary(file: string): LinkedLibrary {
  const about = { path: file, id: libraryIdOf(file), name: path.basename(file), location: displayPath(file) };
  try {
    return { ...about, reviews: libraryAt(file).count(), problem: null };
  } catch (e) {
    return { ...about, reviews: null, problem: e instanceof Error ? e.message : String(e) };
  }
}

export function linkLibrary(db: DB, file: string): void {
  db.prepare('INSERT INTO library_links (path, linked_at) VALUES (?, ?) ON CONFLICT (path) DO NOTHING').run(
    path.resolve(file),
    new Date().toISOString(),
  );
}

export function unlinkLibrary(db: DB, file: string): number {
  const abs = path.resolve(file);
  return db.transaction(() => {
    db.prepare('DELETE FROM claim_library_matches WHERE library_path = ?').run(abs);
    return db.prepare('DELETE FROM library_links WHERE path = ?').run(abs).changes;
  })();
}

function asMatch(libraryPath: string, m: LibraryMatch): FactCheckMatch {
  return {
    libraryPath,
    libraryId: libraryIdOf(libraryPath),
    url: m.url,
    score: m.score,
    confidence: m.confidence,
    claimReviewed: m.claimReviewed,
    headline: m.headline,
    ratingText: m.ratingText,
    verdict: m.verdict,
    publisher: m.publisher,
    datePublished: m.datePublished,
    why: m.why,
  };
}

/**
 * Top matches across libraries. Scores from different libraries are not on one scale, so the lists are merged
 * by confidence first (comparable everywhere), then by score.
 */
export function matchText(libraries: string[], text: string, top: number, skipBroken = true): FactCheckMatch[] {
  const all: FactCheckMatch[] = [];
  for (const file of libraries) {
    let lib;
    try {
      lib = libraryAt(file);
    } catch (e) {
      if (!skipBroken) throw e;
      continue; // a missing library shows as such in the dialog; matching goes on with the others
    }
    for (const m of lib.match(text, top)) all.push(asMatch(file, m));
  }
  if (libraries.length > 1) all.sort((a, b) => b.confidence - a.confidence || b.score - a.score);
  return all.slice(0, top);
}

export function matchOneText(db: DB, text: string, top: number): FactCheckMatch[] {
  return matchText(linkedPaths(db), text, top);
}

export function findMatch(libraryPath: string, url: string): FactCheckMatch {
  const lib = libraryAt(libraryPath);
  const row = lib.db
    .prepare('SELECT url, claim_reviewed, headline, rating_text, verdict, publisher, date_published FROM reviews WHERE url = ?')
    .get(url) as (ReviewColumns & { url: string }) | undefined;
  if (!row) throw new ClaimbenchError('NOT_FOUND', `${path.basename(libraryPath)} has no fact-check at ${url}`);
  return {
    libraryPath,
    libraryId: libraryIdOf(libraryPath),
    url: row.url,
    score: 0,
    confidence: 1,
    ...reviewFields(row),
    why: { terms: [], numbers: [], names: [], differences: [] },
  };
}

const NO_MATCH = {
  url: '',
  score: 0,
  confidence: 0,
  claimReviewed: '',
  headline: '',
  ratingText: '',
  verdict: 'unrated',
  publisher: '',
  datePublished: null,
  why: '{}',
};

/**
 * Match claims that were just created (an import, a live capture) when the workspace has libraries
 * linked, so the list shows "checked before" without waiting for the claim to be looked at.
 */
export function matchNewClaims(db: DB, claimIds: readonly string[]): void {
  if (claimIds.length === 0 || linkedPaths(db).length === 0) return;
  matchAndStore(db, [...claimIds]);
}

/** Match the given claims (all when omitted) and store each one's best match; claims with none lose theirs. */
/**
 * Match claims (all, or the given ones) and store each one's best match. `claims`: how many were
 * compared; `matched`: how many resemble some fact-check at all; `strong`: how many of those are
 * close enough to show as "checked before".
 */
export function matchAndStore(db: DB, claimIds?: string[]): { claims: number; matched: number; strong: number } {
  const libraries = linkedPaths(db);
  const rows = (
    claimIds
      ? claimIds.map((id) => db.prepare('SELECT id, text FROM claims WHERE id = ? AND deleted = 0').get(id))
      : db.prepare('SELECT id, text FROM claims WHERE deleted = 0').all()
  ).filter(Boolean) as { id: string; text: string }[];
  const upsert = db.prepare(
    `INSERT INTO claim_library_matches (claim_id, library_path, review_url, score, confidence, claim_reviewed, headline, rating_text, verdict, publisher, date_published, why, claim_text, matched_at)
     VALUES (@claimId, @libraryPath, @url, @score, @confidence, @claimReviewed, @headline, @ratingText, @verdict, @publisher, @datePublished, @why, @claimText, @at)
     ON CONFLICT (claim_id) DO UPDATE SET library_path = excluded.library_path, review_url = excluded.review_url, score = excluded.score,
       confidence = excluded.confidence, claim_reviewed = excluded.claim_reviewed, headline = excluded.headline, rating_text = excluded.rating_text,
       verdict = excluded.verdict, publisher = excluded.publisher, date_published = excluded.date_published, why = excluded.why, claim_text = excluded.claim_text, matched_at = excluded.matched_at`,
  );
  const remove = db.prepare('DELETE FROM claim_library_matches WHERE claim_id = ?');
  const at = new Date().toISOString();
  let matched = 0;
  let strong = 0;
  const found = rows.map((r) => ({
    id: r.id,
    text: r.text,
    best: libraries.length ? matchText(libraries, r.text, 1)[0] : undefined,
  }));
  db.transaction(() => {
    for (const { id, text, best } of found) {
      if (!best) {
        // A row with no review says "matched, nothing found", so the claim is not matched again on every look.
        if (libraries.length) upsert.run({ ...NO_MATCH, claimId: id, libraryPath: '', claimText: text, at });
        else remove.run(id);
        continue;
      }
      matched++;
      if (best.confidence >= STRONG_MATCH) strong++;
      upsert.run({ ...best, claimId: id, why: JSON.stringify(best.why), claimText: text, at });
    }
  })();
  return { claims: rows.length, matched, strong };
}

interface StoredRow extends ReviewColumns {
  claim_id: string;
  library_path: string;
  review_url: string;
  score: number;
  confidence: number;
  why: string;
}

function fromStored(r: StoredRow): FactCheckMatch {
  return {
    libraryPath: r.library_path,
    libraryId: libraryIdOf(r.library_path),
    url: r.review_url,
    score: r.score,
    confidence: r.confidence,
    ...reviewFields(r),
    why: { terms: [], numbers: [], names: [], differences: [], ...(JSON.parse(r.why) as Partial<FactCheckMatch['why']>) },
  };
}

/**
 * Stored best matches at or above `minConfidence`, by claim id. Claims never matched yet (new from an import,
 * a live capture or by hand) or edited since are matched first, so every claim is matched by the time it is shown.
 */
export function storedMatches(db: DB, claimIds: string[] | null, minConfidence: number): Map<string, FactCheckMatch> {
  const out = new Map<string, FactCheckMatch>();
  if (claimIds && claimIds.length > 0 && linkedPaths(db).length > 0) {
    // Never matched, or matched before the claim's text was edited.
    const current = db
      .prepare(
        'SELECT 1 FROM claim_library_matches m JOIN claims c ON c.id = m.claim_id WHERE m.claim_id = ? AND m.claim_text = c.text',
      )
      .pluck();
    const fresh = claimIds.filter((id) => current.get(id) === undefined);
    if (fresh.length) matchAndStore(db, fresh);
  }
  const one = db.prepare("SELECT * FROM claim_library_matches WHERE claim_id = ? AND confidence >= ? AND review_url != ''");
  const rows = (
    claimIds
      ? claimIds.map((id) => one.get(id, minConfidence)).filter(Boolean)
      : db.prepare("SELECT * FROM claim_library_matches WHERE confidence >= ? AND review_url != ''").all(minConfidence)
  ) as StoredRow[];
  for (const r of rows) out.set(r.claim_id, fromStored(r));
  return out;
}

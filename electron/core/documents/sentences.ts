/**
 * A document's analysed sentences (offsets, score, reasons, claimant), stored at import in
 * `document_sentences` (migration 010) and read back by the document view. The rows are a derived
 * cache of the text: they count only while the document's content hash and this app's analysis
 * both match what was stored, and are recomputed (and stored again) when either differs.
 */
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { z } from 'zod';
import type { DocumentSentence } from '../../../shared/spotting/ingest-types';
import { defaultSpotter } from '../../../shared/spotting/index';
import { analyzeText, type ScoredSentence } from '../../../shared/text/candidates';
import { collapseWhitespace } from '../../../shared/text/whitespace';
import type { DB } from '../store/open';
import { prepared } from '../store/statements';
import { contentHash } from './content-hash';

/**
 * Text that exercises what the analysis decides (metadata lines, datelines, agency credits, sentence ends after abbreviations
 * and quotations, claimants across sentences, Cyrillic, headline and caption lines, a journal masthead, garbled text, scores):
 * a change to the segmenter, the attribution or the scoring shows in its result, so stored sentences are recomputed without anyone
 * having to remember to raise a version number.
 */
const PROBE = [
  'date 2025-09-05',
  'Dr. J. Smith of the U.S. Treasury said unemployment fell to 4.1% in May. "Wages rose 3 percent," he added.',
  'Photo: Reuters. The mayor claimed the bridge cost $2.5 billion, but officials could not confirm it.',
  'Министр финансов заявил, что инфляция составила 7,4%. "Это рекорд", - сказал экономист.',
  'PDF.js',
  'Working Papers on Information Systems ISSN 1535-6078',
  "$ & & ( ) % * + ' % & % ' & ! TheTheoryofReasonedAction ; 6 % %3*(-.",
  'MOSCOW, 3 December 2026 (Reuters) - Exports rose 12 percent, the ministry said.\nREUTERS/Stringer',
  '3 декабря 2026 года, Москва.',
  [
    'Премия им. Х.К. Андерсена вручена писательнице Ал. Алтаевой [наст. Ямщиковой]',
    'Маргарита Ямщикова в 1950 году',
    'Жюри премии, которую вручают с 1956 г. раз в два года, отметило её повести для детей. В 2010 г. Президент поздравил лауреатов.',
  ].join('\n'),
].join('\n\n');

let analysisId: string | null = null;

/** Which analysis produced a set of sentences: the spotter's weights and what the analysis makes of PROBE. */
export function analysisVersion(): string {
  analysisId ??= createHash('sha256')
    .update(JSON.stringify(defaultSpotter().model))
    .update(JSON.stringify(analyzeText(PROBE)))
    .digest('hex')
    .slice(0, 24);
  return analysisId;
}

/** One stored sentence; its text is the document's text between start and end, whitespace collapsed. */
export type AnalysedSentence = Omit<DocumentSentence, 'checkWorthy' | 'claimId'>;

/** A sentence as analyzeText gives it, in the stored form. */
export function analysedFromScored(s: ScoredSentence): AnalysedSentence {
  return { start: s.anchor.start, end: s.anchor.end, text: s.text, score: s.score, reasons: s.reasons, claimant: s.claimant };
}

const storedReasons = z.array(z.array(z.object({ kind: z.string(), label: z.string(), weight: z.number() }).strict()));

interface SentenceRow {
  start: number;
  end: number;
  score: number;
  reasons: string;
  claimant: string | null;
}

/**
 * Replace the stored sentences of a document (one transaction); `sentences` come from analyzeText on
 * `text`. They are a cache: when the store refuses the write (disk full, read-only, busy) nothing is
 * stored and the next open analyses the text again, so the action that called this still succeeds.
 */
export function storeSentences(db: DB, documentId: string, text: string, sentences: readonly ScoredSentence[]): void {
  try {
    writeSentences(db, documentId, text, sentences);
  } catch (e) {
    if (!(e instanceof Database.SqliteError)) throw e;
  }
}

function writeSentences(db: DB, documentId: string, text: string, sentences: readonly ScoredSentence[]): void {
  const hash = contentHash(text);
  db.transaction(() => {
    prepared(db, 'DELETE FROM document_analysis WHERE document_id = ?').run(documentId);
    prepared(db, 'INSERT INTO document_analysis (document_id, content_hash, analysis, sentence_count) VALUES (?, ?, ?, ?)').run(
      documentId,
      hash,
      analysisVersion(),
      sentences.length,
    );
    const insert = prepared(
      db,
      'INSERT INTO document_sentences (document_id, ordinal, start, end, score, reasons, claimant) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    sentences.forEach((s, i) =>
      insert.run(documentId, i, s.anchor.start, s.anchor.end, s.score, JSON.stringify(s.reasons), s.claimant),
    );
  })();
}

/**
 * The stored sentences of `text`, or null when none are stored for this text and this analysis
 * (never imported by this version, text replaced, a teammate's document, a damaged row).
 */
export function storedSentences(db: DB, documentId: string, text: string): AnalysedSentence[] | null {
  const head = prepared(db, 'SELECT content_hash, analysis, sentence_count FROM document_analysis WHERE document_id = ?').get(
    documentId,
  ) as { content_hash: string; analysis: string; sentence_count: number } | undefined;
  if (!head || head.analysis !== analysisVersion() || head.content_hash !== contentHash(text)) return null;
  const rows = prepared(
    db,
    'SELECT start, end, score, reasons, claimant FROM document_sentences WHERE document_id = ? ORDER BY ordinal',
  ).all(documentId) as SentenceRow[];
  if (rows.length !== head.sentence_count) return null;
  if (rows.some((r) => r.start < 0 || r.end > text.length || r.end < r.start)) return null;
  // One validation of every row's reasons costs far less than one per row.
  const reasons = storedReasons.safeParse(rows.map((r) => safeJson(r.reasons)));
  if (!reasons.success) return null;
  return rows.map((r, i) => ({
    start: r.start,
    end: r.end,
    text: collapseWhitespace(text.slice(r.start, r.end)),
    score: r.score,
    reasons: reasons.data[i]!,
    claimant: r.claimant,
  }));
}

/** The document's sentences: the stored ones, or analysed now and stored for the next open. */
export function documentSentences(db: DB, documentId: string, text: string): AnalysedSentence[] {
  const stored = storedSentences(db, documentId, text);
  if (stored) return stored;
  const analysed = analyzeText(text);
  storeSentences(db, documentId, text, analysed);
  return analysed.map(analysedFromScored);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

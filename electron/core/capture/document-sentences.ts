/**
 * A live transcript's sentences for the document view: the ones its capture closed (so speaker
 * labels are not read as part of a sentence and each claim sits on exactly its sentence), or
 * null when this copy has no capture record (a teammate's transcript) and the usual analysis applies.
 */
import type { DocumentSentence } from '../../../shared/spotting/ingest-types';
import { defaultSpotter } from '../../../shared/spotting/index';
import { scoreTurnSentence } from '../../../shared/spotting/turns';
import { labelRole } from '../../../shared/text/speaker-names';
import { ClaimbenchError } from '../../../shared/result';
import type { DB } from '../store/open';
import { prepared } from '../store/statements';
import { participantsOf } from './speakers';
import { hasChunks } from './transcript-text';

export function capturedSentences(db: DB, documentId: string, threshold: number): DocumentSentence[] | null {
  const rows = prepared(
    db,
    `SELECT s.start, s.end, s.text, s.speaker, CASE WHEN c.id IS NULL THEN NULL ELSE s.claim_id END AS claim_id
     FROM capture_sentences s LEFT JOIN claims c ON c.id = s.claim_id AND c.deleted = 0
     WHERE s.document_id = ? ORDER BY s.start`,
  ).all(documentId) as { start: number; end: number; text: string; speaker: string | null; claim_id: string | null }[];
  if (rows.length === 0) return null;
  const spotter = defaultSpotter();
  const participants = participantsOf(db, documentId);
  return rows.map((r) => {
    const { score, reasons } = scoreTurnSentence(spotter, r.text, {
      speaker: r.speaker,
      role: labelRole(r.speaker ?? ''),
      participants,
    });
    return {
      start: r.start,
      end: r.end,
      text: r.text,
      score,
      reasons,
      claimant: r.speaker,
      checkWorthy: score >= threshold,
      claimId: r.claim_id,
    };
  });
}

/** A transcript's text is its captured chunks; replacing it would cut the claims from their words. */
export function refuseTranscriptRewrite(db: DB, documentId: string): void {
  if (hasChunks(db, documentId)) {
    throw new ClaimbenchError(
      'VALIDATION',
      'This is a live transcript: its text is what was captured and cannot be replaced. Import the new text as a document instead.',
    );
  }
}

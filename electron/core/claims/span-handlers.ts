import { randomUUID } from 'node:crypto';
import { ClaimbenchError } from '../../../shared/result';
import { defaultSpotter } from '../../../shared/spotting/index';
import { resolveClaimants } from '../../../shared/spotting/claimant';
import { makeAnchor } from '../../../shared/text/anchor';
import { analyzeText, speakerAt } from '../../../shared/text/candidates';
import { collapseWhitespace } from '../../../shared/text/whitespace';
import type { Handlers } from '../handler-types';
import type { DB } from '../store/open';
import type { ScoreReason } from '../../../shared/domain';
import { sortByStrength } from '../../../shared/spotting/reasons';
import { documentSentences, type AnalysedSentence } from '../documents/sentences';
import { loadDocument } from '../documents/rows';
import { documentClaims, loadClaim } from './rows';

/**
 * Score and claimant for a span of a document, as the importer would have given it. The claim reads the span with its
 * line breaks as spaces (as imported claims do); its anchor keeps the span's offsets in the document.
 */
function describeSpan(db: DB, documentId: string, text: string, start: number, end: number) {
  const exact = text.slice(start, end).trim();
  const lead = text.slice(start, end).indexOf(exact);
  const s = start + lead;
  const reads = collapseWhitespace(exact);
  const inDocument = readingInDocument(documentSentences(db, documentId, text), s, s + exact.length);
  const { score, reasons } = inDocument ?? defaultSpotter().score(reads);
  const before = analyzeText(text.slice(Math.max(0, s - 2000), s)).map((x) => x.text);
  const claimant = speakerAt(text, s) ?? resolveClaimants([...before, reads]).at(-1) ?? null;
  return { text: reads, anchor: makeAnchor(text, s, s + exact.length), score, reasons, claimant };
}

/**
 * How the document read the whole sentences a span holds (a merge of two claims, one half of a split): as check-worthy
 * as its most check-worthy sentence, with each sentence's reasons (the strongest of each kind). Null when the span
 * holds no whole sentence, so a part of a sentence is scored on its own words.
 */
function readingInDocument(
  sentences: readonly AnalysedSentence[],
  start: number,
  end: number,
): { score: number; reasons: ScoreReason[] } | null {
  const held = sentences.filter((x) => x.start >= start && x.end <= end);
  if (held.length === 0) return null;
  const strongest = new Map<string, ScoreReason>();
  for (const r of held.flatMap((x) => x.reasons)) {
    const seen = strongest.get(r.kind);
    if (!seen || Math.abs(r.weight) > Math.abs(seen.weight)) strongest.set(r.kind, r);
  }
  return { score: Math.max(...held.map((x) => x.score)), reasons: sortByStrength([...strongest.values()]) };
}

/** Claims made from a selected span of a document, split in two, or merged with the next. */
export const spanHandlers = {
  'claims.createFromSpan': ({ documentId, start, end }, { workspace }) => {
    const doc = loadDocument(workspace.db, documentId);
    if (end > doc.text.length)
      throw new ClaimbenchError('VALIDATION', `The span ends after the document (${doc.text.length} characters).`);
    const span = describeSpan(workspace.db, documentId, doc.text, start, end);
    if (!span.text) throw new ClaimbenchError('VALIDATION', 'The selected span is empty.');
    const claimId = randomUUID();
    workspace.undo.run('Add claim from selection', (w) =>
      w.create('claim', claimId, { documentId, ordinal: span.anchor.start, ...span }),
    );
    return loadClaim(workspace.db, claimId);
  },

  'claims.split': ({ id, offset }, { workspace }) => {
    const claim = loadClaim(workspace.db, id);
    if (!claim.anchor || !claim.documentId)
      throw new ClaimbenchError('VALIDATION', 'Only a claim anchored in a document can be split.');
    if (offset >= claim.anchor.end - claim.anchor.start)
      throw new ClaimbenchError('VALIDATION', 'The split point must fall inside the claim.');
    const text = loadDocument(workspace.db, claim.documentId).text;
    const at = claim.anchor.start + offset;
    const first = describeSpan(workspace.db, claim.documentId, text, claim.anchor.start, at);
    const second = describeSpan(workspace.db, claim.documentId, text, at, claim.anchor.end);
    if (!first.text || !second.text) throw new ClaimbenchError('VALIDATION', 'Both parts of a split claim need text.');
    const secondId = randomUUID();
    workspace.undo.run('Split claim', (w) => {
      w.set('claim', id, 'text', first.text);
      w.set('claim', id, 'anchor', first.anchor);
      w.set('claim', id, 'score', first.score);
      w.set('claim', id, 'reasons', first.reasons);
      w.create('claim', secondId, {
        documentId: claim.documentId,
        ordinal: second.anchor.start,
        ...second,
        claimant: second.claimant ?? claim.claimant,
        verdict: null,
      });
    });
    return { first: loadClaim(workspace.db, id), second: loadClaim(workspace.db, secondId) };
  },

  'claims.mergeNext': ({ id }, { workspace }) => {
    const claim = loadClaim(workspace.db, id);
    if (!claim.anchor || !claim.documentId)
      throw new ClaimbenchError('VALIDATION', 'Only a claim anchored in a document can be merged.');
    const anchored = documentClaims(workspace.db, claim.documentId).filter(
      (c) => c.anchor && c.id !== id && c.anchor.start >= claim.anchor!.start,
    );
    const next = anchored.sort((a, b) => a.anchor!.start - b.anchor!.start)[0];
    if (!next?.anchor) throw new ClaimbenchError('NOT_FOUND', 'This claim has no following claim to merge with.');
    const text = loadDocument(workspace.db, claim.documentId).text;
    const merged = describeSpan(
      workspace.db,
      claim.documentId,
      text,
      claim.anchor.start,
      Math.max(claim.anchor.end, next.anchor.end),
    );
    workspace.undo.run('Merge claims', (w) => {
      w.set('claim', id, 'text', merged.text);
      w.set('claim', id, 'anchor', merged.anchor);
      w.set('claim', id, 'score', merged.score);
      w.set('claim', id, 'reasons', merged.reasons);
      if (!claim.claimant && next.claimant) w.set('claim', id, 'claimant', next.claimant);
      if (next.rationale && next.rationale !== claim.rationale)
        w.set('claim', id, 'rationale', [claim.rationale, next.rationale].filter(Boolean).join('\n\n'));
      w.set('claim', next.id, 'deleted', true);
    });
    return loadClaim(workspace.db, id);
  },
} satisfies Partial<Handlers>;

import { randomUUID } from 'node:crypto';
import type { Claim } from '../../../shared/domain';
import { ClaimbenchError } from '../../../shared/result';
import { defaultSpotter, defaultThreshold } from '../../../shared/spotting/index';
import { resolveClaimants } from '../../../shared/spotting/claimant';
import type { DocumentSentence } from '../../../shared/spotting/ingest-types';
import { makeAnchor } from '../../../shared/text/anchor';
import { analyzeText } from '../../../shared/text/candidates';
import { reanchor } from '../../../shared/text/reanchor';
import type { Handlers } from '../handler-types';
import { CLAIM_COLUMNS, claimFromRow, loadClaim, type ClaimRow } from '../claims/rows';
import { contentHash } from '../documents/content-hash';
import { loadDocument, loadDocumentSummary } from '../documents/rows';
import { documentSentences, storeSentences } from '../documents/sentences';
import type { DB } from '../store/open';
import { prepared } from '../store/statements';
import { batchStatus, cancelBatch, importHeldDuplicate, importOne, startBatch } from './batch';
import { importChosen } from './chosen';
import { fileSource, parseSource, typedSource } from './pipeline';
import { setSpottingThreshold, spottingThreshold } from './settings';
import { capturedSentences, refuseTranscriptRewrite } from '../capture/document-sentences';

function documentClaims(db: DB, documentId: string): Claim[] {
  return (
    db
      .prepare(`SELECT ${CLAIM_COLUMNS} FROM claims c WHERE c.deleted = 0 AND c.document_id = ? ORDER BY c.ordinal, c.id`)
      .all(documentId) as ClaimRow[]
  ).map(claimFromRow);
}

/** The document's live claims by their anchor's `start:end`, read without loading whole claims. */
function claimsByRange(db: DB, documentId: string): Map<string, string> {
  const rows = prepared(
    db,
    `SELECT id, json_extract(anchor, '$.start') AS start, json_extract(anchor, '$.end') AS end
     FROM claims WHERE deleted = 0 AND document_id = ? AND anchor IS NOT NULL ORDER BY ordinal, id`,
  ).all(documentId) as { id: string; start: unknown; end: unknown }[];
  const byRange = new Map<string, string>();
  for (const r of rows) if (typeof r.start === 'number' && typeof r.end === 'number') byRange.set(`${r.start}:${r.end}`, r.id);
  return byRange;
}

/** Score and claimant for a span of a document, as the importer would have given it. */
function describeSpan(text: string, start: number, end: number) {
  const exact = text.slice(start, end).trim();
  const lead = text.slice(start, end).indexOf(exact);
  const s = start + lead;
  const { score, reasons } = defaultSpotter().score(exact);
  const before = analyzeText(text.slice(Math.max(0, s - 2000), s)).map((x) => x.text);
  const claimant = resolveClaimants([...before, exact]).at(-1) ?? null;
  return { text: exact, anchor: makeAnchor(text, s, s + exact.length), score, reasons, claimant };
}

const api = {
  'ingest.importFile': async ({ name, dataBase64, allowDuplicate }, { workspace }) =>
    importOne(workspace, fileSource(name, dataBase64), undefined, undefined, { allowDuplicate }),

  'ingest.importDuplicate': ({ jobId, index }, { workspace }) => importHeldDuplicate(workspace, jobId, index),

  'ingest.startBatch': ({ files }, { workspace }) =>
    startBatch(
      workspace,
      files.map((f) => fileSource(f.name, f.dataBase64)),
    ),

  'ingest.importChosen': (_input, ctx) => importChosen(ctx),

  'ingest.readText': async ({ name, dataBase64 }) => {
    const { document } = await parseSource(fileSource(name, dataBase64), undefined, { analyse: false }).promise;
    return { text: document.text, encoding: document.encoding, format: document.format, title: document.title };
  },

  'ingest.batchStatus': ({ jobId }, { workspace }) => batchStatus(workspace, jobId),

  'ingest.cancelBatch': ({ jobId }, { workspace }) => cancelBatch(workspace, jobId),

  'ingest.sentences': ({ documentId }, { workspace }) => {
    const doc = loadDocument(workspace.db, documentId);
    const threshold = spottingThreshold(workspace);
    const captured = capturedSentences(workspace.db, documentId, threshold);
    if (captured) return { threshold, sentences: captured };
    const byRange = claimsByRange(workspace.db, documentId);
    const sentences: DocumentSentence[] = documentSentences(workspace.db, documentId, doc.text).map((s) => ({
      ...s,
      checkWorthy: s.score >= threshold,
      claimId: byRange.get(`${s.start}:${s.end}`) ?? null,
    }));
    return { threshold, sentences };
  },

  'documents.replaceText': async ({ id, text, file }, { workspace }) => {
    loadDocument(workspace.db, id);
    refuseTranscriptRewrite(workspace.db, id);
    const source = file ? fileSource(file.name, file.dataBase64) : typedSource(text ?? '');
    const parsed = await parseSource(source).promise;
    // Read again after the parse: another write may have landed while the worker ran.
    const doc = loadDocument(workspace.db, id);
    const newText = parsed.document.text;
    const claims = documentClaims(workspace.db, id);
    const placed: { claim: Claim; anchor: ReturnType<typeof makeAnchor> }[] = [];
    const orphans: Claim[] = [];
    for (const c of claims) {
      if (!c.anchor) continue;
      const r = reanchor(newText, c.anchor);
      if (r) placed.push({ claim: c, anchor: r.anchor });
      else orphans.push(c);
    }
    workspace.undo.run(`Replace text of “${doc.title.slice(0, 60)}”`, (w) => {
      w.set('document', id, 'text', newText);
      w.set('document', id, 'contentHash', contentHash(newText));
      for (const p of placed) {
        w.set('claim', p.claim.id, 'anchor', p.anchor);
        w.set('claim', p.claim.id, 'ordinal', p.anchor.start);
      }
      for (const o of orphans) w.set('claim', o.id, 'anchor', null);
    });
    storeSentences(workspace.db, id, newText, parsed.sentences);
    return {
      document: loadDocumentSummary(workspace.db, id),
      reanchored: placed.length,
      orphans: orphans.map((o) => loadClaim(workspace.db, o.id)),
    };
  },

  'claims.createFromSpan': ({ documentId, start, end }, { workspace }) => {
    const doc = loadDocument(workspace.db, documentId);
    if (end > doc.text.length)
      throw new ClaimbenchError('VALIDATION', `The span ends after the document (${doc.text.length} characters).`);
    const span = describeSpan(doc.text, start, end);
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
    const first = describeSpan(text, claim.anchor.start, at);
    const second = describeSpan(text, at, claim.anchor.end);
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
    const merged = describeSpan(text, claim.anchor.start, Math.max(claim.anchor.end, next.anchor.end));
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

  'spotting.getThreshold': (_input, { workspace }) => ({
    threshold: spottingThreshold(workspace),
    defaultThreshold: defaultThreshold(),
  }),

  'spotting.setThreshold': ({ threshold }, { workspace }) => {
    const reapplied = setSpottingThreshold(workspace, threshold ?? defaultThreshold());
    return { threshold: spottingThreshold(workspace), defaultThreshold: defaultThreshold(), reapplied };
  },
} satisfies Partial<Handlers>;

export const ingestHandlers = api;

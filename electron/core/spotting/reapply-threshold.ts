/**
 * A new check-worthiness threshold applies to the documents already in the workspace, not only to
 * the next import: sentences that now reach it become candidate claims, and spotted claims that
 * now fall below it stop being candidates. A claim any person has touched stays, whatever its score.
 */
import { randomUUID } from 'node:crypto';
import { makeAnchor } from '../../../shared/text/anchor';
import type { TextAnchor } from '../../../shared/domain';
import type { StoredRow } from '../../../shared/entities/registry';
import { documentSentences } from '../documents/sentences';
import type { Writer } from '../store/recorder';
import type { Workspace } from '../store/workspace';

/** Every threshold action's label contains this, so its own changes (and their undo) are known as its own. */
export const THRESHOLD_ACTION = 'check-worthiness threshold';
const OWN_ACTION = `%${THRESHOLD_ACTION}%`;

export interface ThresholdReapplied {
  /** Candidate claims added (or brought back) because their sentence now reaches the threshold. */
  added: number;
  /** Spotted claims nobody had touched, removed because they fall below it. */
  removed: number;
  /** Claims below the threshold kept because a person touched them. */
  kept: number;
  /** The documents it was applied to: every live imported one in the workspace, not only the one on screen. */
  documents: number;
}

type ClaimRow = Pick<StoredRow<'claim'>, 'id' | 'anchor' | 'score' | 'deleted'> & {
  /** Spotted by the importer or by a threshold change, not made by a person. */
  spotted: number;
  /** A person changed it after creation or gave it a source, note or attachment. */
  touched: number;
};

/**
 * "Touched" is any change to the claim other than its creation and the threshold's own moves
 * (verdict, rationale, claimant, text, tags, assignment, a manual delete or restore...) or any
 * evidence row pointing at it, live or deleted.
 */
const CLAIMS_OF_DOCUMENT = `
  SELECT c.id, c.anchor, c.score, c.deleted,
    EXISTS (SELECT 1 FROM changes k WHERE k.entity = 'claim' AND k.entity_id = c.id AND k.field = '$create'
            AND (k.action_id = (SELECT d.action_id FROM changes d WHERE d.entity = 'document' AND d.entity_id = c.document_id
                                  AND d.field = '$create' LIMIT 1)
                 OR coalesce(k.action_label, '') LIKE '${OWN_ACTION}')) AS spotted,
    (EXISTS (SELECT 1 FROM changes k WHERE k.entity = 'claim' AND k.entity_id = c.id AND k.field <> '$create'
             AND coalesce(k.action_label, '') NOT LIKE '${OWN_ACTION}')
     OR EXISTS (SELECT 1 FROM sources s WHERE s.claim_id = c.id)
     OR EXISTS (SELECT 1 FROM notes n WHERE n.claim_id = c.id)
     OR EXISTS (SELECT 1 FROM attachments a WHERE a.claim_id = c.id)) AS touched
  FROM claims c WHERE c.document_id = ?`;

function rangeOf(anchor: string | null): string | null {
  if (!anchor) return null;
  const a = JSON.parse(anchor) as Partial<TextAnchor>;
  return typeof a.start === 'number' && typeof a.end === 'number' ? `${a.start}:${a.end}` : null;
}

/** Apply `threshold` to every live imported document, inside the caller's action (one undo step). */
export function reapplyThreshold(workspace: Workspace, w: Writer, threshold: number): ThresholdReapplied {
  const db = workspace.db;
  const result: ThresholdReapplied = { added: 0, removed: 0, kept: 0, documents: 0 };
  // Live-capture transcripts are segmented as they arrive (capture/), not here.
  const documents = db
    .prepare(
      `SELECT id, text FROM documents WHERE deleted = 0
       AND id NOT IN (SELECT document_id FROM capture_state)`,
    )
    .all() as { id: string; text: string }[];
  const claimsOf = db.prepare(CLAIMS_OF_DOCUMENT);
  result.documents = documents.length;
  for (const doc of documents) {
    const claims = claimsOf.all(doc.id) as ClaimRow[];
    const byRange = new Map<string, ClaimRow[]>();
    for (const c of claims) {
      const range = rangeOf(c.anchor);
      if (range) byRange.set(range, [...(byRange.get(range) ?? []), c]);
    }
    for (const c of claims) {
      if (c.deleted || c.score === null || c.score >= threshold || !c.spotted) continue;
      if (c.touched) result.kept++;
      else {
        w.set('claim', c.id, 'deleted', true);
        result.removed++;
      }
    }
    // The sentences stored at import: a new threshold re-decides them without analysing the text again.
    for (const s of documentSentences(db, doc.id, doc.text)) {
      if (s.score < threshold) continue;
      const here = byRange.get(`${s.start}:${s.end}`) ?? [];
      if (here.some((c) => !c.deleted)) continue;
      // A claim a person deleted here stays deleted; one the threshold removed comes back as it was.
      if (here.some((c) => c.touched || !c.spotted)) continue;
      const back = here[0];
      if (back) w.set('claim', back.id, 'deleted', false);
      else
        w.create('claim', randomUUID(), {
          documentId: doc.id,
          ordinal: s.start,
          text: s.text,
          anchor: makeAnchor(doc.text, s.start, s.end),
          claimant: s.claimant,
          score: s.score,
          reasons: s.reasons,
          verdict: null,
        });
      result.added++;
    }
  }
  return result;
}

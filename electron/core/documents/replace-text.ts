import type { Claim } from '../../../shared/domain';
import { makeAnchor } from '../../../shared/text/anchor';
import { reanchor } from '../../../shared/text/reanchor';
import type { Handlers } from '../handler-types';
import { documentClaims, loadClaim } from '../claims/rows';
import { refuseTranscriptRewrite } from '../capture/document-sentences';
import { fileSource, parseSource, typedSource } from '../ingest/pipeline';
import { contentHash } from './content-hash';
import { loadDocument, loadDocumentSummary } from './rows';
import { storeSentences } from './sentences';

/** Replace Text: the new text goes through the ingest pipeline; claims keep their place where it is found again. */
export const replaceTextHandlers = {
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

} satisfies Partial<Handlers>;

import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../../electron/core/context';
import { call } from '../../../electron/core/dispatch';
import { analysedFromScored } from '../../../electron/core/documents/sentences';
import { analyzeText } from '../../../shared/text/candidates';
import { BUILT_ARTICLES } from '../../helpers/built-articles';
import { skipTablesCheck } from '../../helpers/check-tables';
import { BEFORE_CHEAPER_CLAIM_WRITES, createTestContext } from '../../helpers/workspace';

/** The document view's sentences are read from what the import stored, and refilled when that no longer fits. */

const ARTICLE = BUILT_ARTICLES[0]!;
let ctx: CoreContext & { dir: string; file: string };
afterEach(() => ctx?.workspace.close());

const stored = (documentId: string) =>
  ctx.workspace.db.prepare('SELECT count(*) FROM document_sentences WHERE document_id = ?').pluck().get(documentId) as number;
const sentencesOf = async (documentId: string) => (await call(ctx, 'ingest.sentences', { documentId })).sentences;

async function importArticle(): Promise<string> {
  const r = await call(ctx, 'documents.createFromText', { text: ARTICLE.text, title: ARTICLE.title });
  return r.document.id;
}

describe('stored sentences', () => {
  it('are stored at import with their offsets and read back exactly as the analysis gives them', async () => {
    ctx = createTestContext();
    const id = await importArticle();
    const text = (await call(ctx, 'documents.get', { id })).text;
    const analysed = analyzeText(text);
    expect(stored(id)).toBe(analysed.length);
    const view = await sentencesOf(id);
    expect(
      view.map(({ start, end, text: t, score, reasons, claimant }) => ({ start, end, text: t, score, reasons, claimant })),
    ).toEqual(analysed.map(analysedFromScored));
    expect(view.filter((s) => s.claimId).length).toBe((await call(ctx, 'claims.list', { documentId: id })).total);
  });

  it('the view reads the stored rows rather than analysing the text again', async () => {
    ctx = createTestContext();
    const id = await importArticle();
    ctx.workspace.db.prepare('UPDATE document_sentences SET score = 0.0123 WHERE document_id = ? AND ordinal = 0').run(id);
    expect((await sentencesOf(id))[0]!.score).toBe(0.0123);
  });

  it('a new threshold re-decides the stored sentences rather than analysing the text again', async () => {
    ctx = createTestContext();
    // A strict threshold at import, so some sentences are not claims.
    await call(ctx, 'spotting.setThreshold', { threshold: 0.9 });
    const id = await importArticle();
    const before = await sentencesOf(id);
    const low = before.find((s) => !s.checkWorthy)!;
    ctx.workspace.db
      .prepare('UPDATE document_sentences SET score = 0.999 WHERE document_id = ? AND start = ?')
      .run(id, low.start);
    const r = await call(ctx, 'spotting.setThreshold', { threshold: 0.99 });
    expect(r.reapplied.added).toBe(1);
    const claims = (await call(ctx, 'claims.list', { documentId: id })).items;
    expect(claims.find((c) => c.anchor?.start === low.start)?.text).toBe(low.text);
  });

  it('are analysed again and stored when the text changes, the analysis changes or a row is damaged', async () => {
    ctx = createTestContext();
    const id = await importArticle();
    const db = ctx.workspace.db;
    const fresh = await sentencesOf(id);

    db.prepare("UPDATE document_analysis SET analysis = 'an older spotter' WHERE document_id = ?").run(id);
    db.prepare('UPDATE document_sentences SET score = 0.0123 WHERE document_id = ?').run(id);
    expect(await sentencesOf(id)).toEqual(fresh);
    expect(db.prepare('SELECT analysis FROM document_analysis WHERE document_id = ?').pluck().get(id)).not.toBe(
      'an older spotter',
    );

    db.prepare("UPDATE document_sentences SET reasons = '{broken' WHERE document_id = ? AND ordinal = 1").run(id);
    expect(await sentencesOf(id)).toEqual(fresh);

    await call(ctx, 'documents.replaceText', {
      id,
      text: `${ARTICLE.text}\n\nThe council said 12 new trains would arrive in 2027.`,
    });
    const replaced = await sentencesOf(id);
    expect(replaced.length).toBe(fresh.length + 1);
    expect(stored(id)).toBe(replaced.length);
    expect(replaced.at(-1)!.text).toBe('The council said 12 new trains would arrive in 2027.');
  });

  it('stay out of a share file (a teammate fills them on first open, like an older workspace)', async () => {
    ctx = createTestContext();
    await importArticle();
    const target = path.join(ctx.dir, 'mine.claimbench-share');
    await call(ctx, 'team.share', { target });
    const share = new Database(target, { readonly: true });
    try {
      expect(share.prepare('SELECT count(*) FROM document_sentences').pluck().get()).toBe(0);
      expect(share.prepare('SELECT count(*) FROM document_analysis').pluck().get()).toBe(0);
    } finally {
      share.close();
    }
  });

  it('an older workspace gets the table from migration 10 and each document is filled on its first open', async () => {
    ctx = createTestContext();
    const id = await importArticle();
    const before = await sentencesOf(id);
    const file = ctx.file;
    // Rolled back by hand to what version 9 wrote: not a state the change log describes.
    skipTablesCheck(ctx.workspace);
    ctx.workspace.db.exec(BEFORE_CHEAPER_CLAIM_WRITES);
    ctx.workspace.db.exec(
      'CREATE INDEX changes_by_field ON changes (entity, entity_id, field, hlc); CREATE INDEX changes_by_entity ON changes (entity_id, hlc); CREATE INDEX changes_by_action ON changes (action_id); DROP INDEX changes_by_entity_field; DROP TABLE document_sentences; DROP TABLE document_analysis; ALTER TABLE sources DROP COLUMN archive_url; ALTER TABLE sources DROP COLUMN accessed_at; PRAGMA user_version = 9',
    );
    ctx.workspace.close();

    ctx = createTestContext('Test Checker', file);
    expect(ctx.workspace.db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(10);
    expect(stored(id)).toBe(0);
    expect(await sentencesOf(id)).toEqual(before);
    expect(stored(id)).toBe(before.length);
  });
});

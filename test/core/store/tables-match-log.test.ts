import { afterEach, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../../electron/core/context';
import { call } from '../../../electron/core/dispatch';
import { skipTablesCheck } from '../../helpers/check-tables';
import { assertTablesMatchLog } from '../../helpers/tables-match-log';
import { createTestContext } from '../../helpers/workspace';

const opened: CoreContext[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.workspace.close();
});

/** A workspace with a document, verdicts, a note, a source, an attachment and a deleted claim. */
async function busyWorkspace(): Promise<{ ctx: CoreContext; claimIds: string[]; noteId: string }> {
  const ctx = createTestContext('Table Checker');
  opened.push(ctx);
  await call(ctx, 'documents.createFromText', {
    text: 'The ministry said 157 drones were launched. Prices rose 1.5% in May. The mayor said 40,000 homes were built.',
  });
  const claimIds = (await call(ctx, 'claims.list', {})).items.map((c) => c.id);
  await call(ctx, 'claims.setVerdict', { ids: claimIds.slice(0, 2), verdict: 'disputed', rationale: 'The audit disagrees.' });
  const note = await call(ctx, 'notes.add', { claimId: claimIds[0]!, text: 'Asked the ministry.' });
  await call(ctx, 'sources.add', { claimId: claimIds[1]!, pasted: 'https://example.org/stats' });
  await call(ctx, 'attachments.add', { claimId: claimIds[1]!, name: 'letter.txt', base64: Buffer.from('A letter.').toString('base64') });
  await call(ctx, 'claims.delete', { ids: [claimIds[2]!] });
  return { ctx, claimIds, noteId: note.id };
}

describe('the replay check of tables against the change log', () => {
  it('passes on a workspace written only through the core', async () => {
    const { ctx } = await busyWorkspace();
    expect(() => assertTablesMatchLog(ctx.workspace)).not.toThrow();
  });

  it('names the table a write reached without its change row', async () => {
    const { ctx, claimIds } = await busyWorkspace();
    skipTablesCheck(ctx.workspace);
    ctx.workspace.db.prepare("UPDATE claims SET verdict = 'sourced' WHERE id = ?").run(claimIds[0]);
    expect(() => assertTablesMatchLog(ctx.workspace)).toThrow(/^claims in .* differs from a replay of the change log/);
  });

  it('names the table a logged change is missing from', async () => {
    const { ctx, noteId } = await busyWorkspace();
    skipTablesCheck(ctx.workspace);
    ctx.workspace.db.pragma('foreign_keys = OFF');
    ctx.workspace.db.prepare('DELETE FROM notes WHERE id = ?').run(noteId);
    expect(() => assertTablesMatchLog(ctx.workspace)).toThrow(/^notes in .* differs from a replay of the change log \(0 vs 1 rows\)/);
  });
});

import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { backupFolderFor } from '../../../electron/core/store/backup';
import { CHANGE_COLUMNS, type ChangeRow } from '../../../electron/core/store/change-row';
import { signRow } from '../../../electron/core/store/row-signature';
import { shareContentHash } from '../../../electron/core/team/write-share';
import { formatHlc, parseHlc } from '../../../shared/hlc';
import { runClaimbench } from '../../helpers/cli';
import { tempDir } from '../../helpers/workspace';
import { person, snapshot, type TestContext } from './team-helpers';
import { mergePreviewed } from '../../helpers/merge';

const open: TestContext[] = [];
afterEach(() => {
  for (const c of open.splice(0)) c.workspace.close();
});
function teammate(dir: string, name: string): TestContext {
  const ctx = person(dir, name);
  open.push(ctx);
  return ctx;
}

/**
 * Ana's share file with one change of hers rewritten by `edit`, re-signed with her own key and the
 * hash resealed: a hostile teammate crafting rows she can sign, which no signature check stops.
 */
async function forgedShare(dir: string, edit: (db: Database.Database, claimId: string) => void) {
  const ana = teammate(dir, 'Ana');
  const doc = await call(ana, 'documents.createFromText', { text: 'Inflation hit 9 percent in 2022, the bank said.' });
  const claimId = (await call(ana, 'claims.list', { documentId: doc.document.id })).items[0]!.id;
  await call(ana, 'claims.setVerdict', { ids: [claimId], verdict: 'disputed' });
  const file = (await call(ana, 'team.share', { target: path.join(dir, 'ana.claimbench-share') })).path;
  const db = new Database(file);
  try {
    edit(db, claimId);
    const key = ana.identity.get().signingKey!;
    const resign = db.prepare('UPDATE changes SET signature = ? WHERE hlc = ?');
    for (const row of db.prepare(`SELECT ${CHANGE_COLUMNS} FROM changes`).all() as ChangeRow[])
      resign.run(signRow(row, key), row.hlc);
    db.prepare("UPDATE share_meta SET value = ? WHERE key = 'content_hash'").run(shareContentHash(db));
  } finally {
    db.close();
  }
  return { file, claimId };
}

function backups(file: string): number {
  const folder = backupFolderFor(file);
  return fs.existsSync(folder) ? fs.readdirSync(folder).length : 0;
}

describe('a teammate’s clock', () => {
  it('a change with counter FFFF a few minutes ahead merges, says so, and local writes go on', async () => {
    const dir = tempDir();
    const { file, claimId } = await forgedShare(dir, (db) => {
      const row = db.prepare("SELECT hlc FROM changes WHERE field = 'verdict' ORDER BY hlc DESC LIMIT 1").pluck().get() as string;
      const ahead = formatHlc({ millis: Date.now() + 3 * 60_000, counter: 0xffff, node: parseHlc(row)!.node });
      db.prepare('UPDATE changes SET hlc = ? WHERE hlc = ?').run(ahead, row);
    });
    const mine = path.join(dir, 'mine.claimbench');
    expect(runClaimbench(['init', mine]).code).toBe(0);
    const merged = runClaimbench(['merge', mine, file]);
    expect(merged.stderr).toBe('');
    expect(merged.code).toBe(0);
    expect(merged.stdout).toMatch(/Merged\. Backup:/);
    const marked = runClaimbench(['mark', mine, claimId, 'sourced']);
    // Only the advice that a sourced claim needs a source; no refusal.
    expect(marked.stderr).toMatch(/^warning: Marked sourced, but no source is attached yet\. [^\n]*\n$/);
    expect(marked.code).toBe(0);
    const claims = JSON.parse(runClaimbench(['claims', mine, '--json']).stdout) as { id: string; verdict: string }[];
    expect(claims.find((c) => c.id === claimId)?.verdict).toBe('sourced');
  });
});

describe('a teammate’s malformed values', () => {
  const cases: [string, string, unknown][] = [
    ['reasons: null', 'reasons', null],
    ['reasons that are not a list of reasons', 'reasons', [{ kind: 1 }]],
    ['tags: null', 'tags', null],
    ['an anchor of the wrong shape', 'anchor', { start: 'x' }],
    ['text: null where the column requires a value', 'text', null],
  ];
  for (const [what, field, value] of cases) {
    it(`${what}: a typed refusal naming entity, field and person; untouched, no backups piling up`, async () => {
      const dir = tempDir();
      const { file, claimId } = await forgedShare(dir, (db, id) => {
        const create = db
          .prepare("SELECT hlc, value FROM changes WHERE entity = 'claim' AND entity_id = ? AND field = '$create'")
          .get(id) as {
          hlc: string;
          value: string;
        };
        const fields = { ...(JSON.parse(create.value) as Record<string, unknown>), [field]: value };
        db.prepare("UPDATE changes SET value = ?, author = 'Mallory' WHERE hlc = ?").run(JSON.stringify(fields), create.hlc);
      });
      const ben = teammate(dir, 'Ben');
      await call(ben, 'claims.add', { text: 'Ben was here first' });
      const before = snapshot(ben.workspace.db);
      for (let attempt = 0; attempt < 3; attempt++) {
        const e = await mergePreviewed(ben, file).then(
          () => null,
          (x: unknown) => x as Error & { code: string },
        );
        expect(e?.code).toBe('VALIDATION');
        expect(e?.message).toContain(`claim ${claimId}`);
        expect(e?.message).toContain(field);
        expect(e?.message).toContain('Mallory');
        expect(e?.message).toMatch(/Nothing was changed/);
      }
      expect(snapshot(ben.workspace.db)).toEqual(before);
      expect(backups(ben.file)).toBe(0);
    });
  }
});

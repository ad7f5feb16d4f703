import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { call } from '../../../electron/core/dispatch';
import { FileIdentityStore } from '../../../electron/core/identity/identity';
import { backupFolderFor, backupWorkspace, latestGoodBackup, restoreBackup } from '../../../electron/core/store/backup';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../electron/core/store/migrations/index';
import { migrate, openWorkspaceFile } from '../../../electron/core/store/open';
import { checkSchema, schemaFrom, SchemaMismatch, workspaceSchema } from '../../../electron/core/store/schema-check';
import { AppSession } from '../../../electron/shell/app-session';
import { ClaimbenchError } from '../../../shared/result';
import { createTestContext, tempDir } from '../../helpers/workspace';

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const FLIP = `CREATE TRIGGER flip AFTER UPDATE OF verdict ON claims WHEN new.verdict = 'disputed'
  BEGIN UPDATE claims SET verdict = 'sourced' WHERE id = new.id; END`;

/** A closed workspace with one claim, altered by `sql` behind Claimbench's back. */
async function alteredWorkspace(sql: string) {
  const ctx = createTestContext('Ana');
  await call(ctx, 'documents.createFromText', { text: 'Exports grew by 12 percent last year, the minister said.' });
  const claimId = (await call(ctx, 'claims.list', {})).items[0]!.id;
  ctx.workspace.close();
  const db = new Database(ctx.file);
  db.exec(sql);
  db.close();
  return { file: ctx.file, claimId, dir: ctx.dir };
}

function refusedWith(fn: () => unknown): ClaimbenchError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ClaimbenchError);
    return e as ClaimbenchError;
  }
  throw new Error('expected a refusal');
}

describe('the expected schema', () => {
  it('is derived from the migrations, and a workspace at every version matches it', () => {
    const latest = workspaceSchema(SCHEMA_VERSION);
    expect([...latest.values()].some((o) => o.type === 'trigger')).toBe(true);
    expect([...latest.values()].some((o) => o.type === 'view')).toBe(false);
    for (const m of MIGRATIONS) {
      const db = new Database(':memory:');
      migrate(db, 0, m.version);
      expect(() => checkSchema(db, workspaceSchema(m.version))).not.toThrow();
      db.close();
    }
  });

  it('names what does not match: an extra view, trigger, table or index, a changed or a missing definition', () => {
    const expected = schemaFrom(['CREATE TABLE t (a INTEGER)', 'CREATE INDEX t_a ON t (a)']);
    const cases: [string, RegExp][] = [
      ['CREATE VIEW v AS SELECT 1', /a view of its own, "v"/],
      ['CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END', /a trigger of its own, "tr"/],
      ['CREATE TABLE extra (x)', /a table of its own, "extra"/],
      ['CREATE INDEX t_b ON t (a DESC)', /an index of its own, "t_b"/],
    ];
    for (const [sql, message] of cases) {
      const db = new Database(':memory:');
      db.exec('CREATE TABLE t (a INTEGER); CREATE INDEX t_a ON t (a);');
      db.exec(sql);
      expect(() => checkSchema(db, expected)).toThrow(message);
      db.close();
    }
    const changed = new Database(':memory:');
    changed.exec('CREATE TABLE t (a INTEGER, b TEXT); CREATE INDEX t_a ON t (a);');
    expect(() => checkSchema(changed, expected)).toThrow(/table "t" is not defined the way/);
    const missing = new Database(':memory:');
    missing.exec('CREATE TABLE t (a INTEGER)');
    expect(() => checkSchema(missing, expected)).toThrow(SchemaMismatch);
    expect(() => checkSchema(missing, expected)).toThrow(/index "t_a" is missing/);
  });

  it('tolerates the statistics tables ANALYZE adds', () => {
    const db = new Database(':memory:');
    migrate(db, 0);
    db.exec('ANALYZE');
    expect(() => checkSchema(db, workspaceSchema(SCHEMA_VERSION))).not.toThrow();
  });
});

describe('a workspace file carrying a trigger of its own', () => {
  it('is refused by open and the CLI, names the trigger, and never changes a verdict', async () => {
    const { file, claimId } = await alteredWorkspace(FLIP);
    const before = sha(file);
    const e = refusedWith(() => openWorkspaceFile(file));
    expect(e.code).toBe('CORRUPT');
    expect(e.message).toMatch(/trigger of its own, "flip"/);

    const errors: string[] = [];
    const io = { out: () => undefined, err: (t: string) => void errors.push(t), readStdin: async () => Buffer.alloc(0) };
    expect(await runCli(['mark', file, claimId, 'disputed'], io)).toBe(1);
    expect(errors.join('')).toMatch(/"flip"/);
    expect(sha(file)).toBe(before);
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT verdict FROM claims WHERE id = ?').pluck().get(claimId)).not.toBe('sourced');
    db.close();
  });

  it('is refused by Open… and Open Recent in the app, which stays on the workspace it had', async () => {
    const { file } = await alteredWorkspace('CREATE VIEW verdicts AS SELECT verdict FROM claims');
    const userDataDir = tempDir();
    const identity = new FileIdentityStore(path.join(userDataDir, 'identity.json'));
    identity.setAuthor('Ana');
    const session = new AppSession({ userDataDir, identity, onChange: () => undefined });
    session.openInitial();
    const current = session.context().workspace.path;
    const outcome = session.open(file);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.error.message).toMatch(/view of its own, "verdicts"/);
    expect(session.context().workspace.path).toBe(current);
    expect(session.recent.list()).not.toContain(file);
    session.close();

    // Open Recent at the next launch: the file went bad after it was last opened.
    const { file: good } = await alteredWorkspace('SELECT 1');
    const again = new AppSession({ userDataDir, identity, onChange: () => undefined });
    again.openInitial(good);
    again.close();
    const db = new Database(good);
    db.exec(FLIP);
    db.close();
    const relaunch = new AppSession({ userDataDir, identity, onChange: () => undefined });
    const refusals = relaunch.openInitial();
    expect(refusals.map((r) => r.message).join('')).toMatch(/trigger of its own, "flip"/);
    expect(relaunch.context().workspace.path).not.toBe(good);
    relaunch.close();
  });

  it('is never restored from a backup, and a good backup is offered instead', async () => {
    const ctx = createTestContext('Ana');
    await call(ctx, 'claims.add', { text: 'The bridge cost 3 billion euros.' });
    const good = backupWorkspace(ctx.file, 'periodic');
    ctx.workspace.close();
    const bad = path.join(backupFolderFor(ctx.file), '2099-01-01T00-00-00-000Z-periodic.claimbench');
    fs.copyFileSync(good, bad);
    const db = new Database(bad);
    db.exec(FLIP);
    db.close();
    const before = sha(ctx.file);
    const e = refusedWith(() => restoreBackup(ctx.file, bad));
    expect(e.message).toMatch(/trigger of its own, "flip"/);
    expect(sha(ctx.file)).toBe(before);
    expect(latestGoodBackup(ctx.file)?.path).toBe(good);
  });
});

describe('a workspace whose tables differ from this build', () => {
  it('is refused as written by another build, not as changed outside Claimbench, and left as it is', async () => {
    const { file } = await alteredWorkspace('CREATE TABLE reviews_next (id TEXT PRIMARY KEY, body TEXT)');
    const before = sha(file);
    const e = refusedWith(() => openWorkspaceFile(file));
    expect(e.code).toBe('UNSUPPORTED_FORMAT');
    expect(e.message).toMatch(/a table of its own, "reviews_next"/);
    expect(e.message).toMatch(new RegExp(`written by another build of Claimbench \\(format ${SCHEMA_VERSION}\\)`));
    expect(e.message).not.toMatch(/changed outside|backup/);
    expect(sha(file)).toBe(before);
  });

  it('a view or trigger of its own still reads as changed outside Claimbench', async () => {
    const { file } = await alteredWorkspace('CREATE VIEW verdicts AS SELECT verdict FROM claims');
    const e = refusedWith(() => openWorkspaceFile(file));
    expect(e.code).toBe('CORRUPT');
    expect(e.message).toMatch(/changed outside Claimbench; restore it from a backup/);
    expect(e.message).not.toMatch(/another build/);
  });
});

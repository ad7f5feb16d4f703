import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { backupFolderFor } from '../../../electron/core/store/backup';
import { readShareFile } from '../../../electron/core/team/read-share';
import { readShareFileBudgeted } from '../../../electron/core/team/share-reader';
import { shareContentHash } from '../../../electron/core/team/write-share';
import { formatHlc, randomNodeId } from '../../../shared/hlc';
import { isClaimbenchError } from '../../../shared/result';
import { tempDir } from '../../helpers/workspace';
import { person, snapshot, type TestContext } from './team-helpers';
import { mergePreviewed } from '../../helpers/merge';

let dir: string;
let ana: TestContext;
let ben: TestContext;
let share: string;
let claimId: string;

beforeAll(async () => {
  dir = tempDir('claimbench-hostile-');
  ana = person(dir, 'Ana');
  ben = person(dir, 'Ben');
  const doc = await call(ana, 'documents.createFromText', { text: 'Inflation hit 9 percent in 2022, the bank said.' });
  claimId = (await call(ana, 'claims.list', { documentId: doc.document.id })).items[0]!.id;
  await call(ana, 'attachments.add', { claimId, name: 'table 3.txt', base64: Buffer.from('inflation 9.1').toString('base64') });
  share = (await call(ana, 'team.share', { target: path.join(dir, 'good.claimbench-share') })).path;
  await call(ben, 'claims.add', { text: 'Ben was here first' });
});
afterAll(() => {
  ana.workspace.close();
  ben.workspace.close();
});

let n = 0;
/** A copy of the good share file, altered by `edit`; `reseal` recomputes the hash as a forger would. */
function forge(edit: (db: Database.Database) => void, reseal = true): string {
  const file = path.join(dir, `forged-${n++}.claimbench-share`);
  fs.copyFileSync(share, file);
  const db = new Database(file);
  try {
    edit(db);
    if (reseal) db.prepare("UPDATE share_meta SET value = ? WHERE key = 'content_hash'").run(shareContentHash(db));
  } finally {
    db.close();
  }
  return file;
}

function insertChange(
  db: Database.Database,
  entity: string,
  field: string,
  value: string,
  extra: Partial<Record<string, string>> = {},
) {
  const hlc = formatHlc({ millis: Date.now() - 1000, counter: 0, node: randomNodeId() });
  db.prepare(
    'INSERT INTO changes (hlc, entity, entity_id, field, value, actor_id, author, action_id, action_label, supersedes) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?)',
  ).run(
    extra.hlc ?? hlc,
    entity,
    extra.entityId ?? 'x-1',
    field,
    value,
    extra.actorId ?? 'a'.repeat(16),
    'Mallory',
    extra.supersedes ?? '[]',
  );
}

/** The content hash the file records (what a preview would return, had it passed), so merge refuses for the file's own fault. */
function recordedHash(file: string): string {
  try {
    // Opening a FIFO or a device would block or read what is not a file.
    if (!fs.statSync(file).isFile()) return '0'.repeat(64);
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      // Only a plain table is read: a hostile file's view of that name could spin.
      const kinds = db.prepare("SELECT type FROM sqlite_schema WHERE type = 'view' OR name = 'share_meta'").pluck().all();
      if (kinds.length !== 1 || kinds[0] !== 'table') return '0'.repeat(64);
      const hash = db.prepare("SELECT value FROM share_meta WHERE key = 'content_hash'").pluck().get();
      return typeof hash === 'string' && /^[0-9a-f]{64}$/.test(hash) ? hash : '0'.repeat(64);
    } finally {
      db.close();
    }
  } catch {
    return '0'.repeat(64);
  }
}

async function expectRefused(file: string, code: string, message: RegExp) {
  const before = snapshot(ben.workspace.db);
  const backups = () => (fs.existsSync(backupFolderFor(ben.file)) ? fs.readdirSync(backupFolderFor(ben.file)).length : 0);
  const backupCount = backups();
  for (const op of ['team.mergePreview', 'team.merge'] as const) {
    const error = await call(ben, op, { path: file, ...(op === 'team.merge' ? { expectHash: recordedHash(file) } : {}) }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isClaimbenchError(error), `${op} should refuse`).toBe(true);
    expect((error as { code: string }).code).toBe(code);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toMatch(/Nothing was changed/);
  }
  expect(snapshot(ben.workspace.db)).toEqual(before);
  expect(backups()).toBe(backupCount);
}

describe('hostile and damaged share files are refused and the workspace is untouched', () => {
  it('accepts the untouched file (the forgeries below differ from it only as described)', async () => {
    const preview = await call(ben, 'team.mergePreview', { path: forge(() => undefined) });
    expect(preview.newChanges).toBeGreaterThan(2);
  });

  it('a truncated file', async () => {
    const file = path.join(dir, 'truncated.claimbench-share');
    const bytes = fs.readFileSync(share);
    fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expectRefused(file, 'CORRUPT', /truncated/);
  });

  it('a tampered file whose content no longer matches its hash', async () => {
    const file = forge(
      (db) => db.prepare("UPDATE changes SET author = 'Eve' WHERE rowid = (SELECT min(rowid) FROM changes)").run(),
      false,
    );
    await expectRefused(file, 'CORRUPT', /content hash/);
  });

  it('a file from a newer version', async () => {
    await expectRefused(
      forge((db) => db.prepare("UPDATE share_meta SET value = '99' WHERE key = 'version'").run()),
      'NEWER_VERSION',
      /newer version/,
    );
  });

  it('a workspace or a file that is not a share file at all', async () => {
    await expectRefused(ana.file, 'UNSUPPORTED_FORMAT', /workspace, not a share file/);
    const text = path.join(dir, 'notes.txt');
    fs.writeFileSync(text, 'hello'.repeat(100));
    await expectRefused(text, 'UNSUPPORTED_FORMAT', /not a Claimbench share file/);
  });

  it('huge fields', async () => {
    const huge = JSON.stringify({ text: 'x'.repeat(1_100_000), verdict: 'unverified' });
    await expectRefused(
      forge((db) => insertChange(db, 'claim', '$create', huge)),
      'VALIDATION',
      /text.*(too big|at most|<=)/i,
    );
  });

  it('wrong types and values outside a field’s domain', async () => {
    await expectRefused(
      forge((db) => insertChange(db, 'claim', 'verdict', '42')),
      'VALIDATION',
      /verdict/,
    );
    await expectRefused(
      forge((db) => insertChange(db, 'claim', 'verdict', '"maybe"')),
      'VALIDATION',
      /verdict must be sourced, disputed or unverified(?!.*Invalid option)/,
    );
    await expectRefused(
      forge((db) => insertChange(db, 'claim', 'score', '"high"')),
      'VALIDATION',
      /score/,
    );
    await expectRefused(
      forge((db) => insertChange(db, 'claim', 'text', '{not json')),
      'VALIDATION',
      /not valid JSON/,
    );
    await expectRefused(
      forge((db) => insertChange(db, 'claim', 'text', '"t"', { actorId: 'not-an-actor' })),
      'VALIDATION',
      /actor/,
    );
    await expectRefused(
      forge((db) => insertChange(db, 'claim', 'text', '"t"', { supersedes: '"x"' })),
      'VALIDATION',
      /causal/,
    );
  });

  it('SQL in entity or field names (they would become identifiers)', async () => {
    await expectRefused(
      forge((db) => insertChange(db, 'claims; DROP TABLE claims; --', 'text', '"t"')),
      'VALIDATION',
      /unknown kind/,
    );
    await expectRefused(
      forge((db) => insertChange(db, 'claim', "text = 'x', verdict", '"t"')),
      'VALIDATION',
      /unknown field/,
    );
  });

  it('path-like attachment names and bytes that do not match their address', async () => {
    await expectRefused(
      forge((db) => insertChange(db, 'attachment', 'name', JSON.stringify('../../.ssh/authorized_keys'))),
      'VALIDATION',
      /name is a path/,
    );
    await expectRefused(
      forge((db) => insertChange(db, 'attachment', 'name', JSON.stringify('C:\\Windows\\evil.exe'))),
      'VALIDATION',
      /path/,
    );
    await expectRefused(
      forge((db) => db.prepare('UPDATE blobs SET bytes = ?').run(Buffer.from('something else'))),
      'CORRUPT',
      /do not match their address/,
    );
  });

  it('changes dated in the future, or colliding with a different change already here', async () => {
    const future = formatHlc({ millis: Date.now() + 3_600_000, counter: 0, node: randomNodeId() });
    await expectRefused(
      forge((db) => insertChange(db, 'claim', 'text', '"t"', { hlc: future })),
      'VALIDATION',
      /future/,
    );
    const bens = ben.workspace.db.prepare('SELECT hlc FROM changes LIMIT 1').pluck().get() as string;
    await expectRefused(
      forge((db) => insertChange(db, 'claim', 'text', '"t"', { hlc: bens })),
      'VALIDATION',
      /same clock timestamp/,
    );
  });

  it('keeps SQL inside text as plain text', async () => {
    const evil = "Robert'); DROP TABLE claims; --";
    const file = forge((db) => {
      const create = db.prepare("SELECT entity_id, value FROM changes WHERE entity = 'claim' AND field = '$create'").get() as {
        entity_id: string;
      };
      insertChange(db, 'claim', 'text', JSON.stringify(evil), { entityId: create.entity_id });
    });
    const other = person(dir, 'Cleo');
    try {
      await mergePreviewed(other, file);
      expect((await call(other, 'claims.list', { query: 'DROP TABLE' })).items.map((c) => c.text)).toEqual([evil]);
      expect((await call(other, 'attachments.list', { claimId })).map((a) => a.name)).toEqual(['table 3.txt']);
      // The attachment's bytes travel with it, and their kind is sniffed here, not taken from the file.
      const blob = other.workspace.db.prepare('SELECT bytes, kind FROM blobs').get() as { bytes: Buffer; kind: string };
      expect([blob.bytes.toString(), blob.kind]).toEqual(['inflation 9.1', 'text']);
    } finally {
      other.workspace.close();
    }
  });
});

describe('share files that declare code of their own are refused before any of their data is read', () => {
  const ENDLESS = 'WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r)';
  const cases: [string, string, RegExp][] = [
    [
      'changes as an endless recursive view',
      `DROP TABLE changes; CREATE VIEW changes AS ${ENDLESS} SELECT printf('%024d', x) AS hlc, 'claim' AS entity, 'c' AS entity_id,
       'text' AS field, '"x"' AS value, 'aaaaaaaaaaaaaaaa' AS actor_id, 'M' AS author, NULL AS action_id, NULL AS action_label,
       '[]' AS supersedes FROM r`,
      /"changes" is a view where Claimbench has a table/,
    ],
    [
      'share_meta as a view sorting an endless query (temporary files without end)',
      `DROP TABLE share_meta; CREATE VIEW share_meta AS ${ENDLESS} SELECT randomblob(1000) AS key, x AS value FROM r ORDER BY 1`,
      /"share_meta"/,
    ],
    [
      'blobs as a view',
      `DROP TABLE blobs; CREATE VIEW blobs AS ${ENDLESS} SELECT x AS sha256, x AS size, zeroblob(1e6) AS bytes FROM r`,
      /"blobs"/,
    ],
    [
      'an extra trigger',
      `CREATE TRIGGER flip AFTER INSERT ON changes BEGIN DELETE FROM claims; END`,
      /trigger of its own, "flip"/,
    ],
    ['an index over a costly expression', `CREATE INDEX slow ON changes (length(value) * 2)`, /index of its own, "slow"/],
  ];
  for (const [what, sql, message] of cases) {
    it(what, async () => {
      const started = Date.now();
      await expectRefused(
        forge((db) => db.exec(sql), false),
        'UNSUPPORTED_FORMAT',
        message,
      );
      expect(Date.now() - started).toBeLessThan(30_000);
    });
  }
});

describe('reading a share file has a time budget', () => {
  it('abandons a read that overruns it, and the next read starts afresh', async () => {
    // Thousands of changes take far longer to read and check than the 1 ms budget given here.
    const big = person(dir, 'Dora');
    const text = Array.from({ length: 1500 }, (_, i) => `The port handled ${1000 + i} ships in ${1900 + (i % 120)}.`).join(' ');
    await call(big, 'documents.createFromText', { text });
    const bigShare = (await call(big, 'team.share', { target: path.join(dir, 'big.claimbench-share') })).path;
    big.workspace.close();
    await expect(readShareFileBudgeted(bigShare, 1)).rejects.toThrow(
      /longer than its time budget \(0\.0 s\)\. Nothing was changed/,
    );
    const contents = await readShareFileBudgeted(share);
    expect(contents.rows.length).toBeGreaterThan(2);
    expect(Buffer.isBuffer(contents.blobs[0]?.bytes)).toBe(true);
  });
});

describe('reading a share file has a memory budget', () => {
  it('change text beyond the cap is refused before a row is read', () => {
    expect(() => readShareFile(share, undefined, { changeChars: 1_000 })).toThrow(
      /its changes are too large to read \(1 million characters\)\. Nothing was changed/,
    );
    expect(readShareFile(share).rows.length).toBeGreaterThan(2);
  });
});

import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke, call } from '../../../electron/core/dispatch';
import { FixedIdentityStore } from '../../../electron/core/identity/identity';
import { backupFolderFor } from '../../../electron/core/store/backup';
import { Workspace } from '../../../electron/core/store/workspace';
import { readShareFile } from '../../../electron/core/team/read-share';
import { shareContentHash } from '../../../electron/core/team/write-share';
import { createTestContext, tempDir } from '../../helpers/workspace';
import { KNOWN_CODES } from './fuzz-helpers';
import { flipBytes, rng, truncate, type Rng } from './mutate';

/**
 * Damaged and tampered share files: byte flips, truncation, wiped pages, and SQL-level edits (values
 * of the wrong type, huge fields, path-like attachment names, unknown fields, clocks in the future)
 * sealed with a freshly forged content hash, so they get past the hash to the row checks. Each must
 * be refused with a clear message, the target workspace byte-for-byte unchanged and no backup taken.
 */
const BYTE_CASES = Math.round(1500 * Number(process.env.FUZZ_SHARE_SCALE ?? 1));
let dir = '';
let good = '';
let pristine = '';
let goodHlcs: string[] = [];

const bytesOf = (f: string) => (fs.existsSync(f) ? createHash('sha256').update(fs.readFileSync(f)).digest('hex') : '-');
const fileState = (f: string) => `${bytesOf(f)}|${bytesOf(`${f}-wal`)}|${fs.existsSync(backupFolderFor(f))}`;

beforeAll(async () => {
  dir = tempDir('claimbench-share-fuzz-');
  const mate = createTestContext('Mate', path.join(dir, 'mate.claimbench'));
  await call(mate, 'documents.createFromText', {
    text: 'The ministry said 157 drones were launched. Prices rose 1.5% in May. The mayor said 40,000 homes were built.',
  });
  const claims = (await call(mate, 'claims.list', {})).items;
  await call(mate, 'claims.setVerdict', { ids: [claims[0]!.id], verdict: 'disputed', rationale: 'Retracted.' });
  await call(mate, 'notes.add', { claimId: claims[1]!.id, text: 'Asked the ministry.' });
  await call(mate, 'sources.add', { claimId: claims[1]!.id, pasted: 'https://example.org/stats' });
  await call(mate, 'attachments.add', {
    claimId: claims[2]!.id,
    name: 'letter.txt',
    base64: Buffer.from('A letter.').toString('base64'),
  });
  good = path.join(dir, 'good.claimbench-share');
  await call(mate, 'team.share', { target: good });
  mate.workspace.close();
  goodHlcs = readShareFile(good).rows.map((r) => r.hlc);
  const target = createTestContext('Target', path.join(dir, 'pristine.claimbench'));
  await call(target, 'documents.createFromText', { text: 'Officials said 12 bridges were closed in 2024.' });
  target.workspace.close();
  pristine = target.file;
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Merge `share` into a fresh copy of the target; the refusal is returned, a success is reported as null. */
async function mergeInto(share: string, label: string): Promise<{ code: string; message: string } | null> {
  const file = path.join(dir, `target-${label}.claimbench`);
  fs.copyFileSync(pristine, file);
  const identity = new FixedIdentityStore('Target');
  const workspace = Workspace.open(file, () => ({ actorId: identity.get().actorId, author: 'Target' }));
  try {
    const before = fileState(file);
    let expectHash = '0'.repeat(64);
    for (const op of ['team.mergePreview', 'team.merge'] as const) {
      const input = op === 'team.merge' ? { path: share, expectHash } : { path: share };
      const r = await invoke({ workspace, identity }, op, input, () => undefined);
      if (r.ok && op === 'team.mergePreview') expectHash = (r.value as { contentHash: string }).contentHash;
      if (r.ok && op === 'team.merge') {
        const present = new Set(workspace.db.prepare('SELECT hlc FROM changes').pluck().all() as string[]);
        expect(
          goodHlcs.filter((h) => !present.has(h)),
          `${label} merged in part`,
        ).toEqual([]);
      }
      if (r.ok) continue;
      expect(KNOWN_CODES, `${label} ${op} → ${r.error.code}: ${r.error.message}`).toContain(r.error.code);
      expect(r.error.message, label).toMatch(/refused|not|damaged|truncated|exist/i);
      expect(r.error.message.length, label).toBeLessThan(600);
      expect(fileState(file), `${label}: ${op} refused but the target changed or a backup was taken`).toBe(before);
      if (op === 'team.merge') return r.error;
    }
    return null;
  } finally {
    workspace.close();
    fs.rmSync(file, { force: true });
    fs.rmSync(backupFolderFor(file), { recursive: true, force: true });
  }
}

function wipePage(r: Rng, b: Uint8Array): Uint8Array {
  const out = Buffer.from(b);
  const pageSize = out.readUInt16BE(16) === 1 ? 65536 : out.readUInt16BE(16);
  const pages = Math.floor(out.length / pageSize);
  const page = 1 + Math.floor(r() * Math.max(1, pages - 1));
  out.fill(r() < 0.5 ? 0 : 0xff, page * pageSize, (page + 1) * pageSize);
  return out;
}

/** SQL-level tampering of a copy of the good share file, resealed with a matching content hash. */
const TAMPERS: { name: string; sql: string; reseal: boolean }[] = [
  { name: 'edited value, old hash', sql: `UPDATE changes SET value = '"sourced"' WHERE field = 'verdict'`, reseal: false },
  { name: 'verdict of the wrong type', sql: `UPDATE changes SET value = '42' WHERE field = 'verdict'`, reseal: true },
  { name: 'verdict outside the enum', sql: `UPDATE changes SET value = '"true"' WHERE field = 'verdict'`, reseal: true },
  { name: 'value not JSON', sql: `UPDATE changes SET value = '{oops' WHERE field = 'rationale'`, reseal: true },
  {
    name: 'huge rationale',
    sql: `UPDATE changes SET value = json_quote(printf('%.*c', 1100000, 'x')) WHERE field = 'rationale'`,
    reseal: true,
  },
  {
    name: 'path-like attachment name',
    sql: `UPDATE changes SET value = json_set(value, '$.name', '../../../.bashrc') WHERE entity = 'attachment' AND field = '$create'`,
    reseal: true,
  },
  {
    name: 'absolute attachment name',
    sql: `UPDATE changes SET value = json_set(value, '$.name', '/etc/cron.d/x') WHERE entity = 'attachment' AND field = '$create'`,
    reseal: true,
  },
  {
    name: 'unknown entity',
    sql: `UPDATE changes SET entity = 'sqlite_master' WHERE rowid = (SELECT min(rowid) FROM changes)`,
    reseal: true,
  },
  {
    name: 'SQL in a field name',
    sql: `UPDATE changes SET field = 'verdict = 1; DROP TABLE claims; --' WHERE field = 'verdict'`,
    reseal: true,
  },
  {
    name: 'malformed clock',
    sql: `UPDATE changes SET hlc = 'yesterday' WHERE rowid = (SELECT max(rowid) FROM changes)`,
    reseal: true,
  },
  {
    name: 'clock far in the future',
    sql: `UPDATE changes SET hlc = '2999' || substr(hlc, 5) WHERE rowid = (SELECT max(rowid) FROM changes)`,
    reseal: true,
  },
  {
    name: 'causal link forwards',
    sql: `UPDATE changes SET supersedes = json_array('9999-01-01T00:00:00.000Z-0000-0000000000000000')`,
    reseal: true,
  },
  {
    name: 'deleted flag as text',
    sql: `UPDATE changes SET value = json_set(value, '$.deleted', 'yes') WHERE field = '$create' AND entity = 'claim'`,
    reseal: true,
  },
  {
    name: 'creation not an object',
    sql: `UPDATE changes SET value = '[1,2]' WHERE field = '$create' AND entity = 'claim'`,
    reseal: true,
  },
  { name: 'actor id not hex', sql: `UPDATE changes SET actor_id = '../../x'`, reseal: true },
  { name: 'control characters in an id', sql: `UPDATE changes SET entity_id = entity_id || char(10, 0)`, reseal: true },
  { name: 'blob bytes not matching the address', sql: `UPDATE blobs SET bytes = X'00'`, reseal: true },
  { name: 'blob size lying', sql: `UPDATE blobs SET size = size + 1`, reseal: true },
  { name: 'wrong application id', sql: `PRAGMA application_id = 0`, reseal: true },
  { name: 'newer format', sql: `UPDATE share_meta SET value = '99' WHERE key = 'version'`, reseal: true },
  { name: 'no share_meta', sql: `DROP TABLE share_meta`, reseal: false },
  { name: 'changes table dropped', sql: `DROP TABLE changes`, reseal: false },
  {
    name: 'text where a number goes',
    sql: `UPDATE changes SET value = json_set(value, '$.score', 'high') WHERE field = '$create' AND entity = 'claim'`,
    reseal: true,
  },
  // Code of its own: refused by the schema check before any of its data is read.
  {
    name: 'changes as an endless recursive view',
    sql: `DROP TABLE changes; CREATE VIEW changes AS WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r)
      SELECT printf('%024d', x) AS hlc, 'claim' AS entity, 'c' AS entity_id, 'text' AS field, '"x"' AS value,
      'aaaaaaaaaaaaaaaa' AS actor_id, 'M' AS author, NULL AS action_id, NULL AS action_label, '[]' AS supersedes FROM r`,
    reseal: false,
  },
  {
    name: 'share_meta as a view sorting without end',
    sql: `DROP TABLE share_meta; CREATE VIEW share_meta AS WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r)
      SELECT randomblob(1000) AS key, x AS value FROM r ORDER BY 1`,
    reseal: false,
  },
  { name: 'an extra view', sql: `CREATE VIEW verdicts AS SELECT verdict FROM claims`, reseal: true },
  {
    name: 'a trigger of its own',
    sql: `CREATE TRIGGER flip AFTER UPDATE OF verdict ON claims BEGIN UPDATE claims SET verdict = 'sourced' WHERE id = new.id; END`,
    reseal: true,
  },
  { name: 'an extra index on an expression', sql: `CREATE INDEX slow ON changes (length(value) * 2)`, reseal: true },
  { name: 'an extra table', sql: `CREATE TABLE payload (x BLOB)`, reseal: true },
  {
    name: 'reasons: null',
    sql: `UPDATE changes SET value = json_set(value, '$.reasons', json('null')) WHERE field = '$create' AND entity = 'claim'`,
    reseal: true,
  },
  {
    name: 'tags not a list',
    sql: `UPDATE changes SET value = json_set(value, '$.tags', 'urgent') WHERE field = '$create' AND entity = 'claim'`,
    reseal: true,
  },
];

function tampered(t: (typeof TAMPERS)[number], i: number): string {
  const file = path.join(dir, `tampered-${i}.claimbench-share`);
  fs.copyFileSync(good, file);
  const db = new Database(file);
  try {
    db.exec(t.sql);
    // An edit that matched no row would leave the good file, which merges: the case would prove nothing.
    if (t.sql.startsWith('UPDATE')) expect(db.prepare('SELECT total_changes()').pluck().get(), t.name).toBeGreaterThan(0);
    if (t.reseal) {
      const hash = shareContentHash(db);
      db.prepare("UPDATE share_meta SET value = ? WHERE key = 'content_hash'").run(hash);
    }
  } finally {
    db.close();
  }
  return file;
}

describe('share-file fuzzing', () => {
  it('the untouched share file merges (the baseline the mutations depart from)', async () => {
    expect(await mergeInto(good, 'good')).toBeNull();
  });

  it.each(TAMPERS.map((t, i) => [t.name, i] as const))(
    'SQL-level tampering: %s → refused, target unchanged',
    async (_name, i) => {
      const error = await mergeInto(tampered(TAMPERS[i]!, i), `tamper-${i}`);
      expect(error, TAMPERS[i]!.name).not.toBeNull();
    },
  );

  it(`byte-level damage: ${BYTE_CASES} mutated files are refused or merge whole`, async () => {
    const bytes = new Uint8Array(fs.readFileSync(good));
    const r = rng(4242);
    const tally: Record<string, number> = {};
    for (let i = 0; i < BYTE_CASES; i++) {
      const kind = i % 3;
      const mutated = kind === 0 ? flipBytes(r, bytes) : kind === 1 ? truncate(r, bytes) : wipePage(r, bytes);
      const file = path.join(dir, `damaged-${i}.claimbench-share`);
      fs.writeFileSync(file, mutated);
      // A flip in free space changes nothing that is read: such a file still merges, and must merge whole.
      const error = await mergeInto(file, `damaged-${i}`);
      const key = error?.code ?? 'merged';
      tally[key] = (tally[key] ?? 0) + 1;
      fs.rmSync(file);
    }
    console.info(`share byte damage: ${JSON.stringify(tally)}`);
    expect(tally.merged ?? 0).toBeLessThan(BYTE_CASES / 2);
  }, 300_000);
});

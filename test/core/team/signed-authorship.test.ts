import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import type { CoreContext } from '../../../electron/core/context';
import { FileIdentityStore, ProfileIdentityStore, actorIdForName } from '../../../electron/core/identity/identity';
import { APPLICATION_ID, applyPragmas, migrate } from '../../../electron/core/store/open';
import { Workspace } from '../../../electron/core/store/workspace';
import { applyChangeRows } from '../../../electron/core/team/apply';
import { CHANGE_COLUMNS, type ChangeRow } from '../../../electron/core/store/change-row';
import { rowSigningBytes, signRow } from '../../../electron/core/store/row-signature';
import { rowSignatureMatches } from '../../../electron/core/team/row-signature';
import { generateSigningKey, keyFingerprint, type SigningKey } from '../../../electron/core/team/signing';
import { SYNC_SUFFIX } from '../../../electron/core/team/sync-file';
import { shareContentHash } from '../../../electron/core/team/write-share';
import { runClaimbench } from '../../helpers/cli';
import { BEFORE_SIGNING, tempDir } from '../../helpers/workspace';
import { person, snapshot, type TestContext } from './team-helpers';
import { mergePreviewed } from '../../helpers/merge';

const open: { workspace: Workspace }[] = [];
function teammate(dir: string, name: string): TestContext {
  const ctx = person(dir, name);
  open.push(ctx);
  return ctx;
}
afterEach(() => {
  for (const c of open.splice(0)) c.workspace.close();
});

const TEXT = 'Unemployment fell to 4.2 percent in March, the minister said. Exports grew by 12 percent last year.';

async function seed(ctx: CoreContext) {
  const r = await call(ctx, 'documents.createFromText', { text: TEXT, title: 'Speech' });
  return (await call(ctx, 'claims.list', { documentId: r.document.id })).items.map((c) => c.id);
}

function rows(ctx: CoreContext): ChangeRow[] {
  return ctx.workspace.db.prepare(`SELECT ${CHANGE_COLUMNS} FROM changes ORDER BY hlc`).all() as ChangeRow[];
}

/** A change row put straight into a workspace's log, as a hostile teammate's copy of the app could. */
function plant(ctx: TestContext, claimId: string, as: { actorId: string; author: string }, key: SigningKey | null): ChangeRow {
  const row: ChangeRow = {
    hlc: ctx.workspace.clock.send(),
    entity: 'claim',
    entity_id: claimId,
    field: 'verdict',
    value: JSON.stringify('sourced'),
    actor_id: as.actorId,
    author: as.author,
    action_id: null,
    action_label: 'Set verdict',
    supersedes: '[]',
    signature: null,
  };
  if (key) row.signature = signRow(row, key);
  ctx.workspace.db.transaction(() => applyChangeRows(ctx.workspace.db, [row]))();
  return row;
}

function who(ctx: CoreContext): { actorId: string; author: string } {
  const i = ctx.identity.get();
  return { actorId: i.actorId, author: i.author! };
}

/** Rewrite a share file in place and reseal its content hash (the hash is unkeyed, so anyone can). */
function tamper(file: string, sql: string, ...params: unknown[]): void {
  const db = new Database(file);
  db.prepare(sql).run(...params);
  db.prepare("UPDATE share_meta SET value = ? WHERE key = 'content_hash'").run(shareContentHash(db));
  db.close();
}

describe('identities', () => {
  it('the app keeps a random actor id and a private key in a 0600 file; an identity from before signing keeps its actor id', () => {
    const dir = tempDir();
    const file = path.join(dir, 'identity.json');
    const a = new FileIdentityStore(file).get();
    expect(a.actorId).toMatch(/^[0-9a-f]{16}$/);
    expect(a.signingKey?.publicKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8')).toContain('BEGIN PRIVATE KEY');
    expect(new FileIdentityStore(file).get().signingKey?.publicKey).toBe(a.signingKey?.publicKey);
    expect(new FileIdentityStore(path.join(dir, 'other.json')).get().actorId).not.toBe(a.actorId);

    const legacy = path.join(dir, 'legacy.json');
    fs.writeFileSync(legacy, JSON.stringify({ actorId: '0123456789abcdef', author: 'Ann' }), { mode: 0o644 });
    const upgraded = new FileIdentityStore(legacy).get();
    expect(upgraded).toMatchObject({ actorId: '0123456789abcdef', author: 'Ann' });
    expect(upgraded.signingKey).toBeDefined();
    expect(fs.statSync(legacy).mode & 0o777).toBe(0o600);
    expect(new FileIdentityStore(legacy).get().signingKey?.publicKey).toBe(upgraded.signingKey?.publicKey);
  });

  it('the CLI profile gives each name a random actor id and key, the same on every run, never derived from the name', () => {
    const profile = tempDir();
    const ann = new ProfileIdentityStore(profile, 'Ann').get();
    expect(ann.actorId).not.toBe(actorIdForName('Ann'));
    expect(new ProfileIdentityStore(profile, 'Ann').get()).toMatchObject({ actorId: ann.actorId, author: 'Ann' });
    expect(new ProfileIdentityStore(profile, 'Ann').get().signingKey?.publicKey).toBe(ann.signingKey?.publicKey);
    expect(new ProfileIdentityStore(profile, 'Bob').get().actorId).not.toBe(ann.actorId);
    expect(new ProfileIdentityStore(tempDir(), 'Ann').get().actorId).not.toBe(ann.actorId);
    const files = fs.readdirSync(path.join(profile, 'people'));
    for (const f of files) expect(fs.statSync(path.join(profile, 'people', f)).mode & 0o777).toBe(0o600);
  });
});

describe('signed change rows', () => {
  it('every recorded change is signed over a canonical encoding, and any changed field breaks the signature', async () => {
    const dir = tempDir();
    const ann = teammate(dir, 'Ann');
    await seed(ann);
    const key = ann.identity.get().signingKey!.publicKey;
    const log = rows(ann);
    expect(log.length).toBeGreaterThan(2);
    for (const r of log) expect(rowSignatureMatches(r, key)).toBe(true);
    const r = log[log.length - 1]!;
    for (const field of ['hlc', 'entity_id', 'field', 'value', 'actor_id', 'author', 'action_label', 'supersedes'] as const) {
      const otherHlc = `${r.hlc.slice(0, -1)}${r.hlc.endsWith('0') ? '1' : '0'}`;
      const changed = { ...r, [field]: field === 'hlc' ? otherHlc : `${String(r[field])}x` };
      expect(rowSignatureMatches(changed, key)).toBe(false);
    }
    expect(rowSignatureMatches({ ...r, action_id: null }, key)).toBe(false);
    // Length-prefixed, not separated: moving text between fields changes the bytes.
    expect(rowSigningBytes({ ...r, author: 'ab', action_label: 'c' })).not.toEqual(
      rowSigningBytes({ ...r, author: 'a', action_label: 'bc' }),
    );
    // The key is pinned in the workspace on the first signed write.
    expect((await call(ann, 'team.keys.list', {})).pinned).toEqual([
      expect.objectContaining({ actorId: who(ann).actorId, name: 'Ann', publicKey: key, fingerprint: keyFingerprint(key) }),
    ]);
  });
});

describe('merging signed changes', () => {
  it('a share file carries its authors’ keys; the receiver verifies every row and pins each key on first use', async () => {
    const dir = tempDir();
    const ann = teammate(dir, 'Ann');
    await seed(ann);
    const share = await call(ann, 'team.share', { target: path.join(dir, 'ann.claimbench-share') });
    const ben = teammate(dir, 'Ben');
    const preview = await call(ben, 'team.mergePreview', { path: share.path });
    expect(preview).toMatchObject({ keyConflicts: [], unsignedChanges: 0 });
    expect((await call(ben, 'team.keys.list', {})).pinned).toEqual([]); // a preview pins nothing
    await mergePreviewed(ben, share.path);
    expect((await call(ben, 'team.keys.list', {})).pinned.map((p) => [p.actorId, p.publicKey])).toEqual([
      [who(ann).actorId, ann.identity.get().signingKey!.publicKey],
    ]);
    expect(snapshot(ben.workspace.db)).toEqual(snapshot(ann.workspace.db));
  });

  it('refuses a file with a row forged under another person’s actor id, naming them, and changes nothing', async () => {
    const dir = tempDir();
    const ann = teammate(dir, 'Ann');
    const [claimId] = (await seed(ann)) as [string];
    const annShare = await call(ann, 'team.share', { target: path.join(dir, 'ann.claimbench-share') });
    const ben = teammate(dir, 'Ben');
    const mallory = teammate(dir, 'Mallory');
    for (const p of [ben, mallory]) await mergePreviewed(p, annShare.path);

    // Mallory writes "Ann marked it sourced", signed with Mallory's own key; her file carries Ann's real key.
    plant(mallory, claimId, who(ann), mallory.identity.get().signingKey!);
    const forged = await call(mallory, 'team.share', { target: path.join(dir, 'forged.claimbench-share') });
    const before = snapshot(ben.workspace.db);
    await expect(mergePreviewed(ben, forged.path)).rejects.toThrow(
      /forged\.claimbench-share was refused: the change to claim .* claiming to be by Ann does not match Ann's signing key: it was forged, or altered after Ann signed it\. Nothing was changed\./,
    );
    expect(snapshot(ben.workspace.db)).toEqual(before);

    // The same forgery offered to someone who has never seen Ann: the file does carry Ann's real
    // key (pinned in Mallory's copy), and the forged row does not match it.
    const cleo = teammate(dir, 'Cleo');
    await expect(call(cleo, 'team.mergePreview', { path: forged.path })).rejects.toThrow(/claiming to be by Ann does not match/);
    expect(snapshot(cleo.workspace.db).changes).toEqual([]);
  });

  it('refuses a signed row whose author’s key the file does not carry', async () => {
    const dir = tempDir();
    const ann = teammate(dir, 'Ann');
    await seed(ann);
    const share = await call(ann, 'team.share', { target: path.join(dir, 'ann.claimbench-share') });
    tamper(share.path, 'DELETE FROM actor_keys');
    const ben = teammate(dir, 'Ben');
    await expect(mergePreviewed(ben, share.path)).rejects.toThrow(
      /is signed, but the file does not carry Ann's public key\. Nothing was changed/,
    );
  });

  it('a tampered field breaks the signature even when the file’s content hash is resealed', async () => {
    const dir = tempDir();
    const ann = teammate(dir, 'Ann');
    const [claimId] = (await seed(ann)) as [string];
    await call(ann, 'claims.setVerdict', { ids: [claimId], verdict: 'disputed', rationale: 'Figures revised' });
    const share = await call(ann, 'team.share', { target: path.join(dir, 'ann.claimbench-share') });
    tamper(share.path, `UPDATE changes SET value = '"sourced"' WHERE entity_id = ? AND field = 'verdict'`, claimId);
    const ben = teammate(dir, 'Ben');
    await expect(mergePreviewed(ben, share.path)).rejects.toThrow(
      /claiming to be by Ann does not match Ann's signing key: it was forged, or altered after Ann signed it/,
    );
    expect(snapshot(ben.workspace.db).changes).toEqual([]);

    // Stripping the signature instead does not pass as an old unsigned row: Ann signs since her first change.
    const again = await call(ann, 'team.share', { target: path.join(dir, 'ann2.claimbench-share') });
    await mergePreviewed(ben, again.path);
    const known = rows(ann).at(-1)!.hlc;
    await call(ann, 'claims.update', { id: claimId, patch: { rationale: 'Figures revised twice' } });
    const third = await call(ann, 'team.share', { target: path.join(dir, 'ann3.claimbench-share') });
    tamper(third.path, `UPDATE changes SET signature = NULL WHERE hlc > ?`, known);
    await expect(mergePreviewed(ben, third.path)).rejects.toThrow(
      /an unsigned change to claim .* claims to be by Ann, who has signed every change since .*: it was forged or its signature was removed/,
    );
  });

  it('any one field of any signed row altered, with the hash resealed, is refused and changes nothing', async () => {
    const dir = tempDir();
    const ann = teammate(dir, 'Ann');
    const [claimId] = (await seed(ann)) as [string];
    await call(ann, 'claims.setVerdict', { ids: [claimId], verdict: 'disputed', rationale: 'Figures revised' });
    await call(ann, 'notes.add', { claimId, text: 'Called the ministry' });
    const original = await call(ann, 'team.share', { target: path.join(dir, 'ann.claimbench-share') });
    const ben = teammate(dir, 'Ben');
    const all = rows(ann);
    const edits: [string, (r: ChangeRow) => unknown][] = [
      ['entity_id', (r) => `${r.entity_id.slice(0, -1)}0`],
      ['value', (r) => (r.value === null ? '"x"' : r.value.replace(/.$/, ' }').replace(/^"(.*)"$/, '"$1 "'))],
      ['author', () => 'Ben'],
      ['actor_id', () => who(ben).actorId],
      ['action_id', () => null],
      ['action_label', (r) => `${r.action_label ?? ''}!`],
      ['supersedes', () => '[]'],
      ['signature', (r) => `${r.signature!.slice(0, 10)}${r.signature![10] === 'A' ? 'B' : 'A'}${r.signature!.slice(11)}`],
    ];
    const before = snapshot(ben.workspace.db);
    let n = 0;
    for (const [column, change] of edits) {
      for (const r of [all[0]!, all[Math.floor(all.length / 2)]!, all.at(-1)!]) {
        const next = change(r);
        if (next === (r as unknown as Record<string, unknown>)[column]) continue;
        const file = path.join(dir, `t${n++}.claimbench-share`);
        fs.copyFileSync(original.path, file);
        tamper(file, `UPDATE changes SET ${column} = ? WHERE hlc = ?`, next, r.hlc);
        await expect(call(ben, 'team.mergePreview', { path: file }), `${column} of ${r.field}`).rejects.toThrow(/was refused/);
      }
    }
    expect(n).toBeGreaterThan(15);
    expect(snapshot(ben.workspace.db)).toEqual(before);
    // A malformed key in the file is refused too.
    const badKey = path.join(dir, 'bad-key.claimbench-share');
    fs.copyFileSync(original.path, badKey);
    tamper(badKey, 'UPDATE actor_keys SET public_key = ?', 'not a key');
    await expect(call(ben, 'team.mergePreview', { path: badKey })).rejects.toThrow(/a public key in it is malformed/);
  });

  it('a second key for a pinned person is a key conflict: their changes are held back, shown, and merge once trusted', async () => {
    const dir = tempDir();
    const ann = teammate(dir, 'Ann');
    const [claimId] = (await seed(ann)) as [string];
    const annShare = await call(ann, 'team.share', { target: path.join(dir, 'ann.claimbench-share') });
    const ben = teammate(dir, 'Ben');
    const mallory = teammate(dir, 'Mallory');
    for (const p of [ben, mallory]) await mergePreviewed(p, annShare.path);
    await call(mallory, 'notes.add', { claimId, text: 'Mallory’s own note' });

    // Mallory re-keys "Ann" in her copy and signs a verdict as Ann with that key.
    const fake = generateSigningKey();
    mallory.workspace.db.prepare('UPDATE actor_keys SET public_key = ? WHERE actor_id = ?').run(fake.publicKey, who(ann).actorId);
    plant(mallory, claimId, who(ann), fake);
    const file = (await call(mallory, 'team.share', { target: path.join(dir, 'mallory.claimbench-share') })).path;

    const preview = await call(ben, 'team.mergePreview', { path: file });
    const conflict = {
      actorId: who(ann).actorId,
      name: 'Ann',
      pinnedKey: ann.identity.get().signingKey!.publicKey,
      pinnedFingerprint: keyFingerprint(ann.identity.get().signingKey!.publicKey),
      offeredKey: fake.publicKey,
      offeredFingerprint: keyFingerprint(fake.publicKey),
      source: 'mallory.claimbench-share',
      heldBack: 1,
    };
    expect(preview.keyConflicts).toEqual([expect.objectContaining(conflict)]);
    expect(preview.people.map((p) => p.name)).toEqual(['Mallory']); // Ann's held-back change is not in the preview

    const verdictBefore = (await call(ben, 'claims.get', { id: claimId })).verdict;
    const merged = await mergePreviewed(ben, file);
    expect(merged.applied).toBe(true);
    expect(merged.keyConflicts).toEqual([expect.objectContaining(conflict)]);
    expect((await call(ben, 'claims.get', { id: claimId })).verdict).toBe(verdictBefore);
    expect(verdictBefore).not.toBe('sourced');
    expect((await call(ben, 'notes.list', { claimId })).map((n) => n.text)).toEqual(['Mallory’s own note']);
    expect((await call(ben, 'team.keys.list', {})).conflicts).toEqual([expect.objectContaining(conflict)]);
    // Merging the same file again brings nothing new and takes no backup.
    expect((await mergePreviewed(ben, file)).applied).toBe(false);

    // The CLI shows the same conflict, with both fingerprints and what to do.
    const dry = runClaimbench(['merge', ben.file, file, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(
      `KEY CONFLICT: Ann (actor ${who(ann).actorId}) signed 1 change with a key this workspace does not know for them.`,
    );
    expect(dry.stdout).toContain(`pinned:  ${conflict.pinnedFingerprint}`);
    expect(dry.stdout).toContain(`offered: ${conflict.offeredFingerprint}  (from mallory.claimbench-share)`);
    expect(runClaimbench(['keys', ben.file]).stdout).toContain(`claimbench keys FILE --trust ${who(ann).actorId}`);

    // Keeping the pinned key dismisses it; trusting the new one lets the held-back change in.
    expect((await call(ben, 'team.keys.resolve', { actorId: who(ann).actorId, decision: 'keep-pinned' })).conflicts).toEqual([]);
    await mergePreviewed(ben, file);
    const trusted = await call(ben, 'team.keys.resolve', { actorId: who(ann).actorId, decision: 'trust-offered' });
    expect(trusted.conflicts).toEqual([]);
    // The new key joins the first one: Ann's earlier changes still verify.
    expect(trusted.pinned.filter((p) => p.actorId === who(ann).actorId).map((p) => p.publicKey)).toEqual([
      ann.identity.get().signingKey!.publicKey,
      fake.publicKey,
    ]);
    await mergePreviewed(ben, file);
    expect((await call(ben, 'claims.get', { id: claimId })).verdict).toBe('sourced');

    // Ben's copy now holds Ann's changes under both keys, and its share file carries both: someone
    // new takes them all on first use, without a conflict.
    const benShare = await call(ben, 'team.share', { target: path.join(dir, 'ben.claimbench-share') });
    const cleo = teammate(dir, 'Cleo');
    const intoCleo = await mergePreviewed(cleo, benShare.path);
    expect(intoCleo.keyConflicts).toEqual([]);
    expect(snapshot(cleo.workspace.db)).toEqual(snapshot(ben.workspace.db));
  });
});

/** A share file exactly as the previous version wrote it: no signature column, no keys. */
async function legacyShareFile(dir: string): Promise<{ file: string; claimId: string }> {
  const oldApp = Workspace.open(path.join(dir, 'old.claimbench'), () => ({ actorId: '00c0ffee00c0ffee', author: 'Olga' }), {
    create: true,
  });
  open.push({ workspace: oldApp });
  const ctx: CoreContext = {
    workspace: oldApp,
    identity: { get: () => ({ actorId: '00c0ffee00c0ffee', author: 'Olga' }), setAuthor: () => {} },
  };
  const [claimId] = (await seed(ctx)) as [string];
  await call(ctx, 'claims.setVerdict', { ids: [claimId], verdict: 'disputed', rationale: 'Old file' });
  const share = await call(ctx, 'team.share', { target: path.join(dir, 'olga.claimbench-share') });
  const db = new Database(share.path);
  db.exec(BEFORE_SIGNING);
  db.close();
  return { file: share.path, claimId };
}

describe('unsigned changes from older files', () => {
  it('merge, are counted in the preview and marked unsigned in history and activity', async () => {
    const dir = tempDir();
    const { file, claimId } = await legacyShareFile(dir);
    const ben = teammate(dir, 'Ben');
    const preview = await call(ben, 'team.mergePreview', { path: file });
    expect(preview.unsignedChanges).toBe(preview.newChanges);
    expect(preview.unsignedChanges).toBeGreaterThan(2);
    await mergePreviewed(ben, file);
    await call(ben, 'claims.update', { id: claimId, patch: { rationale: 'Checked again by Ben' } });
    const history = await call(ben, 'claims.history', { id: claimId });
    expect(history.map((h) => [h.author, h.field, h.unsigned])).toEqual([
      ['Olga', '$create', true],
      ['Olga', 'verdict', true],
      ['Olga', 'rationale', true],
      ['Ben', 'rationale', false],
    ]);
    const activity = await call(ben, 'activity.list', { limit: 2 });
    expect(activity.items.map((a) => [a.author, a.unsigned])).toEqual([
      ['Ben', false],
      ['Olga', true],
    ]);
    expect((await call(ben, 'team.keys.list', {})).pinned.map((p) => p.name)).toEqual(['Ben']);
  });
});

describe('a workspace from before signing', () => {
  it('migrates with its changes unsigned; new changes are signed, and the actor’s own old changes still merge', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.claimbench');
    const db = new Database(file);
    applyPragmas(db);
    migrate(db, 0, 5);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.close();
    // The previous version, with the same person's identity file (its actor id survives the upgrade).
    const identity = new FileIdentityStore(path.join(dir, 'identity.json'));
    identity.setAuthor('Ann');
    const { actorId } = identity.get();
    const old = Workspace.open(file, () => ({ actorId, author: 'Ann' }));
    const ctx: CoreContext = { workspace: old, identity };
    const [claimId] = (await seed(ctx)) as [string];
    old.close();
    // …rolled back to the version before signing: no signature column yet.
    const raw = new Database(file);
    raw.exec(BEFORE_SIGNING);
    raw.close();

    const now = Workspace.open(file, () => ({ actorId, author: 'Ann', signingKey: identity.get().signingKey }));
    open.push({ workspace: now });
    const upgraded: CoreContext = { workspace: now, identity };
    await call(upgraded, 'claims.setVerdict', { ids: [claimId], verdict: 'sourced' });
    const history = await call(upgraded, 'claims.history', { id: claimId });
    expect(history.map((h) => [h.field, h.unsigned])).toEqual([
      ['$create', true],
      ['verdict', false],
    ]);
    // A teammate gets both: the old unsigned changes predate Ann's first signed one, so they are accepted.
    const share = await call(upgraded, 'team.share', { target: path.join(dir, 'ann.claimbench-share') });
    const ben = teammate(dir, 'Ben');
    const merged = await mergePreviewed(ben, share.path);
    expect(merged.unsignedChanges).toBeGreaterThan(0);
    expect(merged.keyConflicts).toEqual([]);
    expect(snapshot(ben.workspace.db)).toEqual(snapshot(now.db));
  });
});

describe('shared-folder sync', () => {
  it('change files carry key lines; a fresh peer verifies them, and a peer file with a forged row is skipped, naming the person', async () => {
    const dir = tempDir();
    const folder = path.join(dir, 'team');
    fs.mkdirSync(folder);
    const ann = teammate(path.join(dir, 'a'), 'Ann');
    const ben = teammate(path.join(dir, 'b'), 'Ben');
    for (const p of [ann, ben]) await call(p, 'team.sync.link', { folder });
    const [claimId] = (await seed(ann)) as [string];
    await call(ann, 'team.sync.now', {});
    const annFile = path.join(folder, `${who(ann).actorId}${SYNC_SUFFIX}`);
    const lines = fs.readFileSync(annFile, 'utf8').trim().split('\n');
    expect(JSON.parse(lines[0]!)).toMatchObject({ version: 2, actorId: who(ann).actorId });
    expect(JSON.parse(JSON.parse(lines[1]!).k as string)).toEqual({
      actorId: who(ann).actorId,
      publicKey: ann.identity.get().signingKey!.publicKey,
    });
    const synced = await call(ben, 'team.sync.now', {});
    expect(synced).toMatchObject({ keyConflicts: [] });
    expect(synced.imported).toBe(rows(ann).length);
    expect((await call(ben, 'team.keys.list', {})).pinned.map((p) => p.name)).toEqual(['Ann']);

    // Ben's app is compromised: it writes a verdict "by Ann" into Ben's own change file.
    plant(ben, claimId, who(ann), ben.identity.get().signingKey!);
    await call(ben, 'team.sync.now', {});
    const before = snapshot(ann.workspace.db);
    const refused = await call(ann, 'team.sync.now', {});
    const benFile = path.join(folder, `${who(ben).actorId}${SYNC_SUFFIX}`);
    expect(refused.peers.find((p) => p.file === benFile)?.problem).toMatch(
      /the change to claim .* claiming to be by Ann does not match Ann's signing key: it was forged, or altered after Ann signed it/,
    );
    expect(refused.imported).toBe(0);
    expect(snapshot(ann.workspace.db)).toEqual(before);
  });
});

describe('CLI', () => {
  it('signs with the profile key, shows unsigned history, refuses forgeries naming the person, and lists keys', async () => {
    const dir = tempDir();
    const env = { CLAIMBENCH_PROFILE: path.join(dir, 'profile') };
    const desk = path.join(dir, 'desk.claimbench');
    expect(runClaimbench(['init', desk], { env }).code).toBe(0);
    const { file: legacy, claimId } = await legacyShareFile(dir);
    const merged = runClaimbench(['merge', desk, legacy], { env });
    expect(merged.code).toBe(0);
    expect(merged.stdout).toMatch(/\d+ unsigned changes \(from an older file\): marked unsigned in history/);
    expect(runClaimbench(['mark', desk, claimId, 'sourced', '--rationale', 'Ministry table'], { env }).code).toBe(0);
    const history = runClaimbench(['history', desk, claimId], { env });
    expect(history.code).toBe(0);
    const lines = history.stdout.trim().split('\n');
    // Olga's two actions (creating the claim; a verdict with its rationale), one line each, both marked unsigned.
    const olga = lines.filter((l) => /^\S+ {2}Olga /.test(l));
    expect(olga.length).toBe(2);
    expect(olga.every((l) => l.includes('(unsigned)'))).toBe(true);
    expect(lines.filter((l) => l.includes('CLI Tester ') && !l.includes('unsigned')).length).toBeGreaterThan(0);

    const keys = runClaimbench(['keys', desk], { env });
    expect(keys.code).toBe(0);
    expect(keys.stdout).toMatch(/^[0-9a-f]{16} {2}SHA256:[0-9a-f ]+ {2}CLI Tester/m);

    // A forged file: a row claiming to be by "CLI Tester" signed with another key, carried with the real key.
    const share = path.join(dir, 'desk.claimbench-share');
    expect(runClaimbench(['share', desk, '-o', share], { env }).code).toBe(0);
    const [tester] = JSON.parse(runClaimbench(['keys', desk, '--json'], { env }).stdout).pinned as { actorId: string }[];
    const db = new Database(share);
    const last = db
      .prepare(`SELECT ${CHANGE_COLUMNS} FROM changes WHERE actor_id = ? ORDER BY hlc DESC LIMIT 1`)
      .get(tester!.actorId) as ChangeRow;
    const forged = { ...last, hlc: `${last.hlc.slice(0, 24)}-FFFF${last.hlc.slice(29)}`, value: '"disputed"' };
    forged.signature = signRow(forged, generateSigningKey());
    db.prepare(
      `INSERT INTO changes (${CHANGE_COLUMNS}) VALUES (${CHANGE_COLUMNS.split(',')
        .map(() => '?')
        .join(', ')})`,
    ).run(...Object.values(forged));
    db.prepare("UPDATE share_meta SET value = ? WHERE key = 'content_hash'").run(shareContentHash(db));
    db.close();
    const other = path.join(dir, 'other.claimbench');
    expect(runClaimbench(['init', other], { env: { ...env, CLAIMBENCH_AUTHOR: 'Dana' } }).code).toBe(0);
    const refused = runClaimbench(['merge', other, share], { env: { ...env, CLAIMBENCH_AUTHOR: 'Dana' } });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/claiming to be by CLI Tester does not match CLI Tester's signing key/);
  }, 60_000);
});

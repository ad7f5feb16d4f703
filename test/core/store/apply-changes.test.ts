import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Touched } from '../../../shared/touched';
import type { CoreContext } from '../../../electron/core/context';
import { call, invoke } from '../../../electron/core/dispatch';
import { applyChanges } from '../../../electron/core/store/apply-changes';
import { CHANGE_COLUMNS, CHANGE_PLACEHOLDERS, changeParams, type ChangeRow } from '../../../electron/core/store/change-row';
import type { DB } from '../../../electron/core/store/open';
import { createTestContext, tempDir } from '../../helpers/workspace';
import { mergePreviewed } from '../../helpers/merge';
import { assertTablesMatchLog } from '../../helpers/tables-match-log';

const opened: CoreContext[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.workspace.close();
});

/** A workspace whose data-changed notifications are recorded. */
function person(name: string, dir = tempDir()) {
  const events: Touched[] = [];
  const ctx = {
    ...createTestContext(name, path.join(dir, `${name.toLowerCase()}.claimbench`)),
    onDataChanged: (t: Touched) => events.push(t),
  };
  opened.push(ctx);
  return { ctx, events };
}

describe('the one apply path and what it reports as touched', () => {
  it('a local write returns its value unchanged plus what it touched, and tells data-changed once', async () => {
    const { ctx, events } = person('Ana');
    const added = await invoke(ctx, 'claims.add', { text: 'Prices rose 9 percent in March.' });
    expect(added.ok).toBe(true);
    if (!added.ok) return;
    const id = (added.value as { id: string }).id;
    expect(added.touched).toEqual({ claim: [id], actor: [ctx.identity.get().actorId] });
    expect(events).toEqual([added.touched]);

    const verdict = await invoke(ctx, 'claims.setVerdict', { ids: [id], verdict: 'disputed' });
    expect(verdict).toMatchObject({ ok: true, value: { updated: 1 }, touched: { claim: [id] } });
    expect(events).toHaveLength(2);

    // Undo is a write like any other.
    const undone = await invoke(ctx, 'edit.undo', {});
    expect(undone).toMatchObject({ ok: true, touched: { claim: [id] } });
    expect(events).toHaveLength(3);
  });

  it('a read touches nothing: no touched in its envelope and no event', async () => {
    const { ctx, events } = person('Ana');
    await call(ctx, 'claims.add', { text: 'Prices rose 9 percent in March.' });
    events.length = 0;
    const listed = await invoke(ctx, 'claims.list', {});
    expect(listed.ok).toBe(true);
    expect('touched' in listed).toBe(false);
    expect(events).toEqual([]);
  });

  it('a refused write reports nothing and leaves nothing pending', async () => {
    const { ctx, events } = person('Ana');
    const refused = await invoke(ctx, 'claims.setVerdict', { ids: ['00000000-0000-4000-8000-000000000000'], verdict: 'sourced' });
    expect(refused.ok).toBe(false);
    expect('touched' in refused).toBe(false);
    expect(events).toEqual([]);
    expect(ctx.workspace.touched.empty).toBe(true);
  });

  it('writes outside the change log say what they touched: identity, sync link', async () => {
    const { ctx } = person('Ana');
    expect(await invoke(ctx, 'identity.setAuthor', { name: 'Ana Ruiz' })).toMatchObject({ ok: true, touched: { identity: [] } });
    const folder = tempDir('claimbench-shared-');
    expect(await invoke(ctx, 'team.sync.link', { folder })).toMatchObject({ ok: true, touched: { syncLink: [] } });
  });

  it('a merge reports the claims it changed and the conflict it raised; its preview reports nothing', async () => {
    const dir = tempDir();
    const ana = person('Ana', dir);
    const ben = person('Ben', dir);
    const claim = await call(ana.ctx, 'claims.add', { text: 'The bridge cost 40 million.' });
    const share = path.join(dir, 'ana.claimbench-share');
    await call(ana.ctx, 'team.share', { target: share });
    await mergePreviewed(ben.ctx, share);
    // Concurrent, different verdicts on the same claim.
    await call(ana.ctx, 'claims.setVerdict', { ids: [claim.id], verdict: 'sourced' });
    await call(ben.ctx, 'claims.setVerdict', { ids: [claim.id], verdict: 'disputed' });
    fs.rmSync(share);
    await call(ana.ctx, 'team.share', { target: share });

    ben.events.length = 0;
    const preview = await invoke(ben.ctx, 'team.mergePreview', { path: share });
    expect(preview.ok).toBe(true);
    expect('touched' in preview).toBe(false);
    expect(ben.events).toEqual([]);

    const { contentHash } = (preview as { value: { contentHash: string } }).value;
    const merged = await invoke(ben.ctx, 'team.merge', { path: share, expectHash: contentHash });
    expect(merged).toMatchObject({ ok: true, touched: { claim: [claim.id], conflict: [claim.id] } });
    expect(ben.events).toHaveLength(1);
    assertTablesMatchLog(ben.ctx.workspace);
  });

  it('folds a batch older than what the log holds, and a batch after the rowids near their limit, as a replay does', async () => {
    const ana = person('Ana');
    const claim = await call(ana.ctx, 'claims.add', { text: 'Rents fell 3 percent last year.' });
    for (const verdict of ['sourced', 'unverified', 'disputed'] as const)
      await call(ana.ctx, 'claims.setVerdict', { ids: [claim.id], verdict });
    await call(ana.ctx, 'claims.update', { id: claim.id, patch: { rationale: 'The agency revised it.' } });
    const rows = ana.ctx.workspace.db.prepare(`SELECT ${CHANGE_COLUMNS} FROM changes ORDER BY hlc`).all() as ChangeRow[];
    const verdicts = rows.filter((r) => r.field === 'verdict');
    expect(verdicts).toHaveLength(3);
    const apply = (db: DB, batch: ChangeRow[]) => db.transaction(() => applyChanges(db, batch, { keepLogs: true }))();
    const shown = (db: DB) => db.prepare('SELECT verdict, rationale FROM claims WHERE id = ?').get(claim.id);

    // The latest verdict arrives first; the two older ones after it must not take its place.
    const ben = person('Ben');
    const latestFirst = rows.filter((r) => r !== verdicts[0] && r !== verdicts[1]);
    apply(ben.ctx.workspace.db, latestFirst);
    const older = apply(ben.ctx.workspace.db, [verdicts[1]!, verdicts[0]!]);
    expect(shown(ben.ctx.workspace.db)).toEqual({ verdict: 'disputed', rationale: 'The agency revised it.' });
    expect(
      older.logs
        ?.get('claim')
        ?.get(claim.id)
        ?.get('verdict')
        ?.map((r) => r.hlc),
    ).toEqual(verdicts.map((r) => r.hlc));
    assertTablesMatchLog(ben.ctx.workspace);

    // At the greatest rowid SQLite gives new rows free smaller ones: the whole log is read instead.
    const cam = person('Cam');
    const db = cam.ctx.workspace.db;
    db.prepare(`INSERT INTO changes (rowid, ${CHANGE_COLUMNS}) VALUES (?, ${CHANGE_PLACEHOLDERS})`).run(
      9223372036854775807n,
      ...changeParams(rows[0]!),
    );
    const rest = apply(db, rows.slice(1));
    expect(shown(db)).toEqual({ verdict: 'disputed', rationale: 'The agency revised it.' });
    expect(
      rest.logs
        ?.get('claim')
        ?.get(claim.id)
        ?.get('verdict')
        ?.map((r) => r.hlc),
    ).toEqual(verdicts.map((r) => r.hlc));
    assertTablesMatchLog(cam.ctx.workspace);
  });

  it('runs only inside the caller’s transaction', () => {
    const { ctx } = person('Ana');
    expect(() => applyChanges(ctx.workspace.db, [])).toThrow(/inside a transaction/);
  });

  it('the store does not import team code: team uses the store’s change log, never the reverse', () => {
    const storeDir = path.resolve(import.meta.dirname, '../../../electron/core/store');
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith('.ts') && /from '(\.\.\/)+team\//.test(fs.readFileSync(full, 'utf8')))
          offenders.push(path.relative(storeDir, full));
      }
    };
    walk(storeDir);
    expect(offenders).toEqual([]);
  });
});

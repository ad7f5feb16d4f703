import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import type { CoreContext } from '../../../electron/core/context';
import { runClaimbench } from '../../helpers/cli';
import { mergePreviewed } from '../../helpers/merge';
import { createCliPersonContext, createTestContext, tempDir } from '../../helpers/workspace';

const open: { workspace: { close(): void } }[] = [];
afterEach(() => {
  for (const c of open.splice(0)) c.workspace.close();
});
function opened<T extends { workspace: { close(): void } }>(ctx: T): T {
  open.push(ctx);
  return ctx;
}

const TEXT = 'Unemployment fell to 4.2 percent in March, the minister said. Exports grew by 12 percent last year.';

async function share(ctx: CoreContext, dir: string, name: string): Promise<string> {
  return (await call(ctx, 'team.share', { target: path.join(dir, `${name}.claimbench-share`) })).path;
}

/** Ben works in the app and on the command line: one name, two signing identities. */
async function benTwice() {
  const dir = tempDir();
  const lead = opened(createTestContext('Lena Ortiz', path.join(dir, 'lead.claimbench')));
  const doc = await call(lead, 'documents.createFromText', { text: TEXT, title: 'Speech' });
  const [c0, c1] = (await call(lead, 'claims.list', { documentId: doc.document.id })).items.map((c) => c.id) as [string, string];
  const base = await share(lead, dir, 'base');
  const app = opened(createTestContext('Ben Okafor', path.join(dir, 'ben-app.claimbench')));
  await mergePreviewed(app, base);
  await call(app, 'claims.setVerdict', { ids: [c0], verdict: 'sourced', rationale: 'Statistics office, table 2.' });
  const cli = opened(createCliPersonContext('Ben Okafor', path.join(dir, 'ben-cli.claimbench')));
  await mergePreviewed(cli, await share(app, dir, 'ben-app'));
  await call(cli, 'claims.update', { id: c0, patch: { rationale: 'Statistics office, table 2 (March release).' } });
  await call(cli, 'claims.setVerdict', { ids: [c1], verdict: 'disputed', rationale: 'Customs data says 9 percent.' });
  return { dir, lead, benShare: await share(cli, dir, 'ben'), c0 };
}

describe('one name, two signing identities', () => {
  it('the merge preview lists each identity with its key, and names a claim’s people once', async () => {
    const { lead, benShare, c0 } = await benTwice();
    const preview = await call(lead, 'team.mergePreview', { path: benShare });
    const bens = preview.people.filter((p) => p.name === 'Ben Okafor');
    expect(bens).toHaveLength(2);
    expect(new Set(bens.map((b) => b.actorId)).size).toBe(2);
    for (const b of bens) expect(b.keyFingerprint).toMatch(/^SHA256:[0-9a-f ]+$/);
    expect(bens[0]!.keyFingerprint).not.toBe(bens[1]!.keyFingerprint);
    const both = preview.items.find((i) => i.id === c0)!;
    expect(both.people).toEqual(['Ben Okafor']);
    expect(new Set(both.actorIds)).toEqual(new Set(bens.map((b) => b.actorId)));
  });

  it('claimbench keys says a name signs with two identities, where and when each was first seen', async () => {
    const { lead, benShare } = await benTwice();
    await mergePreviewed(lead, benShare);
    const file = lead.file;
    lead.workspace.close();
    open.splice(open.indexOf(lead), 1);
    const keys = runClaimbench(['keys', file]);
    expect(keys.code).toBe(0);
    expect(keys.stdout).toContain('Ben Okafor signs with 2 identities:');
    expect(keys.stdout).toMatch(/first change \d{4}-\d\d-\d\d \d\d:\d\d UTC; key pinned when ben\.claimbench-share was merged/);
    expect(keys.stdout).not.toMatch(/Lena Ortiz signs with/);
  });
});

import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { call } from '/work/main/electron/core/dispatch';
import { FixedIdentityStore } from '/work/main/electron/core/session/identity';
import { Workspace } from '/work/main/electron/core/store/workspace';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dbg-'));
const identity = new FixedIdentityStore('B');
const workspace = Workspace.open(path.join(dir, 'f.claimbench'), () => ({ actorId: identity.get().actorId, author: 'B' }), { create: true });
const ctx = { workspace, identity };
const doc = randomUUID();
let t = performance.now();
workspace.recorder.action('seed', (w) => {
  w.create('document', doc, { title: 'x', origin: null, publisher: null, publishedAt: null, text: '', contentHash: 'h' });
  for (let i = 0; i < 100000; i++) w.create('claim', randomUUID(), { documentId: doc, ordinal: i, text: `Claim number ${i} says ${i % 97}% rose`, anchor: null, claimant: null, score: (i % 100) / 100, reasons: [], verdict: 'unverified' });
});
console.log('seed', performance.now() - t);
for (const [name, input] of [['session.get', {}], ['documents.list', {}], ['stats.get', {}], ['claims.list', { offset: 0, limit: 100 }], ['edit.state', {}], ['view.get', {}], ['claims.get', { id: 'x' }], ['claims.evidence', {id:'x'}]] as const) {
  for (let k = 0; k < 2; k++) {
    t = performance.now();
    try { await call(ctx, name as never, input as never); } catch {}
    console.log(name, (performance.now() - t).toFixed(1));
  }
}
const first = (await call(ctx, 'claims.list', { limit: 1 })).items[0]!;
for (const name of ['claims.get', 'claims.evidence', 'claims.similar', 'claims.history'] as const) {
  t = performance.now();
  await call(ctx, name, { id: first.id } as never);
  console.log(name, (performance.now() - t).toFixed(1));
}

import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../electron/core/context';
import { call } from '../../electron/core/dispatch';
import type { HostServices } from '../../electron/core/host';
import { Workspace } from '../../electron/core/store/workspace';
import { applyChangeRows } from '../../electron/core/team/apply';
import type { ChangeRow } from '../../electron/core/store/change-row';
import { signRow } from '../../electron/core/store/row-signature';
import { generateSigningKey, keyFingerprint } from '../../electron/core/team/signing';
import type { OpenPurpose } from '../../shared/host-api';
import { BEFORE_SIGNING, tempDir } from '../helpers/workspace';
import { MemoryIdentity, openApp, screenshot, startHarness, type Harness } from './harness';
import { mergePreviewed } from '../helpers/merge';

class MergeChooser implements HostServices {
  next: string | null = null;
  chooseOpen(_purpose: OpenPurpose): Promise<string[] | null> {
    return Promise.resolve(this.next ? [this.next] : null);
  }
  chooseSave(): Promise<string | null> {
    return Promise.resolve(null);
  }
}

type Person = CoreContext & { host: MergeChooser };

function teammate(dir: string, name: string, actorId: string, signed = true): Person {
  const identity = new MemoryIdentity(name, actorId);
  const workspace = Workspace.open(
    path.join(dir, `${actorId}.claimbench`),
    () => {
      const who = identity.get();
      return { actorId: who.actorId, author: who.author ?? '', signingKey: signed ? who.signingKey : undefined };
    },
    { create: true },
  );
  return { workspace, identity, host: new MergeChooser() };
}

const TEXT =
  'The city council approved 42 new bus lines on Monday, the mayor said. Ridership rose 18 percent in 2024, according to the transit authority. Fares will stay at 2 euros until 2027.';

let harness: Harness;
const dir = tempDir('claimbench-e2e-keys-');
let ana: Person;
let ben: Person;
let forged: string;
let claimId: string;

beforeAll(async () => {
  harness = await startHarness();
  ana = teammate(dir, 'Ana Ruiz', 'a11ce0000000a001');
  ben = teammate(dir, 'Ben Okafor', 'b0b0000000000b02');
  const mallory = teammate(dir, 'Mallory', 'ba0000000000ba03');
  // Olga's copy is from the previous version: nothing she wrote is signed.
  const olga = teammate(dir, 'Olga Petrenko', '0170000000000104', false);

  await call(olga, 'documents.createFromText', { text: TEXT, title: 'Transit plan' });
  claimId = (await call(olga, 'claims.list', {})).items[0]!.id;
  await call(olga, 'claims.setVerdict', { ids: [claimId], verdict: 'unverified', rationale: 'Waiting for the council minutes.' });
  const legacy = (await call(olga, 'team.share', { target: path.join(dir, 'olga.claimbench-share') })).path;
  const db = new Database(legacy);
  db.exec(BEFORE_SIGNING);
  db.close();
  for (const p of [ana, ben, mallory]) await mergePreviewed(p, legacy);
  await call(ana, 'claims.setVerdict', { ids: [claimId], verdict: 'sourced', rationale: 'Council minutes, item 7.' });

  await call(ben, 'notes.add', { claimId, text: 'The transit authority confirms 18 percent.' });
  const benShare = (await call(ben, 'team.share', { target: path.join(dir, 'ben.claimbench-share') })).path;
  for (const p of [ana, mallory]) await mergePreviewed(p, benShare);

  // Mallory re-keys Ben in her copy and writes a verdict in his name.
  const fake = generateSigningKey();
  mallory.workspace.db.prepare('UPDATE actor_keys SET public_key = ? WHERE actor_id = ?').run(fake.publicKey, 'b0b0000000000b02');
  const row: ChangeRow = {
    hlc: mallory.workspace.clock.send(),
    entity: 'claim',
    entity_id: claimId,
    field: 'verdict',
    value: JSON.stringify('disputed'),
    actor_id: 'b0b0000000000b02',
    author: 'Ben Okafor',
    action_id: null,
    action_label: 'Set verdict',
    supersedes: '[]',
    signature: null,
  };
  row.signature = signRow(row, fake);
  mallory.workspace.db.transaction(() => applyChangeRows(mallory.workspace.db, [row]))();
  forged = (await call(mallory, 'team.share', { target: path.join(dir, 'mallory.claimbench-share') })).path;
  for (const p of [ben, mallory, olga]) p.workspace.close();
});
afterAll(async () => {
  ana?.workspace.close();
  await harness?.close();
});

describe('signed authorship in the renderer', () => {
  it('history marks unsigned changes; the merge preview shows a key conflict and trusting the new key lets the change in', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, bridge, errors, close } = await openApp(harness, ana, { colorScheme });
      try {
        await page.locator('.claim-row').first().waitFor();
        const history = page.locator('.detail-pane .history');
        await history.locator('.history-entry').first().waitFor();
        const unsigned = history.locator('.history-entry', { has: page.locator('.history-unsigned') });
        await expect(unsigned.count()).resolves.toBeGreaterThanOrEqual(2);
        await expect(unsigned.first().textContent()).resolves.toContain('Olga Petrenko');
        // Ana's own changes (not Olga's that Ana merged, whose origin names her) are signed.
        const anas = history.locator('.history-entry', { has: page.locator('.history-summary', { hasText: /^Ana Ruiz/ }) });
        await expect(anas.count()).resolves.toBeGreaterThan(0);
        await expect(anas.locator('.history-unsigned').count()).resolves.toBe(0);
        for (const [w, h] of [
          [1440, 900],
          [1024, 640],
        ] as const) {
          await page.setViewportSize({ width: w, height: h });
          await history.scrollIntoViewIfNeeded();
          await screenshot(page, `signed-history-${w}-${colorScheme}`);
        }
        await page.setViewportSize({ width: 1440, height: 900 });

        // Your own fingerprint, to read out to a teammate who sees a key conflict.
        await page.getByRole('button', { name: 'Team' }).click();
        await expect(page.getByTestId('own-key-fingerprint').textContent()).resolves.toContain(
          keyFingerprint(ana.identity.get().signingKey!.publicKey),
        );
        await screenshot(page, `signed-team-menu-${colorScheme}`);
        await page.keyboard.press('Escape');

        ana.host.next = forged;
        await bridge.emit('menu:merge');
        const dialog = page.getByRole('dialog', { name: 'Review the merge' });
        const notice = dialog.getByTestId('key-conflicts');
        await notice.waitFor();
        const text = (await notice.textContent()) ?? '';
        expect(text).toContain('1 change signed as Ben Okafor');
        expect(text).toContain(keyFingerprint(ben.identity.get().signingKey!.publicKey));
        for (const [w, h] of [
          [1440, 900],
          [1024, 640],
        ] as const) {
          await page.setViewportSize({ width: w, height: h });
          await screenshot(page, `signed-key-conflict-${w}-${colorScheme}`);
        }
        await page.setViewportSize({ width: 1440, height: 900 });
        if (colorScheme === 'dark') {
          await notice.getByRole('button', { name: 'Trust the new key' }).click();
          await notice.waitFor({ state: 'detached' });
          await dialog.getByTestId('merge-person').filter({ hasText: 'Ben Okafor' }).waitFor();
          await dialog.getByRole('button', { name: 'Apply merge' }).click();
          await dialog.waitFor({ state: 'detached' });
          expect((await call(ana, 'claims.get', { id: claimId })).verdict).toBe('disputed');
        } else {
          await page.keyboard.press('Escape');
          await dialog.waitFor({ state: 'detached' });
          // Merged anyway (as the CLI or a sync would): the conflict is on record and the sync dialog shows it.
          const merged = await mergePreviewed(ana, forged);
          expect(merged.keyConflicts.map((c) => c.name)).toEqual(['Ben Okafor']);
          await bridge.emit('menu:sync');
          const sync = page.getByRole('dialog', { name: 'Sync folder' });
          const recorded = sync.getByTestId('key-conflicts');
          await recorded.waitFor();
          await expect(recorded.textContent()).resolves.toContain('It was held back');
          for (const [w, h] of [
            [1440, 900],
            [1024, 640],
          ] as const) {
            await page.setViewportSize({ width: w, height: h });
            await screenshot(page, `signed-sync-key-conflict-${w}-${colorScheme}`);
          }
          await page.setViewportSize({ width: 1440, height: 900 });
          await recorded.getByRole('button', { name: 'Keep trusted key' }).click();
          await recorded.waitFor({ state: 'detached' });
          expect((await call(ana, 'team.keys.list', {})).conflicts).toEqual([]);
          expect((await call(ana, 'claims.get', { id: claimId })).verdict).toBe('sourced');
          await page.keyboard.press('Escape');
          await sync.waitFor({ state: 'detached' });
        }
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    }
  }, 60_000);
});

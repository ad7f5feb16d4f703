import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../electron/core/context';
import { call } from '../../electron/core/dispatch';
import type { HostServices } from '../../electron/core/host';
import type { OpenPurpose, SavePurpose } from '../../shared/host-api';
import { tempDir } from '../helpers/workspace';
import { newsArticle, openApp, openContext, screenshot, screenshotAtBothSizes, startHarness, type Harness } from './harness';
import { expectAxeCleanInBothThemes } from './axe';
import { withoutShared } from '../helpers/corpus';
import { mergePreviewed } from '../helpers/merge';

/** Tests that read ../shared skip, with one line saying why, on a clone without it. */
const noShared = withoutShared(import.meta.url);

/** Stands in for the person in the native file dialogs: answers with the paths the test queued. */
class DialogStandIn implements HostServices {
  private readonly opens: Partial<Record<OpenPurpose, string[]>> = {};
  private readonly saves: Partial<Record<SavePurpose, string[]>> = {};
  answerOpen(purpose: OpenPurpose, file: string): void {
    (this.opens[purpose] ??= []).push(file);
  }
  answerSave(purpose: SavePurpose, file: string): void {
    (this.saves[purpose] ??= []).push(file);
  }
  chooseOpen(purpose: OpenPurpose): Promise<string[] | null> {
    const next = this.opens[purpose]?.shift();
    return Promise.resolve(next ? [next] : null);
  }
  chooseSave(purpose: SavePurpose): Promise<string | null> {
    return Promise.resolve(this.saves[purpose]?.shift() ?? null);
  }
}

type Person = CoreContext & { file: string; host: DialogStandIn };

function teammate(dir: string, name: string, actorId: string): Person {
  const file = path.join(dir, `${name.split(' ')[0]!.toLowerCase()}.claimbench`);
  return { ...openContext(name, file, actorId), host: new DialogStandIn() };
}

/** Every row of the change log, hashed: equal before and after means the workspace was not touched. */
function fingerprint(p: Person): string {
  const rows = p.workspace.db.prepare('SELECT * FROM changes ORDER BY hlc').all();
  return createHash('sha256').update(JSON.stringify(rows)).digest('hex');
}

let harness: Harness;
const dir = tempDir('claimbench-e2e-team-');
let ana: Person;
let ben: Person;
let benShare: string;
let clash: string;
let benOnly: string;
let anaOnly: string;
let yours: string;

beforeAll(async () => {
  harness = await startHarness();
  ana = teammate(dir, 'Ana Ruiz', 'a11ce0000000a001');
  ben = teammate(dir, 'Ben Okafor', 'b0b0000000000b02');

  // A common base: Ana's workspace, shared and merged into Ben's empty one.
  const iodine = await call(ana, 'documents.createFromText', { text: newsArticle('iodine').text, title: 'Iodine tablets' });
  await call(ana, 'documents.createFromText', { text: newsArticle('warming').text, title: 'Warming report' });
  const claims = (await call(ana, 'claims.list', { documentId: iodine.document.id, limit: 50 })).items;
  [clash, benOnly, anaOnly, yours] = [claims[0]!.id, claims[1]!.id, claims[2]!.id, claims[3]!.id];
  // A decision of Ana's that Ben later replaces, having seen it: no conflict, but hers is overwritten.
  await call(ana, 'claims.setVerdict', { ids: [yours], verdict: 'sourced', rationale: 'Agency bulletin, 12 March.' });
  const base = await call(ana, 'team.share', { target: path.join(dir, 'base.claimbench-share') });
  await mergePreviewed(ben, base.path);

  // Then both work apart: the same claim's verdict and rationale differ, other edits do not clash.
  // Each sets the verdict and the rationale as two separate edits, the way the detail pane saves them.
  await call(ana, 'claims.setVerdict', { ids: [clash], verdict: 'sourced' });
  await call(ana, 'sources.add', {
    claimId: clash,
    url: 'https://ministry.example.org/notices/14-march',
    title: 'Ministry notice of 14 March',
    stance: 'supports',
  });
  await call(ana, 'claims.update', { id: clash, patch: { rationale: 'Matches the ministry notice of 14 March.' } });
  await call(ana, 'claims.setVerdict', { ids: [anaOnly], verdict: 'disputed', rationale: 'The agency gives another figure.' });
  await call(ben, 'claims.update', {
    id: clash,
    patch: { rationale: 'The notice was withdrawn the next day; see the correction.' },
  });
  await call(ben, 'claims.setVerdict', { ids: [clash], verdict: 'disputed' });
  await call(ben, 'sources.add', {
    claimId: clash,
    url: 'https://ministry.example.org/corrections/15-march',
    title: 'Correction of 15 March',
    stance: 'contradicts',
  });
  await call(ben, 'claims.setVerdict', { ids: [benOnly], verdict: 'sourced', rationale: 'Health agency, page 2.' });
  await call(ben, 'sources.add', {
    claimId: benOnly,
    url: 'https://health.example.org/iodine',
    title: 'Health agency guidance',
    stance: 'supports',
  });
  await call(ben, 'notes.add', { claimId: benOnly, text: 'Asked the agency for the stock figures.' });
  await call(ben, 'claims.setVerdict', { ids: [yours], verdict: 'disputed' });
  await call(ben, 'claims.add', { documentId: iodine.document.id, text: 'Pharmacies ran out of tablets within a day.' });
  benShare = (await call(ben, 'team.share', { target: path.join(dir, 'ben.claimbench-share') })).path;
});
afterAll(async () => {
  ana?.workspace.close();
  ben?.workspace.close();
  await harness?.close();
});

describe.skipIf(noShared)('team: merge preview, conflicts, share and sync in the renderer', () => {
  it('previews a teammate’s file by person, merges it, and resolves the conflict by keeping their side', async () => {
    const expected = await call(ana, 'team.mergePreview', { path: benShare });
    const { page, bridge, errors, close } = await openApp(harness, ana);
    try {
      await page.locator('.claim-row').first().waitFor();
      await expect(page.getByTestId('conflict-badge').count()).resolves.toBe(0);

      ana.host.answerOpen('merge', benShare);
      await bridge.emit('menu:merge');
      const dialog = page.getByRole('dialog', { name: 'Review the merge' });
      await dialog.getByTestId('merge-preview').waitFor();
      // No field to type in: the dialog opens on its main action.
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Apply merge');
      const people = dialog.getByTestId('merge-person');
      await expect(people.count()).resolves.toBe(1);
      const benRow = people.filter({ hasText: 'Ben Okafor' });
      const ben = expected.people.find((p) => p.name === 'Ben Okafor')!;
      // Per claim: the source and note Ben added count with their claim; one conflicted claim is one,
      // counted as conflicting only, so the three figures add up to the items listed.
      expect(ben).toMatchObject({ newItems: 1, changedItems: 2, conflicts: 1 });
      for (const [status, n] of [
        ['new', ben.newItems],
        ['changed', ben.changedItems],
        ['conflicting', ben.conflicts],
      ] as const) {
        await expect(benRow.getByTestId(`count-${status}`).locator('.team-count-value').textContent()).resolves.toBe(String(n));
      }
      await expect(dialog.textContent()).resolves.toMatch(/backup of this workspace is taken before anything changes/);
      await benRow.locator('summary').click();
      await benRow.locator('.team-item-conflicting').first().waitFor();
      await expect(benRow.locator('.team-item').count()).resolves.toBe(4);
      await benRow.locator('summary').click();

      // What changes, per claim: Ana's overwritten decisions first, each field old → new with who.
      await expect(dialog.getByTestId('merge-overwrites-yours').textContent()).resolves.toMatch(
        /2 items replace a decision of yours \(Ana Ruiz\)/,
      );
      const items = dialog.getByTestId('merge-item');
      await expect(items.count()).resolves.toBe(4);
      for (const i of [0, 1]) await expect(items.nth(i).textContent()).resolves.toContain('Replaces yours');
      const yoursText = (await call(ana, 'claims.get', { id: yours })).text;
      const yoursItem = items.filter({ hasText: yoursText.slice(0, 40) });
      await expect(yoursItem.getByTestId('merge-change').textContent()).resolves.toMatch(
        /Verdict\s*Sourced\s*Disputed\s*Ben Okafor · .*replaces yours/,
      );
      const benOnlyText = (await call(ana, 'claims.get', { id: benOnly })).text;
      const evidence = items.filter({ hasText: benOnlyText.slice(0, 40) }).getByTestId('merge-change');
      await expect(evidence.allTextContents()).resolves.toEqual([
        expect.stringMatching(/^VerdictUnverified|^VerdictNot reviewed/),
        expect.stringMatching(/^Rationale\(empty\)“Health agency, page 2\.”Ben Okafor/),
        expect.stringMatching(/^Adds source “Health agency guidance”Ben Okafor/),
        expect.stringMatching(/^Adds note “Asked the agency for the stock figures\.”Ben Okafor/),
      ]);
      await expect(dialog.getByTestId('merge-conflict').count()).resolves.toBe(1);
      await screenshot(page, 'team-merge-preview-light');
      await page.setViewportSize({ width: 1024, height: 640 });
      await screenshot(page, 'team-merge-preview-1024-light');
      await page.emulateMedia({ colorScheme: 'dark' });
      await screenshot(page, 'team-merge-preview-1024-dark');
      await page.setViewportSize({ width: 1440, height: 900 });
      await screenshot(page, 'team-merge-preview-dark');
      await expectAxeCleanInBothThemes(page, 'team dialog', '[role="dialog"]');

      // Ctrl/Cmd+Enter applies from anywhere in the dialog, even with Cancel focused (Enter alone would cancel).
      await dialog.getByRole('button', { name: 'Cancel' }).focus();
      await page.keyboard.press('Control+Enter');
      await dialog.waitFor({ state: 'detached' });
      await page
        .locator('.notice', { hasText: /Merged \d+ changes from ben\.claimbench-share; 1 conflicted claim to resolve/ })
        .waitFor();
      // Four of Ana's actions can no longer be undone: the notice says so in its two lines at most, and its details
      // name the latest two (her verdict and her rationale on the clashing claim, her decision Ben replaced, and the
      // import that made the claims Ben decided) and the backup.
      const notice = page.locator('.notice', { hasText: /^Merged/ });
      await expect(notice.locator('.notice-text').textContent()).resolves.toMatch(
        /^Merged \d+ changes from ben\.claimbench-share; 1 conflicted claim to resolve\. 4 undo steps lost\.$/,
      );
      await page.setViewportSize({ width: 1024, height: 640 });
      const lineHeight = await notice.locator('.notice-text').evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
      expect((await notice.locator('.notice-text').boundingBox())!.height).toBeLessThanOrEqual(2 * lineHeight + 1);
      // The summary is whole in its two lines: nothing of it is cut.
      expect(await notice.locator('.notice-text').evaluate((el) => el.scrollHeight <= el.clientHeight + 1)).toBe(true);
      expect((await notice.boundingBox())!.height).toBeLessThanOrEqual(64);
      await screenshot(page, 'team-merge-notice-1024');
      await notice.getByRole('button', { name: 'Details' }).click();
      await expect(notice.locator('.notice-details').textContent()).resolves.toMatch(
        /^A backup was taken first\. 4 earlier actions of yours can no longer be undone, as a teammate’s changes set the same fields: .*“.+”.* and \d+ more\.$/,
      );
      await screenshot(page, 'team-merge-notice-details-1024');
      await notice.getByRole('button', { name: 'Dismiss' }).click();
      await page.setViewportSize({ width: 1440, height: 900 });
      await expect(page.getByTestId('conflict-badge').textContent()).resolves.toMatch(/1\s*conflict/);
      const row = page.locator(`.claim-row[data-claim-id="${clash}"]`);
      // The list is virtualised: scroll down by screens until the conflicted claim's row is drawn.
      for (let i = 0; i < 20 && (await row.count()) === 0; i++) {
        await page.locator('.claim-list').evaluate((el) => el.scrollBy(0, el.clientHeight * 0.8));
        await page.waitForTimeout(100);
      }
      await row.getByTestId('conflict-marker').waitFor();
      await expect(page.getByTestId('conflict-marker').count()).resolves.toBe(1);
      expect((await call(ana, 'claims.get', { id: benOnly })).verdict).toBe('sourced');

      // The detail pane's banner leads to the queue, on this claim.
      await row.click();
      const banner = page.getByTestId('conflict-banner');
      await banner.waitFor();
      await expect(banner.textContent()).resolves.toMatch(/Ana Ruiz and Ben Okafor|Ben Okafor and Ana Ruiz/);
      // They decided apart, neither seeing the other's change: never "at the same time" unless within a second.
      await expect(banner.textContent()).resolves.toMatch(
        /decided this claim differently \(.+\), (\d+ (s|min|h|days) apart, neither seeing the other’s change|at the same time)\./,
      );
      await banner.getByRole('button', { name: 'Resolve…' }).click();
      const queue = page.getByRole('dialog', { name: 'Conflicts' });
      await queue.getByTestId('conflict-side').first().waitFor();
      await expect(queue.getByRole('option', { selected: true }).textContent()).resolves.toContain(
        (await call(ana, 'claims.get', { id: clash })).text.slice(0, 40),
      );
      const sides = queue.getByTestId('conflict-side');
      await expect(sides.count()).resolves.toBe(2);
      const benSide = queue.locator('[data-testid="conflict-side"][data-author="Ben Okafor"]');
      await expect(benSide.textContent()).resolves.toMatch(/Disputed.*The notice was withdrawn/);
      await expect(queue.locator('[data-author="Ana Ruiz"]').textContent()).resolves.toMatch(/Sourced.*ministry notice/);
      // Each side shows the sources its person attached, and who added them.
      await expect(benSide.getByTestId('side-sources').textContent()).resolves.toMatch(
        /Correction of 15 March\s*ministry\.example\.org\s*added by Ben Okafor/,
      );
      await expect(queue.locator('[data-author="Ana Ruiz"]').getByTestId('side-sources').textContent()).resolves.toMatch(
        /^Ministry notice of 14 March\s*ministry\.example\.org\s*added by Ana Ruiz$/,
      );
      await screenshot(page, 'team-conflict-queue-light');
      await page.emulateMedia({ colorScheme: 'dark' });
      await screenshot(page, 'team-conflict-queue-dark');
      await page.setViewportSize({ width: 1024, height: 640 });
      // In a short window every side's Keep button is in view without scrolling, and nothing inside the dialog scrolls but the dialog.
      for (const keep of await queue.getByRole('button', { name: /Keep this/ }).all()) {
        await expect(
          keep.evaluate((el) => {
            const r = el.getBoundingClientRect();
            const modal = el.closest('.modal')!.getBoundingClientRect();
            return r.top >= modal.top && r.bottom <= Math.min(modal.bottom, window.innerHeight);
          }),
        ).resolves.toBe(true);
      }
      await expect(
        queue
          .locator('.team-resolver *')
          .evaluateAll(
            (els) =>
              els.filter((el) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowY) && el.scrollHeight > el.clientHeight)
                .length,
          ),
      ).resolves.toBe(0);
      await screenshot(page, 'team-conflict-queue-1024-dark');
      await page.emulateMedia({ colorScheme: 'light' });
      await screenshot(page, 'team-conflict-queue-1024-light');
      await page.setViewportSize({ width: 1440, height: 900 });
      await expectAxeCleanInBothThemes(page, 'team dialog', '[role="dialog"]');

      // The new-decision editor opens with N and closes again; then keep Ben's side.
      // It saves nothing without a why; typed into in a large window that then shrinks, it stays whole in view:
      // nothing covers its verdicts or its rationale, and the dialog's title stays on screen.
      const size = page.viewportSize()!;
      await queue.getByRole('listbox').press('n');
      const decision = queue.getByRole('form', { name: 'New decision' });
      await decision.waitFor();
      await page.keyboard.press('ArrowRight');
      await decision.getByRole('radio').nth(1).click();
      expect(await decision.getByRole('button', { name: 'Save decision' }).isDisabled()).toBe(true);
      await decision.getByRole('textbox', { name: 'Rationale' }).fill('Both notices stand; the correction names another date.');
      /** Each element in the window and on top where it is: nothing (a pinned footer, the title) lies over it. */
      const covered = () =>
        page.evaluate(() => {
          const form = document.querySelector('form[aria-label="New decision"]')!;
          const targets = [
            ...form.querySelectorAll('[role="radio"], textarea, button'),
            document.querySelector('.modal .modal-title')!,
          ];
          const bad: string[] = [];
          for (const el of targets) {
            const r = el.getBoundingClientRect();
            for (const [x, y] of [
              [r.left + 4, r.top + 4],
              [r.right - 4, r.bottom - 4],
              [r.left + r.width / 2, r.top + r.height / 2],
            ] as const) {
              const hit = document.elementFromPoint(x, y);
              if (y > window.innerHeight || !hit || !(hit === el || el.contains(hit))) {
                bad.push(`${el.tagName} ${el.textContent?.trim().slice(0, 20) ?? ''}`);
                break;
              }
            }
          }
          return bad;
        });
      for (const height of [640, 560]) {
        await page.setViewportSize({ width: 1024, height });
        await expect.poll(covered).toEqual([]);
      }
      await page.setViewportSize({ width: 1024, height: 640 });
      await expect.poll(covered).toEqual([]);
      await screenshot(page, 'team-new-decision-1024');
      await page.setViewportSize(size);
      // Cancel keeps the draft for this claim: opening the form again finds it, until it is discarded.
      await queue.getByRole('button', { name: 'Cancel' }).click();
      await queue.getByRole('button', { name: /Go on with your draft decision/ }).click();
      await expect(decision.getByRole('textbox', { name: 'Rationale' }).inputValue()).resolves.toBe(
        'Both notices stand; the correction names another date.',
      );
      await decision.getByRole('button', { name: 'Discard draft' }).click();
      await queue.getByRole('button', { name: /Write a new decision/ }).click();
      await expect(decision.getByRole('textbox', { name: 'Rationale' }).inputValue()).resolves.toBe('');
      await queue.getByRole('button', { name: 'Cancel' }).click();
      await benSide.getByRole('button', { name: /Keep this/ }).click();
      await queue.getByText('No conflicts').waitFor();
      await screenshot(page, 'team-conflict-queue-empty');
      await page.keyboard.press('Escape');
      await page.getByTestId('conflict-badge').waitFor({ state: 'detached' });
      await expect(page.getByTestId('conflict-marker').count()).resolves.toBe(0);

      const resolved = await call(ana, 'claims.get', { id: clash });
      expect(resolved).toMatchObject({
        verdict: 'disputed',
        rationale: 'The notice was withdrawn the next day; see the correction.',
        conflicted: false,
      });
      expect(await call(ana, 'conflicts.list', {})).toEqual([]);
      const authors = new Set((await call(ana, 'claims.history', { id: clash })).map((h) => h.author));
      expect([...authors].sort()).toEqual(['Ana Ruiz', 'Ben Okafor']);

      // One timeline per claim: Ben's verdict, source and note, under his name, from his share file.
      await page.locator(`.claim-row[data-claim-id="${benOnly}"]`).click();
      const timeline = page.getByRole('list', { name: 'Claim history' });
      const source = timeline.locator('.history-entry[data-entity="source"]');
      await source.waitFor();
      await expect(source.textContent()).resolves.toMatch(
        /Ben Okafor added the source “Health agency guidance” \(supports\).*from Ben Okafor’s share file, merged by Ana Ruiz on/,
      );
      await expect(timeline.locator('.history-entry[data-entity="note"]').textContent()).resolves.toMatch(
        /Ben Okafor added a note.*Asked the agency for the stock figures/,
      );
      await expect(timeline.locator('.history-entry', { hasText: 'Ben Okafor marked Sourced' }).count()).resolves.toBe(1);
      const dismiss = page.locator('.notice').getByRole('button', { name: 'Dismiss' });
      while ((await dismiss.count()) > 0) await dismiss.first().click();
      await timeline.scrollIntoViewIfNeeded();
      await screenshot(page, 'team-claim-timeline-light');
      await page.emulateMedia({ colorScheme: 'dark' });
      await screenshot(page, 'team-claim-timeline-dark');
      await page.setViewportSize({ width: 1024, height: 640 });
      await timeline.scrollIntoViewIfNeeded();
      await screenshot(page, 'team-claim-timeline-1024-dark');
      await page.emulateMedia({ colorScheme: 'light' });
      await screenshot(page, 'team-claim-timeline-1024-light');
      await page.setViewportSize({ width: 1440, height: 900 });

      // Merging the same file again changes nothing.
      const before = fingerprint(ana);
      ana.host.answerOpen('merge', benShare);
      await bridge.emit('menu:merge');
      const again = page.getByRole('dialog', { name: 'Review the merge' });
      await again.getByTestId('merge-nothing-new').waitFor();
      await expect(again.getByRole('button', { name: 'Apply merge' }).count()).resolves.toBe(0);
      await again.getByRole('button', { name: 'Close' }).last().click();
      expect(fingerprint(ana)).toBe(before);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('refuses a tampered share file with the core’s message and leaves the workspace untouched', async () => {
    const tampered = path.join(dir, 'tampered.claimbench-share');
    fs.copyFileSync(benShare, tampered);
    const db = new Database(tampered);
    // Someone rewrites who made a change, without resealing the file's content hash.
    db.prepare("UPDATE changes SET author = 'Eve' WHERE rowid = (SELECT max(rowid) FROM changes)").run();
    db.close();
    const before = fingerprint(ana);
    const { page, bridge, close } = await openApp(harness, ana);
    try {
      await page.locator('.claim-row').first().waitFor();
      ana.host.answerOpen('merge', tampered);
      await bridge.emit('menu:merge');
      const dialog = page.getByRole('dialog', { name: 'This file cannot be merged' });
      const alert = dialog.getByRole('alert');
      await alert.waitFor();
      await expect(alert.textContent()).resolves.toMatch(/tampered\.claimbench-share.*content hash.*Nothing was changed/s);
      await screenshot(page, 'team-merge-refused');
      await expectAxeCleanInBothThemes(page, 'team dialog', '[role="dialog"]');
      await dialog.getByRole('button', { name: 'Close' }).last().click();
      expect(fingerprint(ana)).toBe(before);
    } finally {
      await close();
    }
  });

  it('refuses to apply a share file that changed after its preview: the dialog says so, the workspace is as it was', async () => {
    const where = tempDir('claimbench-e2e-stale-');
    const cleo = teammate(where, 'Cleo Marsh', 'c1e0000000000c03');
    const dan = teammate(where, 'Dan Ode', 'd0d0000000000d04');
    try {
      await call(cleo, 'claims.add', { text: 'Cleo notes the ferry fares rose by 8 percent.' });
      await call(dan, 'claims.add', { text: 'Dan hears the bridge cost 3 billion euros.' });
      const target = path.join(where, 'dan.claimbench-share');
      await call(dan, 'team.share', { target });
      const { page, bridge, close } = await openApp(harness, cleo);
      try {
        await page.locator('.claim-row').first().waitFor();
        cleo.host.answerOpen('merge', target);
        await bridge.emit('menu:merge');
        const preview = page.getByRole('dialog', { name: 'Review the merge' });
        await preview.getByTestId('merge-preview').waitFor();
        // Dan shares again over the same file while Cleo looks at the preview.
        await call(dan, 'claims.add', { text: 'Dan adds that tolls will pay for it within 20 years.' });
        await call(dan, 'team.share', { target });
        const before = fingerprint(cleo);
        await preview.getByRole('button', { name: 'Apply merge' }).click();
        const refused = page.getByRole('dialog', { name: 'This file cannot be merged' });
        const alert = refused.getByRole('alert');
        await alert.waitFor();
        await expect(alert.textContent()).resolves.toMatch(
          /dan\.claimbench-share.*changed since it was previewed.*Nothing was changed/s,
        );
        await screenshot(page, 'team-merge-stale-refused');
        await page.setViewportSize({ width: 1024, height: 640 });
        await page.emulateMedia({ colorScheme: 'dark' });
        await screenshot(page, 'team-merge-stale-refused-1024-dark');
        expect(fingerprint(cleo)).toBe(before);

        // Preview again shows what the file holds now, and that merges.
        await refused.getByRole('button', { name: 'Preview again' }).click();
        const again = page.getByRole('dialog', { name: 'Review the merge' });
        await again.getByTestId('merge-preview').waitFor();
        await again.getByRole('button', { name: 'Apply merge' }).click();
        await again.waitFor({ state: 'detached' });
        await expect(call(cleo, 'claims.list', {}).then((r) => r.total)).resolves.toBe(3);
      } finally {
        await close();
      }
    } finally {
      cleo.workspace.close();
      dan.workspace.close();
    }
  });

  it('shares chosen documents and links a shared folder, showing who is in it', async () => {
    const { page, bridge, close } = await openApp(harness, ana);
    try {
      await page.locator('.claim-row').first().waitFor();
      // The team menu shows who is working, with the short actor id.
      await page.getByRole('button', { name: /^Team/ }).click();
      await expect(page.getByTestId('team-identity').textContent()).resolves.toMatch(/Ana Ruiz.*a11ce000/);
      // Each item's label, then the key that opens it where it has one.
      const items = await page.getByRole('menuitem').allInnerTexts();
      expect(items.map((t) => t.trim())).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^Share…\s*Ctrl\+Shift\+E$/),
          expect.stringMatching(/^Merge from teammate…\s*Ctrl\+Shift\+M$/),
          'Sync folder…',
          'Fact-check libraries…',
        ]),
      );
      await page.keyboard.press('Escape');

      await bridge.emit('menu:share');
      const share = page.getByRole('dialog', { name: 'Share with a teammate' });
      // The browser has no File menu: the hint names the Team menu item the menu above just showed.
      await share.getByText('Your teammate merges it with Team menu (people icon) ▸ Merge from teammate…').waitFor();
      expect(await share.innerText()).not.toContain('File ▸');
      await share.getByLabel('Chosen documents').check();
      await share.getByRole('checkbox', { name: /Iodine tablets/ }).check();
      await screenshot(page, 'team-share');
      await expectAxeCleanInBothThemes(page, 'team dialog', '[role="dialog"]');
      const target = path.join(dir, 'iodine-only.claimbench-share');
      ana.host.answerSave('share', target);
      await share.getByRole('button', { name: 'Share…' }).click();
      await page.locator('.notice', { hasText: 'iodine-only.claimbench-share' }).waitFor();
      await screenshotAtBothSizes(page, 'team-shared');
      await page.emulateMedia({ colorScheme: 'light' });
      const fresh = teammate(tempDir('claimbench-e2e-team-c-'), 'Cleo Park', 'c1e0000000000c03');
      try {
        await mergePreviewed(fresh, target);
        expect((await call(fresh, 'documents.list', {})).map((d) => d.title)).toEqual(['Iodine tablets']);
      } finally {
        fresh.workspace.close();
      }

      const folder = tempDir('claimbench-e2e-shared-');
      ana.host.answerOpen('sync-folder', folder);
      await bridge.emit('menu:sync');
      const sync = page.getByRole('dialog', { name: 'Sync folder' });
      await sync.getByRole('button', { name: 'Choose shared folder…' }).click();
      await sync.getByText(folder).waitFor();
      // Ctrl/Cmd+Enter runs the dialog's main action, here Sync now, from any of its controls.
      await sync.getByRole('button', { name: 'Change folder…' }).focus();
      await page.keyboard.press('Control+Enter');
      await expect.poll(() => bridge.calls.filter((c) => c.name === 'team.sync.now').length).toBe(1);
      const peer = sync.getByTestId('sync-peer');
      await peer.filter({ hasText: 'Ana Ruiz' }).filter({ hasText: '(you)' }).waitFor();
      await screenshot(page, 'team-sync');
      await expectAxeCleanInBothThemes(page, 'team dialog', '[role="dialog"]');
      expect(fs.readdirSync(folder)).toHaveLength(1);
      await sync.getByRole('button', { name: 'Unlink folder' }).click();
      await sync.getByText('No shared folder linked').waitFor();
      // The page named the share target and the folder by the tokens the core gave it, never by a path.
      const sent = bridge.calls.filter((c) => c.name === 'team.share' || c.name === 'team.sync.link');
      expect(sent.map((c) => [c.name, Object.keys(c.input as object).sort()])).toEqual([
        ['team.share', ['chosen', 'documentIds']],
        ['team.sync.link', ['chosen']],
      ]);
      expect(JSON.stringify(bridge.calls)).not.toContain(folder);
      expect(JSON.stringify(bridge.calls)).not.toContain(target);
    } finally {
      await close();
    }
  });

  it('names a synced peer from their file, and keeps a sync notice that asks to resolve conflicts, under the panes, until acted on', async () => {
    const where = tempDir('claimbench-e2e-team-sync-');
    const folder = path.join(where, 'shared');
    fs.mkdirSync(folder);
    const gil = teammate(where, 'Gil Amar', '9110000000000a07');
    const hal = teammate(where, 'Hal Berg', 'ba10000000000b08');
    try {
      const doc = await call(gil, 'documents.createFromText', { text: 'The bridge cost 3 billion euros, the ministry said.' });
      const claimId = (await call(gil, 'claims.list', { documentId: doc.document.id })).items[0]!.id;
      await mergePreviewed(hal, (await call(gil, 'team.share', { target: path.join(where, 'base.claimbench-share') })).path);
      for (const p of [gil, hal]) await call(p, 'team.sync.link', { folder });
      await call(gil, 'claims.setVerdict', { ids: [claimId], verdict: 'sourced', rationale: 'Ministry release.' });
      await call(hal, 'claims.setVerdict', { ids: [claimId], verdict: 'disputed', rationale: 'The audit says 3.4 billion.' });
      await call(hal, 'team.sync.now', {});

      const { page, bridge, close } = await openApp(harness, gil);
      try {
        await page.locator('.claim-row').first().waitFor();
        await bridge.emit('menu:sync');
        const sync = page.getByRole('dialog', { name: 'Sync folder' });
        // Hal's file names him before anything of his is merged here.
        await sync.getByTestId('sync-peer').filter({ hasText: 'Hal Berg' }).waitFor();
        await sync.getByRole('button', { name: 'Sync now' }).click();
        const notice = page.locator('.notice', { hasText: 'new conflicts to resolve' });
        await notice.waitFor();
        await page.keyboard.press('Escape');
        await sync.waitFor({ state: 'detached' });
        // Well past the time an ordinary notice shows, it is still there, in its own strip under the panes.
        await page.waitForTimeout(9_000);
        expect(await notice.isVisible()).toBe(true);
        for (const size of [
          { width: 1024, height: 640 },
          { width: 1440, height: 900 },
        ]) {
          await page.setViewportSize(size);
          const [strip, panes] = await Promise.all([
            page.getByTestId('notices').boundingBox(),
            page.locator('.app').boundingBox(),
          ]);
          expect(strip!.y).toBeGreaterThanOrEqual(panes!.y + panes!.height - 0.5);
          expect(strip!.y + strip!.height).toBeLessThanOrEqual(size.height + 0.5);
        }
        await screenshotAtBothSizes(page, 'team-sync-notice');
        await notice.getByRole('button', { name: 'Resolve' }).click();
        await page.getByRole('dialog', { name: 'Conflicts' }).waitFor();
        await notice.waitFor({ state: 'detached' });
      } finally {
        await close();
      }
    } finally {
      gil.workspace.close();
      hal.workspace.close();
    }
  });

  it('shows each person’s own rationale with their verdict, on the claim and in the queue, and keeping a side keeps both', async () => {
    const where = tempDir('claimbench-e2e-team-three-');
    const dana = teammate(where, 'Dana Lee', 'da4a000000000d04');
    const eli = teammate(where, 'Eli Stone', 'e11e000000000e05');
    const fay = teammate(where, 'Fay Moss', 'fa40000000000f06');
    try {
      const doc = await call(dana, 'documents.createFromText', {
        text: 'The bridge cost 3 billion euros, the ministry said. Traffic fell by a third in May.',
        title: 'Bridge',
      });
      const claimId = (await call(dana, 'claims.list', { documentId: doc.document.id })).items[0]!.id;
      const base = await call(dana, 'team.share', { target: path.join(where, 'base.claimbench-share') });
      for (const p of [eli, fay]) await mergePreviewed(p, base.path);
      // Eli marks first and writes his rationale last; Fay decides last, without a rationale. The
      // latest verdict is Fay's and the latest rationale Eli's: shown field by field, they would mix.
      await call(eli, 'claims.setVerdict', { ids: [claimId], verdict: 'disputed' });
      await call(dana, 'claims.setVerdict', { ids: [claimId], verdict: 'sourced' });
      await call(dana, 'claims.update', { id: claimId, patch: { rationale: 'Ministry release, 3 May.' } });
      await call(fay, 'claims.setVerdict', { ids: [claimId], verdict: 'unverified' });
      await call(eli, 'claims.update', { id: claimId, patch: { rationale: 'The audit says 3.4 billion.' } });
      for (const [p, name] of [
        [eli, 'eli'],
        [fay, 'fay'],
      ] as const) {
        await mergePreviewed(dana, (await call(p, 'team.share', { target: path.join(where, `${name}.claimbench-share`) })).path);
      }

      const { page, close } = await openApp(harness, dana);
      try {
        // The claim shows Fay's whole decision: her verdict, and no one else's rationale beside it.
        await page.locator(`.claim-row[data-claim-id="${claimId}"]`).click();
        await page.getByTestId('conflict-banner').waitFor();
        await expect(page.getByLabel('Rationale', { exact: true }).inputValue()).resolves.toBe('');
        expect(await call(dana, 'claims.get', { id: claimId })).toMatchObject({ verdict: 'unverified', rationale: '' });

        await page.keyboard.press('Control+Shift+K');
        const queue = page.getByRole('dialog', { name: 'Conflicts' });
        const side = (name: string) => queue.locator(`[data-testid="conflict-side"][data-author="${name}"]`);
        await side('Dana Lee').waitFor();
        await expect(queue.getByTestId('conflict-side').count()).resolves.toBe(3);
        const shown = async (name: string) => [
          await side(name).getByTestId('side-verdict').textContent(),
          await side(name).getByTestId('side-rationale').textContent(),
        ];
        expect(await shown('Dana Lee')).toEqual(['Sourced', 'Ministry release, 3 May.']);
        expect(await shown('Eli Stone')).toEqual(['Disputed', 'The audit says 3.4 billion.']);
        expect(await shown('Fay Moss')).toEqual([
          'Unverified',
          'No rationale givenNot changed by Fay Moss: as it stood with their decision',
        ]);
        await expect(side('Fay Moss').getByText('Shown now').count()).resolves.toBe(1);
        await screenshot(page, 'team-conflict-three-light');
        await page.emulateMedia({ colorScheme: 'dark' });
        await screenshot(page, 'team-conflict-three-dark');
        await page.setViewportSize({ width: 1024, height: 640 });
        await screenshot(page, 'team-conflict-three-1024-dark');
        await page.emulateMedia({ colorScheme: 'light' });
        await screenshot(page, 'team-conflict-three-1024-light');
        await page.setViewportSize({ width: 1440, height: 900 });

        await side('Eli Stone')
          .getByRole('button', { name: /Keep this/ })
          .click();
        await page.locator('.notice', { hasText: 'Resolved: kept Eli Stone’s verdict and rationale.' }).waitFor();
        await queue.getByText('No conflicts').waitFor();
        expect(await call(dana, 'claims.get', { id: claimId })).toMatchObject({
          verdict: 'disputed',
          rationale: 'The audit says 3.4 billion.',
          conflicted: false,
        });
        await page.keyboard.press('Escape');
        await expect(page.getByLabel('Rationale', { exact: true }).inputValue()).resolves.toBe('The audit says 3.4 billion.');
      } finally {
        await close();
      }
    } finally {
      for (const p of [dana, eli, fay]) p.workspace.close();
    }
  });
  it('treats a clash of rationales alone as a conflict of whole decisions: preview, list, detail and queue agree', async () => {
    const where = tempDir('claimbench-e2e-team-rationale-');
    const mara = teammate(where, 'Mara Diaz', 'a4a0000000000a07');
    const ben = teammate(where, 'Ben Cole', 'be40000000000b08');
    try {
      const doc = await call(mara, 'documents.createFromText', {
        text: 'Seven missiles were launched on 12 May, the air force said. The ministry reported 40 injured.',
        title: 'Strikes',
      });
      const claimId = (await call(mara, 'claims.list', { documentId: doc.document.id })).items[0]!.id;
      // Mara decides and shares; Ben replaces her verdict having seen it; meanwhile Mara rewrites only her rationale.
      await call(mara, 'claims.setVerdict', { ids: [claimId], verdict: 'disputed', rationale: 'The air force later said 150.' });
      await mergePreviewed(ben, (await call(mara, 'team.share', { target: path.join(where, 'm1.claimbench-share') })).path);
      await call(ben, 'claims.setVerdict', { ids: [claimId], verdict: 'unverified', rationale: 'No second source.' });
      const benFile = (await call(ben, 'team.share', { target: path.join(where, 'b1.claimbench-share') })).path;
      await call(mara, 'claims.update', { id: claimId, patch: { rationale: 'The air force corrected itself on 13 May.' } });

      const { page, bridge, close } = await openApp(harness, mara);
      try {
        await page.locator('.claim-row').first().waitFor();
        mara.host.answerOpen('merge', benFile);
        await bridge.emit('menu:merge');
        const dialog = page.getByRole('dialog', { name: 'Review the merge' });
        const conflict = dialog.getByTestId('merge-conflict');
        await conflict.waitFor();
        // Both sides as whole decisions, though only the rationales were edited at the same time: the label names what
        // differs between them (their verdicts too). Mara's (the latest) stays shown.
        await expect(conflict.textContent()).resolves.toMatch(/Decisions differ \(verdict and rationale\):/);
        await expect(conflict.getByTestId('merge-conflict-side').allTextContents()).resolves.toEqual([
          'Ben ColeUnverified“No second source.”',
          'Mara DiazDisputed“The air force corrected itself on 13 May.”(shown)',
        ]);
        await screenshot(page, 'team-merge-rationale-clash-light');
        await page.setViewportSize({ width: 1024, height: 640 });
        await page.emulateMedia({ colorScheme: 'dark' });
        await screenshot(page, 'team-merge-rationale-clash-1024-dark');
        await page.setViewportSize({ width: 1440, height: 900 });
        await page.emulateMedia({ colorScheme: 'light' });
        await dialog.getByRole('button', { name: 'Apply merge' }).click();
        await dialog.waitFor({ state: 'detached' });

        const row = page.locator(`.claim-row[data-claim-id="${claimId}"]`);
        await expect(row.textContent()).resolves.toContain('Disputed');
        await row.click();
        await page.getByTestId('conflict-banner').waitFor();
        await expect(page.getByTestId('conflict-banner').textContent()).resolves.toContain('Mara Diaz’s decision is shown');
        await expect(page.getByLabel('Rationale', { exact: true }).inputValue()).resolves.toBe(
          'The air force corrected itself on 13 May.',
        );
        await screenshot(page, 'team-detail-rationale-clash-light');
        await page.setViewportSize({ width: 1024, height: 640 });
        await screenshot(page, 'team-detail-rationale-clash-1024-light');
        await page.setViewportSize({ width: 1440, height: 900 });

        await page.keyboard.press('Control+Shift+K');
        const queue = page.getByRole('dialog', { name: 'Conflicts' });
        const side = (name: string) => queue.locator(`[data-testid="conflict-side"][data-author="${name}"]`);
        await side('Mara Diaz').waitFor();
        await expect(side('Mara Diaz').getByText('Shown now').count()).resolves.toBe(1);
        await expect(side('Ben Cole').getByText('Shown now').count()).resolves.toBe(0);
        await expect(side('Mara Diaz').getByTestId('side-verdict').textContent()).resolves.toBe(
          'DisputedSet by Mara Diaz earlier and kept with this decision',
        );
        await expect(side('Ben Cole').getByTestId('side-verdict').textContent()).resolves.toBe('Unverified');
        await expect(side('Ben Cole').getByTestId('side-rationale').textContent()).resolves.toBe('No second source.');
        await screenshot(page, 'team-queue-rationale-clash-light');
        await page.setViewportSize({ width: 1024, height: 640 });
        await page.emulateMedia({ colorScheme: 'dark' });
        await screenshot(page, 'team-queue-rationale-clash-1024-dark');
      } finally {
        await close();
      }
    } finally {
      for (const p of [mara, ben]) p.workspace.close();
    }
  });
});
